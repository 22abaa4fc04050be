import { readTable, single, type SingleCell, type Snapshot, type TableRow } from '../model/snapshot';
import {
  CARBON_LINE_COLUMNS,
  CARBON_MEASURE_COLUMNS,
  CARBON_NAMES,
  CARBON_SUMMARY_COLUMNS,
} from './contract';

export type CarbonSummaryRow = TableRow<(typeof CARBON_SUMMARY_COLUMNS.keys)[number]>;
export type CarbonLineRow = TableRow<(typeof CARBON_LINE_COLUMNS.keys)[number]>;
export type CarbonMeasureRow = TableRow<(typeof CARBON_MEASURE_COLUMNS.keys)[number]>;

/** The summary by category (Carbone_Synthese); null when missing. */
export function readCarbonSummary(s: Snapshot): CarbonSummaryRow[] | null {
  const range = s.ranges[CARBON_NAMES.summary];
  return range ? readTable(range, CARBON_SUMMARY_COLUMNS) : null;
}

/** The emission lines (Carbone_Lignes); null when missing. */
export function readCarbonLines(s: Snapshot): CarbonLineRow[] | null {
  const range = s.ranges[CARBON_NAMES.lines];
  return range ? readTable(range, CARBON_LINE_COLUMNS) : null;
}

/** The reduction measures (Carbone_Mesures); null when missing. */
export function readCarbonMeasures(s: Snapshot): CarbonMeasureRow[] | null {
  const range = s.ranges[CARBON_NAMES.measures];
  return range ? readTable(range, CARBON_MEASURE_COLUMNS) : null;
}

export function carbonFigure(s: Snapshot, key: keyof typeof CARBON_NAMES): SingleCell | null {
  return single(s, CARBON_NAMES[key]);
}
