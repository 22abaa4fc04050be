import { Money, ZERO, roundCents, sum } from '../money';
import { monthStart } from './months';

/** A cash measure: money put in place at a date and paid back at another (blank: not paid back). */
export interface CashMeasure {
  type: string;
  amount: Money;
  /** Date the money comes in (drawdown of a loan, start of a payment delay). */
  date: Date | null;
  /** Date it goes back out (repayment, the deferred payment); null when it stays. */
  repayment: Date | null;
  /** Annual interest rate of a loan (0,045 for 4,5 %), null when none. */
  rate: Money | null;
  /** Arrangement fees and commissions, in euros. */
  fees: Money | null;
  description: string;
}

export interface MeasuresModel {
  /** Amounts put in place per month (the first month also takes earlier dates). */
  drawn: Money[];
  /** Amounts paid back per month, as negative numbers. */
  repaid: Money[];
  /** Cumulative balance after the measures, per month. */
  after: Money[];
  lowestAfter: Money;
  /** What the measures leave uncovered: max(0, −lowest balance after measures). */
  uncovered: Money;
  /** Estimated cost of each measure: interest (amount × rate × days / 365) plus fees. */
  costs: Money[];
  totalCost: Money;
  total: Money;
}

const DAY_MS = 86_400_000;

/** Index of the month column a date falls in (the first column takes earlier dates), or -1 after the grid. */
function monthIndex(d: Date | null, months: readonly Date[]): number {
  if (!d || months.length === 0) return -1;
  const m = monthStart(d);
  const first = months[0] as Date;
  if (m < first) return 0;
  return months.findIndex((x) => x.getTime() === m.getTime());
}

/** Interest (simple, on the days between the two dates, 365-day year) plus fees, as the sheet computes it. */
export function measureCost(m: CashMeasure): Money {
  const fees = m.fees ?? ZERO;
  if (!m.date || !m.repayment || !m.amount.isPositive() || m.repayment <= m.date) return fees;
  const days = (m.repayment.getTime() - m.date.getTime()) / DAY_MS;
  return roundCents(
    m.amount
      .times(m.rate ?? ZERO)
      .times(days)
      .dividedBy(365),
  ).plus(fees);
}

/** The measures placed in the month grid, and the balance after them. */
export function measuresByMonth(
  measures: readonly CashMeasure[],
  months: readonly Date[],
  cumulative: readonly Money[],
): MeasuresModel {
  const drawn = months.map(() => ZERO);
  const repaid = months.map(() => ZERO);
  for (const m of measures) {
    const i = monthIndex(m.date, months);
    if (i >= 0) drawn[i] = (drawn[i] ?? ZERO).plus(m.amount);
    const j = monthIndex(m.repayment, months);
    if (j >= 0) repaid[j] = (repaid[j] ?? ZERO).minus(m.amount);
  }
  const after: Money[] = [];
  let moved = ZERO;
  months.forEach((_, k) => {
    moved = moved.plus(drawn[k] ?? ZERO).plus(repaid[k] ?? ZERO);
    after.push((cumulative[k] ?? ZERO).plus(moved));
  });
  const lowestAfter = after.reduce((lo, x) => (x.lt(lo) ? x : lo), after[0] ?? ZERO);
  const costs = measures.map(measureCost);
  return {
    drawn,
    repaid,
    after,
    lowestAfter,
    uncovered: lowestAfter.isNegative() ? lowestAfter.negated() : ZERO,
    costs,
    totalCost: sum(costs),
    total: sum(measures.map((m) => m.amount)),
  };
}
