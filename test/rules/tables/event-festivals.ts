import { type Case, r, one, snap } from './support';

/** The table of `event-festivals`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['event-festivals', snap({}), []],
  [
    'event-festivals',
    snap({
      Evt_Lignes: r('Budget événement', 'A7', [['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null]]),
      // A 105-minute film delivered on 29 October 2027 (serial 46689).
      Param_LivraisonPAD: one('Paramètres', 'B12', 46689),
      Param_Duree: one('Paramètres', 'B8', 105),
      // Evt_Festivals from A60: festival, section, lieu, rang, première, genres, retombées.
      Evt_Festivals: r('Budget événement', 'A60', [
        ['Lille', 'Compétition', 'Lille', 1, 'Mondiale', 'Fiction', 'Presse'],
        // Closes on 15 October, before the delivery.
        ['Bruxelles', 'Panorama', 'Bruxelles', 2, 'Internationale', 'Fiction', 'Vendeurs'],
        // Takes films of 90 minutes at most.
        ['Montréal', 'Sélection', 'Montréal', 3, 'Nationale', 'Fiction', 'Ventes'],
        // A world premiere after Lille's, in the strategy: a conflict.
        ['Cannes', 'Compétition', 'Cannes', 4, 'Mondiale', 'Tous genres', 'Prestige'],
        // The same, set aside (no rank): not checked.
        ['Venise', 'Compétition', 'Venise', null, 'Mondiale', 'Tous genres', 'Prestige'],
      ]),
      // Evt_FestivalDates from I60: début, date limite, livré, éligible, frais, durée min, durée max, année.
      Evt_FestivalDates: r('Budget événement', 'I60', [
        [46729, 46693, 'Oui', 'Oui', 0, 60, 150, 2027],
        [46772, 46675, 'Non', 'Oui', 60, 70, 180, 2026],
        [46822, 46736, 'Oui', 'Non', 85, 60, 90, 2027],
        [46889, 46813, 'Oui', 'Oui', 0, null, null, 2027],
        [46630, 46600, 'Non', 'Oui', 0, null, null, 2027],
      ]),
    }),
    [
      'festival-undelivered@Budget événement!J61',
      'festival-duration@Budget événement!O62',
      'festival-premiere-conflict@Budget événement!E63',
    ],
  ],
];
