import { type Case, one, snap } from './support';

/** The table of `followup-arbitrage`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['followup-arbitrage', snap({}), []],
  [
    'followup-arbitrage',
    snap({
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 3043991.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', null),
    }),
    ['followup-arbitrage-missing@Suivi budgétaire!C5'],
  ],
  [
    'followup-arbitrage',
    snap({
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 3043991.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', 'Supprimer la deuxième journée à Lille'),
    }),
    [],
  ],
  [
    'followup-arbitrage',
    snap({
      // Within the devis: the imprévus absorb the overruns.
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 2902191.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', null),
    }),
    [],
  ],
];
