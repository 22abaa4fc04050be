import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { monthWords } from '../domain/text/french';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * The Trésorerie réelle updates the critical period with what was really cashed and paid and the
 * months to come rebuilt from what is committed; after the measures drawn and those the Trésorerie
 * still schedules, a balance below zero means the measures no longer cover the film.
 */
export const rule: Rule = {
  meta: {
    id: 'cashflow-actual',
    title: 'Trésorerie réelle : les mesures couvrent le besoin actualisé',
    criteria: ['cpacp:C21', 'rncp40642:C1.7'],
    why: 'Un encaissement en retard, des engagements à payer plus tôt ou un dépassement creusent le découvert au-delà de ce que les mesures tirées et prévues (crédit relais, préfinancement) couvrent : le risque de manque de trésorerie se signale avant le mois où il survient.',
    fix: 'Dans la feuille Trésorerie, ajoutez ou augmentez une mesure (crédit relais, avance, report d’un paiement) pour le mois critique actualisé, ou relancez les financeurs en retard ; la Trésorerie réelle se recalcule.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.actualCashflow,
  },
  check(ctx) {
    const a = readModel(ctx.snapshot).actualCashflow;
    const uncovered = a?.uncovered;
    if (!uncovered?.value || uncovered.value.lt('0.005')) return;
    ctx.report(
      'cashflow-actual-uncovered',
      {
        lowest: formatAmount(a?.lowestAfterMeasures?.value ?? uncovered.value.negated()),
        uncovered: formatAmount(uncovered.value),
        need: a?.need?.value ? formatAmount(a.need.value) : 'non calculé',
        month: monthWords(a?.criticalMonth?.value) ?? 'un mois non daté',
      },
      uncovered.at,
    );
  },
};
