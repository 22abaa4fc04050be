import { type Case, one, snap } from './support';

/** The table of `devis-enveloppe`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100), Param_Enveloppe: one('Paramètres', 'B17', 100) }),
    [],
  ],
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100.01), Param_Enveloppe: one('Paramètres', 'B17', 100) }),
    ['envelope-over@Devis!H152'],
  ],
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100), Param_Enveloppe: one('Paramètres', 'B17', null) }),
    ['envelope-missing@Paramètres!B17'],
  ],
];
