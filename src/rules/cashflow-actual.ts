import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { monthWords } from '../domain/text/french';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * The Trésorerie réelle updates the critical period with what was really cashed and paid: a need
 * above the one the forecast planned for means its measures no longer cover the film.
 */
export const rule: Rule = {
  meta: {
    id: 'cashflow-actual',
    title: 'Trésorerie réelle : le besoin actualisé ne dépasse pas le besoin prévu',
    criteria: ['cpacp:C21', 'rncp40642:C1.7'],
    why: 'Un encaissement en retard ou des paiements en avance creusent le découvert au-delà de ce que les mesures prévues (crédit relais, préfinancement) couvrent : le risque de manque de trésorerie se signale avant le mois où il survient.',
    fix: 'Dans la feuille Trésorerie, ajoutez ou augmentez une mesure (crédit relais, avance, report d’un paiement) pour le mois critique actualisé, ou relancez les financeurs en retard ; la Trésorerie réelle se recalcule.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.actualCashflow,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const need = m.actualCashflow?.need;
    const planned = m.cashflow?.need?.value;
    if (!need?.value || !planned) return;
    const over = need.value.minus(planned);
    if (over.lt('0.005')) return;
    ctx.report(
      'cashflow-actual-need',
      {
        need: formatAmount(need.value),
        month: monthWords(m.actualCashflow?.criticalMonth?.value) ?? 'un mois non daté',
        planned: formatAmount(planned),
        over: formatAmount(over),
      },
      need.at,
    );
  },
};
