import { taxCreditCategoryLabels } from '../domain/financing/categories';
import { looseForm } from '../domain/text/looseForm';
import { MODEL_READS, readModel } from '../model/read';
import { YES } from '../sheets/model/labels';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** Apostrophes typed either way (’ or ') name the same category. */
const norm = (x: string): string => looseForm(x).replace(/[’‘`´]/g, "'");
const TAX_CREDITS = new Set(taxCreditCategoryLabels().map(norm));

export const rule: Rule = {
  meta: {
    id: 'financing-tax-credit-status',
    title: 'Un crédit d’impôt n’est pas acquis avant l’agrément provisoire',
    criteria: ['cpca:C1.4.1', 'cpacp:C5'],
    why: 'Un crédit d’impôt n’est acquis qu’après l’agrément provisoire : le compter comme acquis avant surestime le financement.',
    fix: 'Passez son statut à « Sollicité » ou « Envisagé » tant que l’agrément provisoire n’est pas obtenu ; une fois obtenu, répondez « Oui » à « Agrément provisoire du crédit d’impôt obtenu » dans Paramètres.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    // Over the model: Paramètres' agreement, then each tax-credit source of the plan.
    const m = readModel(ctx.snapshot);
    if (looseForm(m.params.provisionalAgreement?.value ?? '') === looseForm(YES)) return;
    for (const s of m.financing?.sources ?? []) {
      if (!TAX_CREDITS.has(norm(s.category.value ?? ''))) continue;
      if (looseForm(s.status.value ?? '') !== looseForm('Acquis') || !s.status.at) continue;
      ctx.report('tax-credit-acquired-early', { source: s.name.value ?? '' }, s.status.at);
    }
  },
};
