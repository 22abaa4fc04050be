import { type Case, r, one, snap } from './support';

/** The table of `followup-gaps-explained`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  // No Suivi budgétaire: nothing to check.
  ['followup-gaps-explained', snap({}), []],
  [
    'followup-gaps-explained',
    snap({
      // Suivi_Lignes from A8: code, ligne, devis, engagé, payé, reste à engager, estimé final,
      // écart, écart %, cause, explication, rang.
      Suivi_Lignes: r('Suivi budgétaire', 'A8', [
        ['5.1', 'Studios', 21000, 6300, 0, 18200, 24500, 3500, 0.1667, 'Externe', 'Repli en studio', 2],
        // +21 % and 1 386 €: at both thresholds, neither cause nor explanation.
        ['6.1.2', 'Trains', 6600, 186, 186, 7800, 7986, 1386, 0.21, null, null, 3],
        // +5 000 € but 8,3 % of its line: under the share threshold.
        ['1.1', 'Droits', 60000, 15000, 15000, 50000, 65000, 5000, 0.0833, null, null, 1],
        // A saving beyond both thresholds is explained too; its cause is not in the list.
        [
          '8.3',
          'Effets visuels',
          45000,
          0,
          0,
          38000,
          38000,
          -7000,
          -0.1556,
          'Ailleurs',
          'Plans remplacés',
          '',
        ],
        // No devis: any écart from the amount threshold on; this one is explained.
        ['9.9', 'Nouvelle ligne', 0, 1500, 0, 0, 1500, 1500, '', 'Interne', 'Ajout du tournage', 4],
        // Text where the écart should be: not judged here (the generic checks see it).
        ['9.8', 'Texte', 100, 0, 0, null, 0, 'n/a', '', null, null, ''],
      ]),
      Param_SeuilEcart: one('Paramètres', 'B21', 0.1),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    [
      'followup-gap-unexplained@Suivi budgétaire!K9',
      'followup-gap-no-cause@Suivi budgétaire!J9',
      'followup-gap-cause-unknown@Suivi budgétaire!J11',
    ],
  ],
  [
    'followup-gaps-explained',
    snap({
      Suivi_Lignes: r('Suivi budgétaire', 'A8', [
        ['6.1.2', 'Trains', 6600, 186, 186, 7800, 7986, 1386, 0.21, null, null, 1],
      ]),
      // Thresholds raised by the production: 25 % of the line.
      Param_SeuilEcart: one('Paramètres', 'B21', 0.25),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    [],
  ],
];
