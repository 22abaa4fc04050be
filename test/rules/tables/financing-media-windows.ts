import { type Case, r, snap, HEAD } from './support';

/** The table of `financing-media-windows`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['financing-media-windows', snap({}), []],
  [
    'financing-media-windows',
    snap({
      Fin_Tableau: r('Plan de financement', 'A21', [
        HEAD,
        [
          1,
          'Canal+ — préachat',
          'Préachat chaîne de télévision',
          'Privé',
          'Acquis',
          700000,
          0.2,
          null,
          '',
          '',
          '',
        ],
        [
          2,
          'Netflix — préachat',
          'Préachat plateforme (SMAD)',
          'Privé',
          'Sollicité',
          400000,
          0.1,
          null,
          '',
          '',
          '',
        ],
        [
          3,
          'Distributeur — MG',
          'Minimum garanti distributeur',
          'Privé',
          'Acquis',
          250000,
          0.1,
          null,
          '',
          '',
          '',
        ],
        // Buys no window: not asked for one.
        [4, 'Région', 'Aide régionale', 'Public', 'Sollicité', 300000, 0.1, null, '', '', ''],
      ]),
      // Fin_Chronologie from B100: source, fenêtre, ouverture au contrat, selon l'accord, écart, (G), ordre, constat.
      Fin_Chronologie: r('Plan de financement', 'B100', [
        // Canal+ at 5 months where the accord says 6: the contract contradicts it.
        ['Canal+ — préachat', 'Télévision payante signataire (Canal+, OCS)', 5, 6, -1, null, 2, 'Avant'],
        // At the accord's month, to the month: in order.
        ['Distributeur — MG', 'Vidéo à l’acte (VàD à l’acte, DVD et Blu-ray)', 4, 4, 0, null, 1, 'Conforme'],
        // A window typed by hand, not one of the accord's.
        ['Distributeur — MG', 'Vidéo gratuite', 30, 'Fenêtre inconnue', '', null, 3, ''],
        // A source the plan does not have.
        [
          'M6 — préachat',
          'Télévision en clair (TF1, France Télévisions, M6, Arte…)',
          22,
          22,
          0,
          null,
          4,
          'Conforme',
        ],
        // A free row.
        [null, null, null, '', '', null, '', ''],
      ]),
    }),
    [
      'media-window-early@Plan de financement!D100',
      'media-window-unknown@Plan de financement!C102',
      'media-window-source@Plan de financement!B103',
      // Netflix buys a window and has no row.
      'media-window-missing@Plan de financement!B23',
    ],
  ],
];
