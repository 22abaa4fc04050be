import { type Case, one, snap, devis } from './support';

/** The table of `text-in-number-cells`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'text-in-number-cells',
    snap({ Devis_Lignes: devis(), Param_Enveloppe: one('Paramètres', 'B17', 3200000) }),
    [],
  ],
  [
    'text-in-number-cells',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chef op', 'Cadre', 'neuf', 'Semaine', 1, '3 500,00 €', 0, 0, null, ''],
      }),
      Param_Enveloppe: one('Paramètres', 'B17', '3,2 M€'),
    }),
    ['text-number@Devis!D8', 'text-number@Devis!G8', 'text-number@Paramètres!B17'],
  ],
];
