import { looseForm } from '../domain/carbon/lookup';
import { BASE_SHEETS } from '../layout/naming';
import type { WorkbookPort } from '../workbook/port';
import type { Finding, Rule, Snapshot } from './types';

/** Our sheet names, normalised, as keys of Snapshot.sheets. */
export const SHEET_KEYS: Record<string, string> = Object.fromEntries(Object.values(BASE_SHEETS).map((s) => [looseForm(s), s]));

/**
 * Reads what the rules need in one batch: every workbook name they read (values and formulas);
 * then, for a devis whose names are missing (built by hand), the used range of the sheet whose
 * name matches ours without regard to case and accents.
 */
export async function readSnapshot(port: WorkbookPort, rules: readonly Rule[], suffix: (name: string) => string = (n) => n): Promise<Snapshot> {
  const names = [...new Set(rules.flatMap((r) => r.meta.reads))];
  const read = await port.readNames(names.map(suffix));
  const ranges: Snapshot['ranges'] = {};
  names.forEach((n) => (ranges[n] = read[suffix(n)] ?? null));
  const inventory = await port.inventory();
  const sheetNames = inventory.sheets.map((s) => s.name);
  const sheets: Snapshot['sheets'] = {};
  if (!ranges.Devis_Lignes) {
    const devis = sheetNames.find((n) => looseForm(n) === 'devis' || looseForm(n).startsWith('devis '));
    if (devis) {
      const got = await port.readSheets([devis]);
      sheets.devis = got[devis] ?? null;
    }
  }
  return { ranges, sheets, sheetNames };
}

/** Runs rules over a snapshot; pure. A rule that throws is reported, never crashes the audit. */
export function runRules(rules: readonly Rule[], snapshot: Snapshot): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const report = (messageId: string, data: Finding['data'], location: Finding['location']): void => {
      findings.push({ ruleId: rule.meta.id, messageId, data, severity: rule.meta.severity, location });
    };
    try {
      rule.check({ snapshot, report });
    } catch (e) {
      findings.push({ ruleId: rule.meta.id, messageId: 'rule-crashed', data: { detail: e instanceof Error ? e.message : String(e) }, severity: 'avertissement', location: null });
    }
  }
  return findings;
}
