import { type Case, snap, devis } from './support';

/** The table of `devis-totals-are-formulas`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['devis-totals-are-formulas', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-totals-are-formulas',
    snap({ Devis_Lignes: devis({ typedAmount: true }) }),
    ['typed-total@Devis!H14', 'typed-total@Devis!I14'],
  ],
];
