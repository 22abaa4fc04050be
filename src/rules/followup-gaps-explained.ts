import { beyondThresholds, GAP_CAUSES, gapWords } from '../domain/followup/followup';
import { toMoney } from '../domain/money';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { readFollowUpRows } from '../sheets/followup/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { readGapThresholds } from '../sheets/params/reader';
import { isNumber } from './snapshot';
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
    reads: [FOLLOWUP_NAMES.lines, PARAMS_NAMES.gapRate, PARAMS_NAMES.gapAmount],
    sheet: BASE_SHEETS.followup,
  },
  check(ctx) {
    const rows = readFollowUpRows(ctx.snapshot);
    if (!rows) return;
    const t = readGapThresholds(ctx.snapshot);
    for (const r of rows) {
      if (!isNumber(r.gap)) continue;
      const gap = toMoney(r.gap);
      const devis = toMoney(isNumber(r.devis) ? r.devis : 0);
      if (!beyondThresholds(gap, devis, t)) continue;
      const data = {
        code: r.text('code') || 'sans code',
        label: r.text('label'),
        ...gapWords(gap, devis, t),
      };
      if (r.text('explanation') === '') ctx.report('followup-gap-unexplained', data, r.at('explanation'));
      const cause = r.text('cause');
      if (cause === '') ctx.report('followup-gap-no-cause', data, r.at('cause'));
      else if (!(GAP_CAUSES as readonly string[]).includes(cause))
        ctx.report('followup-gap-cause-unknown', { ...data, cause }, r.at('cause'));
    }
  },
};
