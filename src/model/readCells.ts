/** How the model readers turn named cells, lists and table rows into fields. */
import type { Money } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { parseAddress } from '../sheets/model/plan';
import { at, single, type RangeRead, type Snapshot, type TableRow } from '../sheets/model/snapshot';
import { asMoney, ownedField, rowField, cellField, type Field, type Parse } from './field';

/** The money figure behind a workbook name; null when the name is missing. */
export function moneyAt(s: Snapshot, name: string): Field<Money> | null {
  return cellField(single(s, name), asMoney);
}

/** The figure behind a workbook name, read with its parser; null when the name is missing. */
export function figureAt<T>(s: Snapshot, name: string, parse: Parse<T>): Field<T> | null {
  return cellField(single(s, name), parse);
}

/** The texts of a one-column named list (a drop-down's values), blanks left out. */
export function listOf(s: Snapshot, name: string): string[] {
  const range = s.ranges[name];
  return range
    ? range.values
        .flat()
        .map((v) => cellText(v).trim())
        .filter((t) => t !== '')
    : [];
}

/** A cell of a read range at a column letter, on row i of the range. */
export function letterField<T>(range: RangeRead, i: number, letter: string, parse: Parse<T>): Field<T> {
  const j = parseAddress(`${letter}1`).col - parseAddress(range.topLeft).col;
  return ownedField(
    range.values[i]?.[j] ?? null,
    range.formulas?.[i]?.[j] ?? null,
    { at: () => at(range, i, j) },
    letter,
    parse,
  );
}

/** Fields of a table row, by key, each read with its parser. */
export function fields<K extends string, P extends Partial<Record<K, Parse<unknown>>>>(
  row: TableRow<K>,
  parsers: P,
): { [Q in keyof P]: Field<P[Q] extends Parse<infer T> ? T : never> } {
  const out: Record<string, Field<unknown>> = {};
  for (const k in parsers) {
    const parse = parsers[k] as Parse<unknown>;
    out[k] = rowField(row, k as unknown as K, parse);
  }
  return out as { [Q in keyof P]: Field<P[Q] extends Parse<infer T> ? T : never> };
}

/** Rows of a named table that hold anything in one of the given columns. */
export function filledRows<K extends string>(
  rows: TableRow<K>[] | null,
  keys: readonly K[],
): TableRow<K>[] | null {
  return rows ? rows.filter((r) => keys.some((k) => r.text(k) !== '')) : null;
}
