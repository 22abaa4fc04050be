import { type Case, r, one, snap } from './support';

/** The table of `event-retroplanning`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['event-retroplanning', snap({}), []],
  [
    'event-retroplanning',
    snap({
      Evt_Lignes: r('Budget événement', 'A7', [['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null]]),
      // The avant-première on 18 November 2027 (serial 46709).
      Evt_DateAvantPremiere: one('Budget événement', 'B40', 46709),
      // Evt_Retroplanning from A43: phase, tâche, n°, après n°, durée, marge, responsable.
      Evt_Retroplanning: r('Budget événement', 'A43', [
        ['Préparation', 'Salle', 1, null, 5, 2, 'Programmateur'],
        // Starts on 11 September, before the deadline of task 1 (12 September).
        ['Communication', 'Impression', 2, 1, 5, 3, 'Imprimeur'],
        // Nobody responsible, and due on 20 November, two days after the event.
        ['Logistique', 'Cocktail', 3, 2, 3, 2, null],
        // Follows a task the plan does not have; on the day itself: not late.
        ['Jour J', 'Projection', 4, 9, 1, 0, 'Projectionniste'],
        // The bilan, after the event: allowed.
        ['Bilan', 'Revue de presse', 5, 4, 5, 0, 'Attaché de presse'],
        [null, null, null, null, null, null, null],
      ]),
      // Evt_RetroDates from I43: début, fin, échéance, jours avant.
      Evt_RetroDates: r('Budget événement', 'I43', [
        [46636, 46640, 46642, 67],
        [46641, 46645, 46648, 61],
        [46707, 46709, 46711, -2],
        [46709, 46709, 46709, 0],
        [46710, 46714, 46714, -5],
        [null, '', '', ''],
      ]),
    }),
    [
      'retro-before-dependency@Budget événement!I44',
      'retro-missing@Budget événement!G45',
      'retro-after-event@Budget événement!K45',
      'retro-after-unknown@Budget événement!D46',
    ],
  ],
];
