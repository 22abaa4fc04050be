import type { WorkbookPlan } from '../layout/plan';

/** A sheet as the scaffold sees it before writing: does it exist, does it hold anything. */
export interface SheetState {
  name: string;
  empty: boolean;
}

export interface WorkbookInventory {
  sheets: SheetState[];
  /** Workbook-scoped defined names already present. */
  names: string[];
}

export interface ApplyReport {
  /** What the adapter could not do, in French, e.g. a chart exceljs cannot draw. */
  skipped: string[];
}

/**
 * The only door to a workbook. Adapters: Office.js (taskpane, functions) and exceljs (CLI, tests).
 * Each call is a constant number of round trips, whatever the size of the plan.
 */
export interface WorkbookPort {
  inventory(): Promise<WorkbookInventory>;
  /** Writes a whole plan. Sheets named in the plan must not exist or be empty. */
  applyPlan(plan: WorkbookPlan): Promise<ApplyReport>;
  selectCell(sheet: string, address: string): Promise<void>;
}
