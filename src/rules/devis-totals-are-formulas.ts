import { MODEL_READS, readModel } from '../model/read';
import { isNumber } from './snapshot';
import type { Field } from '../model/field';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const typed = (field: Field<unknown> | null, what: string): void => {
      if (field && field.typed && isNumber(field.raw))
        ctx.report('typed-total', { value: String(field.raw).replace('.', ','), what }, field.at);
    };
    const b = m.budget;
    for (const r of b?.rows ?? []) {
      const code = r.code.value;
      if (code === null && r.kind !== 'total') continue;
      typed(
        r.amount,
        r.kind === 'total' ? `total « ${r.label.value ?? ''} »` : `montant de la ligne ${code ?? ''}`,
      );
      // A devis built by hand types its "dont France" split: only ours computes it.
      if (!b?.handmade)
        typed(
          r.france,
          r.kind === 'total' ? `total « ${r.label.value ?? ''} »` : `dont France de la ligne ${code ?? ''}`,
        );
    }
    for (const row of m.recap?.lines ?? []) {
      for (const k of ['amount', 'share', 'france', 'foreign'] as const) typed(row[k], 'récapitulatif');
    }
    for (const value of m.financing?.summary ?? []) typed(value, 'synthèse du plan de financement');
  },
};
