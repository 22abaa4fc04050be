import { formatAmount } from '../domain/money';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { cashflowFigure, readMeasures } from '../sheets/cashflow/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isBlank, num } from './snapshot';
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
    reads: [CASHFLOW_NAMES.deficitMonths, CASHFLOW_NAMES.need, CASHFLOW_NAMES.measures],
    sheet: BASE_SHEETS.cashflow,
  },
  check(ctx) {
    const months = cashflowFigure(ctx.snapshot, 'deficitMonths');
    const need = cashflowFigure(ctx.snapshot, 'need');
    if (!months || num(months.value) <= 0) return;
    const written = (readMeasures(ctx.snapshot) ?? []).some(
      (r) => !isBlank(r.type) || !isBlank(r.description),
    );
    if (!written)
      ctx.report(
        'cashflow-no-measure',
        { months: num(months.value), need: formatAmount(num(need?.value)) },
        months.location,
      );
  },
};
