import { type Case, r, one, snap } from './support';

/** The table of `closing-balance`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['closing-balance', snap({}), []],
  [
    'closing-balance',
    snap({
      // Bilan_Postes from A5: chapitre, intitulé, devis, coût définitif, écart, écart %, dont France,
      // dont éligible, explication.
      Bilan_Postes: r('Bilan financier', 'A5', [
        ['1', 'Droits artistiques', 340500, 345500, 5000, 0.0147, 345500, 345500, null],
        // −15 % and −7 000 €: beyond both thresholds, unexplained.
        ['8', 'Pellicules et laboratoires', 46000, 39000, -7000, -0.1522, 39000, 39000, null],
        ['5', 'Décors et costumes', 21000, 24500, 3500, 0.1667, 24500, 24500, 'Repli en studio'],
        [
          null,
          'Imprévus (consommés dans les lignes)',
          135986.59,
          0,
          -135986.59,
          -1,
          0,
          0,
          'Consommés par les lignes',
        ],
      ]),
      // Financement définitif 2 990 000 € for a coût définitif of 3 043 991,03 €.
      Bilan_Solde: one('Bilan financier', 'L9', -53991.03),
      Param_SeuilEcart: one('Paramètres', 'B21', 0.1),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    ['closing-gap-unexplained@Bilan financier!I6', 'closing-uncovered@Bilan financier!L9'],
  ],
  [
    'closing-balance',
    snap({
      Bilan_Postes: r('Bilan financier', 'A5', [
        ['1', 'Droits artistiques', 340500, 345500, 5000, 0.0147, 345500, 345500, null],
      ]),
      Bilan_Solde: one('Bilan financier', 'L9', 133100.59),
    }),
    [],
  ],
];
