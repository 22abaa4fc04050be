import { type Case, snap, devis, handmade } from './support';

/** The table of `devis-chapter-totals`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  // A devis built by hand on a sheet « Budget » (no Devis_Lignes): chapters, lines, totals.
  ['devis-chapter-totals', snap({}, { devis: handmade() }), []],
  // Our own devis is summed by formulas LibreOffice recomputes: not this rule's.
  ['devis-chapter-totals', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ total1: 'typed 80000' }) }),
    ['chapter-total-mismatch@Budget!D5', 'grand-total-mismatch@Budget!D11'],
  ],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ total1: '=SUM(D3:D3)→60000' }) }),
    ['chapter-total-omits@Budget!D5', 'grand-total-mismatch@Budget!D11'],
  ],
  ['devis-chapter-totals', snap({}, { devis: handmade({ line: '2.1' }) }), ['line-wrong-chapter@Budget!A3']],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ grand: 'typed 1' }) }),
    ['grand-total-mismatch@Budget!D11'],
  ],
];
