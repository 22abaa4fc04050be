import { readTable, single, type SingleCell, type Snapshot, type TableRow } from '../model/snapshot';
import {
  COMPARISON_COLUMNS,
  CONDITION_COLUMNS,
  FINANCING_NAMES,
  SOURCE_COLUMNS,
  WINDOW_COLUMNS,
  type FinancingNameKey,
} from './contract';

export type SourceRow = TableRow<(typeof SOURCE_COLUMNS.keys)[number]>;
export type ComparisonRow = TableRow<(typeof COMPARISON_COLUMNS.keys)[number]>;

/** The rows of the source table (Fin_Tableau, its header row left out); null when the plan is missing. */
export function readSources(s: Snapshot): SourceRow[] | null {
  const range = s.ranges[FINANCING_NAMES.table];
  return range ? readTable(range, SOURCE_COLUMNS, 1) : null;
}

/** The rows of the comparative study of aids (Fin_Comparatif); null when missing. */
export function readComparison(s: Snapshot): ComparisonRow[] | null {
  const range = s.ranges[FINANCING_NAMES.comparison];
  return range ? readTable(range, COMPARISON_COLUMNS) : null;
}

export type ConditionRow = TableRow<(typeof CONDITION_COLUMNS.keys)[number]>;

/** The funders' conditions (Fin_Conditions); null without the block. */
export function readConditions(s: Snapshot): ConditionRow[] | null {
  const range = s.ranges[FINANCING_NAMES.conditions];
  return range ? readTable(range, CONDITION_COLUMNS) : null;
}

export type WindowRow = TableRow<(typeof WINDOW_COLUMNS.keys)[number]>;

/** The sources' windows of the chronologie des médias (Fin_Chronologie); null without the block. */
export function readWindows(s: Snapshot): WindowRow[] | null {
  const range = s.ranges[FINANCING_NAMES.windows];
  return range ? readTable(range, WINDOW_COLUMNS) : null;
}

/** One named figure of the plan's summary (Fin_Total, Fin_Ecart…). */
export function financingFigure(s: Snapshot, key: FinancingNameKey): SingleCell | null {
  return single(s, FINANCING_NAMES[key]);
}
