import type { CellPlan, WorkbookPlan } from '../sheets/model/plan';
import type { RangeRead } from '../sheets/model/snapshot';

/** A sheet as the scaffold sees it before writing: does it exist, does it hold anything. */
export interface SheetState {
  name: string;
  empty: boolean;
}

export interface WorkbookInventory {
  sheets: SheetState[];
  /** Workbook-scoped defined names already present. */
  names: string[];
  /** Names scoped to one sheet (where the adapter can list them). */
  localNames?: { sheet: string; name: string }[];
}

export type { RangeRead };

export interface ApplyReport {
  /** What the adapter could not do, in French, e.g. a chart exceljs cannot draw. */
  skipped: string[];
}

/** What reading a workbook needs (the audit, the carbon export): no call here writes. */
export interface WorkbookReader {
  inventory(): Promise<WorkbookInventory>;
  /** Reads the range a workbook name refers to; null when the name does not exist. */
  readName(name: string): Promise<RangeRead | null>;
  /** Reads many names at once, with formulas, in a constant number of round trips. */
  readNames(names: string[]): Promise<Record<string, RangeRead | null>>;
  /** Names of the sheets, with every used cell of the ones asked for (header detection). */
  readSheets(sheets: string[]): Promise<Record<string, RangeRead | null>>;
}

/**
 * The only door to a workbook. Adapters: Office.js (taskpane, functions) and exceljs (CLI, tests).
 * Each call is a constant number of round trips, whatever the size of the plan.
 */
export interface WorkbookPort extends WorkbookReader {
  /** Writes a whole plan. Sheets named in the plan must not exist or be empty. */
  applyPlan(plan: WorkbookPlan): Promise<ApplyReport>;
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Replaces the content of a hidden sheet of the add-in's own (created if missing) with rows of
   * values, and stores the settings given in the workbook's settings where the host has them.
   */
  writeStateSheet(
    name: string,
    rows: (string | number | boolean | null)[][],
    settings?: Record<string, string>,
  ): Promise<void>;
  /** Writes a few cells (values or formulas, formats) on an existing sheet, in one round trip. */
  writeCells(sheet: string, cells: CellPlan[]): Promise<void>;
  /**
   * Inserts empty cells over `range` ("A160:N209") and shifts the cells below it down, as Excel's
   * « Décaler les cellules vers le bas »: formulas, names, validations and conditional formats that
   * span the first row of `range` grow; the inserted cells take the format of the row above.
   * One round trip.
   */
  insertCellsDown(sheet: string, range: string): Promise<void>;
  /**
   * Empties a sheet (contents and formats) where it stands, so a plan can write it again: only for
   * a sheet the add-in wrote itself (its report), after the user agreed.
   */
  clearSheet(sheet: string): Promise<void>;
}
