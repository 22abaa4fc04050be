import type { TableColumns } from './contract';
import type { Naming, SheetKey } from './naming';
import type { CellPlan, ConditionalFormatPlan, NamePlan, SheetPlan, ValidationPlan } from './plan';

/** What a sheet's plan holds besides its name and cells. */
export type SheetOptions = Omit<SheetPlan, 'name' | 'cells' | 'validations' | 'conditionalFormats'> &
  Partial<Pick<SheetPlan, 'validations' | 'conditionalFormats'>>;

/**
 * The small builder every layout writes through: the cells and workbook names of one sheet, in
 * the order they are written. A layout is a few block functions `(b, …) => row` over it (a title,
 * a table, a totals block), each short enough to read alone.
 */
export class SheetBuilder {
  readonly cells: CellPlan[] = [];
  readonly names: NamePlan[] = [];
  readonly validations: ValidationPlan[] = [];
  readonly conditionalFormats: ConditionalFormatPlan[] = [];
  /** The sheet's name (with the naming's suffix). */
  readonly sheet: string;

  constructor(
    readonly naming: Naming,
    key: SheetKey,
  ) {
    this.sheet = naming.sheet(key);
  }

  /** A workbook name with the naming's suffix, for a formula. */
  n(base: string): string {
    return this.naming.name(base);
  }

  push(...cells: CellPlan[]): this {
    this.cells.push(...cells);
    return this;
  }

  /** Names a range of this sheet (an absolute reference). */
  name(base: string, ref: string, comment?: string): this {
    this.names.push({ name: this.n(base), sheet: this.sheet, ref, ...(comment ? { comment } : {}) });
    return this;
  }

  /** The header cells of a table's columns on one row. */
  headers<K extends string>(columns: TableColumns<K>, row: number, keys: readonly K[] = columns.keys): this {
    for (const k of keys)
      this.cells.push({ address: columns.cell(k, row), value: columns.header(k), style: 'header' });
    return this;
  }

  /**
   * Lists a table offers (its drop-downs), one per column under their header row, each named: a
   * column key, its values and the workbook name of the range.
   */
  lists<K extends string>(
    columns: TableColumns<K>,
    header: number,
    lists: readonly [K, readonly string[], string][],
  ): this {
    this.headers(columns, header);
    for (const [k, values, name] of lists) {
      values.forEach((v, i) =>
        this.push({ address: columns.cell(k, header + 1 + i), value: v, style: 'label' }),
      );
      this.name(name, columns.range(k, header + 1, header + values.length));
    }
    return this;
  }

  /** A column of a table checked against one of those lists, with its French message. */
  listCheck(range: string, name: string, error: string): this {
    this.validations.push({ range, kind: 'list', listName: this.n(name), error });
    return this;
  }

  /** The sheet's title (A1) and its explanation under it (A2). */
  titled(title: string, banner: string): this {
    return this.push(
      { address: 'A1', value: title, style: 'title' },
      { address: 'A2', value: banner, style: 'banner' },
    );
  }

  /** The plan of the sheet, with the cells, validations and formats written so far. */
  plan(options: SheetOptions): SheetPlan {
    return {
      name: this.sheet,
      cells: this.cells,
      ...options,
      validations: [...this.validations, ...(options.validations ?? [])],
      conditionalFormats: [...this.conditionalFormats, ...(options.conditionalFormats ?? [])],
    };
  }
}
