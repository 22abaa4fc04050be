/**
 * The sheets a whole Devis CNC workbook holds, in workbook order: the expectation every test that
 * checks a created workbook shares, typed once here (a new sheet is added in one place).
 */
export const WORKBOOK_SHEETS = [
  'Paramètres',
  'Devis',
  'Dépouillement',
  'Plan de travail',
  'Récapitulatif',
  'Plan de financement',
  'Trésorerie',
  'Bilan carbone',
  'Dépenses',
  'Suivi budgétaire',
  'Trésorerie réelle',
  'Bilan financier',
  'Ayants droit',
  'CUE sheet',
  'Budget événement',
  'Facteurs',
] as const;

/** The same sheets written beside existing ones, under a suffix: « Devis (2) ». */
export function besideSheets(suffix: number): string[] {
  return WORKBOOK_SHEETS.map((s) => `${s} (${suffix})`);
}
