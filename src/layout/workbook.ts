import { computeBudget } from '../domain/budget/compute';
import type { ProductionParameters } from '../domain/budget/templates';
import type { BudgetInput, BudgetResult } from '../domain/budget/types';
import type { ProductionFormat } from '../domain/facts/facts';
import { devisSheet } from './devis';
import { makeNaming, type Naming } from './naming';
import { paramsSheet } from './params';
import type { WorkbookPlan } from './plan';
import { recapSheet } from './recap';

export interface ScaffoldInput {
  format: ProductionFormat;
  budget: BudgetInput;
  production: ProductionParameters | null;
  /** Suffix of sheet and workbook names when writing beside existing sheets. */
  suffix?: number | null;
}

export interface ScaffoldPlan {
  plan: WorkbookPlan;
  result: BudgetResult;
  naming: Naming;
}

/** Paramètres, Devis and Récapitulatif as one workbook plan, with the domain's results. */
export function buildScaffoldPlan(input: ScaffoldInput): ScaffoldPlan {
  const naming = makeNaming(input.suffix ?? null);
  const result = computeBudget(input.budget);
  const params = paramsSheet({
    format: input.format,
    nomenclature: input.budget.nomenclature,
    params: input.budget.params,
    production: input.production,
    naming,
  });
  const devis = devisSheet(input.budget, result, naming);
  const recap = recapSheet(input.budget, result, input.production, naming);
  return {
    plan: {
      sheets: [params.sheet, devis.sheet, recap.sheet],
      names: [...params.names, ...devis.names, ...recap.names],
      charts: recap.charts,
    },
    result,
    naming,
  };
}
