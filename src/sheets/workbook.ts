import { computeBudget } from '../domain/budget/compute';
import { getNomenclature, paymentProfileOf, rolesOf } from '../domain/nomenclature/nomenclature';
import { ZERO } from '../domain/money';
import type { ProductionParameters } from '../domain/budget/templates';
import type { BudgetInput, BudgetResult } from '../domain/budget/types';
import { buildCashflow, type CashflowModel, type PaymentLine } from '../domain/cashflow/model';
import type { CashflowDates } from '../domain/cashflow/months';
import { ceilingRules, taxCreditCap, taxCreditFact, taxRefundOf } from '../domain/financing/categories';
import { taxCreditEstimate } from '../domain/financing/compute';
import {
  exampleComparison,
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
import type { ProductionFormat } from '../domain/facts/facts';
import { cashflowSheet } from './cashflow/layout';
import { carbonSheet, factorsSheet } from './carbon/layout';
import { exampleCarbon, type BilanResult, type CarbonLine, type CarbonMeasure } from '../domain/carbon/bilan';
import { devisSheet } from './devis/layout';
import { expensesSheet } from './expenses/layout';
import { followUpSheet } from './followup/layout';
import { actualCashflowSheet } from './actual/layout';
import {
  ACTUAL_CASHFLOW_EXAMPLE_NOTE,
  exampleActualReceipts,
  type ActualReceipt,
} from '../domain/cashflow/actual';
import { rightsSheet } from './rights/layout';
import { closingSheet } from './closing/layout';
import { eventSheet } from './event/layout';
import { emptyRights, exampleRights, RIGHTS_EXAMPLE_NOTE, type RightsInput } from '../domain/rights/rights';
import { EVENT_EXAMPLE_NOTE, exampleEvent, type EventInput } from '../domain/event/event';
import {
  exampleFollowUp,
  FOLLOWUP_EXAMPLE_NOTE,
  gapThresholdDefaults,
  type FollowUpInput,
} from '../domain/followup/followup';
import {
  computeExpenses,
  EXPENSES_EXAMPLE_NOTE,
  exampleExpenses,
  type ExpenseInput,
} from '../domain/expenses/expenses';
import { financingSheet } from './financing/layout';
import { makeNaming, type Naming } from './model/naming';
import { paramsSheet } from './params/layout';
import type { WorkbookPlan } from './model/plan';
import { recapSheet } from './recap/layout';

export interface FinancingInput {
  sources: FinancingSource[];
  comparison: ComparedAid[];
  measures: MeasureInput[];
}

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
  /** Ayants droit and the event budget; 'exemple' the example's, as for the expenses. Empty by default. */
  rights?: RightsInput | 'exemple';
  event?: EventInput | 'exemple';
  /** Suffix of sheet and workbook names when writing beside existing sheets. */
  suffix?: number | null;
}

export interface ScaffoldPlan {
  plan: WorkbookPlan;
  result: BudgetResult;
  financing: FinancingResult;
  cashflow: CashflowModel;
  carbon: BilanResult;
  naming: Naming;
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
                  role: l.role,
                },
              ],
        )
      : [];
  return [...chapters, ...below];
}

/**
 * Every sheet as one plan: Paramètres, Devis, Récapitulatif, Plan de financement, Trésorerie, Bilan
 * carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, Budget
 * événement and Facteurs.
 */
export function buildScaffoldPlan(input: ScaffoldInput): ScaffoldPlan {
  const naming = makeNaming(input.suffix ?? null);
  const result = computeBudget(input.budget);
  const tc = taxCreditFact(input.format);
  const tcCap = taxCreditCap(tc, result.total.amount, input.production?.durationMinutes ?? 0);
  const context: FinancingContext = {
    format: input.format,
    firstOrSecondFilm: input.production?.firstOrSecondFilm ?? false,
    avDerogationRequested: input.production?.avDerogationRequested ?? false,
    durationMinutes: input.production?.durationMinutes ?? 0,
    devisTotal: result.total.amount,
    eligibleFrance: result.bases.taxCredit,
    taxCreditRate: tc.rate,
    taxCreditCap: tcCap,
    ceilings: ceilingRules(),
  };
  const financing: FinancingInput =
    input.financing === 'exemple'
      ? {
          sources: exampleFinancing(
            result.total.amount,
            taxCreditEstimate(tc.rate, result.bases.taxCredit, tcCap),
            input.format,
          ),
          comparison: exampleComparison(input.format),
          measures: exampleMeasures(input.format),
        }
      : (input.financing ?? { sources: [], comparison: [], measures: [] });

  const params = paramsSheet({
    format: input.format,
    nomenclature: input.budget.nomenclature,
    params: input.budget.params,
    production: input.production,
    naming,
    taxCreditCap: tcCap,
  });
  const devis = devisSheet(input.budget, result, naming);
  const recap = recapSheet(input.budget, result, input.production, naming);
  const fin = financingSheet({
    sources: financing.sources,
    comparison: financing.comparison,
    context,
    budget: result,
    naming,
  });
  const cashflow = buildCashflow({
    dates: cashflowDates(input.production),
    format: input.format,
    sources: fin.rows,
    payments: paymentLines(input.budget, result),
    taxRefund: taxRefundOf(input.format),
    measures: financing.measures,
  });
  const treso = cashflowSheet({
    model: cashflow,
    naming,
    financialCosts: rolesOf(getNomenclature(input.budget.nomenclature)).protocol !== undefined,
    financialCostsAmount: result.bases.financialCosts,
    profileNote: rolesOf(getNomenclature(input.budget.nomenclature)).paymentProfiles.note,
  });
  const useExample =
    input.expenses === 'exemple' || (input.expenses === undefined && input.carbon === 'exemple');
  const expenseLines = useExample
    ? exampleExpenses(input.format)
    : Array.isArray(input.expenses)
      ? input.expenses
      : [];
  const carbonInput =
    input.carbon === 'exemple' ? exampleCarbon(input.format) : (input.carbon ?? { lines: [], measures: [] });
  // A line fed by the Dépenses: its définitif quantity is the k€ HT committed on its devis code.
  const committed = computeExpenses(expenseLines).byCode;
  const carbonLines = carbonInput.lines.map((l) =>
    l.expenseCode
      ? { ...l, quantityDef: (committed.get(l.expenseCode)?.engaged ?? ZERO).dividedBy(1000) }
      : l,
  );
  const carbon = carbonSheet(carbonLines, carbonInput.measures, naming);
  const factors = factorsSheet(naming);
  const expenses = expensesSheet({
    lines: expenseLines,
    codes: devis.rows.lines,
    budget: input.budget,
    result,
    naming,
    ...(useExample && expenseLines.length > 0 ? { note: EXPENSES_EXAMPLE_NOTE } : {}),
  });
  const followUpInput: FollowUpInput =
    input.followUp === 'exemple' || (input.followUp === undefined && useExample)
      ? exampleFollowUp(input.format)
      : (input.followUp ?? { situationDate: null, arbitrage: '', lines: [] });
  const followUp = followUpSheet({
    devisLines: devis.rows.lines.filter((l) => l.kind === 'line'),
    result,
    chapters: input.budget.chapters.map((c) => ({ code: c.code, label: c.label })),
    expenses: expenses.totals,
    input: followUpInput,
    thresholds: gapThresholdDefaults(),
    schedule: { start: input.production?.prepStart ?? null, end: input.production?.padDelivery ?? null },
    naming,
    ...(followUpInput.lines.length > 0 ? { note: FOLLOWUP_EXAMPLE_NOTE } : {}),
  });
  const actualExample =
    input.actualReceipts === 'exemple' || (input.actualReceipts === undefined && useExample);
  const actualReceipts = actualExample
    ? exampleActualReceipts(input.format)
    : Array.isArray(input.actualReceipts)
      ? input.actualReceipts
      : [];
  const actual = actualCashflowSheet({
    cashflow,
    receipts: actualReceipts,
    expenses: expenseLines,
    situation: followUpInput.situationDate,
    estimatedGap: followUp.estimatedGap,
    naming,
    ...(actualExample && actualReceipts.length > 0 ? { note: ACTUAL_CASHFLOW_EXAMPLE_NOTE } : {}),
  });
  const closing = closingSheet({
    result,
    chapterRows: followUp.chapterRows,
    sources: fin.rows,
    sourcesFirstRow: fin.firstRow,
    naming,
  });
  const rightsExample = input.rights === 'exemple' || (input.rights === undefined && useExample);
  const rightsInput = rightsExample
    ? exampleRights(input.format)
    : input.rights && input.rights !== 'exemple'
      ? input.rights
      : emptyRights();
  const rights = rightsSheet(
    rightsInput,
    naming,
    rightsExample && rightsInput.holders.length > 0 ? RIGHTS_EXAMPLE_NOTE : undefined,
  );
  const eventExample = input.event === 'exemple' || (input.event === undefined && useExample);
  const eventInput = eventExample
    ? exampleEvent(input.format)
    : input.event && input.event !== 'exemple'
      ? input.event
      : { title: '', lines: [], partners: [] };
  const event = eventSheet(
    eventInput,
    naming,
    eventExample && eventInput.lines.length > 0 ? EVENT_EXAMPLE_NOTE : undefined,
  );
  return {
    plan: {
      sheets: [
        params.sheet,
        devis.sheet,
        recap.sheet,
        fin.sheet,
        treso.sheet,
        carbon.sheet,
        expenses.sheet,
        followUp.sheet,
        actual.sheet,
        closing.sheet,
        rights.sheet,
        event.sheet,
        factors.sheet,
      ],
      names: [
        ...params.names,
        ...devis.names,
        ...recap.names,
        ...fin.names,
        ...treso.names,
        ...carbon.names,
        ...expenses.names,
        ...followUp.names,
        ...actual.names,
        ...closing.names,
        ...rights.names,
        ...event.names,
        ...factors.names,
      ],
      charts: [...recap.charts, ...treso.charts],
    },
    result,
    financing: fin.result,
    cashflow,
    carbon: carbon.result,
    naming,
  };
}
