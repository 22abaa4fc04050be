import data from '../../../data/finance/financement.json';
import { Money, ZERO } from '../money';
import type { ProductionFormat } from '../facts/facts';
import type { FinancingSource } from '../financing/types';
import type { IndirectRateRole } from '../budget/types';
import type { PhaseWeights } from '../nomenclature/types';
import { allocateCumulative } from './allocate';
import { defaultPaymentShares, receiptsByMonth, summarise, type CashflowSummary } from './compute';
import { addMonths, cashflowMonths, milestoneList, phaseOf, type CashflowDates } from './months';

export interface PaymentLine {
  code: string;
  label: string;
  amount: Money;
  /** Default spread over the phases (from the nomenclature's roles). */
  profile: PhaseWeights;
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
}

export interface CashflowModel {
  months: (Date | null)[];
  phases: string[];
  jalons: (Date | null)[];
  receipts: { label: string; amount: Money; parts: Money[] }[];
  payments: (PaymentLine & { shares: Money[]; parts: Money[] })[];
  summary: CashflowSummary;
  lowestMonth: Date | null;
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

/** Everything the Trésorerie sheet shows, computed as its formulas compute it. */
export function buildCashflow(input: CashflowInput): CashflowModel {
  const known = input.dates;
  const calendar = known ?? typicalDates(input.format);
  const monthCount = cashflowMonths(calendar).length;
  const months = known ? cashflowMonths(known) : Array<Date | null>(monthCount).fill(null);
  const receipts = input.sources.map((s) => {
    const amount = s?.amount ?? ZERO;
    const parts =
      known && s ? receiptsByMonth(amount, s.profile, known) : Array<Money>(monthCount).fill(ZERO);
    return { label: s?.label ?? '', amount, parts };
  });
  const payments = input.payments.map((p) => {
    const shares = defaultPaymentShares(p.profile, calendar);
    const parts = known ? allocateCumulative(p.amount, shares) : Array<Money>(monthCount).fill(ZERO);
    return { ...p, shares, parts };
  });
  const summary = summarise(
    receipts.map((r) => r.parts),
    payments.map((p) => p.parts),
    monthCount,
  );
  return {
    months,
    phases: months.map((m) => (m && known ? phaseOf(m, known) : '')),
    jalons: known ? milestoneList(known) : Array<Date | null>(6).fill(null),
    receipts,
    payments,
    summary,
    lowestMonth: months[summary.lowestIndex] ?? null,
  };
}
