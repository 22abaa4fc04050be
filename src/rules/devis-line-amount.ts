import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import { formatAmount, Money, roundCents } from '../domain/money';
import type { Rule } from './types';

const fr = (m: Money): string => formatAmount(m);

export const rule: Rule = {
  meta: {
    id: 'devis-line-amount',
    title: 'Devis : montant = quantité × nombre × taux',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    why: 'Un montant qui n’est pas quantité × nombre × taux a été saisi ou modifié à la main : il ne suit plus les hypothèses de la ligne.',
    fix: 'Remettez la formule de la colonne Montant, ou corrigez la quantité, le nombre ou le taux pour qu’ils donnent le montant voulu.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const b = readModel(ctx.snapshot).budget;
    // The amounts are compared at the devis's own precision: the cent, or ten euros in k€.
    const thousands = b?.thousands === true;
    const unit = new Money(thousands ? 1000 : 1);
    const tolerance = new Money('0.005').times(unit);
    const ONE = new Money(1);
    for (const r of b?.rows ?? []) {
      // A computed line (charges: the sum of its lines' own charges; frais généraux, imprévus) takes
      // its base from a formula: it is checked by its own rules, not as quantité × nombre × taux.
      if (!r.quantity.typed) continue;
      // A devis without a « Nombre » column counts each line once.
      const once = b?.handmade === true && r.count.raw === null && r.count.at === null;
      const [q, n, rate, amount] = [
        r.quantity.value,
        once ? ONE : r.count.value,
        r.rate.value,
        r.amount.value,
      ];
      if (!q || !n || !rate || !amount) continue;
      const product = once ? q.times(rate) : q.times(n).times(rate);
      const expected = thousands ? roundCents(product.dividedBy(unit)).times(unit) : roundCents(product);
      if (amount.minus(expected).abs().gt(tolerance))
        ctx.report('line-amount', { amount: fr(amount), expected: fr(expected) }, r.amount.at);
    }
  },
};
