import ExcelJS from 'exceljs';
import type { CellPlan, SheetPlan, ValidationPlan, WorkbookPlan } from '../../sheets/model/plan';
import { a1, boundingReference, parseAddress, quoteSheet } from '../../sheets/model/plan';
import { CONDITIONAL, STYLES } from '../../sheets/model/styles';
import { insertCellsDown } from './insertCells';
import { insertionOf } from '../insertion';
import type { ApplyReport, RangeRead, WorkbookInventory, WorkbookPort } from '../port';

function argb(hex: string): string {
  return `FF${hex}`;
}

function styleCell(cell: ExcelJS.Cell, plan: CellPlan): void {
  if (plan.numFmt) cell.numFmt = plan.numFmt;
  if (!plan.style) return;
  const s = STYLES[plan.style];
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) cell.font = font;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap) cell.alignment = { wrapText: true, vertical: 'middle' };
  if (s.topBorder) cell.border = { top: { style: 'thin', color: { argb: 'FF808080' } } };
}

/** True when no cell holds a value; stops at the first one found (a scaffolded sheet: its title). */
function isEmptySheet(ws: ExcelJS.Worksheet): boolean {
  for (let r = 1; r <= ws.rowCount; r += 1) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    for (let c = 1; c <= row.cellCount; c += 1) {
      // findCell, not getCell: looking never creates a cell.
      const v = row.findCell(c)?.value;
      if (v !== null && v !== undefined && v !== '') return false;
    }
  }
  return true;
}

/** A new worksheet under this name, in the place of the one it replaces (if any). */
function replaceWorksheet(
  wb: ExcelJS.Workbook,
  name: string,
  options: Partial<ExcelJS.AddWorksheetOptions>,
): ExcelJS.Worksheet {
  // exceljs orders its worksheets by `orderNo` (not in its typings).
  const existing = wb.getWorksheet(name);
  const place = existing && 'orderNo' in existing ? existing.orderNo : undefined;
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(name, options);
  if (typeof place === 'number') Object.assign(ws, { orderNo: place });
  return ws;
}

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const existing = wb.getWorksheet(plan.name);
  if (existing && !isEmptySheet(existing)) {
    throw new Error(`La feuille « ${plan.name} » n'est pas vide : elle ne sera pas écrasée.`);
  }
  const ws = replaceWorksheet(
    wb,
    plan.name,
    plan.tabColor ? { properties: { tabColor: { argb: argb(plan.tabColor) } } } : {},
  );
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const c of plan.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula !== undefined) {
      const result = c.result instanceof Date ? c.result : (c.result ?? undefined);
      cell.value = { formula: c.formula, ...(result !== undefined && result !== null ? { result } : {}) };
    } else if (c.value !== undefined && c.value !== null) {
      cell.value = c.value;
    }
    styleCell(cell, c);
  }
  if (plan.freezeRows)
    ws.views = [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: plan.freezeCols ?? 0 }];
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(plan.print.repeatRows
        ? { printTitlesRow: `${plan.print.repeatRows}:${plan.print.repeatRows}` }
        : {}),
      ...(plan.print.area ? { printArea: plan.print.area } : {}),
    };
  }
  for (const v of plan.validations) {
    const validation = dataValidation(v);
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(v.range, validation);
  }
  plan.conditionalFormats.forEach((cf, i) => {
    const look = CONDITIONAL[cf.when];
    const style: Partial<ExcelJS.Style> = {
      font: { color: { argb: argb(look.fontColor) } },
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(look.fill) } },
    };
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        cf.when === 'top3'
          ? { type: 'top10', rank: 3, percent: false, bottom: false, priority: i + 1, style }
          : {
              type: 'cellIs',
              operator: cf.when === 'negative' ? 'lessThan' : 'greaterThan',
              formulae: ['0'],
              priority: i + 1,
              style,
            },
      ],
    });
  });
}

/** WorkbookPort over an exceljs workbook (CLI and tests). */
export class XlsxPort implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  async inventory(): Promise<WorkbookInventory> {
    return {
      sheets: this.workbook.worksheets.map((ws) => ({ name: ws.name, empty: isEmptySheet(ws) })),
      names: this.workbook.definedNames.model.map((n) => n.name),
      localNames: [],
    };
  }

  async applyPlan(plan: WorkbookPlan): Promise<ApplyReport> {
    const wb = this.workbook;
    for (const name of plan.names) {
      if (wb.definedNames.model.some((n) => n.name.toLowerCase() === name.name.toLowerCase())) {
        throw new Error(`Le nom de classeur « ${name.name} » existe déjà : rien n'a été écrit.`);
      }
    }
    for (const sheet of plan.sheets) writeSheet(wb, sheet);
    for (const name of plan.names) wb.definedNames.add(`${quoteSheet(name.sheet)}!${name.ref}`, name.name);
    wb.calcProperties.fullCalcOnLoad = true;
    return {
      skipped: plan.charts.map(
        (c) =>
          `Graphique « ${c.title} » (feuille ${c.sheet}) non dessiné : exceljs ne sait pas créer de graphique ; il est créé par le complément dans Excel.`,
      ),
    };
  }

  async readNames(names: string[]): Promise<Record<string, RangeRead | null>> {
    const out: Record<string, RangeRead | null> = {};
    for (const n of names) out[n] = await this.readName(n);
    return out;
  }

  async readSheets(sheets: string[]): Promise<Record<string, RangeRead | null>> {
    const out: Record<string, RangeRead | null> = {};
    for (const name of sheets) {
      const ws = this.workbook.getWorksheet(name);
      if (!ws || ws.rowCount === 0) {
        out[name] = null;
        continue;
      }
      out[name] = this.readBlock(ws, 1, 1, ws.rowCount, Math.max(1, ws.columnCount));
    }
    return out;
  }

  private readBlock(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): RangeRead {
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    for (let r = r1; r <= r2; r += 1) {
      const row: unknown[] = [];
      const frow: unknown[] = [];
      for (let c = c1; c <= c2; c += 1) {
        // findCell, not getCell: reading never creates a cell (the audit leaves the workbook as it was).
        const cell = ws.findCell(r, c);
        // A merged cell other than the top-left one is empty, as Excel reads it (exceljs lends it the master's value).
        if (!cell || (cell.isMerged && cell.master !== cell)) {
          row.push(null);
          frow.push(null);
        } else if (cell.type === ExcelJS.ValueType.Formula) {
          row.push(cell.result ?? null);
          frow.push(`=${cell.formula}`);
        } else {
          const v = cell.value;
          const plain =
            v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v;
          row.push(plain ?? null);
          frow.push(plain ?? null);
        }
      }
      values.push(row);
      formulas.push(frow);
    }
    return { sheet: ws.name, topLeft: a1(c1 - 1, r1), values, formulas };
  }

  async readName(name: string): Promise<RangeRead | null> {
    const refs = this.workbook.definedNames.getRanges(name).ranges;
    if (!refs.length) return null;
    // A name in several areas of one sheet reads as the rectangle around them.
    const parts = boundingReference(refs.join(','));
    const ws = parts ? this.workbook.getWorksheet(parts.sheet) : undefined;
    if (!parts || !ws) return null;
    const start = parseAddress(parts.start);
    const end = parseAddress(parts.end);
    return this.readBlock(ws, start.row, start.col + 1, end.row, end.col + 1);
  }

  /** exceljs has no workbook settings: the hidden sheet alone keeps the state. */
  async writeStateSheet(
    name: string,
    rows: (string | number | boolean | null)[][],
    _settings: Record<string, string> = {},
  ): Promise<void> {
    const existing = this.workbook.getWorksheet(name);
    if (existing) this.workbook.removeWorksheet(existing.id);
    const ws = this.workbook.addWorksheet(name, { state: 'hidden' });
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  }

  async clearSheet(sheet: string): Promise<void> {
    if (!this.workbook.getWorksheet(sheet)) throw new Error(`Feuille introuvable : ${sheet}`);
    replaceWorksheet(this.workbook, sheet, {});
  }

  async writeCells(sheet: string, cells: CellPlan[]): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`Feuille introuvable : ${sheet}`);
    for (const c of cells) {
      const cell = ws.getCell(c.address);
      cell.value =
        c.formula !== undefined
          ? {
              formula: c.formula,
              ...(c.result !== undefined && c.result !== null ? { result: c.result } : {}),
            }
          : (c.value ?? null);
      // A date with no format of its own: a style object of its own too. exceljs picks the
      // format of a style object the first time it writes it (a date format for a date, General
      // for a number), then gives every cell sharing that object the same.
      const date = (c.formula !== undefined ? c.result : c.value) instanceof Date;
      cell.style = date && !c.numFmt ? { ...cell.style } : this.withFormat(cell.style, c.numFmt);
    }
  }

  private readonly formatted = new Map<string, Partial<ExcelJS.Style>>();

  /**
   * The cell's style with that number format (if any), one object per distinct style: a style read from a
   * file may be shared by many cells (setting `numFmt` on one would change them all), and exceljs
   * writes a style object it has already seen without serialising it again.
   */
  private withFormat(style: Partial<ExcelJS.Style>, numFmt: string | undefined): Partial<ExcelJS.Style> {
    // A new cell's style is an empty object of its own: no need to serialise it.
    const key = `${numFmt ?? ''}\u0000${Object.keys(style).length === 0 ? '{}' : JSON.stringify(style)}`;
    let shared = this.formatted.get(key);
    if (!shared) {
      shared = numFmt ? { ...style, numFmt } : style;
      this.formatted.set(key, shared);
    }
    return shared;
  }

  async insertCellsDown(sheet: string, range: string): Promise<void> {
    insertCellsDown(this.workbook, insertionOf(sheet, range));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`Feuille introuvable : ${sheet}`);
    const frozen = ws.views[0];
    ws.views = [{ ...(frozen ?? { state: 'normal' }), activeCell: address }];
    this.workbook.views = [
      {
        x: 0,
        y: 0,
        width: 10000,
        height: 20000,
        firstSheet: 0,
        activeTab: this.workbook.worksheets.indexOf(ws),
        visibility: 'visible',
      },
    ];
  }
}

/** A validation of the plan as exceljs writes it: a list, or a number rule, refusing what breaks it. */
function dataValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const refusal = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Valeur refusée',
    error: v.error,
  } as const;
  if (v.kind === 'list') return { type: 'list', formulae: [v.listName ?? ''], ...refusal };
  if (v.kind === 'share') return { type: 'decimal', operator: 'between', formulae: [0, 1], ...refusal };
  if (v.kind === 'wholeBetween')
    return { type: 'whole', operator: 'between', formulae: [...(v.bounds ?? [0, 0])], ...refusal };
  return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], ...refusal };
}
