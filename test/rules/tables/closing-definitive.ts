import { type Case, one, snap, DEFINITIVE_SHORT } from './support';

/** The table of `closing-definitive`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['closing-definitive', snap({}), []],
  [
    'closing-definitive',
    DEFINITIVE_SHORT,
    ['closing-tax-credit-lower@Bilan financier!L13', 'closing-over-ceiling@Bilan financier!L5'],
  ],
  [
    'closing-definitive',
    snap({
      // A définitif above the plan is kept by the financement définitif: nothing to say; both lists
      // hold every piece of the ledger.
      Bilan_PersonnelEcart: one('Bilan financier', 'D84', 0),
      Bilan_PrestatairesEcart: one('Bilan financier', 'D136', 0),
      Bilan_CreditImpotDefinitif: one('Bilan financier', 'L11', 659036.17),
      Bilan_CreditImpotPlan: one('Bilan financier', 'L12', 653220.54),
      Bilan_AjustementCreditImpot: one('Bilan financier', 'L13', 5815.63),
      Bilan_CoutDefinitif: one('Bilan financier', 'L5', 2902246.03),
      Fin_Public: one('Plan de financement', 'C9', 1203220.54),
      Fin_Plafond: one('Plan de financement', 'C13', 0.6),
    }),
    [],
  ],
  [
    'closing-definitive',
    snap({
      // 3 200 € of salaries paid to « J. Castel » while the list says « Julien Castel ».
      Bilan_PersonnelEcart: one('Bilan financier', 'D84', 3200),
      Bilan_PrestatairesEcart: one('Bilan financier', 'D136', 0.004),
    }),
    ['closing-list-incomplete@Bilan financier!D84'],
  ],
];
