import { BASE_SHEETS } from '../sheets/model/naming';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { FINANCING_NAMES, SUMMARY_COLUMNS } from '../sheets/financing/contract';
import { RECAP_NAMES } from '../sheets/recap/contract';
import { readRecap } from '../sheets/recap/reader';
import { devisTable, isFormula, isNumber, isTotalRow, readTable } from './snapshot';
import type { Location } from './types';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-totals-are-formulas',
    title: 'Totaux, sous-totaux, montants et pourcentages calculés par formule',
    criteria: ['rncp40642:C1.5', 'cpacp:C20'],
    why: 'Un total saisi à la main ne se recalcule pas : à la première modification d’une ligne, il devient faux sans que rien ne le signale.',
    fix: 'Remplacez le nombre par la formule qui calcule le total, le sous-total ou le pourcentage.',
    severity: 'erreur',
    kind: 'auto',
    reads: [DEVIS_NAMES.lines, RECAP_NAMES.lines, FINANCING_NAMES.summary],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (table) {
      for (const r of table.rows) {
        const isLine = r.code !== '' || isTotalRow(r);
        if (!isLine) continue;
        // A devis built by hand types its "dont France" split: only ours computes it.
        for (const f of table.foreign ? (['amount'] as const) : (['amount', 'france'] as const)) {
          const v = f === 'amount' ? r.amount : r.france;
          if (isNumber(v) && !isFormula(r.formula(f))) {
            ctx.report(
              'typed-total',
              {
                value: String(v).replace('.', ','),
                what: isTotalRow(r)
                  ? `total « ${r.label} »`
                  : f === 'amount'
                    ? `montant de la ligne ${r.code}`
                    : `dont France de la ligne ${r.code}`,
              },
              table.locate(r.i, f),
            );
          }
        }
      }
    }
    const typed = (v: unknown, formula: unknown, what: string, where: Location): void => {
      if (isNumber(v) && !isFormula(formula))
        ctx.report('typed-total', { value: String(v).replace('.', ','), what }, where);
    };
    for (const row of readRecap(ctx.snapshot) ?? []) {
      for (const k of ['amount', 'share', 'france', 'foreign'] as const)
        typed(row[k], row.formula(k), 'récapitulatif', row.at(k));
    }
    const summary = ctx.snapshot.ranges[FINANCING_NAMES.summary];
    if (summary) {
      for (const row of readTable(summary, SUMMARY_COLUMNS))
        typed(row.value, row.formula('value'), 'synthèse du plan de financement', row.at('value'));
    }
  },
};
