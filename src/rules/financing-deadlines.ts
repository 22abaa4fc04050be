import { BASE_SHEETS } from '../sheets/model/naming';
import { looseForm } from '../domain/text/looseForm';
import { PUBLIC } from '../domain/financing/types';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { readSources } from '../sheets/financing/reader';
import { isBlank, isNumber } from './snapshot';
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
    reads: [FINANCING_NAMES.table],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    for (const row of readSources(ctx.snapshot) ?? []) {
      if (!isNumber(row.amount) || row.amount <= 0 || looseForm(row.text('nature')) !== looseForm(PUBLIC))
        continue;
      const source = row.text('source');
      if (isBlank(row.deadline)) ctx.report('financing-deadline-missing', { source }, row.at('deadline'));
      if (isBlank(row.eligibility))
        ctx.report('financing-eligibility-missing', { source }, row.at('eligibility'));
    }
  },
};
