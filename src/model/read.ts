import type { Money } from '../domain/money';
import { ACTUAL_NAMES } from '../sheets/actual/contract';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { readMeasures, readMonths } from '../sheets/cashflow/reader';
import { STATUSES } from '../domain/budget/types';
import { FINANCING_NAMES, SUMMARY_COLUMNS, milestoneColumn } from '../sheets/financing/contract';
import { readTable } from '../sheets/model/snapshot';
import { RECAP_NAMES } from '../sheets/recap/contract';
import { readRecap } from '../sheets/recap/reader';
import { chargeRateName } from '../sheets/params/contract';
import { BUDGET_READS, readBudget } from './readBudget';
import { handmadeCaps, readHandmadeFinancing, readHandmadeRecap } from './readHandmade';
import { readHandmadeCashflow } from './readHandmadeCash';
import {
  readComparison,
  readConditions,
  readSources,
  readWindows,
  type SourceRow,
} from '../sheets/financing/reader';
import { type Snapshot } from '../sheets/model/snapshot';
import { LIST_NAMES, PARAMS_NAMES } from '../sheets/params/contract';
import { readGapThresholds } from '../sheets/params/reader';
import { MILESTONES } from '../domain/financing/types';
import { asDay, asMoney, asText, fieldOf, rowField, type Field } from './field';
import type {
  ActualCashflowModel,
  CashflowModel,
  FinancingModel,
  ParamsModel,
  ProductionModel,
  RecapModel,
  SourceModel,
} from './model';
import { fields, figureAt, filledRows, letterField, listOf, moneyAt } from './readCells';
import {
  FOLLOWING_READS,
  readCarbon,
  readClosing,
  readBreakdown,
  readCues,
  readEvent,
  readSchedule,
  readFollowUp,
  readLedger,
  readRights,
} from './readFollowing';

/** The Trésorerie's single figures the model holds. */
const CASHFLOW_FIGURES = [
  'planGap',
  'devisGap',
  'deficitMonths',
  'need',
  'uncoveredNeed',
  'lowestAfterMeasures',
  'measuresCost',
  'financialCostsGap',
] as const;

/** Every workbook name the model reader reads: the audit reads them in its one batch. */
export const MODEL_READS: readonly string[] = [
  PARAMS_NAMES.devStart,
  PARAMS_NAMES.prepStart,
  PARAMS_NAMES.shootStart,
  PARAMS_NAMES.shootEnd,
  PARAMS_NAMES.padDelivery,
  PARAMS_NAMES.overheadsRate,
  PARAMS_NAMES.overheadsCap,
  PARAMS_NAMES.provisionalAgreement,
  PARAMS_NAMES.contingencyRate,
  PARAMS_NAMES.taxCreditRate,
  PARAMS_NAMES.taxCreditCap,
  PARAMS_NAMES.nomenclature,
  LIST_NAMES.statuses,
  LIST_NAMES.sourceStatuses,
  LIST_NAMES.natures,
  FINANCING_NAMES.table,
  FINANCING_NAMES.total,
  FINANCING_NAMES.filmCost,
  FINANCING_NAMES.taxCreditEstimate,
  FINANCING_NAMES.taxCreditInPlan,
  FINANCING_NAMES.categoryLabels,
  FINANCING_NAMES.gap,
  FINANCING_NAMES.publicTotal,
  FINANCING_NAMES.privateTotal,
  FINANCING_NAMES.intensity,
  FINANCING_NAMES.ceiling,
  FINANCING_NAMES.sourceCount,
  FINANCING_NAMES.rseCount,
  FINANCING_NAMES.comparison,
  FINANCING_NAMES.conditions,
  FINANCING_NAMES.windows,
  PARAMS_NAMES.envelope,
  PARAMS_NAMES.duration,
  PARAMS_NAMES.shootingDays,
  PARAMS_NAMES.prepWeeks,
  PARAMS_NAMES.postWeeks,
  PARAMS_NAMES.gapRate,
  PARAMS_NAMES.gapAmount,
  CASHFLOW_NAMES.measures,
  CASHFLOW_NAMES.months,
  CASHFLOW_NAMES.phases,
  ...CASHFLOW_FIGURES.map((k) => CASHFLOW_NAMES[k]),
  ACTUAL_NAMES.need,
  ACTUAL_NAMES.criticalMonth,
  ACTUAL_NAMES.lowestAfterMeasures,
  ACTUAL_NAMES.uncoveredNeed,
  ...FOLLOWING_READS,
  ...BUDGET_READS,
  PARAMS_NAMES.producerFeeCap,
  ...STATUSES.map(chargeRateName),
  FINANCING_NAMES.summary,
  RECAP_NAMES.lines,
  RECAP_NAMES.total,
];

const MODELS = new WeakMap<Snapshot, ProductionModel>();

/** The model of the production read from a snapshot, each figure with its cell; memoised per snapshot. */
export function readModel(s: Snapshot): ProductionModel {
  const known = MODELS.get(s);
  if (known) return known;
  const budget = readBudget(s);
  // A workbook built by hand: the protocol's caps from data/, its topsheet, its financing block.
  const hand = budget?.handmade === true;
  const params = readParams(s);
  const caps = hand && budget ? handmadeCaps(budget.nomenclature, budget.audiovisual) : null;
  const financing = readFinancing(s) ?? (hand ? readHandmadeFinancing(s, budget) : null);
  const model: ProductionModel = {
    params: caps
      ? {
          ...params,
          overheadsCap: params.overheadsCap ?? caps.overheadsCap,
          producerFeeCap: params.producerFeeCap ?? caps.producerFeeCap,
        }
      : params,
    budget,
    recap: readRecapModel(s) ?? (hand ? readHandmadeRecap(s) : null),
    financing,
    cashflow:
      readCashflow(s) ??
      (hand ? readHandmadeCashflow(s, budget?.total?.value ?? null, financing?.total?.value ?? null) : null),
    actualCashflow: readActualCashflow(s),
    ledger: readLedger(s),
    followUp: readFollowUp(s),
    closing: readClosing(s),
    rights: readRights(s),
    event: readEvent(s),
    cues: readCues(s),
    schedule: readSchedule(s),
    breakdown: readBreakdown(s),
    carbon: readCarbon(s),
  };
  MODELS.set(s, model);
  return model;
}

function readParams(s: Snapshot): ParamsModel {
  const day = (name: string): Field<number> | null => figureAt(s, name, asDay);
  const money = (name: string): Field<Money> | null => moneyAt(s, name);
  return {
    devStart: day(PARAMS_NAMES.devStart),
    prepStart: day(PARAMS_NAMES.prepStart),
    shootStart: day(PARAMS_NAMES.shootStart),
    shootEnd: day(PARAMS_NAMES.shootEnd),
    delivery: day(PARAMS_NAMES.padDelivery),
    overheadsRate: money(PARAMS_NAMES.overheadsRate),
    overheadsCap: money(PARAMS_NAMES.overheadsCap),
    contingencyRate: money(PARAMS_NAMES.contingencyRate),
    provisionalAgreement: figureAt(s, PARAMS_NAMES.provisionalAgreement, asText),
    taxCreditRate: money(PARAMS_NAMES.taxCreditRate),
    taxCreditCap: money(PARAMS_NAMES.taxCreditCap),
    duration: money(PARAMS_NAMES.duration),
    shootingDays: money(PARAMS_NAMES.shootingDays),
    prepWeeks: money(PARAMS_NAMES.prepWeeks),
    postWeeks: money(PARAMS_NAMES.postWeeks),
    envelope: money(PARAMS_NAMES.envelope),
    gapRate: money(PARAMS_NAMES.gapRate),
    gapAmount: money(PARAMS_NAMES.gapAmount),
    gapThresholds: readGapThresholds(s),
    producerFeeCap: money(PARAMS_NAMES.producerFeeCap),
    chargeRates: STATUSES.flatMap((status) => {
      const rate = moneyAt(s, chargeRateName(status));
      return rate ? [{ status, rate }] : [];
    }),
    lists: {
      statuses: listOf(s, LIST_NAMES.statuses),
      sourceStatuses: listOf(s, LIST_NAMES.sourceStatuses),
      natures: listOf(s, LIST_NAMES.natures),
    },
  };
}

function readFinancing(s: Snapshot): FinancingModel | null {
  const rows = readSources(s);
  const range = s.ranges[FINANCING_NAMES.table];
  const money = (name: string): Field<Money> | null => moneyAt(s, name);
  const figures = {
    total: money(FINANCING_NAMES.total),
    filmCost: money(FINANCING_NAMES.filmCost),
    taxCreditEstimate: money(FINANCING_NAMES.taxCreditEstimate),
    taxCreditInPlan: money(FINANCING_NAMES.taxCreditInPlan),
    gap: money(FINANCING_NAMES.gap),
    publicTotal: money(FINANCING_NAMES.publicTotal),
    privateTotal: money(FINANCING_NAMES.privateTotal),
    intensity: money(FINANCING_NAMES.intensity),
    ceiling: money(FINANCING_NAMES.ceiling),
    sourceCount: money(FINANCING_NAMES.sourceCount),
    rseCount: money(FINANCING_NAMES.rseCount),
  };
  const summaryRange = s.ranges[FINANCING_NAMES.summary];
  const summary = summaryRange
    ? readTable(summaryRange, SUMMARY_COLUMNS).map((r) => rowField(r, 'value', asMoney))
    : [];
  const comparison = readComparison(s);
  const compared =
    comparison?.map((r) => fields(r, { aid: asText, advantages: asText, drawbacks: asText })) ?? null;
  const conditions = (readConditions(s) ?? [])
    .filter((r) => r.text('source') !== '' && r.text('kind') !== '')
    .map((r) =>
      fields(r, { source: asText, kind: asText, required: asMoney, actual: asMoney, gap: asMoney }),
    );
  const windows = readWindows(s)
    ?.filter((r) => (['source', 'window', 'months'] as const).some((k) => r.text(k) !== ''))
    .map((r) =>
      fields(r, { source: asText, window: asText, months: asMoney, accord: asMoney, gap: asMoney }),
    );
  const blocks = { summary, comparison: compared, conditions, ...(windows ? { windows } : {}) };
  // The plan's named figures stand even where its table of sources cannot be read.
  if (!rows || !range)
    return Object.values(figures).some((f) => f !== null) || compared || conditions.length > 0
      ? { sources: [], categories: [], ...figures, ...blocks }
      : null;
  const source = (r: SourceRow): SourceModel => ({
    name: rowField(r, 'source', asText),
    category: rowField(r, 'category', asText),
    nature: rowField(r, 'nature', asText),
    status: rowField(r, 'status', asText),
    amount: rowField(r, 'amount', asMoney),
    deadline: rowField(r, 'deadline', asDay),
    eligibility: rowField(r, 'eligibility', asText),
    milestones: MILESTONES.map((_, k) => letterField(range, r.i, milestoneColumn(k), asMoney)),
    scheduleTotal: rowField(r, 'scheduleTotal', asMoney),
  });
  const labels = s.ranges[FINANCING_NAMES.categoryLabels];
  return {
    // A source is a row with a name, a category or an amount typed; the total row is not one.
    sources: rows
      .filter((r) => (['source', 'category', 'amount'] as const).some((k) => r.text(k) !== ''))
      .filter((r) => !/^total\b/i.test(r.text('source')))
      .map(source),
    categories: labels ? listOf(s, FINANCING_NAMES.categoryLabels) : [],
    ...figures,
    ...blocks,
  };
}

function readCashflow(s: Snapshot): CashflowModel | null {
  const rows = filledRows(readMeasures(s), ['type', 'amount', 'description']);
  const months = readMonths(s);
  const figures = Object.fromEntries(
    CASHFLOW_FIGURES.map((k) => [k, moneyAt(s, CASHFLOW_NAMES[k])]),
  ) as Record<(typeof CASHFLOW_FIGURES)[number], Field<Money> | null>;
  if (!rows && !months && Object.values(figures).every((f) => f === null)) return null;
  return {
    ...figures,
    months: (months ?? []).map((m) => ({
      month: fieldOf(m.month, null, null, asDay),
      phase: fieldOf(m.phase, null, m.phaseAt, asText),
    })),
    measures: (rows ?? []).map((r) =>
      fields(r, {
        type: asText,
        amount: asMoney,
        date: asDay,
        repayment: asDay,
        rate: asMoney,
        fees: asMoney,
        description: asText,
      }),
    ),
  };
}

function readActualCashflow(s: Snapshot): ActualCashflowModel | null {
  const need = moneyAt(s, ACTUAL_NAMES.need);
  const criticalMonth = figureAt(s, ACTUAL_NAMES.criticalMonth, asDay);
  const lowestAfterMeasures = moneyAt(s, ACTUAL_NAMES.lowestAfterMeasures);
  const uncovered = moneyAt(s, ACTUAL_NAMES.uncoveredNeed);
  return need || criticalMonth || uncovered ? { need, criticalMonth, lowestAfterMeasures, uncovered } : null;
}

function readRecapModel(s: Snapshot): RecapModel | null {
  const rows = readRecap(s);
  const total = moneyAt(s, RECAP_NAMES.total);
  if (!rows && !total) return null;
  return {
    lines:
      rows?.map((r) =>
        fields(r, { code: asText, amount: asMoney, share: asMoney, france: asMoney, foreign: asMoney }),
      ) ?? null,
    total,
  };
}
