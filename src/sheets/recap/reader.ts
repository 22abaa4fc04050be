import { readTable, single, type SingleCell, type Snapshot, type TableRow } from '../model/snapshot';
import { RECAP_COLUMNS, RECAP_NAMES } from './contract';

export type RecapRow = TableRow<(typeof RECAP_COLUMNS.keys)[number]>;

/** The récapitulatif rows (Recap_Lignes, header row left out); null when missing. */
export function readRecap(s: Snapshot): RecapRow[] | null {
  const range = s.ranges[RECAP_NAMES.lines];
  return range ? readTable(range, RECAP_COLUMNS, 1) : null;
}

export function recapFigure(s: Snapshot, key: keyof typeof RECAP_NAMES): SingleCell | null {
  return single(s, RECAP_NAMES[key]);
}
