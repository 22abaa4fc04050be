import { getNomenclature, rolesOf } from '../domain/nomenclature/nomenclature';
import type { BudgetResult } from '../domain/budget/types';
import type { CashflowModel } from '../domain/cashflow/model';
import type { BilanResult } from '../domain/carbon/bilan';
import type { FinancingResult } from '../domain/financing/types';
import { actualCashflowSheet } from './actual/layout';
import { carbonSheet, factorsSheet } from './carbon/layout';
import { cashflowSheet } from './cashflow/layout';
import { closingSheet, type ClosingLayout, type ClosingLayoutInput } from './closing/layout';
import { devisSheet, type DevisLineRow } from './devis/layout';
import { FOLLOWUP_FIRST_ROW } from './followup/contract';
import { eventSheet } from './event/layout';
import { expensesSheet } from './expenses/layout';
import { financingSheet, type FinancingLayout } from './financing/layout';
import { followUpSheet, type FollowUpLayout, type FollowUpLayoutInput } from './followup/layout';
import { DEVIS_NAMES } from './devis/contract';
import { makeNaming, type Naming, type SheetKey } from './model/naming';
import type { ChartPlan, NamePlan, SheetPlan, WorkbookPlan } from './model/plan';
import { paramsSheet } from './params/layout';
import { computeProduction, type Production, type ScaffoldInput } from './production';
import { recapSheet } from './recap/layout';
import { rightsSheet } from './rights/layout';
import { cueSheet } from './cues/layout';
import { linkQuantityFormula, scheduleSheet } from './schedule/layout';
import { breakdownSheet } from './breakdown/layout';

export { cashflowDates, paymentLines, type FinancingInput, type ScaffoldInput } from './production';

export interface ScaffoldPlan {
  plan: WorkbookPlan;
  result: BudgetResult;
  financing: FinancingResult;
  cashflow: CashflowModel;
  carbon: BilanResult;
  naming: Naming;
}

/** What a layout gives the workbook. */
interface SheetOutput {
  sheet: SheetPlan;
  names: NamePlan[];
  charts?: ChartPlan[];
}

/** Layouts a later sheet links to (rows of the Devis, of the plan, of the Suivi's chapters). */
interface Written {
  devis: ReturnType<typeof devisSheet>;
  financing: FinancingLayout;
  followUp: FollowUpLayout;
  closing: ClosingLayout;
}

interface SheetEntry {
  key: SheetKey;
  /** Places the computed production on the sheet; `written` holds the sheets written before it. */
  build(p: Production, naming: Naming, written: Partial<Written>): SheetOutput;
}

const needs = <K extends keyof Written>(written: Partial<Written>, key: K): Written[K] => {
  const layout = written[key];
  if (!layout) throw new Error(`La feuille ${key} doit être écrite avant celle qui la lie.`);
  return layout;
};

/**
 * The sheets, in workbook order: adding a sheet is its folder and one entry here. Each layout
 * only places what the domain computed (computeProduction), with its formulas.
 */
/**
 * The coût définitif's lines with the rows they read: the Suivi lists the devis's costed lines in
 * order, one per row from its first; a charges line has no devis line of its own to read.
 */
function closingLines(p: Production, devisLines: readonly DevisLineRow[]): ClosingLayoutInput['lines'] {
  const rows = devisLines.filter((l) => l.kind === 'line');
  return p.closing.lines.map((line, i) => {
    const charges = p.followUp.result.lines[i]?.charges !== undefined;
    return { line, followRow: FOLLOWUP_FIRST_ROW + i, devisRow: rows[i]?.row ?? 0, charges };
  });
}

/** What the Suivi's frais généraux at completion read: the devis's base and the codes it leaves out. */
function overheadsInputs(p: Production): FollowUpLayoutInput['overheads'] {
  const roles = rolesOf(getNomenclature(p.budget.nomenclature));
  const protocol = roles.protocol;
  return {
    final: p.followUp.overheadsFinal,
    base: p.followUp.baseFinal,
    baseName: protocol ? DEVIS_NAMES.protocolBase : DEVIS_NAMES.subtotal.amount,
    feeCodes: protocol?.producerFeeCodes ?? [],
    excludedCodes: protocol ? [...protocol.producerFeeCodes, ...protocol.financialCostsCodes] : [],
    indirectChapter: roles.indirect.chapter,
  };
}

/** The plan de travail's days, first and last (the Paramètres' shooting dates read them). */
function scheduleSpan(days: readonly { date: Date }[]): { days: number; first: Date; last: Date } {
  const times = days.map((d) => d.date.getTime());
  return { days: days.length, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
}

const SHEETS: readonly SheetEntry[] = [
  {
    key: 'params',
    build: (p, naming) =>
      paramsSheet({
        format: p.format,
        nomenclature: p.budget.nomenclature,
        params: p.budget.params,
        production: p.production,
        naming,
        taxCreditCap: p.taxCreditCap,
        ...(p.schedule.input.days.length > 0
          ? { schedule: { ...scheduleSpan(p.schedule.input.days), postWeeks: p.schedule.postWeeks } }
          : {}),
      }),
  },
  {
    key: 'devis',
    build: (p, naming, w) =>
      (w.devis = devisSheet(
        p.budget,
        p.result,
        naming,
        new Map(p.schedule.input.links.map((l) => [l.code, linkQuantityFormula(l, (n) => naming.name(n))])),
      )),
  },
  {
    key: 'breakdown',
    build: (p, naming) =>
      breakdownSheet({
        scenes: p.breakdown.input,
        days: p.breakdown.days,
        naming,
        ...(p.breakdown.note ? { note: p.breakdown.note } : {}),
      }),
  },
  {
    key: 'schedule',
    build: (p, naming) =>
      scheduleSheet({
        schedule: p.schedule.input,
        days: p.schedule.days,
        counts: p.schedule.counts,
        measures: p.schedule.measures,
        roles: p.schedule.roles,
        weeks: p.schedule.weeks,
        shootWeeks: p.schedule.shootWeeks,
        postWeeks: p.schedule.postWeeks,
        lines: p.lines,
        quantities: p.schedule.quantities,
        naming,
        ...(p.schedule.note ? { note: p.schedule.note } : {}),
      }),
  },
  { key: 'recap', build: (p, naming) => recapSheet(p.budget, p.result, p.production, naming) },
  {
    key: 'financing',
    build: (p, naming, w) => (w.financing = financingSheet({ ...p.financing, budget: p.result, naming })),
  },
  {
    key: 'cashflow',
    build: (p, naming) => {
      const roles = rolesOf(getNomenclature(p.budget.nomenclature));
      return cashflowSheet({
        model: p.cashflow,
        naming,
        financialCosts: roles.protocol !== undefined,
        financialCostsAmount: p.result.bases.financialCosts,
        profileNote: roles.paymentProfiles.note,
        vatNote: roles.vatRates.note,
      });
    },
  },
  { key: 'carbon', build: (p, naming) => carbonSheet(p.carbon, naming) },
  {
    key: 'expenses',
    build: (p, naming, w) =>
      expensesSheet({
        lines: p.expenses.lines,
        totals: p.expenses.totals,
        codes: needs(w, 'devis').rows.lines,
        budget: p.budget,
        result: p.result,
        naming,
        ...(p.expenses.note ? { note: p.expenses.note } : {}),
      }),
  },
  {
    key: 'followup',
    build: (p, naming, w) =>
      (w.followUp = followUpSheet({
        devisLines: needs(w, 'devis').rows.lines.filter((l) => l.kind === 'line'),
        result: p.result,
        chapters: p.budget.chapters.map((c) => ({ code: c.code, label: c.label })),
        input: p.followUp.input,
        followUp: p.followUp.result,
        estimatedGap: p.followUp.estimatedGap,
        overheads: overheadsInputs(p),
        elapsed: p.followUp.elapsed,
        naming,
        ...(p.followUp.note ? { note: p.followUp.note } : {}),
      })),
  },
  {
    key: 'actualCashflow',
    build: (p, naming) =>
      actualCashflowSheet({
        cashflow: p.cashflow,
        receipts: p.actual.receipts,
        expenses: p.expenses.lines,
        situation: p.followUp.input.situationDate,
        actual: p.actual.result,
        naming,
        ...(p.actual.note ? { note: p.actual.note } : {}),
      }),
  },
  {
    key: 'closing',
    build: (p, naming, w) =>
      (w.closing = closingSheet({
        result: p.result,
        chapterRows: needs(w, 'followUp').chapterRows,
        sources: needs(w, 'financing').rows,
        sourcesFirstRow: needs(w, 'financing').firstRow,
        lines: closingLines(p, needs(w, 'devis').rows.lines),
        chargesChapter: rolesOf(getNomenclature(p.budget.nomenclature)).chargesChapter,
        taxCredit: p.closing.taxCredit,
        overheadsFinal: p.followUp.overheadsFinal,
        personnel: p.closing.personnel,
        providers: p.closing.providers,
        ledgerSalaries: p.closing.ledger.salaries,
        ledgerProviders: p.closing.ledger.providers,
        naming,
      })),
  },
  { key: 'rights', build: (p, naming) => rightsSheet(p.rights, naming) },
  {
    key: 'cues',
    build: (p, naming) =>
      cueSheet({
        cues: p.cues.input,
        result: p.cues.result,
        lines: p.lines,
        title: p.production?.title ?? '',
        minutes: p.production?.durationMinutes ?? null,
        naming,
        ...(p.cues.note ? { note: p.cues.note } : {}),
      }),
  },
  {
    key: 'event',
    build: (p, naming) =>
      eventSheet(p.event, naming, {
        minutes: p.production?.durationMinutes ?? null,
        delivery: p.production?.padDelivery ?? null,
      }),
  },
  { key: 'factors', build: (_p, naming) => factorsSheet(naming) },
];

/** The sheet keys in workbook order. */
export const SHEET_ORDER: readonly SheetKey[] = SHEETS.map((s) => s.key);

/**
 * Every sheet as one plan: Paramètres, Devis, Dépouillement, Plan de travail, Récapitulatif, Plan de financement, Trésorerie, Bilan
 * carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, CUE sheet,
 * Budget événement and Facteurs.
 */
export function buildScaffoldPlan(input: ScaffoldInput): ScaffoldPlan {
  const naming = makeNaming(input.suffix ?? null);
  const p = computeProduction(input);
  const written: Partial<Written> = {};
  const outputs = SHEETS.map((entry) => entry.build(p, naming, written));
  return {
    plan: {
      sheets: outputs.map((o) => o.sheet),
      names: outputs.flatMap((o) => o.names),
      charts: outputs.flatMap((o) => o.charts ?? []),
    },
    result: p.result,
    financing: p.financing.result,
    cashflow: p.cashflow,
    carbon: p.carbon.result,
    naming,
  };
}
