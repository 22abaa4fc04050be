import type { ScaffoldOutcome, ScaffoldProgress, ScaffoldRequest } from '../workbook/scaffold';
import type { NewSource } from '../workbook/sources';
import type { ExpenseInput } from '../domain/expenses/expenses';
import type { AuditProgress, AuditReport, Referentiel } from '../audit/audit';
import type { AuditState } from '../audit/state';
import type { FollowUpSummary } from '../workbook/followUp';

/** Which of the tables the pane's actions write to exist in the workbook. */
export interface Readiness {
  /** The Dépenses ledger ("Saisir une dépense"). */
  expenses: boolean;
  /** The plan de financement's table of sources ("Ajouter une source"). */
  financing: boolean;
  /** The Bilan carbone's lines (the carbon export). */
  carbon: boolean;
  /** The Suivi budgétaire ("Lire le suivi"). */
  followUp: boolean;
}

/** What the taskpane asks of its host (Excel, or a fake in tests and in a plain browser). */
export interface TaskpaneHost {
  scaffold(request: ScaffoldRequest, onProgress: (step: ScaffoldProgress) => void): Promise<ScaffoldOutcome>;
  /** The devis codes the Dépenses ledger may charge, with their labels (for the code picker). */
  expenseCodes(suffix: number | null): Promise<{ code: string; label: string }[]>;
  /** Appends one piece to the first free row of the Dépenses ledger. */
  addExpense(expense: ExpenseInput, suffix: number | null): Promise<{ sheet: string; row: number }>;
  /** The Suivi budgétaire's dashboard and five largest overruns (read only); null without the sheet. */
  followUp(suffix: number | null): Promise<FollowUpSummary | null>;
  /** Appends a source to the plan de financement (suffix: the sheets written beside, if any). */
  addSource(source: NewSource, suffix: number | null): Promise<{ sheet: string; row: number }>;
  /** The Bilan carbone lines as CSV (read from the workbook, nothing written). */
  exportCarbonCsv(suffix: number | null): Promise<{ csv: string; rows: number }>;
  /** The same lines written into a new sheet ("Export carbone"): works where a download does not. */
  exportCarbonSheet(suffix: number | null): Promise<{ sheet: string; rows: number }>;
  /** Which tables exist, so actions that need one are disabled with the reason beforehand. */
  readiness(suffix: number | null): Promise<Readiness>;
  /** False where the host ignores a file download from the pane (Excel for Mac). */
  canDownload: boolean;
  /** Runs the rules of a référentiel over the workbook (reads only), saying where it is. */
  audit(
    referentiel: Referentiel,
    suffix: number | null,
    onProgress?: (p: AuditProgress) => void,
  ): Promise<AuditReport>;
  /** Takes the user to a cell. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The référentiel and ticks kept in the workbook. */
  readState(): Promise<AuditState>;
  saveState(state: AuditState): Promise<void>;
  /**
   * Takes the hand-made devis of the open workbook into our sheets, written beside it (suffixed
   * names when ours would collide), never over it: what was done, in French lines, or why not.
   */
  convert(): Promise<{ lines: string[]; sheets: string[]; suffix: number | null } | { refused: string }>;
  /** The workbook's sheets, in order: to choose two versions of the devis to compare. */
  sheets(): Promise<string[]>;
  /** What changed from the devis of one sheet to the devis of another, in French lines, or why not. */
  compareSheets(before: string, after: string): Promise<{ lines: string[] } | { refused: string }>;
  /** The report sheet this add-in wrote before (never a user's own "Contrôle" sheet), or null. */
  existingReport(): Promise<string | null>;
  /**
   * Writes the report over `replace` (a report of ours, once the user agreed) or to a new sheet
   * ("Contrôle", or "Contrôle (2)"… when taken); returns the sheet's name.
   */
  writeReport(report: AuditReport, state: AuditState, replace?: string | null): Promise<string>;
}
