import type { ScaffoldOutcome, ScaffoldProgress, ScaffoldRequest } from '../workbook/scaffold';
import type { NewSource } from '../workbook/sources';
import type { AuditReport, Referentiel } from '../audit/audit';
import type { AuditState } from '../audit/state';

/** What the taskpane asks of its host (Excel, or a fake in tests and in a plain browser). */
export interface TaskpaneHost {
  scaffold(request: ScaffoldRequest, onProgress: (step: ScaffoldProgress) => void): Promise<ScaffoldOutcome>;
  /** Appends a source to the plan de financement (suffix: the sheets written beside, if any). */
  addSource(source: NewSource, suffix: number | null): Promise<{ sheet: string; row: number }>;
  /** The Bilan carbone lines as CSV (read from the workbook, nothing written). */
  exportCarbonCsv(suffix: number | null): Promise<{ csv: string; rows: number }>;
  /** The same lines written into a new sheet ("Export carbone"): works where a download does not. */
  exportCarbonSheet(suffix: number | null): Promise<{ sheet: string; rows: number }>;
  /** False where the host ignores a file download from the pane (Excel for Mac). */
  canDownload: boolean;
  /** Runs the rules of a référentiel over the workbook (reads only). */
  audit(referentiel: Referentiel, suffix: number | null): Promise<AuditReport>;
  /** Takes the user to a cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The référentiel and ticks kept in the workbook. */
  readState(): Promise<AuditState>;
  saveState(state: AuditState): Promise<void>;
  /**
   * Takes the hand-made devis of the open workbook into our sheets, written beside it (suffixed
   * names when ours would collide), never over it: what was done, in French lines, or why not.
   */
  convert(): Promise<{ lines: string[]; sheets: string[] } | { refused: string }>;
  /** Writes the report to a new sheet ("Contrôle", or "Contrôle (2)"…); returns its name. */
  writeReport(report: AuditReport, state: AuditState): Promise<string>;
}
