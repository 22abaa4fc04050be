import { PARAMS_NAMES } from '../sheets/params/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
import type { Location, Rule, Snapshot } from './types';

const DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell: a Date, or an Excel serial number as some programs leave it; with its location. */
function dateOf(s: Snapshot, name: string): { day: number; location: Location } | null {
  const c = single(s, name);
  if (!c) return null;
  if (c.value instanceof Date && !Number.isNaN(c.value.getTime()))
    return { day: Math.floor(c.value.getTime() / DAY), location: c.location };
  if (isNumber(c.value) && c.value > 0)
    return { day: Math.floor((EXCEL_EPOCH + c.value * DAY) / DAY), location: c.location };
  return null;
}

const shown = (day: number): string =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'short' }).format(new Date(day * DAY));

/** The order of a production's dates on Paramètres, with their French names. */
const ORDER: [keyof typeof PARAMS_NAMES, string][] = [
  ['devStart', 'début du développement'],
  ['prepStart', 'début de la préparation'],
  ['shootStart', 'début du tournage'],
  ['shootEnd', 'fin du tournage'],
  ['padDelivery', 'livraison (PAD)'],
];

const READS: string[] = [
  ...ORDER.map(([k]) => PARAMS_NAMES[k]),
  PARAMS_NAMES.shootingDays,
  PARAMS_NAMES.prepWeeks,
  PARAMS_NAMES.postWeeks,
  PARAMS_NAMES.overheadsRate,
  PARAMS_NAMES.contingencyRate,
  PARAMS_NAMES.taxCreditRate,
];

const RATES: [keyof typeof PARAMS_NAMES, string][] = [
  ['overheadsRate', 'taux de frais généraux'],
  ['contingencyRate', 'taux d’imprévus'],
  ['taxCreditRate', 'taux du crédit d’impôt'],
];

const weeks = (x: number): string => (Math.round(x * 10) / 10).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'params-coherence',
    title: 'Paramètres cohérents : dates dans l’ordre, durées d’accord avec les dates, taux entre 0 et 100 %',
    criteria: ['rncp40642:C1.7', 'cefpf:C2.3'],
    why: 'Les dates et taux de Paramètres alimentent tout le classeur : une incohérence s’y propage partout.',
    fix: 'Remettez les dates dans l’ordre, accordez les durées avec les dates et gardez les taux entre 0 et 100 %.',
    severity: 'erreur',
    kind: 'auto',
    reads: READS,
    sheet: BASE_SHEETS.params,
  },
  check(ctx) {
    const s = ctx.snapshot;
    const dates = ORDER.map(([k, label]) => ({ label, date: dateOf(s, PARAMS_NAMES[k]) }));
    // Each date against the one before it (when both are filled in): one inversion, one finding.
    let previous: { label: string; day: number } | null = null;
    for (const d of dates) {
      if (!d.date) continue;
      if (previous && d.date.day < previous.day)
        ctx.report(
          'params-date-order',
          { what: d.label, date: shown(d.date.day), before: previous.label, other: shown(previous.day) },
          d.date.location,
        );
      previous = { label: d.label, day: d.date.day };
    }
    const [, prepStart, shootStart, shootEnd, delivery] = dates.map((d) => d.date);
    const days = single(s, PARAMS_NAMES.shootingDays);
    if (days && isNumber(days.value) && shootStart && shootEnd && shootEnd.day >= shootStart.day) {
      const calendar = shootEnd.day - shootStart.day + 1;
      if (days.value > calendar)
        ctx.report('params-shooting-days', { days: days.value, calendar }, days.location);
    }
    const prep = single(s, PARAMS_NAMES.prepWeeks);
    if (prep && isNumber(prep.value) && prepStart && shootStart && shootStart.day >= prepStart.day) {
      const span = (shootStart.day - prepStart.day) / 7;
      if (Math.abs(prep.value - span) > 1)
        ctx.report('params-prep-weeks', { weeks: weeks(prep.value), span: weeks(span) }, prep.location);
    }
    const post = single(s, PARAMS_NAMES.postWeeks);
    if (post && isNumber(post.value) && shootEnd && delivery && delivery.day >= shootEnd.day) {
      const span = (delivery.day - shootEnd.day) / 7;
      if (post.value > span + 1)
        ctx.report('params-post-weeks', { weeks: weeks(post.value), span: weeks(span) }, post.location);
    }
    for (const [k, label] of RATES) {
      const rate = single(s, PARAMS_NAMES[k]);
      if (rate && isNumber(rate.value) && (rate.value < 0 || rate.value > 1))
        ctx.report(
          'params-rate-bounds',
          { what: label, value: (Math.round(rate.value * 10000) / 100).toString().replace('.', ',') },
          rate.location,
        );
    }
  },
};
