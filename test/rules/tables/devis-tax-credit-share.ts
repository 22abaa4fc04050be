import { type Case, one, snap, shareDevis } from './support';

/** The table of `devis-tax-credit-share`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(1), Param_TauxCI: one('Paramètres', 'B30', 0.3) }),
    [],
  ],
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(null), Param_TauxCI: one('Paramètres', 'B30', 0.3) }),
    ['tax-credit-share-missing@Devis!L8'],
  ],
  // A court métrage has no tax credit: nothing to say about the column.
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(null), Param_TauxCI: one('Paramètres', 'B30', 0) }),
    [],
  ],
];
