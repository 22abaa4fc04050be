import { num, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-min-sources',
    title: 'Au moins cinq sources de financement',
    criteria: ['rncp40642:C1.6', 'cpacp:C6'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Fin_NbSources'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const n = single(ctx.snapshot, 'Fin_NbSources');
    if (n && num(n.value) < 5) ctx.report('financing-few-sources', { count: num(n.value) }, n.location);
  },
};
