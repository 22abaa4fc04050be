import { MODEL_READS, readModel } from '../model/read';
import { salariedLabelWords } from '../domain/facts/facts';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** The words that name salaried people, each as a whole word, plural allowed: built once. */
const WORDS = salariedLabelWords().map((w) => new RegExp(` ${looseForm(w)}s? `));

/** Does a label name salaried people ("Chauffeurs", "Équipe de construction")? Whole words only. */
function looksSalaried(label: string): boolean {
  const l = ` ${looseForm(label).replace(/[^a-z0-9 ]/g, ' ')} `;
  return WORDS.some((w) => w.test(l));
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const b = readModel(ctx.snapshot).budget;
    // A devis built by hand without a status column: the recognition report says the column is
    // missing, once, rather than a finding per line.
    if (!b?.table || !b.columns.status) return;
    if (scaffoldProblem(b.nomenclature) !== null) return;
    const roles = rolesOf(b.nomenclature);
    for (const r of b.rows) {
      if (r.kind === 'chapter' || r.kind === 'total' || r.status.value !== null || r.code.value === null)
        continue;
      if (r.chapter === roles.chargesChapter || r.chapter === roles.indirect.chapter) continue;
      const label = r.label.value ?? '';
      if (!r.amount.value?.gt(0) || !looksSalaried(label)) continue;
      ctx.report('status-missing', { label, chapter: roles.chargesChapter }, r.status.at);
    }
  },
};
