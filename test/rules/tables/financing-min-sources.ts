import { type Case, one, snap } from './support';

/** The table of `financing-min-sources`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['financing-min-sources', snap({ Fin_NbSources: one('Plan de financement', 'C9', 5) }), []],
  [
    'financing-min-sources',
    snap({ Fin_NbSources: one('Plan de financement', 'C9', 4) }),
    ['financing-few-sources@Plan de financement!C9'],
  ],
];
