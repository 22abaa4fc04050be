import { beyondThresholds, gapWords } from '../domain/followup/followup';
import { formatAmount, roundCents, toMoney } from '../domain/money';
import { CLOSING_NAMES } from '../sheets/closing/contract';
import { readClosingCosts } from '../sheets/closing/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { readGapThresholds } from '../sheets/params/reader';
import { isNumber, single } from './snapshot';
import type { Rule } from './types';

/**
 * The Bilan financier closes the film's finances: each chapter's écart between coût définitif and
 * devis, beyond the thresholds of the Paramètres, is explained; and the financement définitif
 * covers the coût définitif.
 */
export const rule: Rule = {
  meta: {
    id: 'closing-balance',
    title: 'Bilan financier : écarts de clôture expliqués, coût définitif couvert par le financement',
    criteria: ['par:C4.2.1'],
    why: 'La clôture financière d’un film se présente aux financeurs et au CNC par un rendu de comptes : chaque écart au devis y est expliqué, et un coût définitif que le financement ne couvre pas est un besoin à combler avant la clôture.',
    fix: 'Dans la feuille Bilan financier, expliquez l’écart du chapitre ; si le solde est négatif, trouvez le financement complémentaire ou revoyez le coût définitif dans le Suivi budgétaire.',
    severity: 'erreur',
    kind: 'auto',
    reads: [CLOSING_NAMES.costs, CLOSING_NAMES.balance, PARAMS_NAMES.gapRate, PARAMS_NAMES.gapAmount],
    sheet: BASE_SHEETS.closing,
  },
  check(ctx) {
    const rows = readClosingCosts(ctx.snapshot);
    if (!rows) return;
    const t = readGapThresholds(ctx.snapshot);
    for (const r of rows) {
      if (!isNumber(r.final) || !isNumber(r.devis)) continue;
      const devis = toMoney(r.devis);
      const gap = toMoney(r.final).minus(devis);
      if (!beyondThresholds(gap, devis, t)) continue;
      if (r.text('explanation') !== '') continue;
      ctx.report(
        'closing-gap-unexplained',
        {
          what: r.text('chapter') ? `Chapitre ${r.text('chapter')} ${r.text('label')}` : r.text('label'),
          ...gapWords(gap, devis, t),
        },
        r.at('explanation'),
      );
    }
    const balance = single(ctx.snapshot, CLOSING_NAMES.balance);
    if (!balance || !isNumber(balance.value)) return;
    const solde = roundCents(toMoney(balance.value));
    if (solde.lt(0))
      ctx.report('closing-uncovered', { missing: formatAmount(solde.negated()) }, balance.location);
  },
};
