import { taxCreditCategoryLabels } from '../domain/financing/categories';
import { looseForm } from '../domain/text/looseForm';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { readSources } from '../sheets/financing/reader';
import { YES } from '../sheets/model/labels';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { cellText } from '../domain/text/cellText';
import { single } from './snapshot';
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
    reads: [FINANCING_NAMES.table, PARAMS_NAMES.provisionalAgreement],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const agreement = single(ctx.snapshot, PARAMS_NAMES.provisionalAgreement);
    if (agreement && looseForm(cellText(agreement.value)) === looseForm(YES)) return;
    for (const row of readSources(ctx.snapshot) ?? []) {
      if (!TAX_CREDITS.has(norm(row.text('category')))) continue;
      if (looseForm(row.text('status')) !== looseForm('Acquis')) continue;
      ctx.report('tax-credit-acquired-early', { source: row.text('source') }, row.at('status'));
    }
  },
};
