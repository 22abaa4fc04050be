import { type Case, one, snap, devis } from './support';

/** The table of `devis-charges`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-charges',
    snap({ Devis_Lignes: devis(), Param_TauxCharges_Technicien: one('Paramètres', 'B21', 0.55) }),
    [],
  ],
  [
    'devis-charges',
    snap({
      Devis_Lignes: devis({ charges: 0 }),
      Param_TauxCharges_Technicien: one('Paramètres', 'B21', 0.2),
    }),
    ['charges-missing@Devis!B11', 'charges-rate-range@Paramètres!B21'],
  ],
];
