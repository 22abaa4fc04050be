import { type Case, r, one, snap } from './support';

/** The table of `carbon-previsionnel-definitif`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'carbon-previsionnel-definitif',
    snap({
      Carbone_TotalPrev: one('Bilan carbone', 'B17', 53940.2),
      Carbone_TotalDef: one('Bilan carbone', 'D17', 10412.5),
      // Carbone_Lignes from A21: catégorie, poste, clé, facteur, unité, quantité prév., multiplicateur,
      // prévisionnel, quantité définitive, définitif, source, hypothèse.
      Carbone_Lignes: r('Bilan carbone', 'A21', [
        [
          'Décors',
          'Construction (k€)',
          'spend.furniture_manufactured',
          350,
          'kgCO2e/k€',
          85,
          0.35,
          10412.5,
          85,
          10412.5,
          'ADEME',
          '',
        ],
        [
          'Transports',
          'Équipe en TGV',
          'train.tgv',
          0.00293,
          'kgCO2e/p.km',
          460,
          120,
          161.7,
          null,
          0,
          'ADEME',
          '',
        ],
        ['Repas', 'Cantine', 'meal.average', 2.25, 'kgCO2e/repas', 980, 1, 2205, null, 0, 'ADEME', ''],
        // Nothing at the forecast: nothing expected at the définitif.
        [null, null, null, null, null, null, null, 0, null, 0, null, null],
      ]),
    }),
    ['carbon-definitive-partial@Bilan carbone!I22'],
  ],
];
