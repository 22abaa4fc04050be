import { type Case, r, snap } from './support';

/** The table of `financing-comparative`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'financing-comparative',
    snap({
      Fin_Comparatif: r('P', 'B44', [
        ['A', 1, 2, 3, 4, 5, 6, 7, 'plus', 'moins'],
        ['B', 1, 2, 3, 4, 5, 6, 7, 'plus', 'moins'],
      ]),
    }),
    [],
  ],
  [
    'financing-comparative',
    snap({ Fin_Comparatif: r('P', 'B44', [['A', 1, 2, 3, 4, 5, 6, 7, 'plus', '']]) }),
    ['financing-comparative-short@P!B44'],
  ],
];
