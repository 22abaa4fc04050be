import type { Money } from './decimal';
import { formatEuros } from './money';
import { parseAmount } from './parseAmount';

/** What a typed amount in euros means: the amount and how it reads, or why it is refused (French). */
export type AmountField = { ok: true; value: Money; reads: string } | { ok: false; message: string };

/**
 * Reads an amount a person types in euros ("1 234,56 €", "150000", "1.234,5"): refuses a
 * percentage, more than two decimals, zero or less, and what is not a number — one message, never
 * a silent rounding.
 */
export function readAmountField(text: string): AmountField {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'Indiquez le montant, par exemple 150 000 €.' };
  if (t.includes('%')) return { ok: false, message: 'Un montant en euros est attendu, pas un pourcentage.' };
  const p = parseAmount(t);
  if (!p.ok) return { ok: false, message: 'Un nombre est attendu, par exemple 150 000 €.' };
  if (p.value.decimalPlaces() > 2)
    return { ok: false, message: 'Deux décimales au plus : un montant s’arrête aux centimes.' };
  if (p.value.lte(0)) return { ok: false, message: 'Le montant doit être positif.' };
  return { ok: true, value: p.value, reads: `= ${formatEuros(p.value)}` };
}
