import { looseForm } from '../domain/carbon/lookup';
import { at, isNumber } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-deadlines',
    title: 'Chaque aide a sa date limite et ses critères d’éligibilité',
    criteria: ['cpca:C1.4.1', 'cpacp:C5'],
    severity: 'erreur',
    kind: 'semi',
    reads: ['Fin_Tableau'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const t = ctx.snapshot.ranges.Fin_Tableau;
    if (!t) return;
    // Header row first: Source B(1), Nature D(3), Montant F(5), Date limite H(7), Éligibilité I(8).
    t.values.slice(1).forEach((row, k) => {
      const i = k + 1;
      if (!isNumber(row[5]) || row[5] <= 0 || looseForm(String(row[3] ?? '')) !== 'public') return;
      const source = String(row[1] ?? '');
      if (row[7] === null || row[7] === undefined || row[7] === '') ctx.report('financing-deadline-missing', { source }, at(t, i, 7));
      if (String(row[8] ?? '').trim() === '') ctx.report('financing-eligibility-missing', { source }, at(t, i, 8));
    });
  },
};
