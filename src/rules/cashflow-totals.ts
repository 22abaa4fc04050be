import { isNumber, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'cashflow-totals',
    title: 'Trésorerie : décaissements = devis, encaissements = plan',
    criteria: ['rncp40642:C1.7', 'rncp40642:C2.3', 'cefpf:C2.3'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Treso_EcartPlan', 'Treso_EcartDevis'],
    sheet: 'Trésorerie',
  },
  check(ctx) {
    for (const [name, message] of [
      ['Treso_EcartPlan', 'cashflow-gap-plan'],
      ['Treso_EcartDevis', 'cashflow-gap-devis'],
    ] as const) {
      const c = single(ctx.snapshot, name);
      if (!c) {
        ctx.report('name-missing', { name, what: 'écart de trésorerie' }, null);
        continue;
      }
      if (isNumber(c.value) && Math.abs(c.value) >= 0.005) ctx.report(message, { gap: c.value.toFixed(2).replace('.', ',') }, c.location);
    }
  },
};
