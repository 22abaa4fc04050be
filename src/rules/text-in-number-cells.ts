import { MODEL_READS, readModel } from '../model/read';
import { isExcelError } from './snapshot';
import type { Field } from '../model/field';
import { BASE_SHEETS } from '../sheets/model/naming';
import { parseAmount } from '../domain/money';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'text-in-number-cells',
    title: 'Pas de texte dans les cellules numériques (dont les nombres au format français saisis en texte)',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    why: 'Un nombre saisi en texte (« 1 234,56 » importé, apostrophe en tête) est ignoré par les sommes : le total paraît juste mais il lui manque ce montant.',
    fix: 'Ressaisissez la valeur comme un nombre (ou Données › Convertir), sans espace ni apostrophe en tête.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const flag = (field: Field<unknown> | null | undefined): void => {
      const v = field?.raw;
      // The value first: a field's location is made only for a text that may be flagged.
      if (typeof v !== 'string' || v.trim() === '' || isExcelError(v) || !field?.at) return;
      const parsed = parseAmount(v);
      const hint = parsed.ok
        ? ` : nombre saisi comme texte, à ressaisir comme nombre (${parsed.value.toFixed()})`
        : '';
      ctx.report('text-number', { text: v, hint }, field.at);
    };
    const m = readModel(ctx.snapshot);
    for (const r of m.budget?.rows ?? []) {
      // A column the devis does not have gives a field without a cell: nothing to flag.
      for (const f of ['quantity', 'count', 'rate', 'foreign'] as const) flag(r[f]);
    }
    for (const source of m.financing?.sources ?? []) flag(source.amount);
    const p = m.params;
    for (const f of [
      p.envelope,
      p.overheadsRate,
      p.contingencyRate,
      p.duration,
      ...p.chargeRates.map((c) => c.rate),
    ])
      flag(f);
  },
};
