import type { WorkbookPort } from '../workbook/port';
import type { Finding, Rule, Snapshot } from './types';

/** Reads every workbook name the rules need (one port call each). */
export async function readSnapshot(port: WorkbookPort, rules: readonly Rule[], suffix: (name: string) => string = (n) => n): Promise<Snapshot> {
  const names = [...new Set(rules.flatMap((r) => r.meta.reads))];
  const ranges: Snapshot['ranges'] = {};
  for (const name of names) ranges[name] = await port.readName(suffix(name));
  return { ranges };
}

/** Runs rules over a snapshot; pure. */
export function runRules(rules: readonly Rule[], snapshot: Snapshot): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    rule.check({
      snapshot,
      report: (messageId, data, location) => findings.push({ ruleId: rule.meta.id, messageId, data, severity: rule.meta.severity, location }),
    });
  }
  return findings;
}
