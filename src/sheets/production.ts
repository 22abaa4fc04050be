import { computeBudget } from '../domain/budget/compute';
import { costedLines, type CostedLine } from '../domain/budget/costedLines';
import type { ProductionParameters } from '../domain/budget/templates';
import type { BudgetInput, BudgetResult } from '../domain/budget/types';
import {
  computeBilan,
  exampleCarbon,
  type BilanResult,
  type CarbonLine,
  type CarbonMeasure,
} from '../domain/carbon/bilan';
import {
  ACTUAL_CASHFLOW_EXAMPLE_NOTE,
  computeActualCashflow,
  exampleActualMeasures,
  exampleActualReceipts,
  type ActualMeasure,
  type ActualCashflow,
  type ActualReceipt,
} from '../domain/cashflow/actual';
import { buildCashflow, type CashflowModel, type PaymentLine } from '../domain/cashflow/model';
import type { CashflowDates } from '../domain/cashflow/months';
import {
  computeEvent,
  EVENT_EXAMPLE_NOTE,
  exampleEvent,
  emptyEvent,
  type EventInput,
  type EventResult,
} from '../domain/event/event';
import { computeExpenses, type ExpenseInput, type ExpenseTotals } from '../domain/expenses/expenses';
import { EXPENSES_EXAMPLE_NOTE, exampleExpenses } from '../domain/expenses/example';
import type { ProductionFormat } from '../domain/facts/facts';
import {
  ceilingRules,
  taxCreditCap,
  taxCreditFact,
  taxRefundOf,
  vatRefundFact,
} from '../domain/financing/categories';
import { computeFinancing, taxCreditEstimate } from '../domain/financing/compute';
import { computeCondition, type ConditionResult, type FunderCondition } from '../domain/financing/conditions';
import {
  chronologyApplies,
  computeWindows,
  exampleWindows,
  type SourceWindow,
  type WindowResult,
} from '../domain/financing/windows';
import {
  exampleComparison,
  exampleConditions,
  exampleFinancing,
  exampleMeasures,
  type MeasureInput,
} from '../domain/financing/example';
import type {
  ComparedAid,
  FinancingContext,
  FinancingResult,
  FinancingSource,
} from '../domain/financing/types';
import {
  computeFollowUp,
  exampleFollowUp,
  FOLLOWUP_EXAMPLE_NOTE,
  gapThresholdDefaults,
  scheduleElapsed,
  type FollowUpInput,
  type FollowUpResult,
  type GapThresholds,
} from '../domain/followup/followup';
import { isoDay } from '../domain/isoDay';
import { Money, ZERO, sum } from '../domain/money';
import {
  definitiveLines,
  definitiveTaxCredit,
  ledgerListTotals,
  baseAtCompletion,
  overheadsAtCompletion,
  personnelList,
  providerList,
  type DefinitiveLine,
  type PersonRow,
  type ProviderRow,
} from '../domain/followup/definitive';
import { getNomenclature, paymentProfileOf, rolesOf, vatRateOf } from '../domain/nomenclature/nomenclature';
import {
  computeRights,
  emptyRights,
  exampleRights,
  RIGHTS_EXAMPLE_NOTE,
  type RightsInput,
  type RightsResult,
} from '../domain/rights/rights';
import { FREE_SOURCE_ROWS } from './financing/contract';
import {
  BREAKDOWN_EXAMPLE_NOTE,
  exampleBreakdown,
  scheduledDays,
  type Scene,
} from '../domain/schedule/breakdown';
import {
  computeDays,
  exampleSchedule,
  linkValue,
  measureValue,
  postWeeksAfterShoot,
  shootWeeks,
  shootWeekTotals,
  roleDays,
  SCHEDULE_EXAMPLE_NOTE,
  type DayResult,
  type Schedule,
  type ShootWeek,
} from '../domain/schedule/plan';
import {
  computeCueSheet,
  CUE_EXAMPLE_NOTE,
  exampleCues,
  type Cue,
  type CueSheetResult,
} from '../domain/music/cues';

export interface FinancingInput {
  sources: FinancingSource[];
  comparison: ComparedAid[];
  measures: MeasureInput[];
  /** The funders' conditions on the devis (a regional aid's territorial spend). */
  conditions?: FunderCondition[];
  /** The windows of the chronologie des médias the sources buy (a film released in theatres). */
  windows?: SourceWindow[];
}

/** What a scaffold is given: the inputs, or 'exemple' for the example's. */
export interface ScaffoldInput {
  format: ProductionFormat;
  budget: BudgetInput;
  production: ProductionParameters | null;
  /** The plan's sources, compared aids and cash measures; 'exemple' builds the example's. Empty by default. */
  financing?: FinancingInput | 'exemple';
  /** Bilan carbone lines and measures; 'exemple' builds the example's. Empty by default. */
  carbon?: { lines: CarbonLine[]; measures: CarbonMeasure[] } | 'exemple';
  /** Dépenses ledger lines; 'exemple' (with the carbon example) the example's. Empty by default. */
  expenses?: ExpenseInput[] | 'exemple';
  /** Suivi budgétaire entries (reste à engager, causes, arbitrage); 'exemple' the example's, as for the expenses. */
  followUp?: FollowUpInput | 'exemple';
  /** Receipts actually cashed (Trésorerie réelle); 'exemple' the example's, as for the expenses. */
  actualReceipts?: ActualReceipt[] | 'exemple';
  /** Cash measures really drawn and repaid (Trésorerie réelle); 'exemple' the example's. */
  actualMeasures?: ActualMeasure[] | 'exemple';
  /** Ayants droit and the event budget; 'exemple' the example's, as for the expenses. Empty by default. */
  rights?: RightsInput | 'exemple';
  event?: EventInput | 'exemple';
  /** The CUE sheet's music cues; 'exemple' the example's, as for the expenses. Empty by default. */
  cues?: Cue[] | 'exemple';
  /** The plan de travail; 'exemple' the example's, as for the expenses. Empty by default. */
  schedule?: Schedule | 'exemple';
  /** The dépouillement's sequences; 'exemple' the example's, as for the expenses. Empty by default. */
  breakdown?: Scene[] | 'exemple';
  /** Suffix of sheet and workbook names when writing beside existing sheets. */
  suffix?: number | null;
}

/** A part of the production with the note the sheet shows when it holds the example's figures. */
interface Noted {
  note?: string;
}

/**
 * The production computed once by the domain, from the inputs (the example's where asked): every
 * result the sheets place. The layouts compute nothing of the domain's: they write these figures
 * as the cached results of their formulas.
 */
export interface Production {
  format: ProductionFormat;
  budget: BudgetInput;
  result: BudgetResult;
  production: ProductionParameters | null;
  /** The costed lines of the devis, in order (what the Dépenses charge and the Suivi follows). */
  lines: CostedLine[];
  taxCreditCap: Money;
  financing: FinancingInput & {
    context: FinancingContext;
    result: FinancingResult;
    /** The source table's rows: the sources then the free rows (null) the user may fill. */
    rows: (FinancingSource | null)[];
    /** Each funder's condition against the devis. */
    conditions: ConditionResult[];
    /** Each source's window against the accord; absent for a work not released in theatres. */
    windows?: WindowResult[];
  };
  cashflow: CashflowModel;
  carbon: { lines: CarbonLine[]; measures: CarbonMeasure[]; result: BilanResult };
  expenses: Noted & { lines: ExpenseInput[]; totals: ExpenseTotals };
  followUp: Noted & {
    input: FollowUpInput;
    result: FollowUpResult;
    thresholds: GapThresholds;
    /** Coût estimé final (lines + frais généraux at completion) − devis: above zero, an overrun still to pay. */
    estimatedGap: Money;
    /** The frais généraux at completion: the rate on the base the lines' écarts move. */
    overheadsFinal: Money;
    /** The base at completion the frais généraux and the producer's fee are capped on. */
    baseFinal: Money;
    /** Share of the schedule (preparation → delivery) elapsed at the situation date. */
    elapsed: Money | null;
  };
  actual: Noted & { receipts: ActualReceipt[]; measures: ActualMeasure[]; result: ActualCashflow };
  /** The coût définitif line by line, and the tax credit on it against the plan's. */
  closing: {
    lines: DefinitiveLine[];
    taxCredit: { base: Money; final: Money; plan: Money };
    /** The lists for the commissaire aux comptes, and the ledger's figures they add up to. */
    personnel: PersonRow[];
    providers: ProviderRow[];
    ledger: { salaries: Money; providers: Money };
  };
  rights: Noted & { input: RightsInput; result: RightsResult };
  event: Noted & { input: EventInput; result: EventResult };
  cues: Noted & { input: Cue[]; result: CueSheetResult };
  schedule: Noted & {
    input: Schedule;
    /** Each day's effective work, rest since the day before and days in a row. */
    days: DayResult[];
    /** What the plan counts for each devis line it gives, in the links' order (weeks around the shoot included). */
    counts: number[];
    /** What each measure counts on the plan, once per measure (the links' and the shooting days). */
    measures: Map<string, number>;
    /** Each role's days called and those outside its contract, in the roles' order. */
    roles: { called: number; outside: number }[];
    /** The shooting weeks (days, hours, covers); their count; the postproduction's weeks after the shoot. */
    weeks: ShootWeek[];
    shootWeeks: number;
    postWeeks: number | null;
    quantities: Map<string, number>;
  };
  /** The dépouillement's sequences and, for each, the plan days that shoot it. */
  breakdown: Noted & { input: Scene[]; days: number[] };
}

/** The Paramètres dates as a cash-flow calendar, or null while any key date is missing. */
export function cashflowDates(p: ProductionParameters | null): CashflowDates | null {
  if (!p?.prepStart || !p.shootStart || !p.shootEnd || !p.padDelivery) return null;
  return {
    devStart: p.devStart,
    prepStart: p.prepStart,
    shootStart: p.shootStart,
    shootEnd: p.shootEnd,
    padDelivery: p.padDelivery,
  };
}

/**
 * The devis lines the Trésorerie pays out: every chapter (the indirect one included, audiovisuel
 * 10) and, in a grid that keeps them below the subtotal, frais généraux and imprévus; each with
 * its default phase profile from the nomenclature's roles.
 */
export function paymentLines(budget: BudgetInput, result: BudgetResult): PaymentLine[] {
  const nom = getNomenclature(budget.nomenclature);
  const roles = rolesOf(nom);
  const chapters = budget.chapters.map((c, i) => ({
    code: c.code,
    label: c.label,
    amount: result.chapters[i]?.amount ?? ZERO,
    profile: paymentProfileOf(nom, c.code),
    vatRate: new Money(vatRateOf(nom, c.code)),
    ...(roles.payChapters.includes(c.code)
      ? { payroll: 'pay' as const }
      : c.code === roles.chargesChapter
        ? { payroll: 'charges' as const }
        : {}),
  }));
  const below =
    roles.indirect.chapter === null
      ? roles.indirect.lines.flatMap((l) =>
          l.role === 'line'
            ? []
            : [
                {
                  code: l.code,
                  label: l.label ?? l.code,
                  amount: (l.role === 'overheads' ? result.overheads : result.contingency).amount,
                  profile: paymentProfileOf(nom, l.code),
                  vatRate: new Money(vatRateOf(nom, l.code)),
                  role: l.role,
                },
              ],
        )
      : [];
  return [...chapters, ...below];
}

/** Given, the example's (with its note), or empty. */
function chosen<T>(
  given: T | 'exemple' | undefined,
  example: boolean,
  make: () => T,
  empty: T,
  note: string,
) {
  if (given === 'exemple' || (given === undefined && example)) {
    const value = make();
    return { value, note: note as string | undefined, example: true };
  }
  return {
    value: given === undefined || given === 'exemple' ? empty : given,
    note: undefined,
    example: false,
  };
}

function computeFinancingPart(
  input: ScaffoldInput,
  result: BudgetResult,
): Production['financing'] & { cap: Money } {
  const tc = taxCreditFact(input.format);
  const cap = taxCreditCap(tc, result.total.amount, input.production?.durationMinutes ?? 0);
  const context: FinancingContext = {
    format: input.format,
    firstOrSecondFilm: input.production?.firstOrSecondFilm ?? false,
    avDerogationRequested: input.production?.avDerogationRequested ?? false,
    durationMinutes: input.production?.durationMinutes ?? 0,
    devisTotal: result.total.amount,
    eligibleFrance: result.bases.taxCredit,
    taxCreditRate: tc.rate,
    taxCreditCap: cap,
    ceilings: ceilingRules(),
  };
  const given: FinancingInput =
    input.financing === 'exemple'
      ? {
          sources: exampleFinancing(
            result.total.amount,
            taxCreditEstimate(tc.rate, result.bases.taxCredit, cap),
            input.format,
          ),
          comparison: exampleComparison(input.format),
          measures: exampleMeasures(input.format),
          conditions: exampleConditions(input.format),
          windows: exampleWindows(input.format),
        }
      : (input.financing ?? { sources: [], comparison: [], measures: [] });
  return {
    ...given,
    context,
    result: computeFinancing(given.sources, context),
    conditions: (given.conditions ?? []).map((c) =>
      computeCondition(c, {
        sources: given.sources,
        total: result.total.amount,
        chapter9: result.chapters.find((ch) => ch.code === '9')?.amount ?? ZERO,
        region: result.bases.region,
      }),
    ),
    windows: chronologyApplies(input.format) ? computeWindows(given.windows ?? []) : undefined,
    rows: [...given.sources, ...Array<null>(FREE_SOURCE_ROWS).fill(null)],
    cap,
  };
}

/** The ledger, the Suivi and the Trésorerie réelle: the production's follow-up after the devis. */
function computeFollowing(
  input: ScaffoldInput,
  result: BudgetResult,
  lines: CostedLine[],
  cashflow: CashflowModel,
): Pick<Production, 'expenses' | 'followUp' | 'actual'> & { useExample: boolean } {
  const useExample =
    input.expenses === 'exemple' || (input.expenses === undefined && input.carbon === 'exemple');
  const ledger = chosen(
    input.expenses,
    useExample,
    () => exampleExpenses(input.format),
    [],
    EXPENSES_EXAMPLE_NOTE,
  );
  const totals = computeExpenses(ledger.value);
  const followUp = chosen(
    input.followUp,
    useExample,
    () => exampleFollowUp(input.format),
    { situationDate: null, arbitrage: '', lines: [] },
    FOLLOWUP_EXAMPLE_NOTE,
  );
  const thresholds = gapThresholdDefaults();
  const followUpResult = computeFollowUp(lines, totals, followUp.value, thresholds);
  const overheadsFinal = overheadsAtCompletion(input.budget, result, followUpResult.lines);
  const baseFinal = baseAtCompletion(input.budget, result, followUpResult.lines);
  const estimatedGap = followUpResult.final.plus(overheadsFinal).minus(result.total.amount);
  const situation = isoDay(followUp.value.situationDate);
  return {
    useExample,
    expenses: { lines: ledger.value, totals, ...noted(ledger, ledger.value.length > 0) },
    followUp: {
      input: followUp.value,
      result: followUpResult,
      thresholds,
      estimatedGap,
      overheadsFinal,
      baseFinal,
      elapsed: scheduleElapsed(
        situation,
        input.production?.prepStart ?? null,
        input.production?.padDelivery ?? null,
      ),
      ...noted(followUp, followUp.value.lines.length > 0),
    },
    actual: computeActual(input, useExample, cashflow, ledger.value, situation, estimatedGap),
  };
}

/**
 * The Trésorerie réelle: the receipts and measures typed (the example's with it), and the real
 * and re-estimated cash flow the domain computes from them, the ledger and the forecast.
 */
function computeActual(
  input: ScaffoldInput,
  useExample: boolean,
  cashflow: CashflowModel,
  expenses: ExpenseInput[],
  situation: Date | null,
  estimatedGap: Money,
): Production['actual'] {
  const receipts = chosen(
    input.actualReceipts,
    useExample,
    () => exampleActualReceipts(input.format),
    [],
    ACTUAL_CASHFLOW_EXAMPLE_NOTE,
  );
  const measures = chosen(
    input.actualMeasures,
    useExample,
    () => exampleActualMeasures(input.format),
    [],
    ACTUAL_CASHFLOW_EXAMPLE_NOTE,
  );
  return {
    receipts: receipts.value,
    measures: measures.value,
    result: computeActualCashflow({
      months: cashflow.months,
      forecastReceipts: cashflow.summary.receipts,
      forecastPayments: cashflow.summary.payments,
      forecastVat: cashflow.vat,
      vatDelayMonths: vatRefundFact().delayMonths,
      sources: cashflow.receipts.map((r) => r.label),
      receipts: receipts.value,
      expenses,
      situation,
      estimatedGap,
      measures: cashflow.measureRows,
      realMeasures: measures.value,
    }),
    ...noted(receipts, receipts.value.length > 0),
  };
}

/** The plan de travail (the example's where asked): each day's hours, what it counts for the devis. */
function computeSchedule(
  input: ScaffoldInput,
  useExample: boolean,
): Pick<Production, 'schedule' | 'breakdown'> {
  const schedule = chosen(
    input.schedule,
    useExample,
    () => exampleSchedule(input.format),
    { days: [], links: [], roles: [], post: [] },
    SCHEDULE_EXAMPLE_NOTE,
  );
  const scenes = chosen(
    input.breakdown,
    useExample,
    () => exampleBreakdown(input.format),
    [],
    BREAKDOWN_EXAMPLE_NOTE,
  );
  const plan = schedule.value;
  const days = computeDays(plan.days);
  return {
    schedule: {
      input: plan,
      days,
      counts: plan.links.map((l) => linkValue(plan, l)),
      measures: new Map(['days', ...plan.links.map((l) => l.measure)].map((m) => [m, measureValue(plan, m)])),
      roles: plan.roles.map((r) => roleDays(plan.days, r)),
      weeks: shootWeekTotals(plan.days, days),
      shootWeeks: shootWeeks(plan.days),
      postWeeks: postWeeksAfterShoot(plan),
      quantities: lineQuantities(input.budget),
      ...noted(schedule, schedule.value.days.length > 0),
    },
    breakdown: {
      input: scenes.value,
      days: scheduledDays(scenes.value, plan.days),
      ...noted(scenes, scenes.value.length > 0),
    },
  };
}

/** Each typed line's quantity, by its code. */
function lineQuantities(budget: BudgetInput): Map<string, number> {
  const out = new Map<string, number>();
  for (const ch of budget.chapters)
    for (const item of ch.items) {
      const lines = item.kind === 'line' ? [item] : item.kind === 'group' ? item.lines : [];
      for (const l of lines) if (l.quantity) out.set(l.code, l.quantity.toNumber());
    }
  return out;
}

const noted = (c: { note: string | undefined }, filled: boolean): Noted =>
  c.note && filled ? { note: c.note } : {};

/** The Bilan carbone: a line fed by the Dépenses takes as définitif the k€ HT committed on its code. */
function computeCarbon(input: ScaffoldInput, totals: ExpenseTotals): Production['carbon'] {
  const carbonInput =
    input.carbon === 'exemple' ? exampleCarbon(input.format) : (input.carbon ?? { lines: [], measures: [] });
  const lines = carbonInput.lines.map((l) =>
    l.expenseCode
      ? { ...l, quantityDef: (totals.byCode.get(l.expenseCode)?.engaged ?? ZERO).dividedBy(1000) }
      : l,
  );
  return { lines, measures: carbonInput.measures, result: computeBilan(lines, carbonInput.measures) };
}

/** Every result of the production, computed once from the scaffold's inputs. */
export function computeProduction(input: ScaffoldInput): Production {
  const result = computeBudget(input.budget);
  const { cap, ...financing } = computeFinancingPart(input, result);
  const cashflow = buildCashflow({
    dates: cashflowDates(input.production),
    format: input.format,
    sources: financing.rows,
    payments: paymentLines(input.budget, result),
    taxRefund: taxRefundOf(input.format),
    vatDelayMonths: vatRefundFact().delayMonths,
    measures: financing.measures,
  });
  const lines = costedLines(input.budget, result);
  const { useExample, ...following } = computeFollowing(input, result, lines, cashflow);
  const definitive = definitiveLines(input.budget, following.followUp.result.lines, following.expenses.lines);
  const base = sum(definitive.flatMap((l) => [l.eligible, l.eligibleCharges]));
  const chargesChapter = rolesOf(getNomenclature(input.budget.nomenclature)).chargesChapter;
  const rights = chosen(
    input.rights,
    useExample,
    () => exampleRights(input.format),
    emptyRights(),
    RIGHTS_EXAMPLE_NOTE,
  );
  const event = chosen(
    input.event,
    useExample,
    () => exampleEvent(input.format),
    emptyEvent(),
    EVENT_EXAMPLE_NOTE,
  );
  const cues = chosen(input.cues, useExample, () => exampleCues(input.format), [], CUE_EXAMPLE_NOTE);
  return {
    format: input.format,
    budget: input.budget,
    result,
    production: input.production,
    lines,
    taxCreditCap: cap,
    financing,
    cashflow,
    carbon: computeCarbon(input, following.expenses.totals),
    ...following,
    closing: {
      lines: definitive,
      taxCredit: {
        base,
        final: definitiveTaxCredit(base, taxCreditFact(input.format).rate, cap),
        plan: financing.result.taxCreditInPlan,
      },
      personnel: personnelList(input.budget, following.expenses.lines),
      providers: providerList(following.expenses.lines, chargesChapter),
      ledger: ledgerListTotals(following.expenses.lines, chargesChapter),
    },
    rights: {
      input: rights.value,
      result: computeRights(rights.value),
      ...noted(rights, rights.value.holders.length > 0),
    },
    event: {
      input: event.value,
      result: computeEvent(event.value),
      ...noted(event, event.value.lines.length > 0),
    },
    cues: { input: cues.value, result: computeCueSheet(cues.value), ...noted(cues, cues.value.length > 0) },
    ...computeSchedule(input, useExample),
  };
}
