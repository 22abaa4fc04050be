import type { WorkbookReader } from '../workbook/port';
import { readWorkbookSnapshot } from '../workbook/snapshot';
import { renderMessage } from './messages';
import type { Finding, Rule, Snapshot } from './types';

/**
 * Reads what the rules need in one batch: every workbook name they read, and every sheet when a
 * rule looks at any sheet (readsWorkbook) or when the devis names are missing (a hand-made
 * workbook, whose devis and deliverables are recognised).
 */
export function readSnapshot(
  port: WorkbookReader,
  rules: readonly Rule[],
  suffix: (name: string) => string = (n) => n,
  /** Names read in the same batch for the caller (not by any rule). */
  extra: readonly string[] = [],
): Promise<Snapshot> {
  return readWorkbookSnapshot(
    port,
    {
      names: [...rules.flatMap((r) => r.meta.reads), ...extra],
      wholeWorkbook: rules.some((r) => r.meta.readsWorkbook),
    },
    suffix,
  );
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
        report: (messageId, data, location, extra) => {
          own.push({
            ruleId: rule.meta.id,
            messageId,
            data,
            severity: extra?.severity ?? rule.meta.severity,
            location,
            ...(extra?.criteria ? { criteria: extra.criteria } : {}),
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
