import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { formatAmount, Money, roundCents } from '../domain/money';
import { devisTable, isFormula, isNumber } from './snapshot';
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
    reads: [DEVIS_NAMES.lines],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) return;
    for (const r of table.rows) {
      // A computed line (charges: the sum of its lines' own charges; frais généraux, imprévus) takes
      // its base from a formula: it is checked by its own rules, not as quantité × nombre × taux.
      if (isFormula(r.formula('quantity'))) continue;
      if (!isNumber(r.quantity) || !isNumber(r.count) || !isNumber(r.rate) || !isNumber(r.amount)) continue;
      const expected = roundCents(new Money(String(r.quantity)).times(String(r.count)).times(String(r.rate)));
      const amount = new Money(String(r.amount));
      if (amount.minus(expected).abs().gt('0.005'))
        ctx.report(
          'line-amount',
          { amount: fr(amount), expected: fr(expected) },
          table.locate(r.i, 'amount'),
        );
    }
  },
};
