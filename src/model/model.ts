import type { GapThresholds } from '../domain/followup/followup';
import type { Status } from '../domain/budget/types';
import type { Money } from '../domain/money';
import type { NomenclatureData } from '../domain/nomenclature/types';
import type { Location } from '../sheets/model/snapshot';
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
  /** The Récapitulatif of the devis by chapter. */
  recap: RecapModel | null;
  cashflow: CashflowModel | null;
  /** Trésorerie réelle: the need as it turned out. */
  actualCashflow: ActualCashflowModel | null;
  ledger: LedgerModel | null;
  followUp: FollowUpModel | null;
  closing: ClosingModel | null;
  rights: RightsModel | null;
  event: EventModel | null;
  /** The CUE sheet: the film's music cues. */
  cues: CueSheetModel | null;
  /** The plan de travail: the shooting days and the devis quantities they give. */
  schedule: ScheduleModel | null;
  /** The dépouillement: the script's sequences and the plan days that shoot each. */
  breakdown: BreakdownModel | null;
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
  /** The film's duration (minutes), shooting days, weeks of preparation and of post-production. */
  duration: F<Money>;
  shootingDays: F<Money>;
  prepWeeks: F<Money>;
  postWeeks: F<Money>;
  /** The budget envelope the devis must stay within. */
  envelope: F<Money>;
  /** The écart a person must explain: above this share of the line, and this amount. */
  gapRate: F<Money>;
  gapAmount: F<Money>;
  /** The producer's fee cap, as a share of the protocol's base (cinema). */
  producerFeeCap: F<Money>;
  /** The employer-charge rate of each status (Paramètres), where the workbook has one. */
  chargeRates: { status: Status; rate: Field<Money> }[];
  /** Both thresholds, each the default where Paramètres has no number. */
  gapThresholds: GapThresholds;
  /** The drop-down lists of Paramètres (empty where the workbook has none). */
  lists: { statuses: string[]; sourceStatuses: string[]; natures: string[] };
}

/** What a row of the devis table is: a chapter header, a total, a sous-poste's total, a row. */
export type BudgetRowKind = 'chapter' | 'total' | 'group' | 'row';

/**
 * A row of the devis table. The costed lines (`BudgetModel.lines`) are the rows with a code and an
 * amount inside a chapter, sous-poste totals left out.
 */
export interface BudgetLineModel {
  kind: BudgetRowKind;
  /** The chapter the row sits under (its code; '' above the first chapter). */
  chapter: string;
  code: Field<string>;
  label: Field<string>;
  status: Field<string>;
  quantity: Field<Money>;
  count: Field<Money>;
  rate: Field<Money>;
  amount: Field<Money>;
  france: Field<Money>;
  foreign: Field<Money>;
  justification: Field<string>;
  /** Share of the line in the tax credit's base (0 to 1); null field where the devis has no such column. */
  taxCreditShare: F<Money>;
  /** The formula of the amount, where a formula computes it. */
  amountFormula: string | null;
}

/** A chapter of the devis's outline: its header row, its lines, the row that holds its total. */
export interface BudgetChapterModel {
  code: string;
  label: string;
  /** Null where the devis has no chapter rows (its chapters read from its codes). */
  row: BudgetLineModel | null;
  lines: BudgetLineModel[];
  total: BudgetLineModel | null;
}

export interface BudgetModel {
  /** False where only the devis's named figures could be read (its table's header row lost). */
  table: boolean;
  /** Built by hand (read through the recognition), not scaffolded by us. */
  handmade: boolean;
  /** The devis is written in k€ (its amounts are turned into euros in the model). */
  thousands: boolean;
  /** A devis built by hand that says it is audiovisual (episode columns, its title): no cinema caps. */
  audiovisual: boolean;
  nomenclature: NomenclatureData;
  /** Every row of the table that holds a code, a label or an amount, in order. */
  rows: BudgetLineModel[];
  lines: BudgetLineModel[];
  chapters: BudgetChapterModel[];
  /** The rows of frais généraux, imprévus and the grand total, where the outline found them. */
  outline: {
    overheads: BudgetLineModel | null;
    contingency: BudgetLineModel | null;
    grandTotal: BudgetLineModel | null;
  };
  /** Which optional columns the table has. */
  columns: { status: boolean; taxCredit: boolean };
  /** The header's code and label cells: where a finding about the whole table points. */
  header: { code: Location; label: Location } | null;
  total: F<Money>;
  /** The imprévus' amount (Devis_Imprevus). */
  contingency: F<Money>;
  /** The frais généraux' amount (Devis_FraisGeneraux). */
  overheads: F<Money>;
  /** The tax credit's eligible base (French spend on the closed list). */
  taxCreditBase: F<Money>;
  /** The producer's fee and the base the protocol's caps apply to (cinema). */
  producerFee: F<Money>;
  protocolBase: F<Money>;
  /** The named total of each chapter (Devis_Poste3…), by chapter code. */
  chapterTotals: ReadonlyMap<string, Field<Money>>;
}

export interface RecapLineModel {
  code: Field<string>;
  amount: Field<Money>;
  share: Field<Money>;
  france: Field<Money>;
  foreign: Field<Money>;
}

export interface RecapModel {
  /** Null where the Récapitulatif's table cannot be read. */
  lines: RecapLineModel[] | null;
  total: F<Money>;
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
  /** Public and private totals, the public-aid intensity and its ceiling (shares, 0 to 1). */
  publicTotal: F<Money>;
  privateTotal: F<Money>;
  intensity: F<Money>;
  ceiling: F<Money>;
  /** How many sources the plan counts, and how many of them are RSE bonuses. */
  sourceCount: F<Money>;
  rseCount: F<Money>;
  /** The values of the plan's summary block. */
  summary: Field<Money>[];
  /** The comparison of financing aids; null where the plan has none. */
  comparison: ComparisonModel[] | null;
  /** The funders' conditions against the devis (our plan only). */
  conditions?: ConditionModel[];
  /** The windows of the chronologie des médias the sources buy; absent without the block. */
  windows?: WindowModel[];
}

/** A source's window: the month its contract opens it, the accord's month, the gap. */
export interface WindowModel {
  source: Field<string>;
  window: Field<string>;
  months: Field<Money>;
  /** The accord's opening; empty where the window is not one of the accord's. */
  accord: Field<Money>;
  gap: Field<Money>;
}

/** A funder's condition: what it requires, what the devis spends, the gap. */
export interface ConditionModel {
  source: Field<string>;
  kind: Field<string>;
  required: Field<Money>;
  actual: Field<Money>;
  gap: Field<Money>;
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
  /** A trésorerie built by hand: its table of months as read (absent from ours). */
  table?: CashTableModel;
}

/** A row of a trésorerie built by hand: its label, its month cells, its « Total » cell. */
export interface CashTableLine {
  label: string;
  cells: Field<Money>[];
  total: Field<Money> | null;
}

/** The table of a trésorerie built by hand: months, blocks closed by a total row, balances. */
export interface CashTableModel {
  months: { label: string; at: Location }[];
  /** Rows under a title, closed by their total row (« Total encaissements »). */
  blocks: { title: string; total: CashTableLine; rows: CashTableLine[] }[];
  /** The month's balance and the running balance, where the sheet has them. */
  balance: Field<Money>[] | null;
  running: Field<Money>[] | null;
  /** Which block holds the receipts, which the payments (by their labels). */
  receipts: number | null;
  payments: number | null;
}

export interface ActualCashflowModel {
  need: F<Money>;
  criticalMonth: F<number>;
  /** After the measures (drawn, then the Trésorerie's schedule): the low point and what is left uncovered. */
  lowestAfterMeasures: F<Money>;
  uncovered: F<Money>;
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
  payee: Field<string>;
  label: Field<string>;
  ttc: Field<Money>;
  /** « Oui » once the piece's proof is filed. */
  proof: Field<string>;
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
  /** The devis codes the ledger may charge; null where the sheet has no such list. */
  codes: string[] | null;
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
  /** The base at completion (the devis's moved by the écarts) the frais généraux and the fee are capped on. */
  baseFinal: F<Money>;
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
  /** The coût définitif (total). */
  cost: F<Money>;
  /** The tax credit on the coût définitif, the plan's, and définitif − plan. */
  taxCredit: F<Money>;
  taxCreditPlan: F<Money>;
  taxCreditGap: F<Money>;
  /** What of the ledger's salaries, and of its providers' pieces, the two lists leave out. */
  personnelGap: F<Money>;
  providersGap: F<Money>;
}

export interface RightsHolderModel {
  name: Field<string>;
  base: Field<string>;
  share: Field<Money>;
  /** Rank on the RNPP (a whole number from 1 to 5); empty: a corridor. */
  rank: Field<Money>;
  mg: Field<Money>;
}

/** A step of the RNPP's waterfall (corridors, rank 1…), with the total of its holders' shares. */
export interface RightsRankModel {
  label: Field<string>;
  share: Field<Money>;
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
  /** The RNPP's waterfall: corridors, then ranks 1 to 5 (empty on an older sheet). */
  ranks: RightsRankModel[];
  /** The cascade's rental rate (contract) and its legal cap (Paramètres); null without them. */
  rentalRate: F<Money>;
  rentalCap: F<Money>;
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

export interface ScheduleModel {
  days: ShootDayModel[];
  /** The roles and their contracts (days as Excel serials). */
  roles: { role: Field<string>; start: Field<number>; end: Field<number> }[];
  links: ScheduleLinkModel[];
  dailyMax: F<Money>;
  restMin: F<Money>;
  consecutiveMax: F<Money>;
  weeklyMax: F<Money>;
  /** The shooting weeks: each Monday (Excel serial) and the week's hours of effective work. */
  weeks: { monday: Field<number>; hours: Field<Money> }[];
  /** The postproduction planning: each step, the one it follows, its start and end (Excel serials). */
  post: { step: Field<string>; after: Field<string>; start: Field<number>; end: Field<number> }[];
  /** Weeks of postproduction after the shoot, as the plan computes them. */
  postWeeks: F<Money>;
  /** The first and last shooting days (Excel serials). */
  first: F<number>;
  last: F<number>;
}

/** A shooting day: its date, its hours of work, the rest before it, the days in a row. */
export interface BreakdownModel {
  scenes: { number: Field<string>; days: Field<Money> }[];
}

export interface ShootDayModel {
  date: Field<number>;
  set: Field<string>;
  /** The sequences it shoots, separated by commas. */
  scenes: Field<string>;
  /** The roles called, separated by commas. */
  cast: Field<string>;
  hours: Field<Money>;
  rest: Field<Money>;
  consecutive: Field<Money>;
}

/** A devis quantity the plan gives: the plan's count and the devis's quantity. */
export interface ScheduleLinkModel {
  code: Field<string>;
  label: Field<string>;
  measure: Field<string>;
  plan: Field<Money>;
  devis: Field<Money>;
}

export interface CueSheetModel {
  cues: CueModel[];
  /** The film's duration in seconds, as the sheet computes it from Paramètres. */
  filmSeconds: F<Money>;
}

/** A music cue: timecodes in seconds from the start of the film. */
export interface CueModel {
  number: Field<string>;
  title: Field<string>;
  in: Field<number>;
  out: Field<number>;
  origin: Field<string>;
  rights: Field<string>;
  cost: Field<Money>;
  code: Field<string>;
}

export interface EventModel {
  lines: EventLineModel[];
  partners: EventPartnerModel[];
  /** The rétroplanning of the avant-première: its date and its tasks (empty without one). */
  eventDate: F<number>;
  tasks: RetroTaskModel[];
  /** The festivals listed (ranked: in the strategy). */
  festivals: FestivalModel[];
}

/** A festival of the strategy, with its criteria (days as Excel serials). */
export interface FestivalModel {
  name: Field<string>;
  rank: Field<Money>;
  premiere: Field<string>;
  start: Field<number>;
  deadline: Field<number>;
  minutesMin: Field<Money>;
  minutesMax: Field<Money>;
}

/** A task of the rétroplanning, with the dates the sheet computes (days as Excel serials). */
export interface RetroTaskModel {
  phase: Field<string>;
  task: Field<string>;
  rank: Field<Money>;
  after: Field<Money>;
  days: Field<Money>;
  margin: Field<Money>;
  owner: Field<string>;
  start: Field<number>;
  end: Field<number>;
  due: Field<number>;
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
