import { isNumber, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-balanced',
    title: 'Plan de financement équilibré avec le devis',
    criteria: ['cpca:C1.4.1', 'cpacp:C6'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Fin_Ecart'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const gap = single(ctx.snapshot, 'Fin_Ecart');
    if (!gap) {
      ctx.report('name-missing', { name: 'Fin_Ecart', what: 'écart du plan de financement' }, null);
      return;
    }
    if (isNumber(gap.value) && Math.abs(gap.value) >= 0.005) ctx.report('financing-unbalanced', { gap: gap.value.toFixed(2).replace('.', ',') }, gap.location);
  },
};
