import { type Case, one, snap } from './support';

/** The table of `devis-protocol-caps`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  // The protocol's worked example: postes 1–9 of 2 636 693 € with a fee of 90 000 € + 54 000 € of
  // charges and 40 000 € of frais financiers: base 2 452 693 €, FG cap 171 688,51 €, fee cap 122 634,65 €.
  [
    'devis-protocol-caps',
    snap({
      Devis_FraisGeneraux: one('Devis', 'H151', 171688.51),
      Devis_RemunProducteur: one('Devis', 'H156', 122634.65),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
    [],
  ],
  [
    'devis-protocol-caps',
    snap({
      // 7 % of the postes 1–9 (fee and frais financiers included): 12 880 € over the cap.
      Devis_FraisGeneraux: one('Devis', 'H151', 184568.51),
      Devis_RemunProducteur: one('Devis', 'H156', 144000),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
    ['protocol-overheads-over@Devis!H151', 'protocol-fee-over@Devis!H156'],
  ],
  // An audiovisual grid has no protocol base: nothing to judge.
  ['devis-protocol-caps', snap({ Devis_FraisGeneraux: one('Devis', 'H160', 500000) }), []],
];
