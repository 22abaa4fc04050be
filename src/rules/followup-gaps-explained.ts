import { Money } from '../domain/money';
import { MODEL_READS, readModel } from '../model/read';
import { beyondThresholds, GAP_CAUSES, gapWords } from '../domain/followup/followup';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * Every écart of the Suivi budgétaire at or above both thresholds of the Paramètres (a share of
 * its line and an amount) has a cause, internal or external, and an explanation. Only a workbook
 * with a Suivi budgétaire is checked.
 */
export const rule: Rule = {
  meta: {
    id: 'followup-gaps-explained',
    title: 'Suivi budgétaire : chaque écart notable a une cause (interne ou externe) et une explication',
    criteria: ['rncp40642:C2.8', 'cpca:C.2.4.2', 'par:C2.2', 'cpacp:C20'],
    why: 'Un écart au devis que personne n’explique ne se corrige pas et ne se défend pas devant un financeur ou un jury : le suivi dit ce qui a bougé, pourquoi, et si la production en est la cause.',
    fix: 'Dans la feuille Suivi budgétaire, choisissez la cause (Interne ou Externe) et écrivez l’explication de la ligne ; ou corrigez le reste à engager si l’estimation était fausse.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.followup,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const t = m.params.gapThresholds;
    for (const r of m.followUp?.lines ?? []) {
      const gap = r.gap.value;
      if (!gap) continue;
      const devis = r.devis.value ?? new Money(0);
      if (!beyondThresholds(gap, devis, t)) continue;
      const data = {
        code: r.code.value ?? 'sans code',
        label: r.label.value ?? '',
        ...gapWords(gap, devis, t),
      };
      if (r.explanation.value === null) ctx.report('followup-gap-unexplained', data, r.explanation.at);
      const cause = r.cause.value;
      if (cause === null) ctx.report('followup-gap-no-cause', data, r.cause.at);
      else if (!(GAP_CAUSES as readonly string[]).includes(cause))
        ctx.report('followup-gap-cause-unknown', { ...data, cause }, r.cause.at);
    }
  },
};
