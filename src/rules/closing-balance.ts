import { MODEL_READS, readModel } from '../model/read';
import { beyondThresholds, gapWords } from '../domain/followup/followup';
import { formatAmount, roundCents } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.closing,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const closing = m.closing;
    if (!closing) return;
    const t = m.params.gapThresholds;
    for (const r of closing.costs) {
      const final = r.final.value;
      const devis = r.devis.value;
      if (!final || !devis) continue;
      const gap = final.minus(devis);
      if (!beyondThresholds(gap, devis, t)) continue;
      if (r.explanation.value !== null) continue;
      const chapter = r.chapter.value;
      const label = r.label.value ?? '';
      ctx.report(
        'closing-gap-unexplained',
        { what: chapter ? `Chapitre ${chapter} ${label}` : label, ...gapWords(gap, devis, t) },
        r.explanation.at,
      );
    }
    const balance = closing.balance?.value;
    if (!balance) return;
    const solde = roundCents(balance);
    if (solde.lt(0))
      ctx.report(
        'closing-uncovered',
        { missing: formatAmount(solde.negated()) },
        closing.balance?.at ?? null,
      );
  },
};
