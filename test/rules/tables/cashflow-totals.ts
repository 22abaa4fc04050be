import { type Case, one, snap } from './support';

/** The table of `cashflow-totals`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'cashflow-totals',
    snap({ Treso_EcartPlan: one('T', 'C52', 0), Treso_EcartDevis: one('T', 'C53', 0) }),
    [],
  ],
  [
    'cashflow-totals',
    snap({ Treso_EcartPlan: one('T', 'C52', 10), Treso_EcartDevis: one('T', 'C53', -0.01) }),
    ['cashflow-gap-plan@T!C52', 'cashflow-gap-devis@T!C53'],
  ],
];
