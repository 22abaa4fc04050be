import { type Case, r, one, snap } from './support';

/** The table of `rights-shares`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['rights-shares', snap({}), []],
  [
    'rights-shares',
    snap({
      // Droits_Lignes from A5: ayant droit, qualité, assiette, pourcentage, rang, plafond, MG, montant…
      Droits_Lignes: r('Ayants droit', 'A5', [
        [
          'Films du Quai',
          'Producteur délégué',
          'Recettes nettes part producteur',
          0.76,
          2,
          null,
          null,
          0,
          0,
          0,
        ],
        ['SOFICA', 'Coproducteur', 'Recettes nettes part producteur', 0.25, 2, null, null, 0, 0, 0],
        ['Scénariste', 'Auteur', 'Recettes nettes part producteur', 0.03, null, null, 10000, 0, 0, 0],
        // A share without a base, and one on a base the table does not list.
        ['Compositeur', 'Compositeur', null, 0.01, null, null, null, '', '', ''],
        ['Éditeur', 'Auteur', 'Ventes de livres', 0.02, null, null, null, 0, 0, 0],
        // 100 % exactly on the distributor's base: allowed (ranks do not apply there).
        ['Distributeur', 'Distributeur', 'Recettes brutes distributeur', 0.25, 1, null, null, 0, 0, 0],
        ['Exploitant', 'Autre', 'Recettes brutes distributeur', 0.75, 1, null, null, 0, 0, 0],
        // A SOFICA's recoupment at 100 % of rank 1, held to its cap: allowed; a rank the waterfall
        // does not have.
        [
          'SOFICA (récupération)',
          'Coproducteur',
          'Recettes nettes part producteur',
          1,
          1,
          150000,
          null,
          0,
          0,
          0,
        ],
        ['Coproducteur', 'Coproducteur', 'Recettes nettes part producteur', 0.1, 7, null, null, 0, 0, 0],
        [null, null, null, null, null, null, null, '', '', ''],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [
        ['Recettes nettes part producteur', 0.03, 360000, 0, 0],
        ['Recettes brutes distributeur', 1, 765000, 0, 0],
        ['Recettes guichet', 0, 0, 0, 0],
        ['Autre assiette', 0, null, 0, 0],
      ]),
      // The waterfall (L29:P34): corridors, ranks 1 to 5.
      Droits_Rangs: r('Ayants droit', 'L29', [
        ['Couloirs (sans rang, dès le premier euro)', 0.03, 360000, 10800, 349200],
        ['Rang 1', 1, 349200, 150000, 199200],
        ['Rang 2', 1.01, 199200, 199200, 0],
        ['Rang 3', 0, 0, 0, 0],
        ['Rang 4', 0, 0, 0, 0],
        ['Rang 5', 0, 0, 0, 0],
      ]),
    }),
    [
      'rights-base-missing@Ayants droit!C8',
      'rights-base-unknown@Ayants droit!C9',
      'rights-rank-unknown@Ayants droit!E13',
      'rights-rank-over-100@Ayants droit!M31',
    ],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        [
          'Films du Quai',
          'Producteur délégué',
          'Recettes nettes part producteur',
          0.6,
          null,
          null,
          null,
          0,
          0,
          0,
        ],
        ['Auteur', 'Auteur', 'Recettes nettes part producteur', 0.45, null, null, null, 0, 0, 0],
      ]),
      // The corridors of the RNPP at 105 %.
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 1.05, 0, 0, 0]]),
    }),
    ['rights-over-100@Ayants droit!M5'],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        ['Films du Quai', 'Producteur délégué', 'Recettes nettes part producteur', 1, 1, null, null, 0, 0, 0],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 0, 0, 0, 0]]),
      // The cascade's rental rate typed at 55 % (L17:M17), above the 50 % cap of Paramètres.
      Droits_TauxLocation: one('Ayants droit', 'M17', 0.55),
      Param_PlafondLocation: one('Paramètres', 'B58', 0.5),
    }),
    ['rights-rental-over-cap@Ayants droit!M17'],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        ['Films du Quai', 'Producteur délégué', 'Recettes nettes part producteur', 1, 1, null, null, 0, 0, 0],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 0, 0, 0, 0]]),
      // At the cap exactly: allowed.
      Droits_TauxLocation: one('Ayants droit', 'M17', 0.5),
      Param_PlafondLocation: one('Paramètres', 'B58', 0.5),
    }),
    [],
  ],
];
