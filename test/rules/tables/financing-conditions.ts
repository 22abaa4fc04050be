import { type Case, r, snap } from './support';

/** The table of `financing-conditions`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['financing-conditions', snap({}), []],
  [
    'financing-conditions',
    snap({
      // Fin_Conditions from B87: financeur, condition, taux, assiette, exigée, (G), au devis, écart, règle.
      Fin_Conditions: r('Plan de financement', 'B87', [
        // 160 % of a 300 000 € aid: 480 000 € required, 431 150 € spent in the region.
        [
          'Région',
          'Dépenses en région ≥ taux × aide',
          1.6,
          300000,
          480000,
          null,
          431150,
          -48850,
          'Règlement',
        ],
        // Met, to the cent.
        [
          'Île-de-France',
          'Dépenses en région ≥ taux × devis hors poste 9',
          0.3,
          1000000,
          300000,
          null,
          300000,
          0,
          '',
        ],
        // A free row: nothing to check.
        [null, null, null, '', '', null, '', '', null],
      ]),
    }),
    ['financing-condition-unmet@Plan de financement!H87'],
  ],
];
