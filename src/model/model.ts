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
}

export interface MeasureModel {
  type: Field<string>;
  amount: Field<Money>;
  date: Field<number>;
  repayment: Field<number>;
  rate: Field<Money>;
  fees: Field<Money>;
}

export interface CashflowModel {
  measures: MeasureModel[];
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
}

export interface FollowUpModel {
  lines: FollowUpLineModel[];
  devis: F<Money>;
}

export interface ClosingFundingModel {
  source: Field<string>;
  planned: Field<Money>;
  obtained: Field<Money>;
}

export interface ClosingModel {
  devis: F<Money>;
  funding: ClosingFundingModel[];
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
  label: Field<string>;
  key: Field<string>;
  quantityPrev: Field<Money>;
  multiplier: Field<Money>;
  quantityDef: Field<Money>;
}

export interface CarbonModel {
  lines: CarbonLineModel[];
}
