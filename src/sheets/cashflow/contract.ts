import { contiguousColumns } from '../model/contract';

/** Columns left of the months, for the receipt, payment and profile rows. */
export const CASHFLOW_COLUMNS = contiguousColumns('A', {
  rank: 'N°',
  label: 'Libellé',
  amount: 'Montant',
  scheduled: 'Total échéancé',
  gap: 'Écart',
});

/** The first month sits right of the fixed columns. */
export const FIRST_MONTH_COL = 5;
export const JALON_ROW = 4;
export const MONTH_ROW = 6;
export const PHASE_ROW = 7;
export const MONTH_FORMAT = 'mmm yyyy';

/** Columns of the cash measures table (named Treso_Mesures from `type`). */
export const MEASURE_COLUMNS = contiguousColumns('A', {
  rank: 'N°',
  type: 'Type de mesure',
  amount: 'Montant',
  date: 'Mise en place',
  repayment: 'Remboursement',
  rate: 'Taux annuel',
  fees: 'Frais',
  cost: 'Coût estimé',
  description: 'Description',
});

export const CASHFLOW_NAMES = {
  jalons: 'Treso_Jalons',
  months: 'Treso_Mois',
  phases: 'Treso_Phases',
  totalReceipts: 'Treso_TotalEncaissements',
  /** Total receipts and payments of each month (rows over the month columns). */
  receiptsByMonth: 'Treso_EncaissementsMois',
  paymentsByMonth: 'Treso_DecaissementsMois',
  totalPayments: 'Treso_TotalDecaissements',
  /** VAT paid on the payments and VAT recovered, per month; the VAT rate of each payment row. */
  vatPaid: 'Treso_TVAPayeeMois',
  vatRecovered: 'Treso_TVARecupereeMois',
  vatRates: 'Treso_TauxTVA',
  cumulative: 'Treso_SoldeCumule',
  lowest: 'Treso_SoldeMin',
  criticalMonth: 'Treso_MoisCritique',
  deficitMonths: 'Treso_MoisDeficit',
  need: 'Treso_Besoin',
  planGap: 'Treso_EcartPlan',
  devisGap: 'Treso_EcartDevis',
  measures: 'Treso_Mesures',
  /** Cumulative share of the tax credit refunded, per month (formats with a tax credit). */
  taxRefunded: 'Treso_PartCreditImpotRembourse',
  afterMeasures: 'Treso_SoldeApresMesures',
  lowestAfterMeasures: 'Treso_SoldeMinApresMesures',
  uncoveredNeed: 'Treso_BesoinNonCouvert',
  measuresCost: 'Treso_CoutMesures',
  financialCostsGap: 'Treso_EcartFraisFinanciers',
} as const;
