import { looseForm } from '../domain/text/looseForm';
import { PUBLIC } from '../domain/financing/types';
import { dayText, isFilled } from '../model/field';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-deadlines',
    title: 'Chaque aide a sa date limite, avant le tournage, et ses critères d’éligibilité',
    criteria: ['cpca:C1.4.1', 'cpacp:C5'],
    why: 'Une aide dont on ignore la date limite ou les critères d’éligibilité risque d’être manquée ou refusée ; une aide à la production se demande en général avant le premier jour de tournage.',
    fix: 'Renseignez pour chaque aide sa date limite de dépôt et ses critères d’éligibilité ; vérifiez dans le règlement du fonds qu’une date limite après le début du tournage est bien possible.',
    severity: 'erreur',
    kind: 'semi',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    // Over the model: each public source of the plan with an amount, its deadline and eligibility.
    const model = readModel(ctx.snapshot);
    const shoot = model.params.shootStart?.value ?? null;
    for (const s of model.financing?.sources ?? []) {
      if (!s.amount.value?.isPositive() || s.amount.value.isZero()) continue;
      if (looseForm(s.nature.value ?? '') !== looseForm(PUBLIC)) continue;
      const source = s.name.value ?? '';
      if (!isFilled(s.deadline) && s.deadline.at)
        ctx.report('financing-deadline-missing', { source }, s.deadline.at);
      // An aid to production is asked before the shoot: a deadline after its first day is late.
      const deadline = s.deadline.value;
      if (deadline && shoot && deadline > shoot && s.deadline.at)
        ctx.report(
          'financing-deadline-after-shoot',
          { source, date: dayText(deadline), shoot: dayText(shoot) },
          s.deadline.at,
          { severity: 'avertissement' },
        );
      if (!isFilled(s.eligibility) && s.eligibility.at)
        ctx.report('financing-eligibility-missing', { source }, s.eligibility.at);
    }
  },
};
