import { MODEL_READS, readModel } from '../model/read';
import { formatAmount, Money, percentFigure } from '../domain/money';
import { chargeRateFact, statusLabel } from '../domain/facts/facts';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-charges',
    title: 'Charges sociales : le chapitre des charges couvre les salaires, taux dans l’usage',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    why: 'Des salaires sans charges sociales sous-estiment le devis du montant de ces cotisations, qui s’ajoutent au brut.',
    fix: 'Ajoutez au chapitre des charges les cotisations des salaires de chaque statut et vérifiez les taux de charges dans Paramètres ; une ligne payée sur facture prend le statut « Prestataire » et n’appelle pas de charges.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const b = m.budget;
    if (b?.table && scaffoldProblem(b.nomenclature) === null) {
      const roles = rolesOf(b.nomenclature);
      // Gross pay by status in every chapter but the charges and indirect ones (a prestataire's
      // invoice carries none), and the charges chapter's amount.
      const gross = new Map<string, Money>();
      let charges = new Money(0);
      const contractor = looseForm(statusLabel('prestataire'));
      for (const r of b.rows) {
        const amount = r.amount.value;
        if (!amount || /^total/i.test(r.label.value ?? '')) continue;
        const status = looseForm(r.status.value ?? '');
        if (
          r.chapter !== roles.chargesChapter &&
          r.chapter !== roles.indirect.chapter &&
          status &&
          status !== contractor
        )
          gross.set(status, (gross.get(status) ?? new Money(0)).plus(amount));
        if (r.chapter === roles.chargesChapter && r.code.value !== null) charges = charges.plus(amount);
      }
      const totalGross = [...gross.values()].reduce((a, x) => a.plus(x), new Money(0));
      const chargesRow = b.rows.find((r) => r.kind === 'chapter' && r.code.value === roles.chargesChapter);
      if (totalGross.gt(0) && !charges.gt(0))
        ctx.report(
          'charges-missing',
          {
            status: [...gross.keys()].join(', '),
            gross: formatAmount(totalGross),
            chapter: roles.chargesChapter,
          },
          // At the charges chapter's header, or at the table's header when the chapter is missing.
          chargesRow ? chargesRow.label.at : (b.header?.code ?? null),
        );
    }
    for (const { status, rate } of m.params.chargeRates) {
      if (!rate.value) continue;
      const [min, max] = chargeRateFact(status).range;
      if (rate.value.lt(min) || rate.value.gt(max))
        ctx.report(
          'charges-rate-range',
          {
            status: statusLabel(status),
            rate: percentFigure(rate.value),
            min: percentFigure(min),
            max: percentFigure(max),
          },
          rate.at,
        );
    }
  },
};
