import { num, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-rse-bonus',
    title: 'Une source ou un bonus lié à un engagement environnemental ou social',
    criteria: ['rncp40642:C1.6'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Fin_NbBonusRSE'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const n = single(ctx.snapshot, 'Fin_NbBonusRSE');
    if (n && num(n.value) < 1) ctx.report('financing-no-rse', {}, n.location);
  },
};
