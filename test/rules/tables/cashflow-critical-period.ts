import { type Case, r, one, snap } from './support';

/** The table of `cashflow-critical-period`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'cashflow-critical-period',
    snap({
      Treso_MoisDeficit: one('T', 'C48', 3),
      Treso_Mesures: r('T', 'B55', [['Crédit relais', 1, null, 'Banque']]),
    }),
    [],
  ],
  [
    'cashflow-critical-period',
    snap({
      Treso_MoisDeficit: one('T', 'C48', 3),
      Treso_Besoin: one('T', 'C50', 10),
      Treso_Mesures: r('T', 'B55', [[null, null, null, null]]),
    }),
    ['cashflow-no-measure@T!C48'],
  ],
];
