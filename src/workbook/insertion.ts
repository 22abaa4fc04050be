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
 * A formula as it reads once `ins` cells are inserted: every reference into the moved block
 * (that sheet, those columns, at or below the row) moves down, absolute or not — so a range that
 * spans the insertion row grows, one above it stays, as Excel does. A range moves only when all
 * its columns are among the moved ones (Excel leaves a range that straddles them as it was).
 * `home` is the sheet the formula lives on (references without a sheet are to it). Whole rows or
 * columns are kept.
 */
export function formulaAfterInsert(formula: string, home: string, ins: Insertion): string {
  const tokens = tokenize(formula);
  let sheet = home;
  let changed = false;
  const inBlock = (col: number): boolean => col >= ins.c1 && col <= ins.c2;
  const moved = (t: { col: number; row: number; colAbs: boolean; rowAbs: boolean; text: string }): string => {
    if (t.row < ins.row) return t.text;
    changed = true;
    return `${t.colAbs ? '$' : ''}${columnLetter(t.col - 1)}${t.rowAbs ? '$' : ''}${t.row + ins.count}`;
  };
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'sheet') {
      sheet = t.sheet;
      out.push(t.text);
      continue;
    }
    if (t.kind === 'cell') {
      const colon = tokens[i + 1];
      const end = tokens[i + 2];
      const here = sameSheet(sheet, ins.sheet);
      if (colon?.kind === 'other' && colon.text === ':' && end?.kind === 'cell') {
        // A range: its two corners move together, or not at all.
        const whole = here && inBlock(t.col) && inBlock(end.col);
        out.push(whole ? moved(t) : t.text, ':', whole ? moved(end) : end.text);
        i += 2;
      } else out.push(here && inBlock(t.col) ? moved(t) : t.text);
      sheet = home;
      continue;
    }
    sheet = home;
    out.push(t.text);
  }
  return changed ? `${formula.startsWith('=') ? '=' : ''}${out.join('')}` : formula;
}

/**
 * The areas a range of cells covers (a validation's or a format's "A5:B9") once `ins` cells are
 * inserted: a range that straddles the moved columns is cut at them, its part in the moved
 * columns moving (or growing) as the cells do and the rest staying, as Excel splits it.
 */
export function areasAfterInsert(range: string, home: string, ins: Insertion): string[] {
  const m = /^(\$?)([A-Z]+)(\$?)(\d+)(?::(\$?)([A-Z]+)(\$?)(\d+))?$/.exec(range);
  if (!m || !sameSheet(home, ins.sheet)) return [formulaAfterInsert(range, home, ins)];
  const start = parseAddress(`${m[2]}${m[4]}`);
  const end = m[6] ? parseAddress(`${m[6]}${m[8]}`) : start;
  const left = start.col + 1;
  const right = end.col + 1;
  if (end.row < ins.row || right < ins.c1 || left > ins.c2 || (left >= ins.c1 && right <= ins.c2))
    return [formulaAfterInsert(range, home, ins)];
  const piece = (c1: number, c2: number): string =>
    formulaAfterInsert(`${a1(c1 - 1, start.row)}:${a1(c2 - 1, end.row)}`, home, ins);
  return [
    ...(left < ins.c1 ? [piece(left, ins.c1 - 1)] : []),
    piece(Math.max(left, ins.c1), Math.min(right, ins.c2)),
    ...(right > ins.c2 ? [piece(ins.c2 + 1, right)] : []),
  ];
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
