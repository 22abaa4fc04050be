import type { Milestone } from '../financing/types';
import { MILESTONES } from '../financing/types';

export interface CashflowDates {
  devStart: Date | null;
  prepStart: Date;
  shootStart: Date;
  shootEnd: Date;
  padDelivery: Date;
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

/** Month starts from the first month to the PAD month, then one column "après livraison". */
export function cashflowMonths(dates: CashflowDates): Date[] {
  const first = firstMonth(dates);
  const last = addMonths(monthStart(dates.padDelivery), 1);
  if (last < first) throw new Error('Dates incohérentes : la livraison PAD précède le début de préparation.');
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
