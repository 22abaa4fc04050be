import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'cashflow-totals',
    title: 'Trésorerie : décaissements = devis, encaissements = plan',
    criteria: ['rncp40642:C1.7', 'rncp40642:C2.3', 'cefpf:C2.3'],
    why: 'La trésorerie répartit dans le temps le devis et le plan de financement : si ses totaux diffèrent, une dépense ou une recette a été oubliée ou comptée deux fois.',
    fix: 'Faites correspondre le total des décaissements au total du devis et celui des encaissements au total du plan ; l’écart affiché dit le montant à retrouver.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cashflow,
    unlocated: {
      'name-missing': 'la Trésorerie (ou son écart) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const cashflow = readModel(ctx.snapshot).cashflow;
    for (const [key, message] of [
      ['planGap', 'cashflow-gap-plan'],
      ['devisGap', 'cashflow-gap-devis'],
    ] as const) {
      const gap = cashflow?.[key];
      if (!gap) {
        ctx.report('name-missing', { name: CASHFLOW_NAMES[key], what: 'écart de trésorerie' }, null);
        continue;
      }
      if (gap.value && gap.value.abs().gte('0.005'))
        ctx.report(message, { gap: formatAmount(gap.value) }, gap.at);
    }
  },
};
