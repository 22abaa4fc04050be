import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'cashflow-measures',
    title: 'Trésorerie : les mesures couvrent le besoin, mois par mois, et leur coût est au devis',
    criteria: ['rncp40642:C1.7', 'cpacp:C21'],
    why: 'Une mesure qui arrive trop tard ou trop court laisse un découvert, et son coût (agios, frais de dossier) doit figurer au devis.',
    fix: 'Ajustez la date de mise en place, le montant ou le remboursement de la mesure jusqu’à couvrir chaque mois, et reportez ses frais aux frais financiers du devis.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cashflow,
  },
  check(ctx) {
    const cashflow = readModel(ctx.snapshot).cashflow;
    const uncovered = cashflow?.uncoveredNeed;
    if (uncovered?.value?.gte('0.005'))
      ctx.report(
        'cashflow-uncovered',
        {
          need: formatAmount(uncovered.value),
          lowest: formatAmount(cashflow?.lowestAfterMeasures?.value ?? uncovered.value.negated()),
        },
        uncovered.at,
      );
    const gap = cashflow?.financialCostsGap;
    if (gap?.value?.lte('-0.005'))
      ctx.report(
        'cashflow-measures-cost',
        { cost: formatAmount(cashflow?.measuresCost?.value ?? 0), over: formatAmount(gap.value.negated()) },
        gap.at,
      );
  },
};
