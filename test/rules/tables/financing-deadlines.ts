import { type Case, r, one, snap, HEAD } from './support';

/** The table of `financing-deadlines`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'financing-deadlines',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [
          1,
          'Région',
          'Aide régionale',
          'Public',
          'Sollicité',
          300000,
          0.1,
          new Date(),
          'Tourner en région',
          '',
          '',
        ],
      ]),
    }),
    [],
  ],
  [
    'financing-deadlines',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'Région', 'Aide régionale', 'Public', 'Sollicité', 300000, 0.1, null, '', '', ''],
        [2, 'Chaîne', 'Préachat', 'Privé', 'Acquis', 1, 0, null, '', '', ''],
      ]),
    }),
    ['financing-deadline-missing@P!H22', 'financing-eligibility-missing@P!I22'],
  ],
  [
    'financing-deadlines',
    snap({
      Param_DebutTournage: one('Paramètres', 'B10', new Date(Date.UTC(2027, 3, 26))),
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        // The day before the shoot: in time; the day after: late. A private source: not an aid.
        [
          1,
          'Région',
          'Aide régionale',
          'Public',
          'Sollicité',
          300000,
          0.1,
          new Date(Date.UTC(2027, 3, 25)),
          'En région',
          '',
          '',
        ],
        [
          2,
          'CNC',
          'Aide sélective',
          'Public',
          'Sollicité',
          100000,
          0.1,
          new Date(Date.UTC(2027, 3, 27)),
          'Agrément',
          '',
          '',
        ],
        [
          3,
          'Chaîne',
          'Préachat',
          'Privé',
          'Sollicité',
          200000,
          0.1,
          new Date(Date.UTC(2027, 4, 15)),
          '',
          '',
          '',
        ],
      ]),
    }),
    ['financing-deadline-after-shoot@P!H23'],
  ],
];
