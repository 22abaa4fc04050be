import { readTable, type Snapshot, type TableRow } from '../model/snapshot';
import {
  EVENT_COLUMNS,
  EVENT_NAMES,
  FESTIVAL_COLUMNS,
  FESTIVAL_DATE_COLUMNS,
  RETRO_COLUMNS,
  RETRO_DATE_COLUMNS,
} from './contract';

export type EventRow = TableRow<(typeof EVENT_COLUMNS.keys)[number]>;

/** The event's postes (Evt_Lignes), free rows included; null without a Budget événement sheet. */
export function readEventRows(s: Snapshot): EventRow[] | null {
  const range = s.ranges[EVENT_NAMES.lines];
  return range ? readTable(range, EVENT_COLUMNS) : null;
}

export type RetroRow = TableRow<(typeof RETRO_COLUMNS.keys)[number]>;
export type RetroDateRow = TableRow<(typeof RETRO_DATE_COLUMNS.keys)[number]>;

/** The rétroplanning's tasks (Evt_Retroplanning) and their dates (Evt_RetroDates), row by row. */
export function readRetroRows(s: Snapshot): { task: RetroRow; dates: RetroDateRow | null }[] | null {
  const range = s.ranges[EVENT_NAMES.retro];
  if (!range) return null;
  const dates = s.ranges[EVENT_NAMES.retroDates];
  const dateRows = dates ? readTable(dates, RETRO_DATE_COLUMNS) : [];
  return readTable(range, RETRO_COLUMNS).map((task, i) => ({ task, dates: dateRows[i] ?? null }));
}

export type FestivalRow = TableRow<(typeof FESTIVAL_COLUMNS.keys)[number]>;
export type FestivalDateRow = TableRow<(typeof FESTIVAL_DATE_COLUMNS.keys)[number]>;

/** The festivals (Evt_Festivals) and their dates and criteria (Evt_FestivalDates), row by row. */
export function readFestivalRows(
  s: Snapshot,
): { festival: FestivalRow; dates: FestivalDateRow | null }[] | null {
  const range = s.ranges[EVENT_NAMES.festivals];
  if (!range) return null;
  const dates = s.ranges[EVENT_NAMES.festivalDates];
  const dateRows = dates ? readTable(dates, FESTIVAL_DATE_COLUMNS) : [];
  return readTable(range, FESTIVAL_COLUMNS).map((festival, i) => ({ festival, dates: dateRows[i] ?? null }));
}
