import { formatAmount } from '../domain/money';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
import type { Rule } from './types';

const fr = (n: number): string => formatAmount(n);

export const rule: Rule = {
  meta: {
    id: 'devis-enveloppe',
    title: 'Devis dans l’enveloppe budgétaire',
    criteria: ['par:C1.2.3', 'cpacp:C4', 'rncp40642:C2.3'],
    why: 'Un devis au-dessus de l’enveloppe annoncée n’est pas finançable tel quel.',
    fix: 'Renseignez l’enveloppe dans Paramètres, puis réduisez le devis (postes, durées, options) ou justifiez un financement complémentaire.',
    severity: 'erreur',
    kind: 'auto',
    reads: [DEVIS_NAMES.total.amount, PARAMS_NAMES.envelope],
    sheet: BASE_SHEETS.recap,
  },
  check(ctx) {
    const total = single(ctx.snapshot, DEVIS_NAMES.total.amount);
    const env = single(ctx.snapshot, PARAMS_NAMES.envelope);
    if (!total || !env) return;
    if (!isNumber(env.value) || env.value <= 0) {
      ctx.report('envelope-missing', {}, env.location);
      return;
    }
    if (isNumber(total.value) && total.value > env.value + 0.005) {
      ctx.report(
        'envelope-over',
        { total: fr(total.value), envelope: fr(env.value), gap: fr(total.value - env.value) },
        total.location,
      );
    }
  },
};
