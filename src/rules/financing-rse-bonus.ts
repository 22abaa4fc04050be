import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const n = readModel(ctx.snapshot).financing?.rseCount;
    if (n && (n.value?.lt(1) ?? true)) ctx.report('financing-no-rse', {}, n.at);
  },
};
