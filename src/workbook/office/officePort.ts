import { looksLikeFormula } from '../../domain/text/injection';
import {
  NUMFMT,
  type CellPlan,
  type SheetPlan,
  type StyleKey,
  type WorkbookPlan,
} from '../../sheets/model/plan';
import { a1, columnLetter, parseAddress, splitReference, toExcelSerial } from '../../sheets/model/plan';
import { CONDITIONAL, STYLES } from '../../sheets/model/styles';
import type { ApplyReport, RangeRead, WorkbookInventory, WorkbookPort } from '../port';

/** Excel.run, injected so tests pass a mock context (office-addin-mock) and count syncs. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHAR = 6.6;

function cellFormula(c: CellPlan): string | number | boolean {
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return toExcelSerial(v);
  // Text is written through `formulas`: text Excel would run (=, +, -, @…) gets the quote prefix,
  // so it stays the text the user or the file gave, never a formula.
  if (typeof v === 'string' && looksLikeFormula(v)) return `'${v}`;
  return v;
}

interface Block {
  rows: number;
  cols: number;
}

function blockOf(sheet: SheetPlan): Block {
  let rows = 1;
  let cols = 1;
  for (const c of sheet.cells) {
    const { col, row } = parseAddress(c.address);
    rows = Math.max(rows, row);
    cols = Math.max(cols, col + 1);
  }
  return { rows, cols };
}

/**
 * Rectangles covering the cells of one style: horizontal runs per row, merged with identical
 * runs of the following rows. Few ranges, so one batch stays small whatever the line count.
 */
export function styleRectangles(sheet: SheetPlan): Map<StyleKey, string[]> {
  const byStyle = new Map<StyleKey, Map<number, number[]>>();
  for (const c of sheet.cells) {
    if (!c.style) continue;
    const { col, row } = parseAddress(c.address);
    const rows = byStyle.get(c.style) ?? new Map<number, number[]>();
    rows.set(row, [...(rows.get(row) ?? []), col]);
    byStyle.set(c.style, rows);
  }
  const out = new Map<StyleKey, string[]>();
  for (const [style, rows] of byStyle) {
    // runs: key "c1-c2" → list of rows
    const open = new Map<string, { start: number; end: number }>();
    const rects: string[] = [];
    const flush = (key: string, span: { start: number; end: number }): void => {
      const [c1, c2] = key.split('-').map(Number) as [number, number];
      rects.push(`${a1(c1, span.start)}:${a1(c2, span.end)}`);
    };
    const sortedRows = [...rows.keys()].sort((x, y) => x - y);
    for (const row of sortedRows) {
      const cols = [...new Set(rows.get(row))].sort((x, y) => x - y);
      const keys: string[] = [];
      let start = cols[0] ?? 0;
      for (let i = 0; i < cols.length; i += 1) {
        const c = cols[i] ?? 0;
        const next = cols[i + 1];
        if (next !== c + 1) {
          keys.push(`${start}-${c}`);
          if (next !== undefined) start = next;
        }
      }
      for (const [key, span] of [...open]) {
        if (!(keys.includes(key) && span.end === row - 1)) {
          flush(key, span);
          open.delete(key);
        }
      }
      for (const key of keys) {
        const span = open.get(key);
        if (span) span.end = row;
        else open.set(key, { start: row, end: row });
      }
    }
    for (const [key, span] of open) flush(key, span);
    out.set(style, rects);
  }
  return out;
}

/** Vertical runs of consecutive text-format cells ("A5:A17"), so their format goes before their values. */
export function textRuns(plan: SheetPlan): { address: string; rows: number }[] {
  const byCol = new Map<number, number[]>();
  for (const c of plan.cells) {
    if (c.numFmt !== NUMFMT.text) continue;
    const { col, row } = parseAddress(c.address);
    byCol.set(col, [...(byCol.get(col) ?? []), row]);
  }
  const runs: { address: string; rows: number }[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((x, y) => x - y);
    let start = rows[0] ?? 0;
    let prev = start;
    const flush = (): void => {
      runs.push({ address: `${a1(col, start)}:${a1(col, prev)}`, rows: prev - start + 1 });
    };
    for (const r of rows.slice(1)) {
      if (r === prev) continue;
      if (r !== prev + 1) {
        flush();
        start = r;
      }
      prev = r;
    }
    if (rows.length > 0) flush();
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: StyleKey): void {
  const s = STYLES[style];
  if (s.bold) range.format.font.bold = true;
  if (s.italic) range.format.font.italic = true;
  if (s.size) range.format.font.size = s.size;
  if (s.fontColor) range.format.font.color = `#${s.fontColor}`;
  if (s.fill) range.format.fill.color = `#${s.fill}`;
  if (s.wrap) range.format.wrapText = true;
  if (s.topBorder) {
    const border = range.format.borders.getItem('EdgeTop');
    border.style = 'Continuous';
    border.color = '#808080';
  }
}

function queueSheet(ws: Excel.Worksheet, plan: SheetPlan): void {
  const { rows, cols } = blockOf(plan);
  const formulas: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
    Array<string | number | boolean>(cols).fill(''),
  );
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const c of plan.cells) {
    const { col, row } = parseAddress(c.address);
    const r = formulas[row - 1];
    const f = formats[row - 1];
    if (r) r[col] = cellFormula(c);
    if (f && c.numFmt) f[col] = c.numFmt;
  }
  const block = ws.getRange(`A1:${a1(cols - 1, rows)}`);
  // Text cells (CNC codes) get their "@" format before their value: Excel parses text written
  // through the API like typed input, and "2.10" would otherwise become the number 2.1.
  for (const run of textRuns(plan))
    ws.getRange(run.address).numberFormat = Array.from({ length: run.rows }, () => [NUMFMT.text]);
  // Values and formulas first, the other formats second (Office performance guidance).
  block.formulas = formulas;
  block.numberFormat = formats;
  for (const [style, rects] of styleRectangles(plan)) {
    for (const rect of rects) applyStyle(ws.getRange(rect), style);
  }
  plan.columnWidths.forEach((w, i) => {
    ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * POINTS_PER_CHAR;
  });
  if (plan.freezeRows && plan.freezeCols)
    ws.freezePanes.freezeAt(ws.getRange(`A1:${a1(plan.freezeCols - 1, plan.freezeRows)}`));
  else if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  for (const m of plan.merges ?? []) ws.getRange(m).merge(false);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const v of plan.validations) {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule =
      v.kind === 'list'
        ? { list: { inCellDropDown: true, source: `=${v.listName ?? ''}` } }
        : v.kind === 'share'
          ? { decimal: { formula1: 0, formula2: 1, operator: 'Between' } }
          : { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Valeur refusée', message: v.error };
  }
}

/**
 * What a sheet looks like beyond its data: print setup and conditional formats. Queued in a
 * second batch, after the data is in: if Excel refuses one of them, the workbook is whole.
 */
function queueCosmetics(ws: Excel.Worksheet, plan: SheetPlan): void {
  if (plan.print) {
    ws.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.print.repeatRows)
      ws.pageLayout.setPrintTitleRows(`$${plan.print.repeatRows}:$${plan.print.repeatRows}`);
  }
  for (const cf of plan.conditionalFormats) {
    const look = CONDITIONAL[cf.when];
    if (cf.when === 'top3') {
      const top = ws.getRange(cf.range).conditionalFormats.add('TopBottom');
      top.topBottom.format.font.color = `#${look.fontColor}`;
      top.topBottom.format.fill.color = `#${look.fill}`;
      top.topBottom.rule = { rank: 3, type: 'TopItems' };
      continue;
    }
    const format = ws.getRange(cf.range).conditionalFormats.add('CellValue');
    format.cellValue.format.font.color = `#${look.fontColor}`;
    format.cellValue.format.fill.color = `#${look.fill}`;
    format.cellValue.rule = { formula1: '0', operator: cf.when === 'negative' ? 'LessThan' : 'GreaterThan' };
  }
}

/** Most cells `readSheets` asks Excel for in one call: a response stays far below the 5 MB limit of Excel on the web. */
export const OFFICE_READ_CELLS = 100_000;

/**
 * WorkbookPort over Office.js. `inventory` costs two `context.sync()` calls and `applyPlan` two,
 * whatever the number of devis lines: the data (sheets, names, values, formulas, formats, lists)
 * in one batch, the cosmetics (charts, print setup, conditional formats) in a second one that may
 * fail without undoing the first.
 */
export class OfficePort implements WorkbookPort {
  /** Sheets the last inventory found empty: reused rather than added. */
  private emptySheets = new Set<string>();

  constructor(private readonly run: ExcelRunner) {}

  async inventory(): Promise<WorkbookInventory> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const names = context.workbook.names;
      names.load('items/name');
      await context.sync();
      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true));
      for (const u of used) u.load('address');
      // Names scoped to a sheet (ExcelApi 1.4), in the same round trip.
      const local = sheets.items.map((ws) => ws.names);
      for (const l of local) l.load('items/name');
      await context.sync();
      const inventory: WorkbookInventory = {
        sheets: sheets.items.map((ws, i) => ({ name: ws.name, empty: used[i]?.isNullObject ?? true })),
        names: names.items.map((n) => n.name),
        localNames: sheets.items.flatMap((ws, i) =>
          (local[i]?.items ?? []).map((n) => ({ sheet: ws.name, name: n.name })),
        ),
      };
      this.emptySheets = new Set(inventory.sheets.filter((s) => s.empty).map((s) => s.name.toLowerCase()));
      return inventory;
    });
  }

  async applyPlan(plan: WorkbookPlan): Promise<ApplyReport> {
    return this.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      // Sheets first, then the workbook names, then the cells: every formula and list is written
      // after the names it uses exist. All of it is queued; nothing goes to Excel before the sync.
      const sheets = context.workbook.worksheets;
      const written = new Map<string, Excel.Worksheet>();
      for (const sheet of plan.sheets) {
        written.set(
          sheet.name,
          this.emptySheets.has(sheet.name.toLowerCase())
            ? sheets.getItem(sheet.name)
            : sheets.add(sheet.name),
        );
      }
      for (const name of plan.names) {
        const ws = written.get(name.sheet) ?? sheets.getItem(name.sheet);
        context.workbook.names.add(name.name, ws.getRange(name.ref.replace(/\$/g, '')), name.comment);
      }
      for (const sheet of plan.sheets) {
        const ws = written.get(sheet.name);
        if (ws) queueSheet(ws, sheet);
      }
      const first = plan.sheets[1] ?? plan.sheets[0];
      if (first) written.get(first.name)?.activate();
      await context.sync();
      // Cosmetics in a second batch: the data above is in the workbook whatever happens here.
      try {
        for (const sheet of plan.sheets) {
          const ws = written.get(sheet.name);
          if (ws) queueCosmetics(ws, sheet);
        }
        for (const chart of plan.charts) {
          const ws = written.get(chart.sheet) ?? context.workbook.worksheets.getItem(chart.sheet);
          const c = ws.charts.add(
            chart.kind === 'line' ? 'Line' : 'BarClustered',
            ws.getRange(chart.source),
            chart.seriesBy === 'rows' ? 'Rows' : 'Columns',
          );
          c.title.text = chart.title;
          c.legend.visible = false;
          if (chart.categories) c.series.getItemAt(0).setXAxisValues(ws.getRange(chart.categories));
          c.setPosition(chart.anchor);
        }
        await context.sync();
        return { skipped: [] };
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return {
          skipped: [
            `Mise en forme incomplète (graphiques, mise en page, mises en forme conditionnelles) : Excel l’a refusée (${detail}). Les feuilles, les formules, les noms et les listes sont écrits et justes ; seule la présentation manque.`,
          ],
        };
      }
    });
  }

  /** Two syncs: does the name exist, then its range (through readNames). */
  async readName(name: string): Promise<RangeRead | null> {
    return (await this.readNames([name]))[name] ?? null;
  }

  /** Two syncs for any number of names: which exist, then their ranges (values and formulas). */
  async readNames(names: string[]): Promise<Record<string, RangeRead | null>> {
    return this.run(async (context) => {
      const items = names.map((n) => context.workbook.names.getItemOrNullObject(n));
      for (const i of items) i.load('name');
      await context.sync();
      const ranges = items.map((i) => (i.isNullObject ? null : i.getRange()));
      for (const r of ranges) r?.load(['address', 'values', 'formulas']);
      await context.sync();
      const out: Record<string, RangeRead | null> = {};
      names.forEach((n, k) => {
        const r = ranges[k];
        const ref = r ? splitReference(r.address) : null;
        out[n] =
          r && ref ? { sheet: ref.sheet, topLeft: ref.start, values: r.values, formulas: r.formulas } : null;
      });
      return out;
    });
  }

  /**
   * Three syncs: which sheets exist; the size of their used range, values only (a sheet formatted
   * down to row 1 048 576 is not read to its end); then values and formulas, at most `maxCells`
   * cells in all, taken in order. A sheet read in part says so (`truncated`).
   */
  async readSheets(
    sheets: string[],
    maxCells: number = OFFICE_READ_CELLS,
  ): Promise<Record<string, RangeRead | null>> {
    return this.run(async (context) => {
      const ws = sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s));
      for (const w of ws) w.load('name');
      await context.sync();
      const used = ws.map((w) => (w.isNullObject ? null : w.getUsedRangeOrNullObject(true)));
      for (const u of used) u?.load(['address', 'rowCount', 'columnCount']);
      await context.sync();
      let budget = maxCells;
      const reads = used.map((u) => {
        if (!u || u.isNullObject) return null;
        const cols = Math.max(1, u.columnCount);
        const rows = Math.max(0, Math.min(u.rowCount, Math.floor(budget / cols)));
        budget -= rows * cols;
        const range =
          rows === 0 ? null : rows < u.rowCount ? u.getCell(0, 0).getResizedRange(rows - 1, cols - 1) : u;
        range?.load(['address', 'values', 'formulas']);
        return { used: u, range, truncated: rows < u.rowCount };
      });
      await context.sync();
      const out: Record<string, RangeRead | null> = {};
      sheets.forEach((s, k) => {
        const r = reads[k];
        const ref = r ? splitReference(r.range?.address ?? r.used.address) : null;
        if (!r || !ref) {
          out[s] = null;
          return;
        }
        out[s] = {
          sheet: s,
          topLeft: ref.start,
          values: r.range?.values ?? [],
          formulas: r.range?.formulas ?? [],
          ...(r.truncated ? { truncated: true } : {}),
        };
      });
      return out;
    });
  }

  /** Two syncs: does the sheet exist; then clear, write, hide, and store the settings. */
  async writeStateSheet(
    name: string,
    rows: (string | number | boolean | null)[][],
    settings: Record<string, string> = {},
  ): Promise<void> {
    await this.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(name);
      found.load('name');
      await context.sync();
      const ws = found.isNullObject ? context.workbook.worksheets.add(name) : found;
      ws.getRange().clear();
      const width = Math.max(1, ...rows.map((r) => r.length));
      const grid = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
      if (grid.length) ws.getRange(`A1:${a1(width - 1, grid.length)}`).values = grid;
      ws.visibility = 'Hidden';
      for (const [key, value] of Object.entries(settings)) context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  /** One sync, whatever the number of cells. */
  async writeCells(sheet: string, cells: CellPlan[]): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const c of cells) {
        const range = ws.getRange(c.address);
        // A text format goes before the value (a code stays text); other formats after it.
        if (c.numFmt === NUMFMT.text) range.numberFormat = [[c.numFmt]];
        range.formulas = [[cellFormula(c)]];
        if (c.numFmt && c.numFmt !== NUMFMT.text) range.numberFormat = [[c.numFmt]];
      }
      await context.sync();
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}
