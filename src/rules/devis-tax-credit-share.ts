import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { paramCell, readNomenclature } from '../sheets/params/reader';
import { isGroupRow } from '../sheets/devis/reader';
import { chapterOfRows, devisTable, isChapterRow, isFormula, isNumber, isTotalRow } from './snapshot';
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
    reads: [DEVIS_NAMES.lines, PARAMS_NAMES.nomenclature, PARAMS_NAMES.taxCreditRate],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    // A devis without the column (built by hand) has no per-line base to check.
    if (!table || table.columns.taxCredit === undefined) return;
    const rate = paramCell(ctx.snapshot, 'taxCreditRate');
    if (!rate || !isNumber(rate.value) || rate.value <= 0) return;
    const nom = readNomenclature(ctx.snapshot);
    if (scaffoldProblem(nom) !== null) return;
    const roles = rolesOf(nom);
    const chapterOf = chapterOfRows(table);
    const j = table.columns.taxCredit;
    for (const r of table.rows) {
      if (isChapterRow(r) || isTotalRow(r) || isGroupRow(r.formula('amount'))) continue;
      // Computed lines (charges, frais généraux, imprévus) take their base from a formula.
      if (isFormula(r.formula('quantity'))) continue;
      const chapter = chapterOf.get(r.i) ?? '';
      if (chapter === roles.chargesChapter || chapter === roles.indirect.chapter) continue;
      if (!isNumber(r.amount) || r.amount === 0) continue;
      const share = table.range.values[r.i]?.[j] ?? null;
      if (isNumber(share)) continue;
      ctx.report('tax-credit-share-missing', { label: r.label || r.code }, table.locate(r.i, 'taxCredit'));
    }
  },
};
