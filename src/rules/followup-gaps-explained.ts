import { GAP_CAUSES, gapThresholdDefaults } from '../domain/followup/followup';
import { formatAmount, formatPercent, toMoney, type Money } from '../domain/money';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { readFollowUpRows } from '../sheets/followup/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { isNumber, single } from './snapshot';
import type { Rule, Snapshot } from './types';

/** A threshold from Paramètres, or the default when the workbook has no such name or no number in it. */
function threshold(s: Snapshot, name: string, fallback: Money): Money {
  const v = single(s, name)?.value;
  return isNumber(v) ? toMoney(v) : fallback;
}

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
    const defaults = gapThresholdDefaults();
    const rate = threshold(ctx.snapshot, PARAMS_NAMES.gapRate, defaults.rate);
    const amount = threshold(ctx.snapshot, PARAMS_NAMES.gapAmount, defaults.amount);
    const thresholds = `${formatPercent(rate, 0)} et ${formatAmount(amount)} €`;
    for (const r of rows) {
      if (!isNumber(r.gap)) continue;
      const gap = toMoney(r.gap);
      const devis = isNumber(r.devis) ? toMoney(r.devis) : null;
      const share = devis && !devis.isZero() ? gap.dividedBy(devis) : null;
      if (gap.abs().lt(amount) || (share !== null && share.abs().lt(rate))) continue;
      const data = {
        code: r.text('code') || 'sans code',
        label: r.text('label'),
        gap: `${gap.gt(0) ? '+' : ''}${formatAmount(gap)}`,
        share: share === null ? 'devis nul' : `${share.gt(0) ? '+' : ''}${formatPercent(share)}`,
        thresholds,
      };
      if (r.text('explanation') === '') ctx.report('followup-gap-unexplained', data, r.at('explanation'));
      const cause = r.text('cause');
      if (cause === '') ctx.report('followup-gap-no-cause', data, r.at('cause'));
      else if (!(GAP_CAUSES as readonly string[]).includes(cause))
        ctx.report('followup-gap-cause-unknown', { ...data, cause }, r.at('cause'));
    }
  },
};
