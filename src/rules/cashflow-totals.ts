import { formatAmount } from '../domain/money';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
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
    reads: [CASHFLOW_NAMES.planGap, CASHFLOW_NAMES.devisGap],
    sheet: BASE_SHEETS.cashflow,
    unlocated: {
      'name-missing': 'la Trésorerie (ou son écart) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    for (const [key, message] of [
      ['planGap', 'cashflow-gap-plan'],
      ['devisGap', 'cashflow-gap-devis'],
    ] as const) {
      const name = CASHFLOW_NAMES[key];
      const c = single(ctx.snapshot, name);
      if (!c) {
        ctx.report('name-missing', { name, what: 'écart de trésorerie' }, null);
        continue;
      }
      if (isNumber(c.value) && Math.abs(c.value) >= 0.005)
        ctx.report(message, { gap: formatAmount(c.value) }, c.location);
    }
  },
};
