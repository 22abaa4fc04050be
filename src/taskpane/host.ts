import type { ScaffoldOutcome, ScaffoldProgress, ScaffoldRequest } from '../workbook/scaffold';
import type { NewSource } from '../workbook/sources';

/** What the taskpane asks of its host (Excel, or a fake in tests and in a plain browser). */
export interface TaskpaneHost {
  scaffold(request: ScaffoldRequest, onProgress: (step: ScaffoldProgress) => void): Promise<ScaffoldOutcome>;
  /** Appends a source to the plan de financement (suffix: the sheets written beside, if any). */
  addSource(source: NewSource, suffix: number | null): Promise<{ sheet: string; row: number }>;
  /** The Bilan carbone lines as CSV (read from the workbook, nothing written). */
  exportCarbonCsv(suffix: number | null): Promise<{ csv: string; rows: number }>;
}
