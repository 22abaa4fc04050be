import { formatAmount } from '../domain/money';
import { monthWords } from '../domain/text/french';
import { ACTUAL_NAMES } from '../sheets/actual/contract';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
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
    reads: [ACTUAL_NAMES.need, ACTUAL_NAMES.criticalMonth, CASHFLOW_NAMES.need],
    sheet: BASE_SHEETS.actualCashflow,
  },
  check(ctx) {
    const need = single(ctx.snapshot, ACTUAL_NAMES.need);
    const planned = single(ctx.snapshot, CASHFLOW_NAMES.need);
    if (!need || !isNumber(need.value) || !planned || !isNumber(planned.value)) return;
    const over = need.value - planned.value;
    if (over < 0.005) return;
    const month = single(ctx.snapshot, ACTUAL_NAMES.criticalMonth);
    ctx.report(
      'cashflow-actual-need',
      {
        need: formatAmount(need.value),
        month: monthWords(month?.value) ?? 'un mois non daté',
        planned: formatAmount(planned.value),
        over: formatAmount(over),
      },
      need.location,
    );
  },
};
