import { cellText } from '../../domain/text/cellText';
import {
  at,
  readTable,
  single,
  type Location,
  type SingleCell,
  type Snapshot,
  type TableRow,
} from '../model/snapshot';
import { CASHFLOW_NAMES, MEASURE_COLUMNS } from './contract';

export type MeasureRow = TableRow<(typeof MEASURE_COLUMNS.keys)[number]>;

/** The cash measures (type, amount, date, description); null when missing. */
export function readMeasures(s: Snapshot): MeasureRow[] | null {
  const range = s.ranges[CASHFLOW_NAMES.measures];
  return range ? readTable(range, MEASURE_COLUMNS) : null;
}

/** A month column of the grid: its month, phase and where the phase cell sits. */
export interface MonthColumn {
  month: unknown;
  phase: string;
  phaseAt: Location;
}

/** The month and phase rows side by side; null when the phases are missing. */
export function readMonths(s: Snapshot): MonthColumn[] | null {
  const phases = s.ranges[CASHFLOW_NAMES.phases];
  const months = s.ranges[CASHFLOW_NAMES.months];
  if (!phases) return null;
  return (phases.values[0] ?? []).map((p, j) => ({
    month: months?.values[0]?.[j] ?? null,
    phase: cellText(p),
    phaseAt: at(phases, 0, j),
  }));
}

export function cashflowFigure(s: Snapshot, key: keyof typeof CASHFLOW_NAMES): SingleCell | null {
  return single(s, CASHFLOW_NAMES[key]);
}
