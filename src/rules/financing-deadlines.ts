import { looseForm } from '../domain/text/looseForm';
import { PUBLIC } from '../domain/financing/types';
import { isFilled } from '../model/field';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-deadlines',
    title: 'Chaque aide a sa date limite et ses critères d’éligibilité',
    criteria: ['cpca:C1.4.1', 'cpacp:C5'],
    why: 'Une aide dont on ignore la date limite ou les critères d’éligibilité risque d’être manquée ou refusée.',
    fix: 'Renseignez pour chaque aide sa date limite de dépôt et ses critères d’éligibilité.',
    severity: 'erreur',
    kind: 'semi',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    // Over the model: each public source of the plan with an amount, its deadline and eligibility.
    for (const s of readModel(ctx.snapshot).financing?.sources ?? []) {
      if (!s.amount.value?.isPositive() || s.amount.value.isZero()) continue;
      if (looseForm(s.nature.value ?? '') !== looseForm(PUBLIC)) continue;
      const source = s.name.value ?? '';
      if (!isFilled(s.deadline) && s.deadline.at)
        ctx.report('financing-deadline-missing', { source }, s.deadline.at);
      if (!isFilled(s.eligibility) && s.eligibility.at)
        ctx.report('financing-eligibility-missing', { source }, s.eligibility.at);
    }
  },
};
