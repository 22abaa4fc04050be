/** Trésorerie réelle: a label column, a total column, then the months of the Trésorerie. */
export const ACTUAL_LABEL_COL = 'A';
export const ACTUAL_TOTAL_COL = 'B';
/** Index (0-based) of the first month column: C. */
export const ACTUAL_FIRST_MONTH_INDEX = 2;
/** "Situation au" (linked to the Suivi budgétaire). */
export const ACTUAL_SITUATION_CELL = 'B4';
export const ACTUAL_MONTH_ROW = 6;
export const ACTUAL_KIND_ROW = 7;

/** What each month column says it holds, on the row under the months. */
export const ACTUAL_KINDS = { real: 'Réel', forecast: 'Prévisionnel' } as const;

export const ACTUAL_NAMES = {
  situation: 'TresoR_Situation',
  months: 'TresoR_Mois',
  /** Rows over the months. */
  receipts: 'TresoR_Encaissements',
  payments: 'TresoR_Decaissements',
  /** VAT paid (the pieces' in the real months) and recovered, per month. */
  vatPaid: 'TresoR_TVAPayee',
  vatRecovered: 'TresoR_TVARecuperee',
  cumulative: 'TresoR_SoldeCumule',
  /** The months to come: receipts expected, pieces committed at their dates, still to commit. */
  expected: 'TresoR_EncaissementsAttendus',
  committed: 'TresoR_Engagements',
  toCommit: 'TresoR_ResteAEngager',
  updated: 'TresoR_SoldeActualise',
  /** The updated balance after the measures (real, then the Trésorerie's schedule). */
  afterMeasures: 'TresoR_SoldeApresMesures',
  lowestAfterMeasures: 'TresoR_SoldeMinApresMesures',
  uncoveredNeed: 'TresoR_BesoinNonCouvert',
  /** The updated critical period. */
  lowest: 'TresoR_SoldeMin',
  criticalMonth: 'TresoR_MoisCritique',
  deficitMonths: 'TresoR_MoisDeficit',
  need: 'TresoR_Besoin',
  gapAtSituation: 'TresoR_EcartSituation',
} as const;
