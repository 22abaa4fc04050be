import { contiguousColumns } from '../model/contract';

/** The report sheet "Contrôle" ("Contrôle (2)"… when the name is taken) written by « Rapport ». */
export const REPORT_SHEET = 'Contrôle';
export const REPORT_HEADER_ROW = 4;

/** Columns of the findings table of the report. */
export const FINDING_COLUMNS = contiguousColumns('A', {
  sheet: 'Feuille',
  address: 'Cellule',
  severity: 'Gravité',
  message: 'Constat',
  criteria: 'Critères',
  rule: 'Règle',
  fix: 'Comment corriger',
});

/** Columns of the checklist table of the report (below the findings). */
export const CHECKLIST_COLUMNS = contiguousColumns('A', {
  criterion: 'Critère',
  sheet: 'Feuille',
  ticked: 'Verdict',
  comment: 'Commentaire',
  wording: 'Texte du critère',
});

/** Hidden sheet where the taskpane keeps the chosen référentiel and the ticks (read by the CLI too). */
export const STATE_SHEET = 'Contrôle_État';

/** One row per key: the référentiel, then one row per criterion ("cpca:C1.4.1"). */
export const STATE_COLUMNS = contiguousColumns('A', { key: 'Clé', value: 'Valeur', comment: 'Commentaire' });

/** Key of the row holding the chosen référentiel. */
export const STATE_REFERENTIEL_KEY = 'referentiel';

/**
 * Key of the row holding the pane's working set of sheets: « (2) » when the pane works on the
 * sheets written beside a user's own (created « à côté » or converted), absent for the plain names.
 */
export const STATE_SUFFIX_KEY = 'feuilles';

/** Workbook setting that mirrors the référentiel in Excel (read without opening the hidden sheet). */
export const STATE_SETTING = 'devisCnc.referentiel';
