import { looksLikeFormula } from '../../domain/text/injection';
import {
  NUMFMT,
  type CellPlan,
  type SheetPlan,
  type StyleKey,
  type ValidationPlan,
  type WorkbookPlan,
} from '../../sheets/model/plan';
import { a1, columnLetter, parseAddress, splitReference, toExcelSerial } from '../../sheets/model/plan';
import { CONDITIONAL, STYLES } from '../../sheets/model/styles';
import { shiftFormula } from '../../sheets/model/formula';
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

/**
 * Largest request, in bytes, one batch of the scaffold is planned to carry. Excel on the web
 * refuses a request above 5 MB; the estimate below (values, formats, an allowance per operation)
 * keeps every request Microsoft's library builds under 4 MB (measured in the request test).
 */
export const OFFICE_REQUEST_BUDGET = 3_000_000;
/** One range assignment (a block of rows, a slice of a format rectangle) stays under this. */
const BLOCK_BYTES = OFFICE_REQUEST_BUDGET / 4;
/** Allowance for one queued operation: its action and object path in the request's JSON. */
const OP_BYTES = 250;

/** Size of a value in the request's JSON, comma included. */
function jsonBytes(v: string | number | boolean): number {
  return typeof v === 'string' ? v.length + 3 : String(v).length + 1;
}

/**
 * Rectangles covering the cells that share a key (a style, a number format): horizontal runs per
 * row, merged with identical runs of the following rows. Few ranges, whatever the line count.
 */
function rectanglesBy<K>(cells: CellPlan[], keyOf: (c: CellPlan) => K | undefined): Map<K, string[]> {
  const byKey = new Map<K, Map<number, number[]>>();
  for (const c of cells) {
    const key = keyOf(c);
    if (key === undefined) continue;
    const { col, row } = parseAddress(c.address);
    const rows = byKey.get(key) ?? new Map<number, number[]>();
    const cols = rows.get(row);
    if (cols) cols.push(col);
    else rows.set(row, [col]);
    byKey.set(key, rows);
  }
  const out = new Map<K, string[]>();
  for (const [key, rows] of byKey) {
    // runs: "c1-c2" → the rows they span so far
    const open = new Map<string, { start: number; end: number }>();
    const rects: string[] = [];
    const flush = (run: string, span: { start: number; end: number }): void => {
      const [c1, c2] = run.split('-').map(Number) as [number, number];
      rects.push(`${a1(c1, span.start)}:${a1(c2, span.end)}`);
    };
    const sortedRows = [...rows.keys()].sort((x, y) => x - y);
    for (const row of sortedRows) {
      const cols = [...new Set(rows.get(row))].sort((x, y) => x - y);
      const runs: string[] = [];
      let start = cols[0] ?? 0;
      for (let i = 0; i < cols.length; i += 1) {
        const c = cols[i] ?? 0;
        const next = cols[i + 1];
        if (next !== c + 1) {
          runs.push(`${start}-${c}`);
          if (next !== undefined) start = next;
        }
      }
      for (const [run, span] of [...open]) {
        if (!(runs.includes(run) && span.end === row - 1)) {
          flush(run, span);
          open.delete(run);
        }
      }
      for (const run of runs) {
        const span = open.get(run);
        if (span) span.end = row;
        else open.set(run, { start: row, end: row });
      }
    }
    for (const [run, span] of open) flush(run, span);
    out.set(key, rects);
  }
  return out;
}

/**
 * A column's run of formulas filled down from its first cell: each formula below is the first one
 * moved as Excel moves it (relative references follow, absolute ones stay). `cols` is a span of
 * adjacent columns sharing the same rows, copied in one operation.
 */
export interface FillRun {
  /** First and last column (0-based). */
  cols: { from: number; to: number };
  /** The row written in full, and the last row filled from it. */
  source: number;
  to: number;
}

/** A run is filled rather than written when it saves at least this many bytes of request. */
const FILL_MIN_BYTES = 1_000;

/**
 * The runs of formula cells that Excel can fill down from their first row (as a user drags a
 * formula down): long columns of per-line formulas then cost one operation instead of a formula
 * per row in the request. Only runs whose formulas are exactly the first one moved are taken.
 */
export function fillRuns(cells: CellPlan[]): FillRun[] {
  const byCol = new Map<number, { row: number; formula: string }[]>();
  for (const c of cells) {
    if (c.formula === undefined) continue;
    const { col, row } = parseAddress(c.address);
    const list = byCol.get(col);
    if (list) list.push({ row, formula: c.formula });
    else byCol.set(col, [{ row, formula: c.formula }]);
  }
  const single: { col: number; source: number; to: number }[] = [];
  for (const [col, list] of byCol) {
    list.sort((x, y) => x.row - y.row);
    let start = 0;
    let saved = 0;
    const close = (end: number): void => {
      const first = list[start];
      const last = list[end];
      if (first && last && end > start && saved >= FILL_MIN_BYTES)
        single.push({ col, source: first.row, to: last.row });
    };
    for (let i = 1; i <= list.length; i += 1) {
      const first = list[start];
      const cur = list[i];
      const prev = list[i - 1];
      if (
        first &&
        cur &&
        prev &&
        cur.row === prev.row + 1 &&
        shiftFormula(first.formula, cur.row - first.row, 0) === cur.formula
      ) {
        saved += cur.formula.length + 4;
        continue;
      }
      close(i - 1);
      start = i;
      saved = 0;
    }
  }
  // Adjacent columns over the same rows: one copy.
  single.sort((x, y) => x.source - y.source || x.to - y.to || x.col - y.col);
  const runs: FillRun[] = [];
  for (const s of single) {
    const last = runs[runs.length - 1];
    if (last && last.source === s.source && last.to === s.to && last.cols.to === s.col - 1)
      last.cols.to = s.col;
    else runs.push({ cols: { from: s.col, to: s.col }, source: s.source, to: s.to });
  }
  return runs;
}

/** Rectangles of the cells of one style. */
export function styleRectangles(sheet: SheetPlan): Map<StyleKey, string[]> {
  return rectanglesBy(sheet.cells, (c) => c.style);
}

/**
 * Rectangles of the cells of one number format: only the cells that need one (a new sheet's
 * cells are already "General"). The text format comes separately, before the values.
 */
export function formatRectangles(sheet: SheetPlan): Map<string, string[]> {
  return rectanglesBy(sheet.cells, (c) =>
    c.numFmt && c.numFmt !== NUMFMT.general && c.numFmt !== NUMFMT.text ? c.numFmt : undefined,
  );
}

/** Rectangles of the text-format cells (CNC codes), whose format goes before their values. */
export function textRectangles(sheet: SheetPlan): string[] {
  return rectanglesBy(sheet.cells, (c) => (c.numFmt === NUMFMT.text ? true : undefined)).get(true) ?? [];
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

/** One part of the data of a sheet, queued in one batch: a block of rows, a format, the styles. */
interface Piece {
  sheet: string;
  /** Estimated size in the request. */
  bytes: number;
  /** Rows of values and formulas written, for the report of what was written. */
  rows?: { from: number; to: number };
  queue(ws: Excel.Worksheet): void;
}

/**
 * A rectangle of one number format, as one operation: a single value set on a range applies to all
 * its cells (ExcelApi 1.1, Range.numberFormat), so the request carries the format once, not a
 * matrix of it (a 5 000-line euro column was ~100 KB).
 */
function formatPieces(sheet: string, rect: string, format: string): Piece[] {
  return [
    {
      sheet,
      bytes: format.length + OP_BYTES,
      queue(ws) {
        (ws.getRange(rect) as unknown as { numberFormat: string }).numberFormat = format;
      },
    },
  ];
}

/**
 * A sheet's data as pieces, in the order Excel must receive them: the text format of the code
 * cells before their values ("2.10" stays text), the values and formulas in blocks of rows, then
 * the number formats where a cell needs one, the styles, widths, panes, merges and lists.
 */
function sheetPieces(plan: SheetPlan, fillDown: boolean): Piece[] {
  const pieces: Piece[] = [];
  for (const rect of textRectangles(plan)) pieces.push(...formatPieces(plan.name, rect, NUMFMT.text));
  let rows = 1;
  let cols = 1;
  const fills = fillDown ? fillRuns(plan.cells) : [];
  const filled = new Set<string>();
  for (const f of fills)
    for (let col = f.cols.from; col <= f.cols.to; col += 1)
      for (let row = f.source + 1; row <= f.to; row += 1) filled.add(a1(col, row));
  // Each cell's column and what Excel receives for it, computed once for sizing and writing.
  const byRow = new Map<number, { col: number; value: string | number | boolean }[]>();
  for (const c of plan.cells) {
    const { col, row } = parseAddress(c.address);
    rows = Math.max(rows, row);
    cols = Math.max(cols, col + 1);
    // Filled from the run's first row below, after every block of the sheet is written.
    if (filled.has(c.address)) continue;
    const cell = { col, value: cellFormula(c) };
    const list = byRow.get(row);
    if (list) list.push(cell);
    else byRow.set(row, [cell]);
  }
  const rowOf = (r: number): (string | number | boolean)[] => {
    const out = Array<string | number | boolean>(cols).fill('');
    for (const c of byRow.get(r) ?? []) out[c.col] = c.value;
    return out;
  };
  const lastCol = cols - 1;
  let from = 1;
  let bytes = 0;
  const flush = (to: number): void => {
    const start = from;
    pieces.push({
      sheet: plan.name,
      bytes: bytes + OP_BYTES,
      rows: { from: start, to },
      queue(ws) {
        const values = Array.from({ length: to - start + 1 }, (_, k) => rowOf(start + k));
        ws.getRange(`${a1(0, start)}:${a1(lastCol, to)}`).formulas = values;
      },
    });
  };
  for (let r = 1; r <= rows; r += 1) {
    const cells = byRow.get(r) ?? [];
    const size = cols * 3 + 2 + cells.reduce((n, c) => n + jsonBytes(c.value), 0);
    if (bytes > 0 && bytes + size > BLOCK_BYTES) {
      flush(r - 1);
      from = r;
      bytes = 0;
    }
    bytes += size;
  }
  flush(rows);
  for (const f of fills) {
    pieces.push({
      sheet: plan.name,
      bytes: OP_BYTES * 2,
      rows: { from: f.source, to: f.to },
      queue(ws) {
        // Pasting one row's formulas over the rows below repeats it, references moved
        // (ExcelApi 1.9; Excel repeats a source over a destination a whole multiple of it).
        ws.getRange(`${a1(f.cols.from, f.source + 1)}:${a1(f.cols.to, f.to)}`).copyFrom(
          ws.getRange(`${a1(f.cols.from, f.source)}:${a1(f.cols.to, f.source)}`),
          'Formulas',
        );
      },
    });
  }
  for (const [format, rects] of formatRectangles(plan))
    for (const rect of rects) pieces.push(...formatPieces(plan.name, rect, format));
  const styles = styleRectangles(plan);
  const operations =
    [...styles.values()].reduce((n, r) => n + r.length * 4, 0) +
    plan.columnWidths.length +
    (plan.merges?.length ?? 0) +
    Object.keys(plan.rowHeights ?? {}).length +
    plan.validations.length * 2 +
    1;
  pieces.push({
    sheet: plan.name,
    bytes: operations * OP_BYTES,
    queue(ws) {
      for (const [style, rects] of styles) {
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
        dv.rule = validationRule(v);
        dv.errorAlert = { showAlert: true, style: 'Stop', title: 'Valeur refusée', message: v.error };
      }
    },
  });
  return pieces;
}

/** Pieces packed in order into batches under the request budget (the first one also adds the sheets and names). */
function packBatches(pieces: Piece[], firstBytes: number): Piece[][] {
  const batches: Piece[][] = [[]];
  let size = firstBytes;
  for (const piece of pieces) {
    const current = batches[batches.length - 1] ?? [];
    if (current.length > 0 && size + piece.bytes > OFFICE_REQUEST_BUDGET) {
      batches.push([piece]);
      size = piece.bytes;
    } else {
      current.push(piece);
      size += piece.bytes;
    }
  }
  return batches;
}

const frInteger = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** "lignes 1 à 10 000" for the rows of a sheet among some pieces. */
function rowsText(sheet: string, pieces: Piece[]): string | null {
  const spans = pieces.filter((p) => p.sheet === sheet && p.rows).map((p) => p.rows) as {
    from: number;
    to: number;
  }[];
  if (spans.length === 0) return null;
  const from = Math.min(...spans.map((s) => s.from));
  const to = Math.max(...spans.map((s) => s.to));
  return `lignes ${frInteger.format(from)} à ${frInteger.format(to)}`;
}

/** What a refused data batch leaves in the workbook, in French. */
function batchFailure(plan: WorkbookPlan, batches: Piece[][], failed: number, detail: string): string {
  const before = batches.slice(0, failed).flat();
  const after = batches.slice(failed + 1).flat();
  const refused = batches[failed] ?? [];
  const refusedText = [...new Set(refused.map((p) => p.sheet))]
    .map((s) => `${s}, ${rowsText(s, refused) ?? 'mise en forme'}`)
    .join(' ; ');
  const whole: string[] = [];
  const part: string[] = [];
  const none: string[] = [];
  for (const sheet of plan.sheets.map((s) => s.name)) {
    const done = before.some((p) => p.sheet === sheet);
    const pending = refused.some((p) => p.sheet === sheet) || after.some((p) => p.sheet === sheet);
    if (done && !pending) whole.push(sheet);
    else if (done) part.push(`${sheet} (${rowsText(sheet, before) ?? 'en partie'})`);
    else none.push(sheet);
  }
  const written =
    failed === 0
      ? 'Rien n’était encore écrit'
      : `Écrit avant ce lot : ${[...whole, ...part].join(', ')}${none.length ? ` ; pas encore écrit : ${none.join(', ')}` : ''}`;
  return `Excel a refusé l’écriture du lot ${failed + 1} sur ${batches.length} (${refusedText}) : ${detail.replace(/[.\s]+$/, '')}. ${written}. Le lot refusé peut être écrit en partie : supprimez les feuilles créées avant de recommencer.`;
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
    if (plan.print.area) ws.pageLayout.setPrintArea(plan.print.area);
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
 * WorkbookPort over Office.js. `inventory` costs two `context.sync()` calls. `applyPlan` sends the
 * data (sheets, names, values, formulas, formats, lists) in batches under the request budget — one
 * up to several thousand devis lines — then the cosmetics (charts, print setup, conditional
 * formats) in a last batch that may fail without undoing the data. A refused data batch stops the
 * writing with a French message naming what was written.
 */
export class OfficePort implements WorkbookPort {
  /** Sheets the last inventory found empty: reused rather than added. */
  private emptySheets = new Set<string>();

  /**
   * `fillDown`: long columns of per-line formulas are written once and filled down by Excel
   * (`Range.copyFrom`, ExcelApi 1.9) instead of a formula per row in the request. Off on a host
   * without ExcelApi 1.9: every formula is then sent.
   */
  constructor(
    private readonly run: ExcelRunner,
    private readonly options: { fillDown: boolean } = { fillDown: true },
  ) {}

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
    const pieces = plan.sheets.flatMap((sheet) => sheetPieces(sheet, this.options.fillDown));
    const batches = packBatches(pieces, (plan.sheets.length + plan.names.length * 2) * OP_BYTES);
    return this.run(async (context) => {
      // Sheets first, then the workbook names, then the cells: every formula and list is written
      // after the names it uses exist. Nothing goes to Excel before a sync; each batch stays
      // under the request budget, the data in as few batches as the budget allows.
      const sheets = context.workbook.worksheets;
      const written = new Map<string, Excel.Worksheet>();
      for (const [k, batch] of batches.entries()) {
        context.application.suspendApiCalculationUntilNextSync();
        if (k === 0) {
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
        }
        for (const piece of batch) {
          const ws = written.get(piece.sheet);
          if (ws) piece.queue(ws);
        }
        if (k === batches.length - 1) {
          const first = plan.sheets[1] ?? plan.sheets[0];
          if (first) written.get(first.name)?.activate();
        }
        try {
          // One sync per batch on purpose: each request stays under Excel on the web's size limit.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        } catch (e) {
          throw new Error(batchFailure(plan, batches, k, e instanceof Error ? e.message : String(e)));
        }
      }
      // Cosmetics in a last batch: the data above is in the workbook whatever happens here.
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

  async insertCellsDown(sheet: string, range: string): Promise<void> {
    await this.run(async (context) => {
      // ExcelApi 1.1: Excel moves every reference, name and validation itself.
      context.workbook.worksheets.getItem(sheet).getRange(range).insert('Down');
      await context.sync();
    });
  }

  async clearSheet(sheet: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange().clear('All');
      await context.sync();
    });
    // Empty now: the next plan writes into it rather than adding a sheet.
    this.emptySheets.add(sheet.toLowerCase());
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

/** A validation of the plan as Office.js sets it: a drop-down list, or a number rule. */
function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  if (v.kind === 'list') return { list: { inCellDropDown: true, source: `=${v.listName ?? ''}` } };
  if (v.kind === 'share') return { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
  if (v.kind === 'wholeBetween')
    return {
      wholeNumber: { formula1: v.bounds?.[0] ?? 0, formula2: v.bounds?.[1] ?? 0, operator: 'Between' },
    };
  return { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
}
