import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'cashflow-critical-period',
    title: 'Période critique repérée et au moins une mesure écrite',
    criteria: ['rncp40642:C1.7', 'cpacp:C21'],
    why: 'Un financier veut savoir quand la trésorerie sera la plus tendue et comment le producteur y fera face.',
    fix: 'Repérez le mois où le solde cumulé est le plus bas et écrivez au moins une mesure (préfinancement, prêt relais, décalage de paiement) avec son montant.',
    severity: 'erreur',
    kind: 'semi',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cashflow,
  },
  check(ctx) {
    const cashflow = readModel(ctx.snapshot).cashflow;
    const months = cashflow?.deficitMonths;
    if (!cashflow || !months?.value?.gt(0)) return;
    const written = cashflow.measures.some((r) => r.type.value !== null || r.description.value !== null);
    if (!written)
      ctx.report(
        'cashflow-no-measure',
        { months: months.value.toNumber(), need: formatAmount(cashflow.need?.value ?? 0) },
        months.at,
      );
  },
};
