import { at, isExcelError } from './snapshot';
import type { Rule } from './types';

/** Every range another rule reads, scanned for Excel errors. */
export const AUDITED = ['Devis_Lignes', 'Recap_Lignes', 'Fin_Tableau', 'Fin_Synthese', 'Treso_SoldeCumule', 'Carbone_Synthese', 'Carbone_Lignes'];

export const rule: Rule = {
  meta: {
    id: 'error-cells',
    title: 'Aucune erreur (#REF!, #DIV/0!, #VALUE!, #N/A…) dans les tableaux contrôlés',
    criteria: ['cpacp:C20', 'rncp40642:C1.7'],
    severity: 'erreur',
    kind: 'auto',
    reads: AUDITED,
    sheet: 'Devis',
  },
  check(ctx) {
    for (const name of AUDITED) {
      const r = ctx.snapshot.ranges[name] ?? (name === 'Devis_Lignes' ? ctx.snapshot.sheets.devis : null);
      if (!r) continue;
      r.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const e = isExcelError(v);
          if (e) ctx.report('error-cell', { error: e }, at(r, i, j));
        }),
      );
    }
  },
};
