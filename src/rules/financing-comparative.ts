import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-comparative',
    title: 'Étude comparative d’au moins deux aides, avantages et inconvénients',
    criteria: ['cpca:C1.4.1'],
    why: 'Le jury attend une comparaison argumentée des aides possibles, pas une simple liste.',
    fix: 'Pour au moins deux aides, remplissez les colonnes avantages et inconvénients de l’étude comparative.',
    severity: 'erreur',
    kind: 'semi',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const rows = readModel(ctx.snapshot).financing?.comparison;
    if (!rows) return;
    const count = rows.filter((r) => r.aid.value && r.advantages.value && r.drawbacks.value).length;
    const first = rows[0];
    if (count < 2 && first) ctx.report('financing-comparative-short', { count }, first.aid.at);
  },
};
