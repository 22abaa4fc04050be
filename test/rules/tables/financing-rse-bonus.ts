import { type Case, one, snap } from './support';

/** The table of `financing-rse-bonus`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['financing-rse-bonus', snap({ Fin_NbBonusRSE: one('P', 'C18', 1) }), []],
  ['financing-rse-bonus', snap({ Fin_NbBonusRSE: one('P', 'C18', 0) }), ['financing-no-rse@P!C18']],
];
