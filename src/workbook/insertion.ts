import { tokenize } from '../sheets/model/formula';
import { a1, columnLetter, parseAddress } from '../sheets/model/plan';

/*
 * Inserting cells as Excel's « Décaler les cellules vers le bas »: where, and what every
 * reference becomes. Shared by the exceljs adapter (insertCells.ts) and the patch of an .xlsx
 * (xlsxPatch.ts); no spreadsheet library here.
 */

/** Where cells are inserted: a block of columns of one sheet, from a row, by a number of rows. */
export interface Insertion {
  sheet: string;
  /** 1-based columns, inclusive. */
  c1: number;
  c2: number;
  /** First inserted row (1-based): it and every row below it, in those columns, move down. */
  row: number;
  count: number;
}

/** Whether two sheet names are one sheet's (Excel compares them ignoring case). */
export const sameSheet = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * A formula as it reads once `ins` cells are inserted: every cell reference into the moved block
 * (that sheet, those columns, at or below the row) moves down, absolute or not — so a range that
 * spans the insertion row grows, one above it stays, as Excel does. `home` is the sheet the
 * formula lives on (references without a sheet are to it). Whole rows or columns are kept.
 */
export function formulaAfterInsert(formula: string, home: string, ins: Insertion): string {
  const tokens = tokenize(formula);
  let sheet = home;
  let changed = false;
  const out = tokens.map((t) => {
    if (t.kind === 'sheet') {
      sheet = t.sheet;
      return t.text;
    }
    if (t.kind === 'cell') {
      if (sameSheet(sheet, ins.sheet) && t.col >= ins.c1 && t.col <= ins.c2 && t.row >= ins.row) {
        changed = true;
        return `${t.colAbs ? '$' : ''}${columnLetter(t.col - 1)}${t.rowAbs ? '$' : ''}${t.row + ins.count}`;
      }
      return t.text;
    }
    // A range's second corner ("A5:N160") is on the sheet of its first; anything else ends it.
    if (!(t.kind === 'other' && t.text === ':')) sheet = home;
    return t.text;
  });
  return changed ? `${formula.startsWith('=') ? '=' : ''}${out.join('')}` : formula;
}

/** A merged area of a sheet, 1-based rows and columns, inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Why the insertion cannot be made, in French, when a merged area crosses the moved block (Excel
 * refuses it too); null when none does.
 */
export function crossingMerge(merges: Iterable<MergedArea>, ins: Insertion): string | null {
  for (const { top, left, bottom, right } of merges)
    if (
      bottom >= ins.row &&
      right >= ins.c1 &&
      left <= ins.c2 &&
      (left < ins.c1 || right > ins.c2 || top < ins.row)
    )
      return `Des cellules fusionnées (${a1(left - 1, top)}:${a1(right - 1, bottom)}) empêchent d’insérer des lignes dans la feuille ${ins.sheet}.`;
  return null;
}

/** The columns and rows of an "A5:N9" block, for an insertion. */
export function insertionOf(sheet: string, range: string): Insertion {
  const [start, end = start] = range.replace(/\$/g, '').split(':');
  const s = parseAddress(start ?? '');
  const e = parseAddress(end ?? '');
  return {
    sheet,
    c1: Math.min(s.col, e.col) + 1,
    c2: Math.max(s.col, e.col) + 1,
    row: Math.min(s.row, e.row),
    count: Math.abs(e.row - s.row) + 1,
  };
}
