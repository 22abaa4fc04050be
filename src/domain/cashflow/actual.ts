import examples from '../../../data/exemples/tresorerie-reelle.json';
import type { ProductionFormat } from '../facts/facts';
import type { ExpenseInput } from '../expenses/expenses';
import { isoDay } from '../isoDay';
import { Money, ZERO, roundCents, sum, toMoney } from '../money';
import { lowPoint, recoveredAfter, type VatFlows } from './compute';
import type { CashMeasure } from './measures';
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
  /** The Trésorerie's cash measures (its table), for their schedule after the situation. */
  measures: readonly CashMeasure[];
  /** The measures really drawn and repaid, typed per month (the real months count). */
  realMeasures: ActualMeasure[];
}

/** What was really drawn on the cash measures (loan, advance) and paid back, in one month. */
export interface ActualMeasure {
  /** ISO month, "2027-03". */
  month: string;
  drawn: Money;
  repaid: Money;
}

/**
 * Measures that delay payments rather than bring money: the ledger's payment dates show them (a
 * piece committed with its deferred due date), so the months to come do not take them again.
 */
export const PAYMENT_DELAY_MEASURES: readonly string[] = ['Report de paiements', 'Délais fournisseurs'];

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
   * VAT of the pieces paid (real months; the forecast's in the months to come), recovered after the
   * Paramètres delay.
   */
  vat: VatFlows;
  /** Real cumulative balance for the months that are past; null after. */
  cumulative: (Money | null)[];
  /**
   * The months to come, rebuilt (zero in the real months). Receipts expected: the plan's schedule,
   * plus, in the first month to come, what it placed before the situation and did not come in.
   */
  expected: Money[];
  /** Pieces committed and not paid (Engagé), at their payment date (none or past: the first month to come). */
  committed: Money[];
  /**
   * What is still to commit: the forecast payments and the Suivi's estimated overrun, less what was
   * paid in the real months and what is committed; spread over the months to come as the forecast
   * payments are (all in the first when the forecast has none left).
   */
  toCommit: Money[];
  toCommitTotal: Money;
  /** Real up to the situation; then the months to come as rebuilt. */
  updated: Money[];
  /** The measures: typed in the real months, the Trésorerie's schedule after; net movement per month. */
  measuresDrawn: Money[];
  measuresRepaid: Money[];
  measuresMoved: Money[];
  /** Updated cumulative balance after the measures, its low point and what they leave uncovered. */
  afterMeasures: Money[];
  lowestAfter: Money;
  uncovered: Money;
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
  const real = realReceipts(input);
  const payments = paidByMonth(input.expenses, months, (e) => e.ht);
  const vat = actualVat(input, past);
  const toCome = monthsToCome(input, past, real.bySource, payments);
  const balances = balancesOf(input, past, real.receipts, payments, vat, toCome);
  const m = measuresMoved(input, past);
  let moved = ZERO;
  const afterMeasures = balances.updated.map((u, k) => {
    moved = moved.plus(m.moved[k] ?? ZERO);
    return u.plus(moved);
  });
  const after = lowPoint(afterMeasures);
  return {
    past,
    ...real,
    payments,
    vat,
    ...toCome,
    ...balances,
    ...lowPoint(balances.updated),
    measuresDrawn: m.drawn,
    measuresRepaid: m.repaid,
    measuresMoved: m.moved,
    afterMeasures,
    lowestAfter: after.lowest,
    uncovered: after.need,
  };
}

/** "2027-04": the month a receipt or a measure is typed in. */
const monthKey = (d: Date): string => d.toISOString().slice(0, 7);

/** The receipts typed, per plan source then per other label, month by month; refused off the grid. */
function realReceipts(input: ActualCashflowInput): Pick<ActualCashflow, 'bySource' | 'others' | 'receipts'> {
  const { months } = input;
  const placed = new Set(months.flatMap((m) => (m ? [monthKey(m)] : [])));
  const unplaced = input.receipts.filter((r) => !placed.has(r.month));
  if (unplaced.length > 0)
    throw new Error(
      `Encaissement réel hors des mois de la trésorerie : ${unplaced.map((r) => r.month).join(', ')}`,
    );
  const partsOf = (entries: ActualReceipt[]): Money[] =>
    months.map((m) =>
      m === null ? ZERO : sum(entries.filter((r) => r.month === monthKey(m)).map((r) => r.amount)),
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
  const receipts = months.map((_, k) =>
    sum([...bySource.map((p) => p[k] ?? ZERO), ...others.map((o) => o.parts[k] ?? ZERO)]),
  );
  return { bySource, others, receipts };
}

type ToCome = Pick<ActualCashflow, 'expected' | 'committed' | 'toCommit' | 'toCommitTotal'>;

/**
 * The months to come, rebuilt: the plan's receipts (what the real months did not bring, in the
 * first of them), the pieces committed at their due dates, and what is still to commit at the
 * forecast's pace.
 */
function monthsToCome(
  input: ActualCashflowInput,
  past: readonly boolean[],
  bySource: readonly Money[][],
  payments: readonly Money[],
): ToCome {
  const { months } = input;
  // The first month to come (dated: a blank workbook's months have no date and get nothing).
  const firstToCome = past.findIndex((p, k) => !p && months[k] !== null);
  const coming = (k: number): boolean => !past[k] && months[k] !== null;
  const plan = months.map((_, k) => sum(bySource.map((p) => p[k] ?? ZERO)));
  const late = sum(
    months.map((_, k) => (past[k] ? (input.forecastReceipts[k] ?? ZERO).minus(plan[k] ?? ZERO) : ZERO)),
  );
  const expected = months.map((_, k) =>
    coming(k) ? (input.forecastReceipts[k] ?? ZERO).plus(k === firstToCome ? late : ZERO) : ZERO,
  );
  const committed = committedByMonth(input.expenses, months, firstToCome);
  const paidReal = sum(payments.filter((_, k) => past[k]));
  const toCommitTotal = Money.max(
    ZERO,
    sum(input.forecastPayments)
      .plus(Money.max(input.estimatedGap, ZERO))
      .minus(paidReal)
      .minus(sum(committed)),
  );
  const toCommit = spreadLike(
    toCommitTotal,
    input.forecastPayments,
    months.map((_, k) => !coming(k)),
    firstToCome,
  );
  return { expected, committed, toCommit, toCommitTotal };
}

/**
 * The real cumulative balance up to the situation, then the updated one over the months to come;
 * and the gap to the forecast's at the situation.
 */
function balancesOf(
  input: ActualCashflowInput,
  past: readonly boolean[],
  receipts: readonly Money[],
  payments: readonly Money[],
  vat: VatFlows,
  toCome: ToCome,
): Pick<ActualCashflow, 'cumulative' | 'updated' | 'gapAtSituation'> {
  const vatNet = (k: number): Money => (vat.recovered[k] ?? ZERO).minus(vat.paid[k] ?? ZERO);
  const cumulative: (Money | null)[] = [];
  const updated: Money[] = [];
  let realCum = ZERO;
  let forecastCum = ZERO;
  let gapAtSituation = ZERO;
  input.months.forEach((_, k) => {
    const forecastVat = (input.forecastVat.recovered[k] ?? ZERO).minus(input.forecastVat.paid[k] ?? ZERO);
    forecastCum = forecastCum
      .plus((input.forecastReceipts[k] ?? ZERO).minus(input.forecastPayments[k] ?? ZERO))
      .plus(forecastVat);
    if (past[k]) {
      realCum = realCum.plus((receipts[k] ?? ZERO).minus(payments[k] ?? ZERO)).plus(vatNet(k));
      cumulative.push(realCum);
      updated.push(realCum);
      gapAtSituation = realCum.minus(forecastCum);
      return;
    }
    cumulative.push(null);
    const flow = (toCome.expected[k] ?? ZERO)
      .minus(toCome.committed[k] ?? ZERO)
      .minus(toCome.toCommit[k] ?? ZERO)
      .plus(vatNet(k));
    updated.push((updated[k - 1] ?? ZERO).plus(flow));
  });
  return { cumulative, updated, gapAtSituation };
}

/**
 * The pieces committed and not paid, HT, at their payment date: in the first month to come when
 * it is missing or falls before it, in the last month when after the grid. Nothing without a month
 * to come.
 */
function committedByMonth(
  expenses: readonly ExpenseInput[],
  months: readonly (Date | null)[],
  firstToCome: number,
): Money[] {
  const out = months.map(() => ZERO);
  if (firstToCome < 0) return out;
  const last = months.length - 1;
  for (const e of expenses.filter((x) => x.status === 'Engagé')) {
    const d = isoDay(e.paidOn);
    let k = firstToCome;
    if (d)
      for (let j = last; j > firstToCome; j -= 1) {
        const mj = months[j];
        if (mj && d.getTime() >= mj.getTime()) {
          k = j;
          break;
        }
      }
    out[k] = (out[k] ?? ZERO).plus(e.ht);
  }
  return out;
}

/**
 * An amount spread over the months to come as `profile` is there, exact to the cent (each month
 * the difference of the rounded cumulative shares); all in the first month to come when the
 * profile has nothing left.
 */
function spreadLike(
  total: Money,
  profile: readonly Money[],
  outside: readonly boolean[],
  firstToCome: number,
): Money[] {
  const weight = sum(profile.filter((_, k) => !outside[k]));
  let cum = ZERO;
  let before = ZERO;
  return profile.map((p, k) => {
    if (outside[k]) return ZERO;
    if (weight.isZero()) return k === firstToCome ? total : ZERO;
    cum = cum.plus(p);
    const upTo = roundCents(total.times(cum).dividedBy(weight));
    const part = upTo.minus(before);
    before = upTo;
    return part;
  });
}

/**
 * The measures month by month: in the real months what was typed (drawn, repaid); in the months
 * to come the Trésorerie's schedule of the measures that bring money — drawn at its date, repaid
 * at its repayment; a payment delay is in the ledger's payment dates.
 */
function measuresMoved(
  input: ActualCashflowInput,
  past: readonly boolean[],
): { drawn: Money[]; repaid: Money[]; moved: Money[] } {
  const { months } = input;
  const typed = (m: Date | null, pick: (a: ActualMeasure) => Money): Money =>
    m === null ? ZERO : sum(input.realMeasures.filter((a) => a.month === monthKey(m)).map(pick));
  const inMonth = (d: Date | null, m: Date): boolean => d !== null && monthStart(d).getTime() === m.getTime();
  const money = input.measures.filter((x) => !PAYMENT_DELAY_MEASURES.includes(x.type));
  const drawn = months.map((m, k) =>
    past[k] || m === null
      ? typed(m, (a) => a.drawn)
      : sum(money.filter((x) => inMonth(x.date, m)).map((x) => x.amount)),
  );
  const repaid = months.map((m, k) =>
    past[k] || m === null
      ? typed(m, (a) => a.repaid)
      : sum(money.filter((x) => inMonth(x.repayment, m)).map((x) => x.amount)),
  );
  return { drawn, repaid, moved: months.map((_, k) => (drawn[k] ?? ZERO).minus(repaid[k] ?? ZERO)) };
}

/**
 * VAT in the real cash flow: the VAT of the pieces paid in the real months, the forecast's VAT paid
 * in the months to come; all of it recovered after the Paramètres delay (the last month takes the
 * rest), so what the real months paid comes back in the months to come.
 */
function actualVat(input: ActualCashflowInput, past: readonly boolean[]): VatFlows {
  const { months } = input;
  const realVat = paidByMonth(input.expenses, months, (e) => e.tva);
  const paid = months.map((_, k) => (past[k] ? (realVat[k] ?? ZERO) : (input.forecastVat.paid[k] ?? ZERO)));
  return { paid, recovered: recoveredAfter(paid, months, input.vatDelayMonths) };
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
  measures?: { month: string; drawn: string; repaid: string }[];
}

/** The example's receipts cashed by the end of its shoot (data/exemples/tresorerie-reelle.json). */
export function exampleActualReceipts(format: ProductionFormat): ActualReceipt[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleActual>>)[format];
  return (e?.receipts ?? []).map((r) => ({ month: r.month, source: r.source, amount: toMoney(r.amount) }));
}

export const ACTUAL_CASHFLOW_EXAMPLE_NOTE: string = examples.note;

/** The example's measures really drawn and repaid by the end of its shoot. */
export function exampleActualMeasures(format: ProductionFormat): ActualMeasure[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleActual>>)[format];
  return (e?.measures ?? []).map((r) => ({
    month: r.month,
    drawn: toMoney(r.drawn),
    repaid: toMoney(r.repaid),
  }));
}
