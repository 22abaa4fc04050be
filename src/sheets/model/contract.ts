import { columnLetter, parseAddress } from './plan';

/** A column of a table: its French header and its letter on the sheet. */
export interface ColumnSpec {
  header: string;
  col: string;
}

/** Row members a reader adds; a table's column keys may not use them. */
const RESERVED = new Set(['i', 'at', 'formula', 'text']);

/**
 * The columns of one table of a sheet, by key. The layout writes through it (letters, cells,
 * ranges) and the readers read through it (position inside a named range), so nobody else spells
 * a column letter or an index.
 */
export interface TableColumns<K extends string> {
  readonly keys: readonly K[];
  /** Letter of the table's first column: a named range over the table starts there. */
  readonly first: string;
  /** Letter of the table's last column. */
  readonly last: string;
  header(k: K): string;
  /** Column letter on the sheet, e.g. "F". */
  letter(k: K): string;
  /** 0-based position inside a range that starts at the table's first column. */
  index(k: K): number;
  /** "F22". */
  cell(k: K, row: number): string;
  /** "$F$22:$F$38": a whole column of the table, absolute. */
  range(k: K, first: number, last: number): string;
  /** "F22:F38": the same, relative (inside a formula copied down or across). */
  span(k: K, first: number, last: number): string;
  /** "$A$21:$S$40": every column of the table between two rows. */
  block(first: number, last: number): string;
}

function colIndex(letter: string): number {
  return parseAddress(`${letter}1`).col;
}

/** A table whose columns sit at the letters given (not necessarily contiguous). */
export function tableColumns<K extends string>(spec: Readonly<Record<K, ColumnSpec>>): TableColumns<K> {
  const keys = Object.keys(spec) as K[];
  for (const k of keys) if (RESERVED.has(k)) throw new Error(`Clé de colonne réservée : ${k}`);
  const positions = keys.map((k) => colIndex(spec[k].col));
  const firstIndex = Math.min(...positions);
  const lastIndex = Math.max(...positions);
  const letter = (k: K): string => spec[k].col;
  return {
    keys,
    first: columnLetter(firstIndex),
    last: columnLetter(lastIndex),
    header: (k) => spec[k].header,
    letter,
    index: (k) => colIndex(spec[k].col) - firstIndex,
    cell: (k, row) => `${letter(k)}${row}`,
    range: (k, first, last) => `$${letter(k)}$${first}:$${letter(k)}$${last}`,
    span: (k, first, last) => `${letter(k)}${first}:${letter(k)}${last}`,
    block: (first, last) => `$${columnLetter(firstIndex)}$${first}:$${columnLetter(lastIndex)}$${last}`,
  };
}

/** A table whose columns follow each other from `firstCol`, in the order of `headers`. */
export function contiguousColumns<K extends string>(
  firstCol: string,
  headers: Readonly<Record<K, string>>,
): TableColumns<K> {
  const start = colIndex(firstCol);
  const spec = {} as Record<K, ColumnSpec>;
  (Object.keys(headers) as K[]).forEach((k, i) => {
    spec[k] = { header: headers[k], col: columnLetter(start + i) };
  });
  return tableColumns(spec);
}

/** Letter of the column `offset` places right of `letter`. */
export function columnAfter(letter: string, offset: number): string {
  return columnLetter(colIndex(letter) + offset);
}

/** A one-cell reference "$C$5" from a letter and a row. */
export function absoluteCell(letter: string, row: number): string {
  return `$${letter}$${row}`;
}
