import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-min-sources',
    title: 'Au moins cinq sources de financement',
    criteria: ['rncp40642:C1.6', 'cpacp:C6'],
    why: 'Un financement reposant sur peu de sources est fragile ; les référentiels en demandent au moins cinq.',
    fix: 'Diversifiez le plan : apport du producteur, aides publiques, préventes, coproduction, crédit d’impôt, mécénat…',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const n = readModel(ctx.snapshot).financing?.sourceCount;
    if (n && (n.value?.lt(5) ?? true))
      ctx.report('financing-few-sources', { count: n.value?.toNumber() ?? 0 }, n.at);
  },
};
