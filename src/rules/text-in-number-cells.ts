import { parseAmount } from '../domain/money';
import { STATUSES } from '../domain/budget/types';
import { statusLabel } from '../domain/facts/facts';
import { at, devisTable, isExcelError, single, type DevisField } from './snapshot';
import type { Rule } from './types';

const NUMBER_PARAMS = ['Param_Enveloppe', 'Param_TauxFG', 'Param_TauxImprevus', 'Param_Duree', ...STATUSES.map((s) => `Param_TauxCharges_${statusLabel(s)}`)];

export const rule: Rule = {
  meta: {
    id: 'text-in-number-cells',
    title: 'Pas de texte dans les cellules numériques (dont les nombres au format français saisis en texte)',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Devis_Lignes', 'Fin_Tableau', ...NUMBER_PARAMS],
    sheet: 'Devis',
  },
  check(ctx) {
    const flag = (v: unknown, location: { sheet: string; address: string }): void => {
      if (typeof v !== 'string' || v.trim() === '' || isExcelError(v)) return;
      const parsed = parseAmount(v);
      const hint = parsed.ok ? ` : nombre saisi comme texte, à ressaisir comme nombre (${parsed.value.toFixed()})` : '';
      ctx.report('text-number', { text: v, hint }, location);
    };
    const table = devisTable(ctx.snapshot);
    if (table) {
      for (const r of table.rows) {
        for (const f of ['quantity', 'count', 'rate', 'foreign'] as DevisField[]) {
          const v = f === 'quantity' ? r.quantity : f === 'count' ? r.count : f === 'rate' ? r.rate : r.foreign;
          if (table.columns[f] !== undefined) flag(v, table.locate(r.i, f));
        }
      }
    }
    const fin = ctx.snapshot.ranges.Fin_Tableau;
    fin?.values.slice(1).forEach((row, k) => flag(row[5], at(fin, k + 1, 5)));
    for (const name of NUMBER_PARAMS) {
      const c = single(ctx.snapshot, name);
      if (c) flag(c.value, c.location);
    }
  },
};
