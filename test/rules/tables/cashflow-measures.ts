import { type Case, one, snap } from './support';

/** The table of `cashflow-measures`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'cashflow-measures',
    snap({
      Treso_SoldeMinApresMesures: one('T', 'C68', 0),
      Treso_BesoinNonCouvert: one('T', 'C69', 0),
      Treso_CoutMesures: one('T', 'C70', 39872.33),
      Treso_EcartFraisFinanciers: one('T', 'C72', 127.67),
    }),
    [],
  ],
  [
    'cashflow-measures',
    snap({
      Treso_SoldeMinApresMesures: one('T', 'C68', -49401.34),
      Treso_BesoinNonCouvert: one('T', 'C69', 49401.34),
      Treso_CoutMesures: one('T', 'C70', 55090.41),
      Treso_EcartFraisFinanciers: one('T', 'C72', -15090.41),
    }),
    ['cashflow-uncovered@T!C69', 'cashflow-measures-cost@T!C72'],
  ],
];
