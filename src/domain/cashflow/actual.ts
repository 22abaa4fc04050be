import examples from '../../../data/exemples/tresorerie-reelle.json';
import type { ProductionFormat } from '../facts/facts';
import type { ExpenseInput } from '../expenses/expenses';
import { isoDay } from '../isoDay';
import { Money, ZERO, sum, toMoney } from '../money';
import { lowPoint, recoveredAfter, type VatFlows } from './compute';
import { addMonths, monthStart } from './months';

/** A receipt actually cashed: in which month, from which source of the plan (or another one). */
export interface ActualReceipt {
  /** ISO month, "2027-04". */
  month: string;
  /** The plan source's label, exactly as in the plan; or a label of its own (crédit relais…). */
  source: string;
  amount: Money;
}

export interface ActualCashflowInput {
  /** The Trésorerie's months (first day of each), null where the Paramètres dates are missing. */
  months: (Date | null)[];
  /** The forecast, per month: total receipts and payments of the Trésorerie. */
  forecastReceipts: Money[];
  forecastPayments: Money[];
  /** The forecast's VAT paid and recovered per month (the Trésorerie's rows). */
  forecastVat: VatFlows;
  /** Months between paying VAT and recovering it (Paramètres). */
  vatDelayMonths: number;
  /** The plan's rows, in order (empty label: a free row), as the Trésorerie lists them. */
  sources: string[];
  receipts: ActualReceipt[];
  expenses: readonly ExpenseInput[];
  /** "Situation au" of the Suivi budgétaire: months up to this one are real, the others forecast. */
  situation: Date | null;
  /** Coût estimé final − devis from the Suivi budgétaire: above zero, an overrun still to pay. */
  estimatedGap: Money;
}

export interface ActualCashflow {
  /** Whether month k has started by the situation date (its figures are real). */
  past: boolean[];
  /** Per plan row, then per other receipt (label), the amounts cashed per month. */
  bySource: Money[][];
  others: { label: string; parts: Money[] }[];
  receipts: Money[];
  /** HT of the pieces paid, by month of payment (before the first month: in it; after the last: in it). */
  payments: Money[];
  /**
   * VAT of the pieces paid (real months) and VAT recovered after the Paramètres delay on what the
   * real months paid; the forecast's rows in the forecast months.
   */
  vat: VatFlows;
  /** Real cumulative balance for the months that are past; null after. */
  cumulative: (Money | null)[];
  /**
   * In the first month after the situation: what the forecast had placed before it and did not
   * happen (late receipts, payments still due), caught up; and the overrun the Suivi budgétaire
   * estimates, paid then (prudence). Zero elsewhere.
   */
  catchUp: Money[];
  overrun: Money[];
  /** Real up to the situation; then the forecast, caught up, less the estimated overrun. */
  updated: Money[];
  lowest: Money;
  lowestIndex: number;
  deficitMonths: number;
  need: Money;
  /** Real cumulative − forecast cumulative at the situation month; zero without a real month. */
  gapAtSituation: Money;
}

/** Free rows for receipts outside the plan (crédit relais, avances…). */
export const OTHER_RECEIPT_ROWS = 4;

/**
 * Real cash next to the forecast: receipts as entered, payments from the Dépenses (pieces paid,
 * HT like the forecast, by month of payment) and the real cumulative balance up to the situation
 * date. After it, the updated balance follows the forecast: what the forecast placed before the
 * situation and did not happen (late receipts, engagements not yet paid) is caught up in the next
 * month, with the overrun the Suivi budgétaire estimates (coût estimé final above the devis); so
 * the updated critical period differs from the forecast by what really changed — the real months
 * themselves, and the overrun — not by timing that will catch up.
 */
export function computeActualCashflow(input: ActualCashflowInput): ActualCashflow {
  const { months } = input;
  const situation = input.situation ? monthStart(input.situation) : null;
  const past = months.map((m) => m !== null && situation !== null && m.getTime() <= situation.getTime());
  const key = (d: Date): string => d.toISOString().slice(0, 7);
  const monthIndex = new Map(months.flatMap((m, k) => (m ? [[key(m), k] as const] : [])));
  const partsOf = (entries: ActualReceipt[]): Money[] =>
    months.map((m) =>
      m === null ? ZERO : sum(entries.filter((r) => r.month === key(m)).map((r) => r.amount)),
    );
  const bySource = input.sources.map((s) =>
    s === '' ? months.map(() => ZERO) : partsOf(input.receipts.filter((r) => r.source === s)),
  );
  const otherLabels = [
    ...new Set(input.receipts.filter((r) => !input.sources.includes(r.source)).map((r) => r.source)),
  ];
  const others = otherLabels.map((label) => ({
    label,
    parts: partsOf(input.receipts.filter((r) => r.source === label)),
  }));
  const unplaced = input.receipts.filter((r) => !monthIndex.has(r.month));
  if (unplaced.length > 0)
    throw new Error(
      `Encaissement réel hors des mois de la trésorerie : ${unplaced.map((r) => r.month).join(', ')}`,
    );
  const receipts = months.map((_, k) =>
    sum([...bySource.map((p) => p[k] ?? ZERO), ...others.map((o) => o.parts[k] ?? ZERO)]),
  );
  const payments = paidByMonth(input.expenses, months, (e) => e.ht);
  const vat = actualVat(input, past);
  const vatNet = (k: number): Money => (vat.recovered[k] ?? ZERO).minus(vat.paid[k] ?? ZERO);
  const cumulative: (Money | null)[] = [];
  const catchUp: Money[] = [];
  const overrun: Money[] = [];
  const updated: Money[] = [];
  const over = Money.max(input.estimatedGap, ZERO);
  let realCum = ZERO;
  let forecastCum = ZERO;
  let gapAtSituation = ZERO;
  months.forEach((_, k) => {
    const forecastVat = (input.forecastVat.recovered[k] ?? ZERO).minus(input.forecastVat.paid[k] ?? ZERO);
    const f = (input.forecastReceipts[k] ?? ZERO).minus(input.forecastPayments[k] ?? ZERO).plus(forecastVat);
    const before = forecastCum;
    forecastCum = forecastCum.plus(f);
    const prev = updated[k - 1] ?? ZERO;
    if (past[k]) {
      realCum = realCum.plus((receipts[k] ?? ZERO).minus(payments[k] ?? ZERO)).plus(vatNet(k));
      cumulative.push(realCum);
      catchUp.push(ZERO);
      overrun.push(ZERO);
      updated.push(realCum);
      gapAtSituation = realCum.minus(forecastCum);
      return;
    }
    cumulative.push(null);
    // The first forecast month: after the real ones, or the very first when none is real.
    const first = k === 0 || past[k - 1] === true;
    const c = first && k > 0 ? before.minus(realCum) : ZERO;
    const o = first ? over.negated() : ZERO;
    catchUp.push(c);
    overrun.push(o);
    updated.push(prev.plus(f).plus(c).plus(o));
  });
  return {
    past,
    bySource,
    others,
    receipts,
    payments,
    vat,
    cumulative,
    catchUp,
    overrun,
    updated,
    ...lowPoint(updated),
    gapAtSituation,
  };
}

/**
 * VAT in the real cash flow: the VAT of the pieces paid in the real months, recovered after the
 * Paramètres delay on what those months paid; the forecast's rows in the months after.
 */
function actualVat(input: ActualCashflowInput, past: readonly boolean[]): VatFlows {
  const { months } = input;
  const realVat = paidByMonth(input.expenses, months, (e) => e.tva);
  const realRecovered = recoveredAfter(realVat, months, input.vatDelayMonths, (j) => past[j] === true);
  return {
    paid: months.map((_, k) => (past[k] ? (realVat[k] ?? ZERO) : (input.forecastVat.paid[k] ?? ZERO))),
    recovered: months.map((_, k) =>
      past[k] ? (realRecovered[k] ?? ZERO) : (input.forecastVat.recovered[k] ?? ZERO),
    ),
  };
}

/**
 * An amount of the pieces paid (HT or TVA), by month of payment: a payment before the first month
 * counts in it, after the last month in the last one.
 */
function paidByMonth(
  expenses: readonly ExpenseInput[],
  months: readonly (Date | null)[],
  amount: (e: ExpenseInput) => Money,
): Money[] {
  const M = months.length;
  return months.map((m, k) => {
    if (m === null) return ZERO;
    const next = addMonths(m, 1);
    return sum(
      expenses
        .filter((e) => e.status === 'Payé' && e.paidOn)
        .filter((e) => {
          const d = isoDay(e.paidOn);
          if (!d) return false;
          const afterStart = k === 0 || d.getTime() >= m.getTime();
          const beforeEnd = k === M - 1 || d.getTime() < next.getTime();
          return afterStart && beforeEnd;
        })
        .map(amount),
    );
  });
}

interface ExampleActual {
  receipts: { month: string; source: string; amount: string }[];
}

/** The example's receipts cashed by the end of its shoot (data/exemples/tresorerie-reelle.json). */
export function exampleActualReceipts(format: ProductionFormat): ActualReceipt[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleActual>>)[format];
  return (e?.receipts ?? []).map((r) => ({ month: r.month, source: r.source, amount: toMoney(r.amount) }));
}

export const ACTUAL_CASHFLOW_EXAMPLE_NOTE: string = examples.note;
