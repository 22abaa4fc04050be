import { type Case, r, snap } from './support';

/** The table of `cashflow-phase-order`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'cashflow-phase-order',
    snap({ Treso_Phases: r('T', 'F7', [['Développement', 'Préparation', 'Tournage', 'Postproduction']]) }),
    [],
  ],
  [
    'cashflow-phase-order',
    snap({ Treso_Phases: r('T', 'F7', [['Préparation', 'Tournage', 'Préparation']]) }),
    ['cashflow-phase-order@T!H7'],
  ],
];
