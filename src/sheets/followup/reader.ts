import { readTable, single, type Snapshot, type TableRow } from '../model/snapshot';
import { FOLLOWUP_COLUMNS, FOLLOWUP_NAMES } from './contract';

export type FollowUpRow = TableRow<(typeof FOLLOWUP_COLUMNS.keys)[number]>;

/** The follow-up's lines (Suivi_Lignes); null when the workbook has no Suivi budgétaire. */
export function readFollowUpRows(s: Snapshot): FollowUpRow[] | null {
  const range = s.ranges[FOLLOWUP_NAMES.lines];
  return range ? readTable(range, FOLLOWUP_COLUMNS) : null;
}

/** A dashboard value of the follow-up, with its cell; null when its name is missing. */
export function readBoardValue(
  s: Snapshot,
  key: keyof typeof FOLLOWUP_NAMES.boardValues,
): ReturnType<typeof single> {
  return single(s, FOLLOWUP_NAMES.boardValues[key]);
}
