import { readTable, type Snapshot, type TableRow } from '../model/snapshot';
import { CLOSING_COST_COLUMNS, CLOSING_NAMES } from './contract';

export type ClosingCostRow = TableRow<(typeof CLOSING_COST_COLUMNS.keys)[number]>;

/** The coût définitif rows (Bilan_Postes); null without a Bilan financier sheet. */
export function readClosingCosts(s: Snapshot): ClosingCostRow[] | null {
  const range = s.ranges[CLOSING_NAMES.costs];
  return range ? readTable(range, CLOSING_COST_COLUMNS) : null;
}
