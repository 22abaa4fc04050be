import type { Milestone } from '../financing/types';
import { MILESTONES } from '../financing/types';

/**
 * When a tax credit is cashed: after the close of the fiscal year of the spend (month 1–12), plus
 * a delay in months for the corporate-tax return and the refund (CGI art. 220 F).
 */
export interface TaxRefund {
  closingMonth: number;
  delayMonths: number;
}

export interface CashflowDates {
  devStart: Date | null;
  prepStart: Date;
  shootStart: Date;
  shootEnd: Date;
  padDelivery: Date;
  /** Set when the format has a tax credit: the grid then runs to the refund of its last tranche. */
  taxRefund?: TaxRefund | null;
}

/** The phases of a production, in calendar order, as the sheet writes them. */
export const PHASE_LABELS = [
  'Développement',
  'Préparation',
  'Tournage',
  'Postproduction',
  'Après livraison',
] as const;
export type PhaseLabel = (typeof PHASE_LABELS)[number];

/** First day of the month, UTC. */
export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

export function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

/** First month of the cash flow: the development start if earlier than preparation, else preparation. */
export function firstMonth(dates: CashflowDates): Date {
  const start = dates.devStart && dates.devStart < dates.prepStart ? dates.devStart : dates.prepStart;
  return monthStart(start);
}

/** The close of the last fiscal year that ended in or before `month` (a month start). */
export function closingOnOrBefore(month: Date, closingMonth: number): Date {
  const y = month.getUTCFullYear() - (month.getUTCMonth() + 1 < closingMonth ? 1 : 0);
  return new Date(Date.UTC(y, closingMonth - 1, 1));
}

/** The close of the fiscal year that contains `month`. */
export function closingOnOrAfter(month: Date, closingMonth: number): Date {
  const y = month.getUTCFullYear() + (month.getUTCMonth() + 1 > closingMonth ? 1 : 0);
  return new Date(Date.UTC(y, closingMonth - 1, 1));
}

/**
 * Month starts from the first month to the PAD month, then one column "après livraison"; with a
 * tax credit, on to the month its last tranche is refunded (the fiscal year holding the PAD month).
 */
export function cashflowMonths(dates: CashflowDates): Date[] {
  const first = firstMonth(dates);
  const afterDelivery = addMonths(monthStart(dates.padDelivery), 1);
  const refund = dates.taxRefund;
  const lastRefund = refund
    ? addMonths(closingOnOrAfter(monthStart(dates.padDelivery), refund.closingMonth), refund.delayMonths)
    : afterDelivery;
  const last = lastRefund > afterDelivery ? lastRefund : afterDelivery;
  if (afterDelivery < first)
    throw new Error('Dates incohérentes : la livraison PAD précède le début de préparation.');
  const out: Date[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The month of each milestone, in MILESTONES order (development = first month). */
export function milestoneMonths(dates: CashflowDates): Record<Milestone, Date> {
  const livraison = monthStart(dates.padDelivery);
  const months: Record<Milestone, Date> = {
    dev: firstMonth(dates),
    prepa: monthStart(dates.prepStart),
    tournage: monthStart(dates.shootStart),
    'fin-tournage': monthStart(dates.shootEnd),
    livraison,
    apres: addMonths(livraison, 1),
  };
  return months;
}

export function milestoneList(dates: CashflowDates): Date[] {
  const m = milestoneMonths(dates);
  return MILESTONES.map((k) => m[k]);
}

/** Phase of a month, as the sheet's formula decides it from the milestone months. */
export function phaseOf(month: Date, dates: CashflowDates): PhaseLabel {
  const j = milestoneMonths(dates);
  const [dev, prepa, tournage, postprod, after] = PHASE_LABELS;
  if (month < j.prepa) return dev;
  if (month < j.tournage) return prepa;
  if (month <= j['fin-tournage']) return tournage;
  if (month <= j.livraison) return postprod;
  return after;
}
