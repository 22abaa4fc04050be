import { Money, ZERO, sum } from '../money';

/** What a ledger line is: an invoice, an expense claim, a salary, an author's note, an advance, a credit note. */
export const EXPENSE_NATURES = [
  'Facture',
  'Note de frais',
  'Salaire',
  'Note de droits',
  'Acompte',
  'Avoir',
] as const;
export type ExpenseNature = (typeof EXPENSE_NATURES)[number];

/** Engagé: ordered or signed, not paid yet; Payé: paid (réalisé). */
export const EXPENSE_STATUSES = ['Engagé', 'Payé'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const PAYMENT_MODES = ['Virement', 'Carte', 'Chèque', 'Prélèvement', 'Espèces'] as const;

/**
 * Where the spend is made: the coût définitif gives its part in France (CGI art. 220 F, Code du
 * cinéma art. D331-14) and the tax credit only counts French spend.
 */
export const EXPENSE_PLACES = ['France', 'Étranger'] as const;
export type ExpensePlace = (typeof EXPENSE_PLACES)[number];

/** One line of the Dépenses ledger. Amounts HT and TVA as decimals; TTC is HT + TVA unless typed. */
export interface ExpenseInput {
  /** ISO day, "2026-11-06". */
  date: string;
  piece: string;
  payee: string;
  nature: ExpenseNature;
  /** The devis line (or sous-poste) it is charged to: a code of the devis. */
  code: string;
  label: string;
  ht: Money;
  tva: Money;
  /** Typed TTC (an imported statement); absent: the sheet computes HT + TVA. */
  ttc?: Money;
  status: ExpenseStatus;
  paidOn: string | null;
  mode: string | null;
  /** A justification (invoice, receipt, contract) is on file. */
  proof: boolean;
  proofRef: string;
  /** Spend in France (the default) or abroad. */
  place?: ExpensePlace;
}

export interface ExpenseTotals {
  ht: Money;
  tva: Money;
  ttc: Money;
  /** HT of every line (engagé or payé): what is committed. */
  engaged: Money;
  /** HT of the lines paid: réalisé. */
  paid: Money;
  /** Committed and paid HT per devis code. */
  byCode: Map<string, { engaged: Money; paid: Money }>;
}

/** TTC of a line: typed, or HT + TVA. */
export function expenseTtc(e: ExpenseInput): Money {
  return e.ttc ?? e.ht.plus(e.tva);
}

/** Totals of a ledger, exact to the cent: what the sheet's formulas compute. */
export function computeExpenses(lines: readonly ExpenseInput[]): ExpenseTotals {
  const byCode = new Map<string, { engaged: Money; paid: Money }>();
  for (const e of lines) {
    const t = byCode.get(e.code) ?? { engaged: ZERO, paid: ZERO };
    byCode.set(e.code, {
      engaged: t.engaged.plus(e.ht),
      paid: e.status === 'Payé' ? t.paid.plus(e.ht) : t.paid,
    });
  }
  const ht = sum(lines.map((e) => e.ht));
  return {
    ht,
    tva: sum(lines.map((e) => e.tva)),
    ttc: sum(lines.map(expenseTtc)),
    engaged: ht,
    paid: sum(lines.filter((e) => e.status === 'Payé').map((e) => e.ht)),
    byCode,
  };
}
