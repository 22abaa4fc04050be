import type { BudgetInput } from '../domain/budget/types';
import type { ProductionFormat } from '../domain/facts/facts';
import type { NomenclatureId } from '../domain/nomenclature/types';
import type { SheetKey } from '../sheets/model/naming';

/** What a scaffold is asked to write; refused before anything is read when it cannot be done. */
export interface ScaffoldRequest {
  format: ProductionFormat;
  /** The devis grid; the format's default when absent. A grid that cannot be scaffolded is refused. */
  nomenclature?: NomenclatureId;
  example: boolean;
  /** What to do when a target sheet exists and is not empty: refuse, or write beside it. */
  onConflict: 'refuse' | 'beside';
  /** A devis to write instead of the blank one or the example (a hand-made devis converted). */
  budget?: BudgetInput;
  /** Only these sheets, and those their formulas read; all of them when absent. */
  sheets?: readonly SheetKey[];
}
