import { blankBudget, exampleBudget, exampleParameters } from '../../src/domain/budget/templates';
import type { ProductionFormat } from '../../src/domain/facts/facts';
import { buildScaffoldPlan, type ScaffoldPlan } from '../../src/sheets/workbook';
import type { CellPlan, SheetPlan } from '../../src/sheets/model/plan';

export function examplePlan(
  suffix: number | null = null,
  format: ProductionFormat = 'long-metrage',
): ScaffoldPlan {
  return buildScaffoldPlan({
    format,
    budget: exampleBudget(format),
    production: exampleParameters(format),
    financing: 'exemple',
    carbon: 'exemple',
    suffix,
  });
}

export function blankPlan(format: ProductionFormat = 'long-metrage'): ScaffoldPlan {
  return buildScaffoldPlan({ format, budget: blankBudget(format), production: null });
}

export function sheet(plan: ScaffoldPlan, name: string): SheetPlan {
  const s = plan.plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export function cell(s: SheetPlan, address: string): CellPlan | undefined {
  return s.cells.find((c) => c.address === address);
}

/** The prefixes of every workbook name our contracts define (one per sheet family). */
export const NAME_PREFIXES = [
  'Param',
  'Liste',
  'Devis',
  'PdT',
  'Depou',
  'Recap',
  'Fin',
  'Treso',
  'TresoR',
  'Carbone',
  'Fact',
  'Dep',
  'Suivi',
  'Bilan',
  'Droits',
  'Cue',
  'Evt',
] as const;

const NAME_USE = new RegExp(`\\b(?:${NAME_PREFIXES.join('|')})_[A-Za-z0-9_]+`, 'g');

/** Workbook names a formula uses (every prefix of our contracts). */
export function namesIn(formula: string): string[] {
  return formula.match(NAME_USE) ?? [];
}
