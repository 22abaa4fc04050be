import { at } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-comparative',
    title: 'Étude comparative d’au moins deux aides, avantages et inconvénients',
    criteria: ['cpca:C1.4.1'],
    severity: 'erreur',
    kind: 'semi',
    reads: ['Fin_Comparatif'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const c = ctx.snapshot.ranges.Fin_Comparatif;
    if (!c) return;
    // Columns B..L: aide B(0), avantages J(8), inconvénients K(9).
    const filled = (v: unknown): boolean => String(v ?? '').trim() !== '';
    const count = c.values.filter((r) => filled(r[0]) && filled(r[8]) && filled(r[9])).length;
    if (count < 2) ctx.report('financing-comparative-short', { count }, at(c, 0, 0));
  },
};
