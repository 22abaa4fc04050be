import type { Severity } from '../rules/types';

/** The severities from the gravest: the order of every list of findings (report, pane, jury). */
export const SEVERITY_ORDER: readonly Severity[] = ['erreur', 'avertissement', 'info'];

/** Where a finding without a cell is filed: the workbook as a whole. */
export const WORKBOOK_PLACE = 'Classeur';

/** The sheet a finding is listed under: its own, or the workbook for one without a cell. */
export function sheetOf(f: { location?: { sheet: string } | null }): string {
  return f.location?.sheet ?? WORKBOOK_PLACE;
}
