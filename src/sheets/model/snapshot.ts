import type { Recognition } from './recognitionTypes';
import { cellText } from '../../domain/text/cellText';
import { a1, parseAddress } from './plan';
import type { TableColumns } from './contract';

/** The cells a workbook name covers, with their values (formula results for formula cells). */
export interface RangeRead {
  sheet: string;
  /** A1 address of the top-left cell, e.g. "B22". */
  topLeft: string;
  values: unknown[][];
  /** Formulas ("=…"), or the constant itself where a cell holds no formula; when read. */
  formulas?: unknown[][];
  /** The used range went on past what the reader's limits let it read (rows left out at the end). */
  truncated?: boolean;
}

/** A cell of the workbook: sheet and A1 address. */
export interface Location {
  sheet: string;
  address: string;
}

/** The workbook as rules and readers see it, read in advance in one batch. */
export interface Snapshot {
  /** Ranges behind our workbook names (null when the name is missing). */
  ranges: Record<string, RangeRead | null>;
  /** Used range of a sheet found by its name (any case, any accents) when our names are missing: key "devis". */
  sheets: Record<string, RangeRead | null>;
  /**
   * Every sheet's used range with its formulas, and the workbook's names: read only when a rule
   * looks at any sheet (the generic spreadsheet-risk checks).
   */
  workbook?: WorkbookRead;
  /** What was found in a workbook built by hand (no Devis_Lignes name): the devis sheet, the deliverables. */
  recognition?: Recognition;
}

export interface WorkbookRead {
  sheets: RangeRead[];
  /** Workbook-scoped names. */
  names: string[];
  /** Names scoped to one sheet. */
  localNames: { sheet: string; name: string }[];
}

/** The cell at row i, column j of a read range. */
export function at(range: RangeRead, i: number, j: number): Location {
  const { col, row } = parseAddress(range.topLeft);
  return { sheet: range.sheet, address: a1(col + j, row + i) };
}

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function num(v: unknown): number {
  return isNumber(v) ? v : 0;
}

export function isExcelError(v: unknown): string | null {
  if (v && typeof v === 'object' && 'error' in v) return String(v.error);
  if (typeof v === 'string' && /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v.trim()))
    return v.trim();
  return null;
}

export function isFormula(f: unknown): boolean {
  return typeof f === 'string' && f.startsWith('=');
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** One cell behind a name: its value, formula and location. */
export interface SingleCell {
  value: unknown;
  formula: unknown;
  location: Location;
}

/** First cell of a named range. */
export function single(s: Snapshot, name: string): SingleCell | null {
  const r = s.ranges[name];
  if (!r) return null;
  return { value: r.values[0]?.[0] ?? null, formula: r.formulas?.[0]?.[0] ?? null, location: at(r, 0, 0) };
}

/** A row of a table read through its contract: `row.amount`, `row.at('amount')`. */
export type TableRow<K extends string> = { readonly [P in K]: unknown } & {
  /** Row index inside the range read. */
  readonly i: number;
  at(k: K): Location;
  formula(k: K): unknown;
  /** The cell as trimmed text ('' when empty). */
  text(k: K): string;
};

/**
 * Reads a named range laid out as a table: each column at its contract letter, wherever the
 * name starts. `skip` rows at the top (a header row inside the name) are left out; row indices
 * stay those of the range.
 */
export function readTable<K extends string>(
  range: RangeRead,
  columns: TableColumns<K>,
  skip = 0,
): TableRow<K>[] {
  const origin = parseAddress(range.topLeft).col;
  const index = new Map<K, number>(
    columns.keys.map((k) => [k, parseAddress(`${columns.letter(k)}1`).col - origin]),
  );
  const rows: TableRow<K>[] = [];
  for (let i = skip; i < range.values.length; i += 1) rows.push(tableRow(range, columns.keys, index, i));
  return rows;
}

function tableRow<K extends string>(
  range: RangeRead,
  keys: readonly K[],
  index: Map<K, number>,
  i: number,
): TableRow<K> {
  const values = range.values[i] ?? [];
  const j = (k: K): number => index.get(k) ?? -1;
  const row: Record<string, unknown> = {};
  for (const k of keys) row[k] = values[j(k)] ?? null;
  return Object.assign(row, {
    i,
    at: (k: K) => at(range, i, j(k)),
    formula: (k: K) => range.formulas?.[i]?.[j(k)] ?? null,
    text: (k: K) => cellText(values[j(k)]).trim(),
  }) as unknown as TableRow<K>;
}
