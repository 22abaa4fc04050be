import { type Case, r, one, snap, HEAD } from './support';

/** The table of `financing-balanced`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['financing-balanced', snap({ Fin_Ecart: one('Plan de financement', 'C7', 0.004) }), []],
  [
    'financing-balanced',
    snap({ Fin_Ecart: one('Plan de financement', 'C7', -1) }),
    ['financing-unbalanced@Plan de financement!C7'],
  ],
  [
    'financing-balanced',
    snap({
      Fin_Ecart: one('P', 'C7', 0),
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        // Two loans typed as sources; a loan of equipment, the tax credit and a loan of 0 are not.
        [1, 'Prêt bancaire (BNP)', 'Autre', 'Privé', 'Acquis', 150000, 0.05, null, '', '', ''],
        [2, 'Prêt de matériel (Transpalux)', 'Autre', 'Privé', 'Acquis', 20000, 0.01, null, '', '', ''],
        [3, 'Crédit d’impôt cinéma', 'Crédit d’impôt', 'Public', 'Estimé', 300000, 0.1, null, '', '', ''],
        [4, 'Crédit-relais Coficiné', 'Autre', 'Privé', 'Acquis', 200000, 0.07, null, '', '', ''],
        [5, 'Emprunt', 'Autre', 'Privé', 'Envisagé', 0, 0, null, '', '', ''],
      ]),
    }),
    ['financing-loan-as-source@P!B22', 'financing-loan-as-source@P!B25'],
  ],
];
