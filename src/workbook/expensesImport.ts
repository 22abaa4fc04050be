import type { ExpenseInput } from '../domain/expenses/expenses';
import {
  EXPENSE_CODE_COLUMNS,
  EXPENSE_COLUMNS as E,
  EXPENSE_NAMES,
  expenseTtcFormula,
  FREE_EXPENSE_ROWS,
  pieceCells,
} from '../sheets/expenses/contract';
import { makeNaming } from '../sheets/model/naming';
import { isPiece, readExpenseCodes, readExpenseRows } from '../sheets/expenses/reader';
import { NUMFMT, parseAddress, type CellPlan } from '../sheets/model/plan';
import { readTable, type Snapshot } from '../sheets/model/snapshot';
import type { WorkbookPort, WorkbookReader } from './port';

/**
 * What appending expenses needs of a workbook: its names read, cells inserted, cells written.
 * Excel's port and exceljs's offer it, and the command line's patch of the file (xlsxPatch.ts).
 */
export type LedgerPort = Pick<WorkbookPort, 'readNames' | 'insertCellsDown' | 'writeCells'>;

/** Why expenses cannot be appended: a French message, nothing written. */
export class ExpensesImportError extends Error {}

/**
 * The ledger, the devis codes it may charge and their labels, read in one batch (suffix: the
 * sheets written beside, if any); a French error when the workbook has no Dépenses sheet.
 */
export async function readLedger(
  port: Pick<WorkbookReader, 'readNames'>,
  suffix: number | null = null,
): Promise<{ snapshot: Snapshot; codes: Set<string>; labels: { code: string; label: string }[] }> {
  const naming = makeNaming(suffix);
  const keys = [EXPENSE_NAMES.lines, EXPENSE_NAMES.codes, EXPENSE_NAMES.byCode] as const;
  const read = await port.readNames(keys.map((k) => naming.name(k)));
  const ranges: Snapshot['ranges'] = {};
  for (const k of keys) ranges[k] = read[naming.name(k)] ?? null;
  const snapshot: Snapshot = { ranges, sheets: {} };
  const codes = readExpenseCodes(snapshot);
  if (!ranges[EXPENSE_NAMES.lines] || !codes)
    throw new ExpensesImportError(
      'Pas de feuille Dépenses dans ce classeur (noms Dep_Lignes et Dep_Codes introuvables) : créez le classeur avec Devis CNC, ou reprenez-le avec « devis-cnc convertir ».',
    );
  const byCode = ranges[EXPENSE_NAMES.byCode];
  const labels = byCode
    ? readTable(byCode, EXPENSE_CODE_COLUMNS)
        .map((r) => ({ code: r.text('code'), label: r.text('label') }))
        .filter((c) => c.code !== '')
    : [...codes].map((code) => ({ code, label: '' }));
  return { snapshot, codes, labels };
}

/**
 * Appends expenses to the first free rows of the ledger (rows with no piece), all or nothing.
 * When fewer rows are free than pieces to add, the ledger first grows inside itself (cells
 * inserted above its last row, so its totals, names and lists follow), keeping
 * FREE_EXPENSE_ROWS free rows after the pieces. The TTC keeps the sheet's formula (HT + TVA).
 * Returns the sheet, the rows written and how many rows were inserted.
 */
export async function appendExpenses(
  port: LedgerPort,
  expenses: readonly ExpenseInput[],
  suffix: number | null = null,
): Promise<{ sheet: string; rows: number[]; inserted: number }> {
  const { snapshot, codes } = await readLedger(port, suffix);
  const unknown = expenses.filter((e) => !codes.has(e.code)).map((e) => e.code);
  if (unknown.length > 0)
    throw new ExpensesImportError(
      `Code${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `« ${c} »`).join(', ')} absent${unknown.length > 1 ? 's' : ''} du devis : rien n’a été écrit.`,
    );
  const rows = readExpenseRows(snapshot) ?? [];
  const sheet = rows[0]?.at('code').sheet ?? '';
  const rowOf = (r: (typeof rows)[number]): number => parseAddress(r.at('code').address).row;
  let free = rows.filter((r) => !isPiece(r)).map(rowOf);
  const cells: CellPlan[] = [];
  let inserted = 0;
  const lastRow = rows.at(-1);
  if (free.length < expenses.length && lastRow) {
    // Inserted above the ledger's last row: every range over the ledger grows with it.
    const at = rowOf(lastRow);
    inserted = expenses.length - free.length + FREE_EXPENSE_ROWS;
    await port.insertCellsDown(sheet, `${E.first}${at}:${E.last}${at + inserted - 1}`);
    const added = Array.from({ length: inserted }, (_, i) => at + i);
    free = [...free.filter((r) => r < at), ...added, ...free.filter((r) => r >= at).map((r) => r + inserted)];
    // The inserted rows that stay free get what the layout gives a free row.
    for (const row of added.slice(expenses.length - free.indexOf(at)))
      cells.push(
        { address: E.cell('code', row), value: null, numFmt: NUMFMT.text },
        { address: E.cell('ttc', row), formula: expenseTtcFormula(row), result: '', numFmt: NUMFMT.euro },
      );
  }
  if (free.length < expenses.length)
    throw new ExpensesImportError(
      `Le grand livre de la feuille ${sheet || 'Dépenses'} n’a aucune ligne : rien n’a été écrit.`,
    );
  const written: number[] = [];
  expenses.forEach((e, i) => {
    const row = free[i];
    if (row === undefined) return;
    written.push(row);
    // The scaffold's cells (a port writes values, formulas and formats, the rows keep their
    // styles), the TTC computed.
    cells.push(...pieceCells(e, row, false));
  });
  await port.writeCells(sheet, cells);
  return { sheet, rows: written, inserted };
}
