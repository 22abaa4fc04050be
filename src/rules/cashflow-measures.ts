import { formatAmount } from '../domain/money';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
import type { Rule } from './types';

const euros = (x: number): string => formatAmount(x);

export const rule: Rule = {
  meta: {
    id: 'cashflow-measures',
    title: 'Trésorerie : les mesures couvrent le besoin, mois par mois, et leur coût est au devis',
    criteria: ['rncp40642:C1.7', 'cpacp:C21'],
    why: 'Une mesure qui arrive trop tard ou trop court laisse un découvert, et son coût (agios, frais de dossier) doit figurer au devis.',
    fix: 'Ajustez la date de mise en place, le montant ou le remboursement de la mesure jusqu’à couvrir chaque mois, et reportez ses frais aux frais financiers du devis.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [
      CASHFLOW_NAMES.lowestAfterMeasures,
      CASHFLOW_NAMES.uncoveredNeed,
      CASHFLOW_NAMES.measuresCost,
      CASHFLOW_NAMES.financialCostsGap,
    ],
    sheet: BASE_SHEETS.cashflow,
  },
  check(ctx) {
    const uncovered = single(ctx.snapshot, CASHFLOW_NAMES.uncoveredNeed);
    const lowest = single(ctx.snapshot, CASHFLOW_NAMES.lowestAfterMeasures);
    if (uncovered && isNumber(uncovered.value) && uncovered.value >= 0.005)
      ctx.report(
        'cashflow-uncovered',
        {
          need: euros(uncovered.value),
          lowest: euros(isNumber(lowest?.value) ? lowest.value : -uncovered.value),
        },
        uncovered.location,
      );
    const gap = single(ctx.snapshot, CASHFLOW_NAMES.financialCostsGap);
    const cost = single(ctx.snapshot, CASHFLOW_NAMES.measuresCost);
    if (gap && isNumber(gap.value) && gap.value <= -0.005)
      ctx.report(
        'cashflow-measures-cost',
        { cost: euros(isNumber(cost?.value) ? cost.value : 0), over: euros(-gap.value) },
        gap.location,
      );
  },
};
