import { type Case, snap, sheet, devis } from './support';

/** The table of `devis-line-amount`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['devis-line-amount', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-line-amount',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chef op', 'Cadre', 9, 'Semaine', 1, 3500, 31000, 31000, null, ''],
      }),
    }),
    ['line-amount@Devis!H8'],
  ],
  [
    // A devis in k€ is compared at its own precision (ten euros): 10 × 1 × 1,2345 k€ shown as
    // 12,35 k€ is right; 12,5 k€ is 150 € over.
    'devis-line-amount',
    snap(
      {},
      {
        devis: sheet('Budget', [
          ['Budget du court métrage (k€)'],
          ['Compte', 'Désignation', 'Qté', 'Nb', 'Tarif', 'Total'],
          ['1 - DROITS ARTISTIQUES', null, null, null, null, null],
          ['1.1', 'Scénario', 10, 1, 1.2345, 12.35],
          ['1.2', 'Musique', 10, 1, 1.2345, 12.5],
        ]),
      },
    ),
    ['line-amount@Budget!F5'],
  ],
];
