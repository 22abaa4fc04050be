import data from '../../../data/finance/financement.json';
import { Money, ZERO, sum } from '../money';
import type { ProductionFormat } from '../facts/facts';
import type { FinancingSource } from '../financing/types';
import type { IndirectRateRole } from '../budget/types';
import type { PhaseWeights } from '../nomenclature/types';
import { allocateCumulative, allocateLargestRemainder } from './allocate';
import {
  defaultPaymentShares,
  receiptsByMonth,
  summarise,
  taxRefundShares,
  vatFlows,
  type CashflowSummary,
  type VatFlows,
} from './compute';
import { measuresByMonth, type CashMeasure, type MeasuresModel } from './measures';
import { taxCreditCategoryLabels } from '../financing/categories';
import {
  addMonths,
  cashflowMonths,
  milestoneList,
  phaseOf,
  type CashflowDates,
  type TaxRefund,
} from './months';

export interface PaymentLine {
  code: string;
  label: string;
  amount: Money;
  /** Default spread over the phases (from the nomenclature's roles). */
  profile: PhaseWeights;
  /** VAT rate paid on its payments (0,20 for 20 %; 0 for salaries, charges, insurance). */
  vatRate: Money;
  /**
   * `pay`: a chapter of salaries; `charges`: the social charges on them, paid the month after the
   * pay (their default profile follows the pay chapters' payments, one month later).
   */
  payroll?: 'pay' | 'charges';
  /** Set for frais généraux or imprévus kept below the subtotal (not a chapter). */
  role?: IndirectRateRole;
}

export interface CashflowInput {
  /** null for a blank workbook whose dates are not known yet. */
  dates: CashflowDates | null;
  format: ProductionFormat;
  /** One entry per row of the plan's source table (null for a free row). */
  sources: (FinancingSource | null)[];
  payments: PaymentLine[];
  /** When the format's tax credit is refunded; null for a format without one. */
  taxRefund: TaxRefund | null;
  /** Months between paying VAT on a purchase and recovering it (Paramètres). */
  vatDelayMonths: number;
  /** The cash measures (bridging loan, tax-credit pre-financing, payment delays…). */
  measures: CashMeasure[];
}

export interface CashflowModel {
  months: (Date | null)[];
  phases: string[];
  jalons: (Date | null)[];
  receipts: { label: string; amount: Money; parts: Money[] }[];
  payments: (PaymentLine & { shares: Money[]; parts: Money[] })[];
  summary: CashflowSummary;
  lowestMonth: Date | null;
  /** Cumulative share of a tax credit refunded per month (null when the format has none). */
  refunded: Money[] | null;
  /** VAT paid on the payments and VAT recovered, per month (in the balance). */
  vat: VatFlows;
  measureRows: CashMeasure[];
  measures: MeasuresModel;
}

/** A typical calendar for a format (data/), to size a blank workbook's Trésorerie and its default profiles. */
export function typicalDates(format: ProductionFormat): CashflowDates {
  const s = (
    data.defaultSchedule as unknown as Record<
      string,
      { dev: number; prepa: number; tournage: number; postprod: number }
    >
  )[format];
  if (!s) throw new Error(`Pas de calendrier type pour ${format}`);
  const base = new Date(Date.UTC(2000, 0, 1));
  const prepStart = addMonths(base, s.dev);
  const shootStart = addMonths(prepStart, s.prepa);
  const shootEnd = addMonths(shootStart, Math.max(0, s.tournage - 1));
  return {
    devStart: s.dev > 0 ? base : null,
    prepStart,
    shootStart,
    shootEnd,
    padDelivery: addMonths(shootEnd, s.postprod),
  };
}

const BASIS_POINT = new Money('0.0001');

/**
 * The default monthly shares of the social charges: the pay chapters' payments, weighted by their
 * amounts, one month later (charges are paid the month after the pay; what the last month pays
 * stays in it), in basis points summing to 100 %. Null when no pay is budgeted yet (the charges
 * keep their phase profile).
 */
export function chargesShares(payments: readonly PaymentLine[], shares: readonly Money[][]): Money[] | null {
  const pay = payments.flatMap((p, i) =>
    p.payroll === 'pay' ? [{ amount: p.amount, shares: shares[i] ?? [] }] : [],
  );
  const total = sum(pay.map((p) => p.amount));
  const M = shares[0]?.length ?? 0;
  if (total.isZero() || M === 0) return null;
  const paid = Array.from({ length: M }, (_, k) => sum(pay.map((p) => p.amount.times(p.shares[k] ?? ZERO))));
  const later = paid.map((_, k) => (k === 0 ? ZERO : (paid[k - 1] ?? ZERO)));
  later[M - 1] = (later[M - 1] ?? ZERO).plus(paid[M - 1] ?? ZERO);
  return allocateLargestRemainder(new Money(1), later, BASIS_POINT);
}

/** Everything the Trésorerie sheet shows, computed as its formulas compute it. */
export function buildCashflow(input: CashflowInput): CashflowModel {
  const known = input.dates ? { ...input.dates, taxRefund: input.taxRefund } : null;
  const calendar = known ?? { ...typicalDates(input.format), taxRefund: input.taxRefund };
  const monthCount = cashflowMonths(calendar).length;
  const months = known ? cashflowMonths(known) : Array<Date | null>(monthCount).fill(null);
  const phaseShares = input.payments.map((p) => defaultPaymentShares(p.profile, calendar));
  const afterPay = chargesShares(input.payments, phaseShares);
  const payments = input.payments.map((p, i) => {
    const shares = (p.payroll === 'charges' ? afterPay : null) ?? phaseShares[i] ?? [];
    const parts = known ? allocateCumulative(p.amount, shares) : Array<Money>(monthCount).fill(ZERO);
    return { ...p, shares, parts };
  });
  const paidByMonth = Array.from({ length: monthCount }, (_, k) =>
    sum(payments.map((p) => p.parts[k] ?? ZERO)),
  );
  const refund = calendar.taxRefund ?? null;
  const refunded = refund
    ? known
      ? taxRefundShares(paidByMonth, months as Date[], refund)
      : Array<Money>(monthCount).fill(ZERO)
    : null;
  const taxCredits = new Set(taxCreditCategoryLabels());
  const receipts = input.sources.map((s) => {
    const amount = s?.amount ?? ZERO;
    const parts =
      !known || !s
        ? Array<Money>(monthCount).fill(ZERO)
        : receiptsByMonth(
            amount,
            s.profile,
            known,
            taxCredits.has(s.category) ? (refunded ?? undefined) : undefined,
          );
    return { label: s?.label ?? '', amount, parts };
  });
  const vat = vatFlows(payments, months, input.vatDelayMonths);
  const summary = summarise(
    receipts.map((r) => r.parts),
    payments.map((p) => p.parts),
    monthCount,
    vat.paid.map((p, k) => (vat.recovered[k] ?? ZERO).minus(p)),
  );
  return {
    months,
    phases: months.map((m) => (m && known ? phaseOf(m, known) : '')),
    jalons: known ? milestoneList(known) : Array<Date | null>(6).fill(null),
    receipts,
    payments,
    summary,
    lowestMonth: months[summary.lowestIndex] ?? null,
    refunded,
    vat,
    measureRows: input.measures,
    measures: measuresByMonth(input.measures, known ? (months as Date[]) : [], summary.cumulative),
  };
}
