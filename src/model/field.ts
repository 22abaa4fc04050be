import { parseAmount, toMoney, type Money } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { timecodeSeconds } from '../domain/music/cues';
import {
  isExcelError,
  isFormula,
  isNumber,
  type Location,
  type SingleCell,
  type TableRow,
} from '../sheets/model/snapshot';
import { toExcelSerial } from '../sheets/model/plan';

/**
 * One figure of the model as read from a workbook: its value, the cell it came from and whether a
 * person typed it or a formula computed it. `value` is null when the cell is empty or holds no
 * figure of the field's kind (text in a number cell, an error): `raw` keeps what was there.
 */
export interface Field<T> {
  readonly value: T | null;
  readonly raw: unknown;
  readonly at: Location | null;
  /** Typed by a person (a constant); false: computed by a formula. */
  readonly typed: boolean;
}

/** Reads a cell's value as the field's kind; null when it is not one. */
export type Parse<T> = (raw: unknown) => T | null;

export const asMoney: Parse<Money> = (v) => (isNumber(v) ? toMoney(v) : null);

/** An amount as a person writes it: a number, or a French text « 1 234,50 € ». */
export const asAmount: Parse<Money> = (v) => {
  const p = parseAmount(v);
  return p.ok ? p.value : null;
};

export const asText: Parse<string> = (v) => {
  if (isExcelError(v)) return null;
  const t = cellText(v).trim();
  return t === '' ? null : t;
};

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A day as its Excel serial number (a Date cell or a serial); null for anything else. */
export const asDay: Parse<number> = (v) => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : toExcelSerial(v);
  return isNumber(v) && v > 0 && v < 2_958_466 ? Math.floor(v) : null;
};

/**
 * A timecode in whole seconds: a time value (a fraction of a day, or the Date a reader makes of a
 * cell formatted as a time) or a text « 1:02:03 »; null for anything else.
 */
export const asTimecode: Parse<number> = (v) => {
  if (v instanceof Date) {
    const ms = v.getTime() - EXCEL_EPOCH_MS;
    return Number.isNaN(ms) || ms < 0 ? null : Math.round(ms / 1000);
  }
  if (isNumber(v)) return v >= 0 ? Math.round(v * 86_400) : null;
  return typeof v === 'string' ? timecodeSeconds(v) : null;
};

/** « 15/03/2027 » for a serial day. */
export function dayText(serial: number): string {
  const d = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** What knows where a row's cells are: a table row, a devis row, one cell. */
export interface Owner {
  at(key: string): Location | null;
}

/**
 * A field read from a cell: its value parsed and its location made only when asked (a model of
 * 10 000 lines has hundreds of thousands of fields, most never reported). It keeps its row and
 * key rather than a closure, so a field costs one object.
 */
class CellField<T> implements Field<T> {
  private parsed: { value: T | null } | null = null;
  private located: { at: Location | null } | null = null;

  constructor(
    readonly raw: unknown,
    readonly typed: boolean,
    private readonly parse: Parse<T>,
    private readonly owner: Owner,
    private readonly key: string,
  ) {}

  get value(): T | null {
    this.parsed ??= { value: this.parse(this.raw) };
    return this.parsed.value;
  }

  get at(): Location | null {
    this.located ??= { at: this.owner.at(this.key) };
    return this.located.at;
  }
}

/** A field of a cell whose location its owner knows under `key`. */
export function ownedField<T>(
  raw: unknown,
  formula: unknown,
  owner: Owner,
  key: string,
  parse: Parse<T>,
): Field<T> {
  return new CellField(raw, !isFormula(formula), parse, owner, key);
}

export function fieldOf<T>(raw: unknown, formula: unknown, at: Location | null, parse: Parse<T>): Field<T> {
  return ownedField(raw, formula, { at: () => at }, '', parse);
}

/** A column of a table row read through its contract. */
export function rowField<K extends string, T>(row: TableRow<K>, key: K, parse: Parse<T>): Field<T> {
  return ownedField(row[key], row.formula(key), row as unknown as Owner, key, parse);
}

/** The cell behind a workbook name; null when the name is missing. */
export function cellField<T>(cell: SingleCell | null, parse: Parse<T>): Field<T> | null {
  return cell ? fieldOf(cell.value, cell.formula, cell.location, parse) : null;
}

/** The cell holds something (a value, text or an error), not nothing. */
export function isFilled(f: Field<unknown> | null | undefined): boolean {
  return !!f && cellText(f.raw).trim() !== '';
}
