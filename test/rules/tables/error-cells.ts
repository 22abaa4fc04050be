import { type Case, r, snap, book, sheet } from './support';

/** The table of `error-cells`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'error-cells',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', 10],
      ]),
    }),
    [],
  ],
  [
    'error-cells',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', { error: '#REF!' }],
        ['2', 'Personnel', '#DIV/0!'],
      ]),
    }),
    ['error-cell@Récapitulatif!C5', 'error-cell@Récapitulatif!C6'],
  ],
  [
    // Read whole, every sheet is scanned: a #N/A in a sheet no other rule names is found too.
    'error-cells',
    book([
      sheet('Notes de production', [
        ['Poste', 'Montant'],
        ['Cantine', 1200],
        ['Navettes', { error: '#N/A' }],
      ]),
    ]),
    ['error-cell@Notes de production!B3'],
  ],
];
