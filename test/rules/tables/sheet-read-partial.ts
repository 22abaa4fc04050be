import { type Case, book, sheet } from './support';

/** The table of `sheet-read-partial`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['sheet-read-partial', book([sheet('Dépenses', [['Date'], [1]])]), []],
  [
    'sheet-read-partial',
    book([{ ...sheet('Dépenses', [['Date'], [1], [2]]), truncated: true }]),
    ['sheet-read-partial@Dépenses!A4'],
  ],
];
