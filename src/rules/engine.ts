import { recogniseWorkbook, type Recognition } from '../sheets/recognition';
import type { WorkbookReader } from '../workbook/port';
import { renderMessage } from './messages';
import type { Finding, Rule, Snapshot } from './types';

/**
 * Reads what the rules need in one batch: every workbook name they read (values and formulas).
 * When the devis names are missing (a workbook built by hand), it reads every sheet and
 * recognises the devis and the deliverables (`recognition`). When a rule looks at any sheet
 * (readsWorkbook), every sheet's used range is read too, once.
 */
export async function readSnapshot(
  port: WorkbookReader,
  rules: readonly Rule[],
  suffix: (name: string) => string = (n) => n,
  /** Names read in the same batch for the caller (not by any rule). */
  extra: readonly string[] = [],
): Promise<Snapshot> {
  const names = [...new Set([...rules.flatMap((r) => r.meta.reads), ...extra])];
  const read = await port.readNames(names.map(suffix));
  const ranges: Snapshot['ranges'] = {};
  names.forEach((n) => (ranges[n] = read[suffix(n)] ?? null));
  const sheets: Snapshot['sheets'] = {};
  const wholeWorkbook = rules.some((r) => r.meta.readsWorkbook);
  if (ranges.Devis_Lignes && !wholeWorkbook) return { ranges, sheets };
  // Listed once, read once. Without our names, every sheet is read: the devis built by hand is
  // recognised by its sheet's name and its header line, and the deliverables by their names.
  const inventory = await port.inventory();
  const sheetNames = inventory.sheets.map((s) => s.name);
  const foreign = !ranges.Devis_Lignes;
  const grid = await port.readSheets(wholeWorkbook || foreign ? sheetNames : []);
  const used = sheetNames.map((n) => grid[n]).filter((r): r is NonNullable<typeof r> => !!r);
  let recognition: Recognition | undefined;
  if (foreign) {
    recognition = recogniseWorkbook(used, sheetNames);
    const devis = recognition.devis?.sheet;
    if (devis) sheets.devis = grid[devis] ?? null;
  }
  return {
    ranges,
    sheets,
    ...(recognition ? { recognition } : {}),
    ...(wholeWorkbook
      ? { workbook: { sheets: used, names: inventory.names, localNames: inventory.localNames ?? [] } }
      : {}),
  };
}

/**
 * Runs rules over a snapshot; pure. Each finding's message is rendered inside the rule's guard: a
 * rule that throws, or reports a message that cannot be rendered, is one finding of its own
 * (« Contrôle interrompu… ») and the audit goes on with the next rule.
 */
export function runRules(
  rules: readonly Rule[],
  snapshot: Snapshot,
  onRule: (done: number, total: number) => void = () => undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const [k, rule] of rules.entries()) {
    onRule(k + 1, rules.length);
    const own: Finding[] = [];
    try {
      rule.check({
        snapshot,
        report: (messageId, data, location, criteria) => {
          own.push({
            ruleId: rule.meta.id,
            messageId,
            data,
            severity: rule.meta.severity,
            location,
            ...(criteria ? { criteria } : {}),
          });
        },
      });
      for (const f of own) f.message = renderMessage(f.messageId, f.data);
      findings.push(...own);
    } catch (e) {
      findings.push(crashed(rule, e));
    }
  }
  return findings;
}

function crashed(rule: Rule, e: unknown): Finding {
  const data = { detail: e instanceof Error ? e.message : String(e) };
  return {
    ruleId: rule.meta.id,
    messageId: 'rule-crashed',
    data,
    severity: 'avertissement',
    location: null,
    message: renderMessage('rule-crashed', data),
  };
}
