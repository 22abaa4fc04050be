import { type Case, book, sheet } from './support';

/** The table of `formula-inconsistent`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'formula-inconsistent',
    book([
      sheet('Feuil1', [
        ['Poste', 'Qté', 'Taux', 'Montant'],
        ['a', 2, 10, '=B2*C2 →20'],
        ['b', 3, 10, '=B3*C3 →30'],
        ['c', 4, 10, '=B4*C4 →40'],
      ]),
    ]),
    [],
  ],
  [
    'formula-inconsistent',
    book([
      sheet('Feuil1', [
        ['Poste', 'Qté', 'Taux', 'Montant'],
        ['a', 2, 10, '=B2*C2 →20'],
        ['b', 3, 10, '=B3*10 →30'],
        ['c', 4, 10, '=B4*C4 →40'],
        ['d', 5, 10, 50],
        ['e', 6, 10, '=B6*C6 →60'],
      ]),
      // Across a row: months side by side, one typed.
      sheet('Mois', [
        ['Mois', 1, 2, 3, 4, 5],
        ['Double', '=B1*2 →2', '=C1*2 →4', 99, '=E1*2 →8', '=F1*2 →10'],
      ]),
    ]),
    ['formula-inconsistent@Feuil1!D3', 'formula-typed-value@Feuil1!D5', 'formula-typed-value@Mois!D2'],
  ],
];
