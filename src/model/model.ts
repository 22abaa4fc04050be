import type { GapThresholds } from '../domain/followup/followup';
import type { Money } from '../domain/money';
import type { Field } from './field';

/**
 * The model of the production as read back from a workbook: every figure with the cell it came
 * from and whether it was typed (see Field). A part is null when the workbook has no such sheet.
 * Rules and the declared invariants read this, never a workbook name.
 */
export interface ProductionModel {
  params: ParamsModel;
  budget: BudgetModel | null;
  financing: FinancingModel | null;
  cashflow: CashflowModel | null;
  /** Trésorerie réelle: the need as it turned out. */
  actualCashflow: ActualCashflowModel | null;
  ledger: LedgerModel | null;
  followUp: FollowUpModel | null;
  closing: ClosingModel | null;
  rights: RightsModel | null;
  event: EventModel | null;
  carbon: CarbonModel | null;
}

type F<T> = Field<T> | null;

export interface ParamsModel {
  devStart: F<number>;
  prepStart: F<number>;
  shootStart: F<number>;
  shootEnd: F<number>;
  delivery: F<number>;
  overheadsRate: F<Money>;
  /** The frais généraux cap (cinema: 7 % of the protocol's base). */
  overheadsCap: F<Money>;
  contingencyRate: F<Money>;
  /** « Oui » once the tax credit's provisional agreement is obtained. */
  provisionalAgreement: F<string>;
  taxCreditRate: F<Money>;
  taxCreditCap: F<Money>;
  /** The budget envelope the devis must stay within. */
  envelope: F<Money>;
  /** The écart a person must explain: above this share of the line, and this amount. */
  gapRate: F<Money>;
  gapAmount: F<Money>;
  /** Both thresholds, each the default where Paramètres has no number. */
  gapThresholds: GapThresholds;
  /** The drop-down lists of Paramètres (empty where the workbook has none). */
  lists: { statuses: string[]; sourceStatuses: string[]; natures: string[] };
}

/** A costed line of the devis (chapter headers, totals and rate lines left out). */
export interface BudgetLineModel {
  code: Field<string>;
  label: Field<string>;
  status: Field<string>;
  quantity: Field<Money>;
  count: Field<Money>;
  rate: Field<Money>;
  amount: Field<Money>;
  france: Field<Money>;
  foreign: Field<Money>;
  /** Share of the line in the tax credit's base (0 to 1); null field where the devis has no such column. */
  taxCreditShare: F<Money>;
}

export interface BudgetModel {
  lines: BudgetLineModel[];
  total: F<Money>;
  /** The imprévus' amount (Devis_Imprevus). */
  contingency: F<Money>;
  /** The tax credit's eligible base (French spend on the closed list). */
  taxCreditBase: F<Money>;
}

export interface SourceModel {
  name: Field<string>;
  category: Field<string>;
  nature: Field<string>;
  status: Field<string>;
  amount: Field<Money>;
  deadline: Field<number>;
  eligibility: Field<string>;
  /** One share per milestone of the schedule, in order. */
  milestones: Field<Money>[];
  scheduleTotal: Field<Money>;
}

export interface FinancingModel {
  sources: SourceModel[];
  /** The category labels the plan offers (its category table). */
  categories: string[];
  total: F<Money>;
  filmCost: F<Money>;
  taxCreditEstimate: F<Money>;
  taxCreditInPlan: F<Money>;
  /** Plan total minus devis total, as the plan computes it. */
  gap: F<Money>;
  /** How many sources the plan counts, and how many of them are RSE bonuses. */
  sourceCount: F<Money>;
  rseCount: F<Money>;
  /** The comparison of financing aids; null where the plan has none. */
  comparison: ComparisonModel[] | null;
}

export interface ComparisonModel {
  aid: Field<string>;
  advantages: Field<string>;
  drawbacks: Field<string>;
}

export interface MeasureModel {
  type: Field<string>;
  amount: Field<Money>;
  date: Field<number>;
  repayment: Field<number>;
  rate: Field<Money>;
  fees: Field<Money>;
  description: Field<string>;
}

/** A month column of the Trésorerie: its month and its phase. */
export interface CashMonthModel {
  month: Field<number>;
  phase: Field<string>;
}

export interface CashflowModel {
  measures: MeasureModel[];
  months: CashMonthModel[];
  /** Receipts minus the plan, payments minus the devis: both zero when nothing was left out. */
  planGap: F<Money>;
  devisGap: F<Money>;
  /** Months in deficit, and the need (the lowest cumulative balance, as a positive amount). */
  deficitMonths: F<Money>;
  need: F<Money>;
  /** After the measures: the need they leave uncovered, the lowest balance, their cost. */
  uncoveredNeed: F<Money>;
  lowestAfterMeasures: F<Money>;
  measuresCost: F<Money>;
  /** Frais financiers of the devis minus the measures' cost (negative: the devis is short). */
  financialCostsGap: F<Money>;
}

export interface ActualCashflowModel {
  need: F<Money>;
  criticalMonth: F<number>;
}

export interface PieceModel {
  date: Field<number>;
  piece: Field<string>;
  code: Field<string>;
  ht: Field<Money>;
  tva: Field<Money>;
  status: Field<string>;
  paidOn: Field<number>;
  nature: Field<string>;
}

export interface LedgerCodeModel {
  code: Field<string>;
  engaged: Field<Money>;
  paid: Field<Money>;
}

export interface LedgerModel {
  pieces: PieceModel[];
  /** The statuses the ledger's drop-down offers. */
  statuses: string[];
  byCode: LedgerCodeModel[];
}

export interface FollowUpLineModel {
  code: Field<string>;
  label: Field<string>;
  devis: Field<Money>;
  engaged: Field<Money>;
  paid: Field<Money>;
  remaining: Field<Money>;
  final: Field<Money>;
  gap: Field<Money>;
  cause: Field<string>;
  explanation: Field<string>;
}

export interface FollowUpModel {
  lines: FollowUpLineModel[];
  /** The dashboard: devis and cost at completion, and the arbitrage written for an overrun. */
  devis: F<Money>;
  final: F<Money>;
  arbitrage: F<string>;
}

export interface ClosingFundingModel {
  source: Field<string>;
  planned: Field<Money>;
  obtained: Field<Money>;
}

/** A chapter of the Bilan financier: devis against final cost, and why they differ. */
export interface ClosingCostModel {
  chapter: Field<string>;
  label: Field<string>;
  devis: Field<Money>;
  final: Field<Money>;
  explanation: Field<string>;
}

export interface ClosingModel {
  devis: F<Money>;
  funding: ClosingFundingModel[];
  costs: ClosingCostModel[];
  /** Financing obtained minus final cost. */
  balance: F<Money>;
}

export interface RightsHolderModel {
  name: Field<string>;
  base: Field<string>;
  share: Field<Money>;
  mg: Field<Money>;
}

export interface RightsBaseModel {
  base: Field<string>;
  /** The total of the holders' shares on this base, as the sheet shows it. */
  share: Field<Money>;
}

export interface RightsModel {
  holders: RightsHolderModel[];
  /** The bases of the per-base table (the holders' bases must be among them). */
  bases: RightsBaseModel[];
}

export interface EventLineModel {
  category: Field<string>;
  label: Field<string>;
  quantity: Field<Money>;
  rate: Field<Money>;
}

export interface EventPartnerModel {
  name: Field<string>;
  amount: Field<Money>;
}

export interface EventModel {
  lines: EventLineModel[];
  partners: EventPartnerModel[];
}

export interface CarbonLineModel {
  category: Field<string>;
  label: Field<string>;
  key: Field<string>;
  unit: Field<string>;
  quantityPrev: Field<Money>;
  multiplier: Field<Money>;
  /** The line's emissions in the prévisionnel (kg CO2e). */
  prev: Field<Money>;
  quantityDef: Field<Money>;
  assumption: Field<string>;
}

/** A category of the carbon summary and its prévisionnel emissions. */
export interface CarbonCategoryModel {
  category: Field<string>;
  prev: Field<Money>;
}

export interface CarbonMeasureModel {
  label: Field<string>;
  saving: Field<Money>;
}

export interface CarbonModel {
  lines: CarbonLineModel[];
  /** Null where the sheet has no summary, or no table of measures. */
  summary: CarbonCategoryModel[] | null;
  measures: CarbonMeasureModel[] | null;
  totalPrev: F<Money>;
  totalDef: F<Money>;
}
