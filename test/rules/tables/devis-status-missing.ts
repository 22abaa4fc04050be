import { type Case, snap, devis } from './support';

/** The table of `devis-status-missing`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['devis-status-missing', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-status-missing',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chauffeurs (équipe image)', null, 3, 'Semaine', 1, 1200, 3600, 3600, null, ''],
      }),
    }),
    ['status-missing@Devis!C8'],
  ],
];
