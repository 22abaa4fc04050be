/** The sheets the scaffold writes, with their French names, in workbook order. */
export const BASE_SHEETS = {
  params: 'Paramètres',
  devis: 'Devis',
  breakdown: 'Dépouillement',
  schedule: 'Plan de travail',
  recap: 'Récapitulatif',
  financing: 'Plan de financement',
  cashflow: 'Trésorerie',
  carbon: 'Bilan carbone',
  factors: 'Facteurs',
  expenses: 'Dépenses',
  followup: 'Suivi budgétaire',
  actualCashflow: 'Trésorerie réelle',
  closing: 'Bilan financier',
  rights: 'Ayants droit',
  cues: 'CUE sheet',
  event: 'Budget événement',
} as const;

export type SheetKey = keyof typeof BASE_SHEETS;

/** Each sheet as a person types it on the command line (`--feuilles devis,cue-sheet`). */
export const SHEET_IDS: Readonly<Record<SheetKey, string>> = {
  params: 'parametres',
  devis: 'devis',
  breakdown: 'depouillement',
  schedule: 'plan-de-travail',
  recap: 'recapitulatif',
  financing: 'plan-de-financement',
  cashflow: 'tresorerie',
  carbon: 'bilan-carbone',
  factors: 'facteurs',
  expenses: 'depenses',
  followup: 'suivi-budgetaire',
  actualCashflow: 'tresorerie-reelle',
  closing: 'bilan-financier',
  rights: 'ayants-droit',
  cues: 'cue-sheet',
  event: 'budget-evenement',
};

/**
 * Names of the sheets and workbook names a plan writes. With a suffix (writing beside existing
 * sheets that must not be overwritten), every sheet and every workbook name gets it, so the new
 * set is linked to itself and never to the user's existing sheets.
 */
export interface Naming {
  sheet(key: SheetKey): string;
  name(base: string): string;
  suffix: number | null;
}

export function makeNaming(suffix: number | null = null): Naming {
  return {
    suffix,
    sheet: (key) => (suffix === null ? BASE_SHEETS[key] : `${BASE_SHEETS[key]} (${suffix})`),
    name: (base) => (suffix === null ? base : `${base}_${suffix}`),
  };
}
