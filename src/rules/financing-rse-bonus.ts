import { FINANCING_NAMES } from '../sheets/financing/contract';
import { financingFigure } from '../sheets/financing/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { num } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-rse-bonus',
    title: 'Une source ou un bonus lié à un engagement environnemental ou social',
    criteria: ['rncp40642:C1.6'],
    why: 'Plusieurs financeurs accordent un bonus aux productions engagées (éco-production, parité, accessibilité) : l’ignorer laisse de l’argent de côté.',
    fix: 'Marquez « Oui » en colonne Bonus RSE la source ou le bonus lié à un engagement environnemental ou social.',
    severity: 'erreur',
    kind: 'auto',
    reads: [FINANCING_NAMES.rseCount],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const n = financingFigure(ctx.snapshot, 'rseCount');
    if (n && num(n.value) < 1) ctx.report('financing-no-rse', {}, n.location);
  },
};
