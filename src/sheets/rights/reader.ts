import { readTable, type Snapshot, type TableRow } from '../model/snapshot';
import { RIGHTS_BASE_COLUMNS, RIGHTS_COLUMNS, RIGHTS_NAMES, RIGHTS_RANK_COLUMNS } from './contract';

export type RightsRow = TableRow<(typeof RIGHTS_COLUMNS.keys)[number]>;
export type RightsBaseRow = TableRow<(typeof RIGHTS_BASE_COLUMNS.keys)[number]>;

/** The rights holders (Droits_Lignes), free rows included; null without an Ayants droit sheet. */
export function readRightsRows(s: Snapshot): RightsRow[] | null {
  const range = s.ranges[RIGHTS_NAMES.lines];
  return range ? readTable(range, RIGHTS_COLUMNS) : null;
}

/** The bases and their totals (Droits_ParAssiette); null when missing. */
export function readRightsBases(s: Snapshot): RightsBaseRow[] | null {
  const range = s.ranges[RIGHTS_NAMES.byBase];
  return range ? readTable(range, RIGHTS_BASE_COLUMNS) : null;
}

export type RightsRankRow = TableRow<(typeof RIGHTS_RANK_COLUMNS.keys)[number]>;

/** The RNPP's waterfall (Droits_Rangs): corridors, then ranks 1 to 5; null when missing. */
export function readRightsRanks(s: Snapshot): RightsRankRow[] | null {
  const range = s.ranges[RIGHTS_NAMES.ranks];
  return range ? readTable(range, RIGHTS_RANK_COLUMNS) : null;
}
