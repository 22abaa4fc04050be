import { BASE_SHEETS } from '../sheets/model/naming';
import { parseAmount } from '../domain/money';
import { STATUSES } from '../domain/budget/types';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { readSources } from '../sheets/financing/reader';
import { PARAMS_NAMES, chargeRateName } from '../sheets/params/contract';
import { devisTable, isExcelError, single } from './snapshot';
import type { Rule } from './types';

const NUMBER_PARAMS = [
  PARAMS_NAMES.envelope,
  PARAMS_NAMES.overheadsRate,
  PARAMS_NAMES.contingencyRate,
  PARAMS_NAMES.duration,
  ...STATUSES.map(chargeRateName),
];

export const rule: Rule = {
  meta: {
    id: 'text-in-number-cells',
    title: 'Pas de texte dans les cellules numériques (dont les nombres au format français saisis en texte)',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    why: 'Un nombre saisi en texte (« 1 234,56 » importé, apostrophe en tête) est ignoré par les sommes : le total paraît juste mais il lui manque ce montant.',
    fix: 'Ressaisissez la valeur comme un nombre (ou Données › Convertir), sans espace ni apostrophe en tête.',
    severity: 'erreur',
    kind: 'auto',
    reads: [DEVIS_NAMES.lines, FINANCING_NAMES.table, ...NUMBER_PARAMS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const flag = (v: unknown, location: { sheet: string; address: string }): void => {
      if (typeof v !== 'string' || v.trim() === '' || isExcelError(v)) return;
      const parsed = parseAmount(v);
      const hint = parsed.ok
        ? ` : nombre saisi comme texte, à ressaisir comme nombre (${parsed.value.toFixed()})`
        : '';
      ctx.report('text-number', { text: v, hint }, location);
    };
    const table = devisTable(ctx.snapshot);
    if (table) {
      for (const r of table.rows) {
        for (const f of ['quantity', 'count', 'rate', 'foreign'] as const) {
          if (table.columns[f] !== undefined) flag(r[f], table.locate(r.i, f));
        }
      }
    }
    for (const row of readSources(ctx.snapshot) ?? []) flag(row.amount, row.at('amount'));
    for (const name of NUMBER_PARAMS) {
      const c = single(ctx.snapshot, name);
      if (c) flag(c.value, c.location);
    }
  },
};
