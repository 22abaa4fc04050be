/**
 * What the generic spreadsheet-risk rules share: each cell of a sheet read whole (snapshot.workbook)
 * as a kind — a formula in its relative (R1C1) form, a number, a text, a blank — so that rows and
 * columns can be compared the way Excel's background error checking compares them.
 */
import { relativeForm } from '../sheets/model/formula';
import { a1, parseAddress } from '../sheets/model/plan';
import type { Location, RangeRead } from '../sheets/model/snapshot';
import { isBlank, isFormula } from '../sheets/model/snapshot';

/** Formula form "F…", number "N", text "T", blank "". */
export type CellKind = string;

export interface Grid {
  range: RangeRead;
  rows: number;
  cols: number;
  /** 1-based row and column of the range's top-left cell. */
  row0: number;
  col0: number;
  kind(i: number, j: number): CellKind;
  value(i: number, j: number): unknown;
  formula(i: number, j: number): string | null;
  at(i: number, j: number): Location;
}

/** One string per distinct formula form: a column of 50 000 filled formulas holds one. */
const FORMS = new Map<string, string>();

function interned(form: string): string {
  const known = FORMS.get(form);
  if (known !== undefined) return known;
  if (FORMS.size > 100_000) FORMS.clear();
  FORMS.set(form, form);
  return form;
}

export function grid(range: RangeRead): Grid {
  const { col, row } = parseAddress(range.topLeft);
  const rows = range.values.length;
  let cols = 0;
  for (const r of range.values) if (r.length > cols) cols = r.length;
  const kinds: (CellKind | undefined)[][] = [];
  const formula = (i: number, j: number): string | null => {
    const f = range.formulas?.[i]?.[j];
    return isFormula(f) ? (f as string) : null;
  };
  const value = (i: number, j: number): unknown => range.values[i]?.[j] ?? null;
  const kind = (i: number, j: number): CellKind => {
    const line = (kinds[i] ??= []);
    const known = line[j];
    if (known !== undefined) return known;
    const f = formula(i, j);
    const v = value(i, j);
    const k = f
      ? interned(`F${relativeForm(f, row + i, col + j + 1)}`)
      : typeof v === 'number' || typeof v === 'boolean' || v instanceof Date
        ? 'N'
        : isBlank(v)
          ? ''
          : 'T';
    line[j] = k;
    return k;
  };
  return {
    range,
    rows,
    cols,
    row0: row,
    col0: col + 1,
    kind,
    value,
    formula,
    at: (i, j) => ({ sheet: range.sheet, address: a1(col + j, row + i) }),
  };
}

/** Text or blank: an optional label does not make two rows different. */
export function alike(a: CellKind, b: CellKind): boolean {
  return a === b || ((a === '' || a === 'T') && (b === '' || b === 'T'));
}
