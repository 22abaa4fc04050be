import { type Case, r, book, sheet } from './support';

/** The table of `formula-short-range`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['formula-short-range', book([sheet('Feuil1', [['Montant'], [10], [20], [30], ['=SUM(A2:A4) →60']])]), []],
  [
    'formula-short-range',
    book([
      sheet('Feuil1', [['Montant'], [10], [20], [30], ['=SUM(A3:A4) →50']]),
      sheet('Ligne', [[10, 20, 30, '=SUM(A1:B1) →30']]),
    ]),
    ['formula-short-range@Feuil1!A5', 'formula-short-range@Ligne!D1'],
  ],
  [
    // The same short total under our ledger (Dep_Lignes, A5:N7, total row 8): inside a block the
    // model knows, it is an erreur with its own message.
    'formula-short-range',
    {
      ...book([
        sheet('Dépenses', [
          [],
          [],
          [],
          ['Date', 'Pièce', 'Fournisseur', 'Nature', 'Code', 'Libellé', 'Montant HT'],
          [null, 'F-1', 'A', 'Facture', '1.1', 'x', 100],
          [null, 'F-2', 'B', 'Facture', '1.1', 'y', 200],
          [null, 'F-3', 'C', 'Facture', '1.1', 'z', 300],
          [null, null, null, null, null, 'Total', '=SUM(G6:G7) →500'],
        ]),
      ]),
      ranges: {
        Dep_Lignes: r(
          'Dépenses',
          'A5',
          [[null, null, null, null, null, null, null, null, null, null, null, null, null, null]].concat([
            [],
            [],
          ]),
        ),
      },
    },
    ['formula-short-range-block@Dépenses!G8'],
  ],
];
