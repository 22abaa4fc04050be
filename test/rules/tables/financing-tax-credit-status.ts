import { type Case, r, one, snap, HEAD } from './support';

/** The table of `financing-tax-credit-status`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'financing-tax-credit-status',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'CIC', 'Crédit d’impôt cinéma', 'Public', 'Acquis', 700000, 0.24, null, '', '', ''],
      ]),
      Param_AgrementProvisoire: one('Paramètres', 'B19', 'Oui'),
    }),
    [],
  ],
  [
    'financing-tax-credit-status',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'CIC', 'Crédit d’impôt cinéma', 'Public', 'Acquis', 700000, 0.24, null, '', '', ''],
        [2, 'Chaîne', 'Préachat chaîne de télévision', 'Privé', 'Acquis', 1, 0, null, '', '', ''],
        [3, 'CIA', 'Crédit d’impôt audiovisuel', 'Public', 'Sollicité', 1, 0, null, '', '', ''],
      ]),
      Param_AgrementProvisoire: one('Paramètres', 'B19', 'Non'),
    }),
    ['tax-credit-acquired-early@P!E22'],
  ],
];
