import { type Case, one, snap, devis } from './support';

/** The table of `devis-nine-chapters`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-nine-chapters',
    snap({ Devis_Lignes: devis(), Param_Nomenclature: one('Paramètres', 'B7', 'cnc-classique') }),
    [],
  ],
  ['devis-nine-chapters', snap({ Devis_Lignes: devis({ drop: '6' }) }), ['devis-chapter-missing@Devis!A4']],
  [
    'devis-nine-chapters',
    snap({ Devis_Lignes: devis({ line: ['2.x', 'Inconnu', null, 1, null, 1, 1, 1, 1, null, ''] }) }),
    ['devis-code-unknown@Devis!A8'],
  ],
  ['devis-nine-chapters', snap({}, { devis: devis() }), []],
  ['devis-nine-chapters', snap({}), ['devis-missing@-']],
];
