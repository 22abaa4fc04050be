import { FINANCING_NAMES } from '../sheets/financing/contract';
import { financingFigure } from '../sheets/financing/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { num } from './snapshot';
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
    reads: [FINANCING_NAMES.sourceCount],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const n = financingFigure(ctx.snapshot, 'sourceCount');
    if (n && num(n.value) < 5) ctx.report('financing-few-sources', { count: num(n.value) }, n.location);
  },
};
