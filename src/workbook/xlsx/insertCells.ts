import ExcelJS from 'exceljs';
import { a1, parseAddress, splitReference } from '../../sheets/model/plan';
import {
  areasAfterInsert,
  crossingMerge,
  formulaAfterInsert,
  sameSheet,
  type Insertion,
  type MergedArea,
} from '../insertion';

/**
 * Inserts `ins.count` empty rows of cells in columns c1..c2 of an exceljs workbook at `ins.row`,
 * shifting the cells below down (Excel's « Décaler les cellules vers le bas »), and moves every
 * reference to them: formulas of every sheet, workbook names, data validations and conditional
 * formats. The inserted cells take the style, number format and validation of the cell above.
 * Shared formulas of the moved area are written out in full first. Refuses (throws, changing
 * nothing) when a merged area crosses the moved block, which Excel refuses too.
 */
export function insertCellsDown(wb: ExcelJS.Workbook, ins: Insertion): void {
  const ws = wb.getWorksheet(ins.sheet);
  if (!ws) throw new Error(`Feuille introuvable : ${ins.sheet}`);
  const merges = (
    ws as unknown as {
      _merges: Record<string, { model: MergedArea }>;
    }
  )._merges;
  const crossing = crossingMerge(
    Object.values(merges ?? {}).map((m) => m.model),
    ins,
  );
  if (crossing) throw new Error(crossing);

  // 1. Every formula of the workbook, read before anything moves (a shared formula in full).
  const rewrites: { cell: ExcelJS.Cell; formula: string; result: unknown }[] = [];
  const mention = ins.sheet.toLowerCase();
  wb.eachSheet((sheet) => {
    const home = sameSheet(sheet.name, ins.sheet);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        if (!formula) return;
        // Another sheet's formula reaches the block only by naming its sheet.
        const moved =
          home || formula.toLowerCase().includes(mention)
            ? formulaAfterInsert(formula, sheet.name, ins)
            : formula;
        const shared = (cell.value as { sharedFormula?: string }).sharedFormula !== undefined;
        const master = (cell.model as { shareType?: string }).shareType === 'shared';
        if (moved !== formula || shared || master)
          rewrites.push({ cell, formula: moved, result: cell.result });
      });
    });
  });
  for (const r of rewrites)
    r.cell.value = {
      formula: r.formula,
      ...(r.result !== undefined && r.result !== null ? { result: r.result } : {}),
    } as ExcelJS.CellFormulaValue;

  // 2. The cells of the block move down, bottom first; the inserted ones copy the cell above.
  const last = ws.rowCount;
  for (let r = last; r >= ins.row; r -= 1)
    for (let c = ins.c1; c <= ins.c2; c += 1) {
      const from = ws.findCell(r, c);
      const to = ws.getCell(r + ins.count, c);
      if (!from) {
        to.value = null;
        continue;
      }
      to.value = from.value;
      to.style = { ...from.style };
    }
  const above = ins.row > 1 ? ins.row - 1 : null;
  for (let c = ins.c1; c <= ins.c2; c += 1) {
    // A column with no cell above gets none (an absent cell is an empty, unformatted one).
    const model = above ? ws.findCell(above, c) : undefined;
    for (let r = ins.row; r < ins.row + ins.count; r += 1) {
      const cell = model ? ws.getCell(r, c) : ws.findCell(r, c);
      if (!cell) continue;
      cell.value = null;
      // One style object per column, as exceljs shares a style read from a file.
      cell.style = model ? model.style : {};
    }
  }

  // 3. Names of the workbook.
  const names = wb.definedNames.model.map((n) => ({
    ...n,
    ranges: n.ranges.map((ref) => {
      const parts = splitReference(ref);
      return parts ? formulaAfterInsert(ref, parts.sheet, ins) : ref;
    }),
  }));
  wb.definedNames.model = names;

  // 4. Data validations of the sheet: kept per address (exceljs reads them cell by cell).
  const dv = (
    ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }
  ).dataValidations;
  const moved: Record<string, ExcelJS.DataValidation | undefined> = {};
  for (const [address, v] of Object.entries(dv.model)) {
    if (!v) continue;
    moved[formulaAfterInsert(address, ins.sheet, ins)] = v;
  }
  if (above)
    for (let c = ins.c1; c <= ins.c2; c += 1) {
      const v = dv.model[a1(c - 1, above)];
      if (!v || dv.model[a1(c - 1, ins.row)] !== v) continue;
      moved[`${a1(c - 1, ins.row)}:${a1(c - 1, ins.row + ins.count - 1)}`] = v;
    }
  dv.model = collapseValidations(moved);

  // 5. Conditional formats of the sheet.
  const formats = (ws as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  for (const cf of formats ?? [])
    cf.ref = cf.ref
      .split(/\s+/)
      .filter((ref: string) => ref !== '')
      .flatMap((ref: string) => areasAfterInsert(ref, ins.sheet, ins))
      .join(' ');
}

/**
 * Per-cell validations (as exceljs reads them) joined into column runs where consecutive cells
 * share one validation: exceljs would otherwise compare them cell by cell again on writing.
 */
function collapseValidations(
  model: Record<string, ExcelJS.DataValidation | undefined>,
): Record<string, ExcelJS.DataValidation | undefined> {
  const out: Record<string, ExcelJS.DataValidation | undefined> = {};
  const cells: { col: number; row: number; v: ExcelJS.DataValidation }[] = [];
  for (const [address, v] of Object.entries(model)) {
    if (!v) continue;
    if (address.includes(':') || !/^[A-Z]+\d+$/.test(address)) out[address] = v;
    else {
      const { col, row } = parseAddress(address);
      cells.push({ col, row, v });
    }
  }
  cells.sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 0; i < cells.length;) {
    const start = cells[i];
    if (!start) break;
    let j = i;
    for (;;) {
      const cur = cells[j];
      const next = cells[j + 1];
      if (!cur || !next || next.col !== start.col || next.row !== cur.row + 1 || next.v !== start.v) break;
      j += 1;
    }
    const end = cells[j] ?? start;
    const from = a1(start.col, start.row);
    out[end.row === start.row ? from : `${from}:${a1(end.col, end.row)}`] = start.v;
    i = j + 1;
  }
  return out;
}
