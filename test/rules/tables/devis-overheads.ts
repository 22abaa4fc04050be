import { type Case, one, snap } from './support';

/** The table of `devis-overheads`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-overheads',
    snap({
      Param_TauxFG: one('Paramètres', 'B25', 0.07),
      Param_PlafondFG: one('Paramètres', 'B26', 0.07),
      Devis_Imprevus: one('Devis', 'H151', 10),
    }),
    [],
  ],
  [
    'devis-overheads',
    snap({
      Param_TauxFG: one('Paramètres', 'B25', 0.08),
      Param_PlafondFG: one('Paramètres', 'B26', 0.07),
      Devis_Imprevus: one('Devis', 'H151', 0),
    }),
    ['overheads-cap@Paramètres!B25', 'contingency-missing@Devis!H151'],
  ],
];
