import { readTable, type Snapshot, type TableRow } from '../model/snapshot';
import { cellText } from '../../domain/text/cellText';
import { EXPENSE_COLUMNS, EXPENSE_NAMES } from './contract';

export type ExpenseRow = TableRow<(typeof EXPENSE_COLUMNS.keys)[number]>;

/** The ledger's rows (Dep_Lignes), free rows included; null when the workbook has no Dépenses sheet. */
export function readExpenseRows(s: Snapshot): ExpenseRow[] | null {
  const range = s.ranges[EXPENSE_NAMES.lines];
  return range ? readTable(range, EXPENSE_COLUMNS) : null;
}

/** The devis codes the ledger may charge (Dep_Codes), as text; null when missing. */
export function readExpenseCodes(s: Snapshot): Set<string> | null {
  const range = s.ranges[EXPENSE_NAMES.codes];
  return range ? new Set(range.values.map((r) => cellText(r[0]).trim()).filter((c) => c !== '')) : null;
}

/** A row holds a piece: any of its amount, code, label, payee or number is filled. */
export function isPiece(r: ExpenseRow): boolean {
  return (['ht', 'tva', 'code', 'label', 'payee', 'piece'] as const).some((k) => r.text(k) !== '');
}
