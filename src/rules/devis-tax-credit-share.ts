import { MODEL_READS, readModel } from '../model/read';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-tax-credit-share',
    title: 'Chaque ligne chiffrée dit sa part éligible au crédit d’impôt',
    criteria: ['rncp40642:C1.5', 'cpca:C1.4.1'],
    why: 'La base du crédit d’impôt se calcule ligne par ligne : une ligne sans part éligible peut fausser une aide qui se compte en centaines de milliers d’euros.',
    fix: 'Indiquez dans la colonne « Part éligible au crédit d’impôt » la part de la ligne qui entre dans la base (0 % si elle n’y entre pas).',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const b = m.budget;
    // A devis without the column (built by hand) has no per-line base to check.
    if (!b?.table || !b.columns.taxCredit) return;
    if (!m.params.taxCreditRate?.value?.gt(0)) return;
    if (scaffoldProblem(b.nomenclature) !== null) return;
    const roles = rolesOf(b.nomenclature);
    for (const r of b.rows) {
      if (r.kind !== 'row') continue;
      // Computed lines (charges, frais généraux, imprévus) take their base from a formula.
      if (!r.quantity.typed) continue;
      if (r.chapter === roles.chargesChapter || r.chapter === roles.indirect.chapter) continue;
      if (!r.amount.value || r.amount.value.isZero()) continue;
      if (r.taxCreditShare?.value) continue;
      ctx.report(
        'tax-credit-share-missing',
        { label: r.label.value ?? r.code.value ?? '' },
        r.taxCreditShare?.at ?? null,
      );
    }
  },
};
