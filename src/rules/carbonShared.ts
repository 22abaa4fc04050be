import { parseAddress, a1 } from '../layout/plan';
import type { RangeRead } from '../workbook/port';
import type { Location } from './types';

/** Address of a cell inside a read range. */
export function cellAt(range: RangeRead, rowIndex: number, colIndex: number): Location {
  const { col, row } = parseAddress(range.topLeft);
  return { sheet: range.sheet, address: a1(col + colIndex, row + rowIndex) };
}

export function numberIn(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
