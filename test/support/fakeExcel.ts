import { OfficeMockObject } from 'office-addin-mock';
import { a1, parseAddress } from '../../src/sheets/model/plan';
import { shiftFormula } from '../../src/sheets/model/formula';

const parseA1 = (address: string): { col: number; row: number } =>
  parseAddress(address.replace(/^.*!/, '').replace(/\$/g, ''));

/**
 * A recording stand-in for the part of the Excel object model the Office adapter uses. Proxies
 * record what is queued on them; `sync` is office-addin-mock's, so a spy on it counts round trips.
 */
export interface RecordedRange {
  address: string;
  formulas?: unknown[][];
  numberFormat?: string[][];
  format: {
    font: Record<string, unknown>;
    fill: Record<string, unknown>;
    columnWidth?: number;
    wrapText?: boolean;
    borders: { getItem(edge: string): Record<string, unknown> };
  };
  dataValidation: { rule?: unknown; errorAlert?: unknown };
  conditionalFormats: { added: unknown[]; add(type: string): unknown };
  selected: boolean;
  merged: boolean;
  /** What `clear` was asked to clear ("All"…), if it was called. */
  cleared?: string;
  /** The range `copyFrom` pasted here, and what it copied ("Formulas"…). */
  copied?: { from: string; type: string };
  copyFrom(source: RecordedRange | string, type?: string): void;
  /** The direction `insert` shifted the cells below ("Down"), if it was called. */
  inserted?: string;
  insert(shift: string): void;
  select(): void;
  merge(across: boolean): void;
  clear(applyTo?: string): void;
}

export interface RecordedSheet {
  name: string;
  created: boolean;
  ranges: RecordedRange[];
  frozenRows?: number;
  charts: {
    type: string;
    source: string;
    seriesBy: string;
    title: { text?: string };
    legend: { visible?: boolean };
    position?: string;
    xAxis?: string;
  }[];
  activated: boolean;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    printTitleRows?: string;
    setPrintTitleRows(rows: string): void;
  };
  /** No address: the whole sheet, as Excel's `worksheet.getRange()`. */
  getRange(address?: string): RecordedRange;
  frozenAt?: string;
  freezePanes: { freezeRows(n: number): void; freezeAt(range: RecordedRange): void };
  charts_: unknown;
}

export interface Recorder {
  sheets: Map<string, RecordedSheet>;
  /** Every values/formats write, in the order queued: which property of which range. */
  /** A number format may be one string for the whole range (applied to every cell). */
  writes: {
    sheet: string;
    address: string;
    property: 'formulas' | 'numberFormat';
    value: unknown[][] | string;
  }[];
  names: { name: string; ref: string; sheet: string; comment?: string }[];
  /** Queued operations since the start, for size measurements. */
  operations: number;
}

function makeRange(address: string, rec: Recorder, sheetName = ''): RecordedRange {
  const stored: { formulas?: unknown[][]; numberFormat?: string[][] } = {};
  const range: RecordedRange = {
    address,
    format: {
      font: {},
      fill: {},
      borders: {
        getItem: () => {
          rec.operations += 1;
          return {};
        },
      },
    },
    dataValidation: {},
    conditionalFormats: {
      added: [],
      add(type: string) {
        rec.operations += 1;
        const cf = {
          type,
          cellValue: { format: { font: {}, fill: {} }, rule: undefined as unknown },
          topBottom: { format: { font: {}, fill: {} }, rule: undefined as unknown },
        };
        this.added.push(cf);
        return cf;
      },
    },
    selected: false,
    merged: false,
    select() {
      range.selected = true;
    },
    merge() {
      rec.operations += 1;
      range.merged = true;
    },
    clear(applyTo = 'All') {
      rec.operations += 1;
      range.cleared = applyTo;
    },
    insert(shift: string) {
      rec.operations += 1;
      range.inserted = shift;
    },
    copyFrom(source: RecordedRange | string, type = 'All') {
      rec.operations += 1;
      range.copied = { from: typeof source === 'string' ? source : source.address, type };
    },
  };
  for (const property of ['formulas', 'numberFormat'] as const) {
    Object.defineProperty(range, property, {
      enumerable: true,
      get: () => stored[property],
      set: (value: unknown[][] | string) => {
        (stored as Record<string, unknown>)[property] = value;
        rec.writes.push({ sheet: sheetName, address, property, value });
      },
    });
  }
  rec.operations += 1;
  return range;
}

function makeSheet(name: string, created: boolean, rec: Recorder): RecordedSheet {
  const sheet: RecordedSheet = {
    name,
    created,
    ranges: [],
    charts: [],
    activated: false,
    pageLayout: {
      setPrintTitleRows(rows: string) {
        rec.operations += 1;
        sheet.pageLayout.printTitleRows = rows;
      },
    },
    getRange(address = '') {
      const r = makeRange(address, rec, name);
      sheet.ranges.push(r);
      return r;
    },
    freezePanes: {
      freezeRows(n: number) {
        sheet.frozenRows = n;
      },
      freezeAt(range: RecordedRange) {
        sheet.frozenAt = range.address;
      },
    },
    charts_: undefined,
  };
  Object.assign(sheet, {
    charts: Object.assign([], {
      add(type: string, source: RecordedRange, seriesBy: string) {
        rec.operations += 1;
        const chart = {
          type,
          source: source.address,
          seriesBy,
          title: {},
          legend: {},
          setPosition(anchor: string) {
            chart.position = anchor;
          },
          position: undefined as string | undefined,
          xAxis: undefined as string | undefined,
          series: {
            getItemAt: () => ({
              setXAxisValues(range: RecordedRange) {
                rec.operations += 1;
                chart.xAxis = range.address;
              },
            }),
          },
        };
        (sheet.charts as unknown as unknown[]).push(chart);
        return chart;
      },
    }),
    activate() {
      sheet.activated = true;
    },
  });
  return sheet;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  recorder: Recorder;
  /** The office-addin-mock object whose sync is spied on. */
  mock: OfficeMockObject;
}

/** A fake Excel with existing sheets (name → empty?) and names, wrapped by office-addin-mock. */
export function createFakeExcel(
  existing: Record<string, boolean> = {},
  existingNames: string[] = [],
  /** Ranges behind existing names, for readName: name → { address, values }. */
  namedRanges: Record<string, { address: string; values: unknown[][] }> = {},
  /** Content of existing sheets, for readSheets: name → its used range (values only). */
  content: Record<string, { address: string; values: unknown[][]; formulas: unknown[][] }> = {},
  /** Names scoped to a sheet: sheet → names. */
  sheetNames: Record<string, string[]> = {},
): FakeExcel {
  const recorder: Recorder = { sheets: new Map(), names: [], operations: 0, writes: [] };
  for (const [name] of Object.entries(existing)) recorder.sheets.set(name, makeSheet(name, false, recorder));
  /** A read-only range over stored rows, from its top-left (row, col), as Excel returns it. */
  const block = (sheet: string, row: number, col: number, values: unknown[][], formulas: unknown[][]) => {
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    const range = {
      isNullObject: false,
      address: `${sheet}!${a1(col, row)}:${a1(col + cols - 1, row + rows - 1)}`,
      rowCount: rows,
      columnCount: cols,
      values,
      formulas,
      load() {
        return range;
      },
      getCell(r: number, c: number) {
        return {
          getResizedRange(dr: number, dc: number) {
            const slice = <T>(m: T[][]): T[][] => m.slice(r, r + dr + 1).map((x) => x.slice(c, c + dc + 1));
            return block(sheet, row + r, col + c, slice(values), slice(formulas));
          },
        };
      },
    };
    return range;
  };
  const usedRange = (name: string) => {
    const c = content[name];
    if (!c) {
      return {
        isNullObject: existing[name] === true,
        load() {
          return this;
        },
      };
    }
    const [start] = c.address.split(':');
    const { col, row } = parseA1(start ?? 'A1');
    return block(`'${name}'`, row, col, c.values, c.formulas);
  };
  const sheetObject = (name: string) => ({
    name,
    isNullObject: false,
    load() {
      return this;
    },
    getUsedRangeOrNullObject: () => usedRange(name),
    names: {
      items: (sheetNames[name] ?? []).map((n) => ({ name: n })),
      load() {
        return undefined;
      },
    },
  });
  const items = Object.keys(existing).map(sheetObject);
  const mock = new OfficeMockObject({
    application: {
      suspendApiCalculationUntilNextSync() {
        recorder.operations += 1;
      },
    },
    workbook: {
      worksheets: {
        load() {
          return undefined;
        },
        add(name: string) {
          if (recorder.sheets.has(name)) throw new Error(`Sheet ${name} already exists`);
          const s = makeSheet(name, true, recorder);
          recorder.sheets.set(name, s);
          recorder.operations += 1;
          return s;
        },
        getItem(name: string) {
          const s = recorder.sheets.get(name);
          if (!s) throw new Error(`ItemNotFound ${name}`);
          return s;
        },
        getItemOrNullObject(name: string) {
          if (name in existing) return sheetObject(name);
          return {
            isNullObject: true,
            load() {
              return this;
            },
          };
        },
      },
      names: {
        load() {
          return undefined;
        },
        getItemOrNullObject(name: string) {
          const found = namedRanges[name];
          return {
            name,
            isNullObject: found === undefined,
            load() {
              return this;
            },
            getRange() {
              return {
                address: found?.address,
                values: found?.values,
                load() {
                  return this;
                },
              };
            },
          };
        },
        add(name: string, range: RecordedRange, comment?: string) {
          recorder.operations += 1;
          const sheet = [...recorder.sheets.values()].find((s) => s.ranges.includes(range));
          recorder.names.push({
            name,
            ref: range.address,
            sheet: sheet?.name ?? '?',
            ...(comment ? { comment } : {}),
          });
        },
      },
    },
  });
  // Collections' items, set after population (office-addin-mock does not model arrays of proxies).
  const wb = (mock as unknown as { workbook: { worksheets: { items: unknown }; names: { items: unknown } } })
    .workbook;
  wb.worksheets.items = items;
  wb.names.items = existingNames.map((name) => ({ name }));
  const context = mock as unknown as Excel.RequestContext;
  return { context, run: (batch) => batch(context), recorder, mock };
}

/**
 * Reassembles what the adapter wrote on a sheet: address → formula or value. A `copyFrom` is
 * replayed as Excel pastes: the source repeated over the destination, relative references moved
 * (office-js#2674 describes the repetition), in the order the operations were queued.
 */
export function writtenCells(sheet: RecordedSheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const r of sheet.ranges) {
    if (r.copied) {
      const [s1, s2] = r.copied.from.split(':') as [string, string | undefined];
      const src = { from: parseA1(s1), to: parseA1(s2 ?? s1) };
      const [d1, d2] = r.address.split(':') as [string, string | undefined];
      const dst = { from: parseA1(d1), to: parseA1(d2 ?? d1) };
      const h = src.to.row - src.from.row + 1;
      const w = src.to.col - src.from.col + 1;
      for (let row = dst.from.row; row <= dst.to.row; row += 1)
        for (let col = dst.from.col; col <= dst.to.col; col += 1) {
          const sr = src.from.row + ((row - dst.from.row) % h);
          const sc = src.from.col + ((col - dst.from.col) % w);
          const v = out.get(a1(sc, sr));
          if (v === undefined) out.delete(a1(col, row));
          else
            out.set(
              a1(col, row),
              typeof v === 'string' && v.startsWith('=') ? shiftFormula(v, row - sr, col - sc) : v,
            );
        }
      continue;
    }
    if (!r.formulas) continue;
    const start = parseA1(r.address.split(':')[0] ?? r.address);
    r.formulas.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== '') out.set(a1(start.col + j, start.row + i), v);
        else out.delete(a1(start.col + j, start.row + i));
      }),
    );
  }
  return out;
}
