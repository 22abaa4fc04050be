import { readTable, type Snapshot, type TableRow } from '../model/snapshot';
import { EVENT_COLUMNS, EVENT_NAMES } from './contract';

export type EventRow = TableRow<(typeof EVENT_COLUMNS.keys)[number]>;

/** The event's postes (Evt_Lignes), free rows included; null without a Budget événement sheet. */
export function readEventRows(s: Snapshot): EventRow[] | null {
  const range = s.ranges[EVENT_NAMES.lines];
  return range ? readTable(range, EVENT_COLUMNS) : null;
}
