import { contiguousColumns } from '../model/contract';

/** Columns of the per-line follow-up (named Suivi_Lignes): one row per costed devis line. */
export const FOLLOWUP_COLUMNS = contiguousColumns('A', {
  code: 'Code',
  label: 'Ligne du devis',
  devis: 'Devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT (réalisé)',
  remaining: 'Reste à engager (estimation)',
  final: 'Estimé final',
  gap: 'Écart (€)',
  gapRate: 'Écart (%)',
  cause: 'Cause',
  explanation: 'Explication de l’écart',
  rank: 'Rang du dépassement',
  status: 'Statut (Devis)',
});

/** The dashboard, right of the lines: a label and its value per row (named Suivi_Tableau). */
export const FOLLOWUP_BOARD_COLUMNS = contiguousColumns('N', {
  label: 'Tableau de bord',
  value: 'Valeur',
});

/** The five largest overruns, under the dashboard (named Suivi_Top5). */
export const FOLLOWUP_TOP_COLUMNS = contiguousColumns('N', {
  rank: 'Rang',
  code: 'Code',
  label: 'Ligne du devis',
  gap: 'Écart (€)',
  cause: 'Cause',
});

/** The totals per chapter, under the five overruns (named Suivi_ParChapitre). */
export const FOLLOWUP_CHAPTER_COLUMNS = contiguousColumns('N', {
  chapter: 'Chapitre',
  label: 'Intitulé',
  devis: 'Devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT',
  final: 'Estimé final',
  gap: 'Écart (€)',
  gapRate: 'Écart (%)',
});

/** "Situation au" and the arbitrage proposed sit in column C, rows 4 and 5. */
export const FOLLOWUP_DATE_CELL = 'C4';
export const FOLLOWUP_ARBITRAGE_CELL = 'C5';
export const FOLLOWUP_HEADER_ROW = 7;
export const FOLLOWUP_FIRST_ROW = FOLLOWUP_HEADER_ROW + 1;

/** The rows of the dashboard, in order: each is a named value. */
export const FOLLOWUP_BOARD = [
  'devis',
  'overheads',
  'contingency',
  'engaged',
  'paid',
  'remaining',
  'linesFinal',
  'linesGap',
  'contingencyLeft',
  'baseFinal',
  'overheadsFinal',
  'final',
  'gap',
  'gapRate',
  'consumed',
  'elapsed',
] as const;
export type BoardKey = (typeof FOLLOWUP_BOARD)[number];

export const FOLLOWUP_NAMES = {
  lines: 'Suivi_Lignes',
  codes: 'Suivi_Codes',
  labels: 'Suivi_Libelles',
  gaps: 'Suivi_Ecarts',
  causes: 'Suivi_Causes',
  ranks: 'Suivi_Rangs',
  date: 'Suivi_DateSituation',
  arbitrage: 'Suivi_Arbitrage',
  board: 'Suivi_Tableau',
  top: 'Suivi_Top5',
  byChapter: 'Suivi_ParChapitre',
  causeList: 'Suivi_ListeCauses',
  /** One name per dashboard value. */
  boardValues: {
    devis: 'Suivi_Devis',
    overheads: 'Suivi_FraisGeneraux',
    contingency: 'Suivi_Imprevus',
    engaged: 'Suivi_Engage',
    paid: 'Suivi_Paye',
    remaining: 'Suivi_ResteAEngager',
    linesFinal: 'Suivi_EstimeLignes',
    linesGap: 'Suivi_EcartLignes',
    contingencyLeft: 'Suivi_ImprevusRestants',
    baseFinal: 'Suivi_BaseAchevement',
    overheadsFinal: 'Suivi_FraisGenerauxFinal',
    final: 'Suivi_CoutFinal',
    gap: 'Suivi_EcartDevis',
    gapRate: 'Suivi_EcartDevisPct',
    consumed: 'Suivi_PartPayee',
    elapsed: 'Suivi_PartCalendrier',
  } satisfies Record<BoardKey, string>,
} as const;
