import { cellText } from '../text/cellText';
import { Money } from './decimal';

export type ParseResult =
  | { ok: true; value: Money; wasText: boolean }
  | { ok: false; reason: 'vide' | 'erreur-excel' | 'texte-non-numerique'; detail: string };

const EXCEL_ERRORS = [
  '#REF!',
  '#DIV/0!',
  '#VALUE!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
];

/**
 * Reads an amount from a cell value. Numbers pass; French-formatted text ("1 234,56 €",
 * "12,5 %") is understood but flagged `wasText` so a rule can say the cell holds text; Excel
 * errors and other text are refused with a reason. Never returns a silent zero for bad input.
 */
export function parseAmount(raw: unknown): ParseResult {
  if (raw === null || raw === undefined || raw === '')
    return { ok: false, reason: 'vide', detail: 'cellule vide' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: 'texte-non-numerique', detail: String(raw) };
    return { ok: true, value: new Money(String(raw)), wasText: false };
  }
  if (typeof raw === 'object' && raw !== null && 'error' in raw) {
    return { ok: false, reason: 'erreur-excel', detail: String(raw.error) };
  }
  const text = cellText(raw).trim();
  if (EXCEL_ERRORS.includes(text.toUpperCase())) return { ok: false, reason: 'erreur-excel', detail: text };
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$|^€|EUR$/i, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  // French: "1.234,56" or "1234,56"; English: "1,234.56" or "1234.56".
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d+)$/.test(s)) s = s.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, reason: 'texte-non-numerique', detail: text };
  const value = new Money(s);
  return { ok: true, value: percent ? value.dividedBy(100) : value, wasText: true };
}
