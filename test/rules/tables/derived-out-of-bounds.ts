import { type Case, book, sheet } from './support';

/** The table of `derived-out-of-bounds`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'derived-out-of-bounds',
    book([
      sheet('Budget', [
        ['Code', 'Montant', 'dont France', 'dont étranger', '% du devis'],
        ['1', 100, 80, 20, 0.5],
        ['3', 50, 50, 0, 0.3],
      ]),
    ]),
    [],
  ],
  [
    'derived-out-of-bounds',
    book([
      sheet('Budget', [
        ['Code', 'Montant', 'dont France', 'dont étranger', '% du devis'],
        ['1', 100, 80, 20, 0.5],
        ['2', 100, '=B3-D3 →-10', 110, 1.2],
        ['3', 50, 50, 0, 0.3],
        ['Total', 250, 120, 130, 2],
      ]),
    ]),
    ['derived-negative@Budget!C3', 'derived-foreign-above@Budget!D3', 'derived-share@Budget!E3'],
  ],
];
