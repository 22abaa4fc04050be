import { type Case, r, one, snap, day } from './support';

/** The table of `schedule-plan`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['schedule-plan', snap({}), []],
  [
    'schedule-plan',
    snap({
      Param_DebutTournage: one('Paramètres', 'B14', day(2027, 4, 26)),
      Param_FinTournage: one('Paramètres', 'B15', day(2027, 6, 11)),
      PdT_MaxJour: one('Plan de travail', 'B5', 10),
      PdT_ReposMin: one('Plan de travail', 'B6', 11),
      PdT_MaxConsecutifs: one('Plan de travail', 'B7', 6),
      PdT_MaxSemaine: one('Plan de travail', 'B8', 48),
      Param_LivraisonPAD: one('Paramètres', 'B16', day(2027, 10, 29)),
      // Paramètres says 20 weeks of postproduction, the planning 18.
      Param_SemainesPostprod: one('Paramètres', 'B11', 20),
      PdT_SemainesPostprod: one('Plan de travail', 'I9', 18),
      // PdT_Semaines from H106: semaine du, jours tournés, travail effectif, couverts.
      PdT_Semaines: r('Plan de travail', 'H106', [
        [day(2027, 4, 26), 5, 47.5, 325],
        // Five days of 10 h 15.
        [day(2027, 5, 3), 5, 51.25, 330],
        ['', '', '', ''],
      ]),
      // PdT_Postprod from A121: étape, après l'étape, début, jours ouvrés, fin, semaines.
      PdT_Postprod: r('Plan de travail', 'A121', [
        // Begun a week before the first shooting day.
        ['Montage image', null, day(2027, 4, 19), 80, day(2027, 8, 6), 16],
        // Begun on the Monday before the picture is locked (Friday 6 August).
        ['Montage son', 'Montage image', day(2027, 8, 2), 20, day(2027, 8, 27), 4],
        // Follows a step the planning does not have.
        ['Mixage', 'Montage sons', day(2027, 9, 6), 10, day(2027, 9, 17), 2],
        // Ends a week after the delivery of 29 October.
        ['Conformation et PAD', 'Mixage', day(2027, 10, 25), 10, day(2027, 11, 5), 2],
        [null, null, null, null, '', ''],
      ]),
      PdT_Premier: one('Plan de travail', 'I6', day(2027, 4, 26)),
      // The plan ends a week after Paramètres says.
      PdT_Dernier: one('Plan de travail', 'I7', day(2027, 6, 18)),
      // PdT_Jours from A11: jour, date, décor, lieu, type, int/ext, jour/nuit, séquences, convoqués,
      // figurants, début, fin, pause, travail effectif, repos, jours consécutifs.
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
          0.3125,
          0.8125,
          1,
          11,
          '',
          1,
        ],
        // Called at 06:00 after a wrap at 19:30: 10 h 30 of rest.
        [
          2,
          day(2027, 4, 27),
          'Gare',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '2',
          'Léa',
          0,
          0.25,
          0.6667,
          1,
          9,
          10.5,
          2,
        ],
        // The seventh day in a row, at the limit of hours.
        [
          7,
          day(2027, 5, 2),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '3',
          'Léa',
          0,
          0.3333,
          0.79167,
          1,
          10,
          12,
          7,
        ],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, '', '', ''],
      ]),
      // PdT_Roles from A70: rôle, comédien, début et fin du contrat, jours convoqués, hors contrat.
      PdT_Roles: r('Plan de travail', 'A70', [
        // Léa's contract ends on 1 May 2027: called on the 2nd.
        ['Léa', 'C. D.', day(2027, 4, 26), day(2027, 5, 1), 3, 1],
        ['Marc', 'J. M.', day(2027, 4, 26), day(2027, 6, 11), 0, 0],
      ]),
      // PdT_Quantites from A60: ligne, libellé, mesure, en plus, selon le plan, au devis, écart.
      PdT_Quantites: r('Plan de travail', 'A60', [
        ['6.3.1', 'Cantine', 'Couverts de cantine', null, 2450, 2450, 0],
        ['6.2.1', 'Hôtel', 'Jours à Lille', null, 25, 24, -1],
        // 7 weeks of shooting and 2 of preparation: 9, the devis says 9.
        ['2.4.1', 'Directeur de la photographie', 'Semaines de tournage', 2, 9, 9, 0],
      ]),
    }),
    [
      'schedule-daily-hours@Plan de travail!N11',
      'schedule-rest@Plan de travail!O12',
      'schedule-consecutive@Plan de travail!P13',
      'schedule-weekly-hours@Plan de travail!J107',
      'post-before-shoot@Plan de travail!C121',
      'post-before-dependency@Plan de travail!C122',
      'post-after-unknown@Plan de travail!B123',
      'post-after-delivery@Plan de travail!E124',
      'schedule-role-contract@Plan de travail!I13',
      // Back to the port after a day at the station.
      'schedule-set-return@Plan de travail!C13',
      'schedule-devis-quantity@Plan de travail!F61',
      'schedule-params-dates@Paramètres!B15',
      'schedule-params-post-weeks@Paramètres!B11',
    ],
  ],
];
