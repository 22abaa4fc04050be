import { formatAmount } from '../domain/money';
import { STATUSES } from '../domain/budget/types';
import { chargeRateFact, statusLabel } from '../domain/facts/facts';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES, chargeRateName } from '../sheets/params/contract';
import { readNomenclature } from '../sheets/params/reader';
import { chapterOfRows, devisTable, isChapterRow, isNumber, num, single } from './snapshot';
import type { Rule } from './types';

const pct = (x: number): string => (Math.round(x * 1000) / 10).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'devis-charges',
    title: 'Charges sociales : le chapitre des charges couvre les salaires, taux dans l’usage',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    why: 'Des salaires sans charges sociales sous-estiment le devis du montant de ces cotisations, qui s’ajoutent au brut.',
    fix: 'Ajoutez au chapitre des charges les cotisations des salaires de chaque statut et vérifiez les taux de charges dans Paramètres ; une ligne payée sur facture prend le statut « Prestataire » et n’appelle pas de charges.',
    severity: 'erreur',
    kind: 'auto',
    reads: [DEVIS_NAMES.lines, PARAMS_NAMES.nomenclature, ...STATUSES.map(chargeRateName)],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) return;
    const nom = readNomenclature(ctx.snapshot);
    if (scaffoldProblem(nom) !== null) return;
    const roles = rolesOf(nom);
    // Gross pay by status in every chapter but the charges and indirect ones (a prestataire's
    // invoice carries none), and the charges chapter's amount.
    const chapterOf = chapterOfRows(table);
    const gross = new Map<string, number>();
    let charges = 0;
    for (const r of table.rows) {
      const chapter = chapterOf.get(r.i) ?? '';
      if (!isNumber(r.amount) || /^total/i.test(r.label)) continue;
      const salaried = r.status !== '' && looseForm(r.status) !== looseForm(statusLabel('prestataire'));
      if (chapter !== roles.chargesChapter && chapter !== roles.indirect.chapter && salaried)
        gross.set(looseForm(r.status), (gross.get(looseForm(r.status)) ?? 0) + r.amount);
      if (chapter === roles.chargesChapter && r.code !== '') charges += r.amount;
    }
    const totalGross = [...gross.values()].reduce((a, b) => a + b, 0);
    const chargesRow = table.rows.find((r) => isChapterRow(r) && r.code === roles.chargesChapter);
    if (totalGross > 0 && charges <= 0) {
      const status = [...gross.keys()].join(', ');
      ctx.report(
        'charges-missing',
        { status, gross: formatAmount(totalGross), chapter: roles.chargesChapter },
        // At the charges chapter's header, or at the table's header when the chapter is missing.
        table.locate(chargesRow?.i ?? table.headerIndex, chargesRow ? 'label' : 'code'),
      );
    }
    for (const s of STATUSES) {
      const cell = single(ctx.snapshot, chargeRateName(s));
      if (!cell || !isNumber(cell.value)) continue;
      const [min, max] = chargeRateFact(s).range;
      if (cell.value < min.toNumber() || cell.value > max.toNumber()) {
        ctx.report(
          'charges-rate-range',
          {
            status: statusLabel(s),
            rate: pct(num(cell.value)),
            min: pct(min.toNumber()),
            max: pct(max.toNumber()),
          },
          cell.location,
        );
      }
    }
  },
};
