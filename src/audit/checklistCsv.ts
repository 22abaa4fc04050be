import { csvField as field } from '../domain/text/injection';
import type { ChecklistItem } from './audit';
import { VERDICT_LABELS, type Tick } from './state';

const HEADERS = ['Critère', 'Feuille', 'Verdict', 'Commentaire', 'Libellé du critère', 'Règles automatiques'];

/**
 * The criteria a person judges, with the ticks and comments given in the pane, as a French CSV
 * (';' separators, UTF-8 with BOM, CRLF) a candidate or a jury can hand in.
 */
export function checklistCsv(items: readonly ChecklistItem[], ticks: Readonly<Record<string, Tick>>): string {
  const rows = items.map((c) => {
    const t = ticks[c.criterion] ?? { verdict: c.verdict, comment: c.comment };
    return [c.criterion, c.sheet, VERDICT_LABELS[t.verdict], t.comment, c.text, c.rules.join(', ')]
      .map(field)
      .join(';');
  });
  return `\ufeff${[HEADERS.join(';'), ...rows].join('\r\n')}\r\n`;
}
