import { type Case, r, snap } from './support';

/** The table of `event-budget`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['event-budget', snap({}), []],
  [
    'event-budget',
    snap({
      // Evt_Lignes from A7: catégorie, poste, quantité, unité, tarif, montant, commentaire.
      Evt_Lignes: r('Budget événement', 'A7', [
        ['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null],
        [null, 'Affiches', 1, 'Forfait', 1800, 1800, null],
        ['Presse', 'Attaché de presse', 1, 'Forfait', 3000, 3000, null],
        // A tariff without a label is a poste too; an empty row is not.
        [null, null, 2, null, 50, 100, null],
        [null, null, null, null, null, '', null],
      ]),
    }),
    [
      'event-category-missing@Budget événement!A8',
      'event-category-unknown@Budget événement!A9',
      'event-category-missing@Budget événement!A10',
    ],
  ],
];
