import { MODEL_READS, readModel } from '../model/read';
import { formatAmount, type Money } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

const fr = (x: Money): string => formatAmount(x);

export const rule: Rule = {
  meta: {
    id: 'devis-enveloppe',
    title: 'Devis dans l’enveloppe budgétaire',
    criteria: ['par:C1.2.3', 'cpacp:C4', 'rncp40642:C2.3'],
    why: 'Un devis au-dessus de l’enveloppe annoncée n’est pas finançable tel quel.',
    fix: 'Renseignez l’enveloppe dans Paramètres, puis réduisez le devis (postes, durées, options) ou justifiez un financement complémentaire.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.recap,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const total = m.budget?.total;
    const env = m.params.envelope;
    if (!total || !env) return;
    if (!env.value?.gt(0)) {
      ctx.report('envelope-missing', {}, env.at);
      return;
    }
    if (total.value?.gt(env.value.plus('0.005')))
      ctx.report(
        'envelope-over',
        { total: fr(total.value), envelope: fr(env.value), gap: fr(total.value.minus(env.value)) },
        total.at,
      );
  },
};
