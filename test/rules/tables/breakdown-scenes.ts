import { type Case, r, snap, day } from './support';

/** The table of `breakdown-scenes`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['breakdown-scenes', snap({}), []],
  [
    'breakdown-scenes',
    snap({
      // Depou_Sequences from A6: séquence, décor, int/ext, jour/nuit, huitièmes, pages, rôles, figurants,
      // accessoires, véhicules, matériel, impact, jours au plan.
      Depou_Sequences: r('Dépouillement', 'A6', [
        ['1', 'Port', 'EXT', 'Jour', 8, 1, 'Léa', 0, '', '', '', '', 1],
        // Shot on no day of the plan.
        ['2', 'Port', 'EXT', 'Jour', 6, 0.75, 'Léa', 0, '', '', '', '', 0],
        ['3', 'Gare', 'INT', 'Jour', 4, 0.5, 'Marc', 10, '', '', '', '', 1],
        [null, null, null, null, null, '', null, null, null, null, null, null, ''],
      ]),
      PdT_Jours: r('Plan de travail', 'A11', [
        [
          1,
          day(2027, 4, 26),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1',
          'Léa',
          0,
          0.3333,
          0.75,
          1,
          9,
          '',
          1,
        ],
        // Sequences 3 and 4: the dépouillement has no 4, nor 5.
        [
          2,
          day(2027, 4, 27),
          'Gare',
          'Lille',
          'Décor naturel',
          'INT',
          'Jour',
          '3, 4,5',
          'Marc',
          10,
          0.3333,
          0.75,
          1,
          9,
          14,
          2,
        ],
      ]),
    }),
    ['scene-unscheduled@Dépouillement!M7', 'scene-unknown@Plan de travail!H12'],
  ],
];
