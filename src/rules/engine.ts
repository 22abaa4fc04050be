import { looseForm } from '../domain/text/looseForm';
import type { WorkbookReader } from '../workbook/port';
import type { Finding, Rule, Snapshot } from './types';

/**
 * Reads what the rules need in one batch: every workbook name they read (values and formulas).
 * Only when the devis names are missing (a devis built by hand) does it list the sheets and read
 * the used range of the one named "Devis" without regard to case and accents. When a rule looks
 * at any sheet (readsWorkbook), every sheet's used range is read too, once.
 */
export async function readSnapshot(
  port: WorkbookReader,
  rules: readonly Rule[],
  suffix: (name: string) => string = (n) => n,
): Promise<Snapshot> {
  const names = [...new Set(rules.flatMap((r) => r.meta.reads))];
  const read = await port.readNames(names.map(suffix));
  const ranges: Snapshot['ranges'] = {};
  names.forEach((n) => (ranges[n] = read[suffix(n)] ?? null));
  const sheets: Snapshot['sheets'] = {};
  const wholeWorkbook = rules.some((r) => r.meta.readsWorkbook);
  if (ranges.Devis_Lignes && !wholeWorkbook) return { ranges, sheets };
  // Listed once, read once: the hand-made devis comes out of the whole read when there is one.
  const inventory = await port.inventory();
  const sheetNames = inventory.sheets.map((s) => s.name);
  const devis = ranges.Devis_Lignes
    ? undefined
    : sheetNames.find((n) => looseForm(n) === 'devis' || looseForm(n).startsWith('devis '));
  const grid = await port.readSheets(wholeWorkbook ? sheetNames : devis ? [devis] : []);
  if (devis) sheets.devis = grid[devis] ?? null;
  if (!wholeWorkbook) return { ranges, sheets };
  return {
    ranges,
    sheets,
    workbook: {
      sheets: sheetNames.map((n) => grid[n]).filter((r): r is NonNullable<typeof r> => !!r),
      names: inventory.names,
      localNames: inventory.localNames ?? [],
    },
  };
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
      findings.push({
        ruleId: rule.meta.id,
        messageId: 'rule-crashed',
        data: { detail: e instanceof Error ? e.message : String(e) },
        severity: 'avertissement',
        location: null,
      });
    }
  }
  return findings;
}
