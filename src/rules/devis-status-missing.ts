import { salariedLabelWords } from '../domain/facts/facts';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { readNomenclature } from '../sheets/params/reader';
import { chapterOfRows, devisTable, isChapterRow, isNumber, isTotalRow } from './snapshot';
import type { Rule } from './types';

const WORDS = salariedLabelWords().map(looseForm);

/** Does a label name salaried people ("Chauffeurs", "Équipe de construction")? Whole words only. */
function looksSalaried(label: string): boolean {
  const l = ` ${looseForm(label).replace(/[^a-z0-9 ]/g, ' ')} `;
  return WORDS.some((w) => new RegExp(` ${w}s? `).test(l));
}

export const rule: Rule = {
  meta: {
    id: 'devis-status-missing',
    title: 'Une ligne de salaire porte son statut (sinon ses charges manquent)',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    why: 'Sans statut, une ligne de salaire ne reçoit pas ses charges sociales : le devis est sous-estimé.',
    fix: 'Choisissez le statut de la ligne (technicien, cadre, artiste, auteur, permanent ; « Prestataire » pour une facture) dans la colonne Statut.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [DEVIS_NAMES.lines, PARAMS_NAMES.nomenclature],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    // A devis built by hand without a status column: the recognition report says the column is
    // missing, once, rather than a finding per line.
    if (!table || table.columns.status === undefined) return;
    const nom = readNomenclature(ctx.snapshot);
    if (scaffoldProblem(nom) !== null) return;
    const roles = rolesOf(nom);
    const chapterOf = chapterOfRows(table);
    for (const r of table.rows) {
      if (isChapterRow(r) || isTotalRow(r) || r.status !== '' || r.code === '') continue;
      const chapter = chapterOf.get(r.i) ?? '';
      if (chapter === roles.chargesChapter || chapter === roles.indirect.chapter) continue;
      if (!isNumber(r.amount) || r.amount <= 0 || !looksSalaried(r.label)) continue;
      ctx.report(
        'status-missing',
        { label: r.label, chapter: roles.chargesChapter },
        table.locate(r.i, 'status'),
      );
    }
  },
};
