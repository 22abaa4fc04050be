import { type Case, snap, devis, withoutRse } from './support';

/** The table of `devis-rse-lines`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['devis-rse-lines', snap({ Devis_Lignes: devis() }), []],
  ['devis-rse-lines', snap({ Devis_Lignes: withoutRse(devis()) }), ['rse-lines-missing@Devis!B4']],
];
