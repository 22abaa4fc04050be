import { at, devisTable, isFormula, isNumber, isTotalRow } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-totals-are-formulas',
    title: 'Totaux, sous-totaux, montants et pourcentages calculés par formule',
    criteria: ['rncp40642:C1.5', 'cpacp:C20'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Devis_Lignes', 'Recap_Lignes', 'Fin_Synthese'],
    sheet: 'Devis',
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (table) {
      for (const r of table.rows) {
        const isLine = r.code !== '' || isTotalRow(r);
        if (!isLine) continue;
        for (const f of ['amount', 'france'] as const) {
          const v = f === 'amount' ? r.amount : r.france;
          if (isNumber(v) && !isFormula(r.formula(f))) {
            ctx.report('typed-total', { value: String(v).replace('.', ','), what: isTotalRow(r) ? `total « ${r.label} »` : f === 'amount' ? `montant de la ligne ${r.code}` : `dont France de la ligne ${r.code}` }, table.locate(r.i, f));
          }
        }
      }
    }
    for (const [name, cols, what] of [
      ['Recap_Lignes', [2, 3, 4, 5], 'récapitulatif'],
      ['Fin_Synthese', [1], 'synthèse du plan de financement'],
    ] as const) {
      const range = ctx.snapshot.ranges[name];
      if (!range) continue;
      range.values.forEach((row, i) => {
        for (const j of cols) {
          const v = row[j];
          if (isNumber(v) && !isFormula(range.formulas?.[i]?.[j])) ctx.report('typed-total', { value: String(v).replace('.', ','), what }, at(range, i, j));
        }
      });
    }
  },
};
