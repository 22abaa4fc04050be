import { MODEL_READS, readModel } from '../model/read';
import { dayText, type Field } from '../model/field';
import type { ParamsModel } from '../model/model';
import { Money } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** The order of a production's dates on Paramètres, with their French names. */
const ORDER: ['devStart' | 'prepStart' | 'shootStart' | 'shootEnd' | 'delivery', string][] = [
  ['devStart', 'début du développement'],
  ['prepStart', 'début de la préparation'],
  ['shootStart', 'début du tournage'],
  ['shootEnd', 'fin du tournage'],
  ['delivery', 'livraison (PAD)'],
];

const RATES: [keyof ParamsModel & ('overheadsRate' | 'contingencyRate' | 'taxCreditRate'), string][] = [
  ['overheadsRate', 'taux de frais généraux'],
  ['contingencyRate', 'taux d’imprévus'],
  ['taxCreditRate', 'taux du crédit d’impôt'],
];

const weeks = (x: Money): string => x.toDecimalPlaces(1, Money.ROUND_HALF_UP).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'params-coherence',
    title: 'Paramètres cohérents : dates dans l’ordre, durées d’accord avec les dates, taux entre 0 et 100 %',
    criteria: ['rncp40642:C1.7', 'cefpf:C2.3'],
    why: 'Les dates et taux de Paramètres alimentent tout le classeur : une incohérence s’y propage partout.',
    fix: 'Remettez les dates dans l’ordre, accordez les durées avec les dates et gardez les taux entre 0 et 100 %.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.params,
  },
  check(ctx) {
    const p = readModel(ctx.snapshot).params;
    const dates = ORDER.map(([k, label]) => ({ label, date: p[k] }));
    // Each date against the one before it (when both are filled in): one inversion, one finding.
    let previous: { label: string; day: number } | null = null;
    for (const d of dates) {
      const day = d.date?.value;
      if (!d.date || !day) continue;
      if (previous && day < previous.day)
        ctx.report(
          'params-date-order',
          { what: d.label, date: dayText(day), before: previous.label, other: dayText(previous.day) },
          d.date.at,
        );
      previous = { label: d.label, day };
    }
    const [, prepStart, shootStart, shootEnd, delivery] = dates.map((d) => d.date?.value ?? null);
    const days = p.shootingDays;
    if (days?.value && shootStart && shootEnd && shootEnd >= shootStart) {
      const calendar = shootEnd - shootStart + 1;
      if (days.value.gt(calendar))
        ctx.report('params-shooting-days', { days: days.value.toNumber(), calendar }, days.at);
    }
    const prep = p.prepWeeks;
    if (prep?.value && prepStart && shootStart && shootStart >= prepStart) {
      const span = new Money(shootStart - prepStart).dividedBy(7);
      if (prep.value.minus(span).abs().gt(1))
        ctx.report('params-prep-weeks', { weeks: weeks(prep.value), span: weeks(span) }, prep.at);
    }
    const post = p.postWeeks;
    if (post?.value && shootEnd && delivery && delivery >= shootEnd) {
      const span = new Money(delivery - shootEnd).dividedBy(7);
      if (post.value.gt(span.plus(1)))
        ctx.report('params-post-weeks', { weeks: weeks(post.value), span: weeks(span) }, post.at);
    }
    for (const [k, label] of RATES) {
      const rate: Field<Money> | null = p[k];
      if (rate?.value && (rate.value.lt(0) || rate.value.gt(1)))
        ctx.report(
          'params-rate-bounds',
          {
            what: label,
            value: rate.value.times(100).toDecimalPlaces(2, Money.ROUND_HALF_UP).toString().replace('.', ','),
          },
          rate.at,
        );
    }
  },
};
