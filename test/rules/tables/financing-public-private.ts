import { type Case, one, snap } from './support';

/** The table of `financing-public-private`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'financing-public-private',
    snap({
      Fin_Public: one('P', 'C10', 1),
      Fin_Prive: one('P', 'C11', 1),
      Fin_Intensite: one('P', 'C12', 0.5),
      Fin_Plafond: one('P', 'C13', 0.5),
    }),
    [],
  ],
  [
    'financing-public-private',
    snap({
      Fin_Public: one('P', 'C10', 0),
      Fin_Prive: one('P', 'C11', 1),
      Fin_Intensite: one('P', 'C12', 0.61),
      Fin_Plafond: one('P', 'C13', 0.6),
    }),
    ['financing-no-public@P!C10', 'financing-over-ceiling@P!C12'],
  ],
];
