import type { Money } from '../../domain/money';
import { sum, toCellNumber } from '../../domain/money';
import type { SheetBuilder } from './builder';
import { columnLetter, NUMFMT, type CellPlan } from './plan';

/**
 * Rows of figures by month, right of a label column and a total column (the Trésorerie réelle's
 * grid): the columns of the months, a row across them, its total.
 */
export class MonthGrid {
  constructor(
    readonly b: SheetBuilder,
    /** How many months. */
    readonly months: number,
    /** 0-based index of the first month's column. */
    readonly firstIndex: number,
    readonly labelCol: string,
    readonly totalCol: string,
  ) {}

  /** The letter of month k's column. */
  col(k: number): string {
    return columnLetter(this.firstIndex + k);
  }

  get first(): string {
    return this.col(0);
  }

  get last(): string {
    return this.col(this.months - 1);
  }

  /** "E12:Q12": one row across the months. */
  across(row: number): string {
    return `${this.first}${row}:${this.last}${row}`;
  }

  /** "$E$12:$Q$12". */
  absAcross(row: number): string {
    return `$${this.first}$${row}:$${this.last}$${row}`;
  }

  /** The row's total over the months, in the total column. */
  totalOf(row: number, value: Money, style: CellPlan['style'] = 'computed'): void {
    this.b.push({
      address: `${this.totalCol}${row}`,
      formula: `SUM(${this.across(row)})`,
      result: toCellNumber(value),
      numFmt: NUMFMT.euro,
      style,
    });
  }

  /** A labelled row with one formula per month and its cached value. */
  monthRow(
    row: number,
    label: string,
    formula: (k: number) => string,
    value: (k: number) => number | string,
    style: CellPlan['style'] = 'computed',
  ): void {
    this.b.push({
      address: `${this.labelCol}${row}`,
      value: label,
      style: style === 'computed' ? 'label' : style,
    });
    for (let k = 0; k < this.months; k += 1)
      this.b.push({
        address: `${this.col(k)}${row}`,
        formula: formula(k),
        result: value(k),
        numFmt: NUMFMT.euro,
        style,
      });
  }

  /** A row typed month by month (blank where nothing), with its total. */
  typedRow(row: number, parts: readonly Money[]): void {
    this.totalOf(row, sum([...parts]));
    for (let k = 0; k < this.months; k += 1) {
      const v = parts[k];
      this.b.push({
        address: `${this.col(k)}${row}`,
        value: !v || v.isZero() ? null : toCellNumber(v),
        numFmt: NUMFMT.euro,
        style: 'input',
      });
    }
  }
}
