import { Money, ZERO, roundCents, sum } from '../money';
import { PHASES, type Phase } from '../financing/categories';
import type { PhaseWeights } from '../nomenclature/types';
import { allocateCumulative, allocateLargestRemainder } from './allocate';
import {
  addMonths,
  cashflowMonths,
  closingOnOrBefore,
  milestoneList,
  phaseOf,
  type CashflowDates,
  type PhaseLabel,
  type TaxRefund,
} from './months';

const PHASE_OF_LABEL: Record<PhaseLabel, Phase | null> = {
  Développement: 'dev',
  Préparation: 'prepa',
  Tournage: 'tournage',
  Postproduction: 'postprod',
  'Après livraison': null,
};

const BASIS_POINT = new Money('0.0001');

/**
 * Default monthly payment shares of a devis line (a chapter or an indirect line): its phase weights
 * from the nomenclature's roles, each spread evenly over the months of the phase, in basis points (largest remainder), so
 * the shares sum to exactly 100 %. A phase without months hands its weight to the next phase that
 * has some (or the previous one at the end).
 */
export function defaultPaymentShares(profile: PhaseWeights, dates: CashflowDates): Money[] {
  const months = cashflowMonths(dates);
  const phases = months.map((m) => PHASE_OF_LABEL[phaseOf(m, dates)]);
  const weights: Record<Phase, Money> = {
    dev: new Money(profile.dev),
    prepa: new Money(profile.prepa),
    tournage: new Money(profile.tournage),
    postprod: new Money(profile.postprod),
  };
  const counts = new Map<Phase, number>(PHASES.map((p) => [p, phases.filter((x) => x === p).length]));
  const effective = new Map<Phase, Money>(PHASES.map((p) => [p, ZERO]));
  PHASES.forEach((p, i) => {
    const w = weights[p];
    if (w.isZero()) return;
    const target = [...PHASES.slice(i), ...PHASES.slice(0, i).reverse()].find(
      (q) => (counts.get(q) ?? 0) > 0,
    );
    if (!target) throw new Error('Aucun mois de production : vérifiez les dates des Paramètres.');
    effective.set(target, (effective.get(target) ?? ZERO).plus(w));
  });
  const monthWeights = phases.map((p) =>
    p === null ? ZERO : (effective.get(p) ?? ZERO).dividedBy(counts.get(p) ?? 1),
  );
  return allocateLargestRemainder(new Money(1), monthWeights, BASIS_POINT);
}

/**
 * Monthly receipts of one source: its milestone shares placed on the milestone months, cumulative
 * rounding. For a tax credit, `refunded` (cumulative share refunded per month) moves the share
 * "après livraison" from the month after delivery to the fiscal-year refunds.
 */
export function receiptsByMonth(
  amount: Money,
  profile: readonly Money[],
  dates: CashflowDates,
  refunded?: readonly Money[],
): Money[] {
  const months = cashflowMonths(dates);
  const jalons = milestoneList(dates);
  const afterIndex = jalons.length - 1;
  const after = profile[afterIndex] ?? ZERO;
  const afterMonth = jalons[afterIndex];
  // Share received up to and including each month; the first month also takes earlier milestones.
  const cumulative = months.map((m, k) => {
    const byMilestones = sum(profile.filter((_, i) => (jalons[i] ?? m) <= m));
    if (!refunded) return byMilestones;
    const atDelivery = afterMonth && afterMonth <= m ? new Money(1) : ZERO;
    return byMilestones.plus(after.times((refunded[k] ?? ZERO).minus(atDelivery)));
  });
  const shares = cumulative.map((c, k) => (k === 0 ? c : c.minus(cumulative[k - 1] ?? ZERO)));
  return allocateCumulative(amount, shares);
}

export interface CashflowSummary {
  receipts: Money[];
  payments: Money[];
  balance: Money[];
  cumulative: Money[];
  lowest: Money;
  lowestIndex: number;
  deficitMonths: number;
  need: Money;
  totalReceipts: Money;
  totalPayments: Money;
}

/**
 * Monthly totals, balance, cumulative balance and the critical period. `net` adds signed flows to
 * each month's balance that are neither receipts nor payments of the devis (VAT paid and recovered).
 */
export function summarise(
  receiptRows: Money[][],
  paymentRows: Money[][],
  monthCount: number,
  net: readonly Money[] = [],
): CashflowSummary {
  const col = (rows: Money[][], k: number): Money => sum(rows.map((r) => r[k] ?? ZERO));
  const receipts = Array.from({ length: monthCount }, (_, k) => col(receiptRows, k));
  const payments = Array.from({ length: monthCount }, (_, k) => col(paymentRows, k));
  const balance = receipts.map((r, k) => r.minus(payments[k] ?? ZERO).plus(net[k] ?? ZERO));
  const cumulative: Money[] = [];
  balance.forEach((b, k) => cumulative.push(k === 0 ? b : (cumulative[k - 1] ?? ZERO).plus(b)));
  return {
    receipts,
    payments,
    balance,
    cumulative,
    ...lowPoint(cumulative),
    totalReceipts: sum(receipts),
    totalPayments: sum(payments),
  };
}

/**
 * Cumulative share of a tax credit refunded by each month: the payments of every fiscal year
 * closed at least `delayMonths` before the month, over all payments (each fiscal year's tranche in
 * proportion to what was paid in it). The sheet's row "Crédit d'impôt : part remboursée" computes
 * `SUMPRODUCT(payments*(months<=close))/SUM(payments)` with the same close.
 */
export function taxRefundShares(
  payments: readonly Money[],
  months: readonly Date[],
  refund: TaxRefund,
): Money[] {
  const total = sum([...payments]);
  return months.map((m) => {
    if (total.isZero()) return ZERO;
    const close = closingOnOrBefore(addMonths(m, -refund.delayMonths), refund.closingMonth);
    return sum(payments.filter((_, j) => (months[j] ?? m) <= close)).dividedBy(total);
  });
}

/**
 * The low point of a cumulative balance: its lowest value and first month there, the months in
 * deficit, and the financing need (what the lowest balance lacks to reach zero).
 */
export function lowPoint(cumulative: readonly Money[]): {
  lowest: Money;
  lowestIndex: number;
  deficitMonths: number;
  need: Money;
} {
  let lowestIndex = 0;
  cumulative.forEach((c, k) => {
    if (c.lt(cumulative[lowestIndex] ?? c)) lowestIndex = k;
  });
  const lowest = cumulative[lowestIndex] ?? ZERO;
  return {
    lowest,
    lowestIndex,
    deficitMonths: cumulative.filter((c) => c.isNegative() && !c.isZero()).length,
    need: lowest.isNegative() ? lowest.negated() : ZERO,
  };
}

/** VAT paid on a month's payments and VAT recovered, per month. */
export interface VatFlows {
  paid: Money[];
  recovered: Money[];
}

/**
 * The VAT a production advances: each month, the payments of every line times its VAT rate,
 * rounded to the cent (the sheet's `ROUND(SUMPRODUCT(parts, rates), 2)`); recovered `delayMonths`
 * later — cumulatively, what was paid in the months at or before the month less the delay — and
 * what is still due at the last column recovered there (the grid ends after delivery).
 */
export function vatFlows(
  payments: readonly { vatRate: Money; parts: readonly Money[] }[],
  months: readonly (Date | null)[],
  delayMonths: number,
): VatFlows {
  const M = months.length;
  const paid = Array.from({ length: M }, (_, k) =>
    roundCents(sum(payments.map((p) => (p.parts[k] ?? ZERO).times(p.vatRate)))),
  );
  return { paid, recovered: recoveredAfter(paid, months, delayMonths) };
}

/**
 * What comes back of `paid` (per month) after `delayMonths`: in month k, the cumulative paid in
 * the months up to k − delay, less what came back before; the last month takes the rest. Months
 * without a date (a blank workbook) recover nothing.
 */
export function recoveredAfter(
  paid: readonly Money[],
  months: readonly (Date | null)[],
  delayMonths: number,
  counted: (k: number) => boolean = () => true,
): Money[] {
  const M = months.length;
  const out: Money[] = [];
  let before = ZERO;
  months.forEach((m, k) => {
    if (m === null) {
      out.push(ZERO);
      return;
    }
    const limit = addMonths(m, -delayMonths);
    const due = (j: number): boolean => {
      const paidIn = months[j] ?? null;
      return k === M - 1 || (paidIn !== null && paidIn <= limit);
    };
    const upTo = sum(paid.filter((_, j) => counted(j) && due(j)));
    out.push(upTo.minus(before));
    before = upTo;
  });
  return out;
}
