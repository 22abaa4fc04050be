import { main } from '../../src/cli/main';

/** A finding of `devis-cnc audit --format json`, as the tests read it. */
export interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  sheet: string;
  address: string;
}

/** The findings of one message the command line's audit gives on a file (JSON report). */
export async function findingsOf(file: string, messageId: string): Promise<JsonFinding[]> {
  const out: string[] = [];
  await main(['audit', file, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined });
  const report = JSON.parse(out.join('')) as { files: { findings: JsonFinding[] }[] };
  return (report.files[0]?.findings ?? []).filter((f) => f.messageId === messageId);
}
