import { type Case, one, snap } from './support';

/** The table of `cashflow-actual`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['cashflow-actual', snap({}), []],
  [
    'cashflow-actual',
    snap({
      // After the measures drawn and scheduled, the updated balance still falls to −35 384,07 €.
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      // The critical month as read from an .xlsx: an Excel serial (1 septembre 2027).
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', -35_384.07),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 35_384.07),
    }),
    ['cashflow-actual-uncovered@Trésorerie réelle!B51'],
  ],
  [
    'cashflow-actual',
    snap({
      // A need above the forecast's, but covered by the measures: nothing to say.
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', 0),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 0),
    }),
    [],
  ],
];
