/**
 * What the generic spreadsheet-risk rules share: each cell of a sheet read whole (snapshot.workbook)
 * as a kind — a formula in its relative (R1C1) form, a number, a text, a blank — so that rows and
 * columns can be compared the way Excel's background error checking compares them.
 */
import {
  namesIn,
  relativeFormOf,
  rowKey,
  tokenize,
  type FormulaToken,
  type NameUse,
} from '../sheets/model/formula';
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
  /** The workbook names the cell's formula uses, compared without case (none for a value). */
  names(i: number, j: number): readonly NameUse[];
  at(i: number, j: number): Location;
}

/**
 * One entry per distinct formula form, with the names it uses: a column of 50 000 filled formulas
 * holds one, and its names are read once.
 */
const FORMS = new Map<string, { form: string; names: readonly NameUse[]; linked: boolean }>();

/** A formula that reads workbook names and no cell (« =SUM(PdT_Couverts) »): a link, not a computation. */
function linkedTokens(tokens: readonly FormulaToken[]): boolean {
  let name = false;
  for (const t of tokens) {
    if (t.kind === 'cell' || t.kind === 'cols' || t.kind === 'rows' || t.kind === 'sheet') return false;
    if (t.kind === 'name') name = true;
  }
  return name;
}

/** The same, from a formula's text (A1). */
export function isLinkFormula(formula: string): boolean {
  return linkedTokens(tokenize(formula));
}

/**
 * A formula that only reads workbook names stands where a typed number would (a quantity the plan
 * de travail gives): for comparing rows, it is alike a number and alike another such link.
 */
export function isLinkKind(kind: CellKind): boolean {
  return kind.startsWith('F') && FORMS.get(kind)?.linked === true;
}
const NONE: readonly NameUse[] = [];

/** The cell's kind, each formula split into tokens once for its form and its names. */
function formulaKind(f: string, row: number, col: number): string {
  const tokens = tokenize(f);
  const form = `F${relativeFormOf(tokens, row, col)}`;
  const known = FORMS.get(form);
  if (known !== undefined) return known.form;
  if (FORMS.size > 100_000) FORMS.clear();
  FORMS.set(form, { form, names: namesIn(tokens), linked: linkedTokens(tokens) });
  return form;
}

/**
 * Every rule that looks at a sheet's cells shares one grid per sheet of a snapshot: each formula
 * is split into tokens once, whichever rules compare it.
 */
const GRIDS = new WeakMap<RangeRead, Grid>();

export function grid(range: RangeRead): Grid {
  const known = GRIDS.get(range);
  if (known) return known;
  const made = makeGrid(range);
  GRIDS.set(range, made);
  return made;
}

function makeGrid(range: RangeRead): Grid {
  const { col, row } = parseAddress(range.topLeft);
  // Formulas count too, should a reader give a formula row longer than its row of values.
  const rows = Math.max(range.values.length, range.formulas?.length ?? 0);
  let cols = 0;
  for (const r of range.values) if (r.length > cols) cols = r.length;
  for (const r of range.formulas ?? []) if (r.length > cols) cols = r.length;
  const kinds: (CellKind | undefined)[][] = [];
  // Per column, the kind of each formula key already seen: a filled-down column is split into
  // tokens once (see rowKey).
  const byKey: Map<string, CellKind>[] = [];
  const formulaCell = (f: string, i: number, j: number): CellKind => {
    const key = rowKey(f, row + i);
    const seen = key === null ? undefined : (byKey[j] ??= new Map()).get(key);
    if (seen !== undefined) return seen;
    const k = formulaKind(f, row + i, col + j + 1);
    if (key !== null) byKey[j]?.set(key, k);
    return k;
  };
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
      ? formulaCell(f, i, j)
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
    names: (i, j) => {
      const k = kind(i, j);
      return k.startsWith('F') ? (FORMS.get(k)?.names ?? namesIn(tokenize(formula(i, j) ?? ''))) : NONE;
    },
    at: (i, j) => ({ sheet: range.sheet, address: a1(col + j, row + i) }),
  };
}

/**
 * Text or blank: an optional label does not make two rows different; nor does a typed number beside
 * a link to workbook names (a quantity typed on one line, given by the plan de travail on the next).
 */
export function alike(a: CellKind, b: CellKind): boolean {
  if (a === b || ((a === '' || a === 'T') && (b === '' || b === 'T'))) return true;
  const input = (k: CellKind): boolean => k === 'N' || isLinkKind(k);
  return input(a) && input(b);
}
