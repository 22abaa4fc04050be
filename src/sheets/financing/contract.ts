import { MILESTONES } from '../../domain/financing/types';
import { columnAfter, tableColumns } from '../model/contract';

/** Free rows left in the source table for the user's own sources ("Ajouter une source" fills them). */
export const FREE_SOURCE_ROWS = 8;

/** Header row of the source table (the summary block sits above it). */
export const FIN_TABLE_HEADER_ROW = 21;
/** Top row of the summary block: one named figure per row. */
export const FIN_SUMMARY_FIRST_ROW = 5;

/** Columns of the source table; the milestone shares follow `rse`, then their total. */
export const SOURCE_COLUMNS = tableColumns({
  rank: { header: 'N°', col: 'A' },
  source: { header: 'Source', col: 'B' },
  category: { header: 'Catégorie', col: 'C' },
  nature: { header: 'Nature', col: 'D' },
  status: { header: 'Statut', col: 'E' },
  amount: { header: 'Montant', col: 'F' },
  share: { header: '% du devis', col: 'G' },
  deadline: { header: 'Date limite de dépôt / échéance', col: 'H' },
  eligibility: { header: 'Conditions et critères d’éligibilité', col: 'I' },
  advantages: { header: 'Avantages', col: 'J' },
  drawbacks: { header: 'Inconvénients', col: 'K' },
  rse: { header: 'Bonus RSE', col: 'L' },
  scheduleTotal: { header: 'Total échéancier', col: columnAfter('L', MILESTONES.length + 1) },
});

/** Column of the i-th milestone share (0-based), right of the RSE bonus. */
export function milestoneColumn(i: number): string {
  return columnAfter(SOURCE_COLUMNS.letter('rse'), 1 + i);
}

/** Columns of the comparative study of aids (named Fin_Comparatif from `aid` to `retained`). */
export const COMPARISON_COLUMNS = tableColumns({
  aid: { header: 'Aide envisagée', col: 'B' },
  amount: { header: 'Montant envisagé', col: 'F' },
  deadline: { header: 'Date limite', col: 'H' },
  eligibility: { header: 'Critères d’éligibilité', col: 'I' },
  advantages: { header: 'Avantages', col: 'J' },
  drawbacks: { header: 'Inconvénients', col: 'K' },
  retained: { header: 'Retenue', col: 'L' },
});

/** Columns of the funders' conditions (named Fin_Conditions), under the category table. */
export const CONDITION_COLUMNS = tableColumns({
  source: { header: 'Financeur (source du plan)', col: 'B' },
  kind: { header: 'Condition', col: 'C' },
  rate: { header: 'Taux', col: 'D' },
  base: { header: 'Assiette', col: 'E' },
  required: { header: 'Dépense exigée', col: 'F' },
  // Not under « % du devis » (G): that column's figures are shares.
  actual: { header: 'Dépense au devis (dont région)', col: 'H' },
  gap: { header: 'Écart (au devis − exigée)', col: 'I' },
  rule: { header: 'Règle du fonds et source du taux', col: 'J' },
});

/** Free rows under the conditions. */
export const FREE_CONDITION_ROWS = 3;

/**
 * Columns of the chronologie des médias (named Fin_Chronologie): a source of the plan, the window
 * its contract buys, the month it opens after the release; by formula the accord's opening, the gap,
 * the order of the windows and the verdict.
 */
export const WINDOW_COLUMNS = tableColumns({
  source: { header: 'Source du plan', col: 'B' },
  window: { header: 'Fenêtre achetée', col: 'C' },
  months: { header: 'Ouverture au contrat (mois après la sortie en salle)', col: 'D' },
  accord: { header: 'Ouverture au plus tôt selon l’accord (mois)', col: 'E' },
  gap: { header: 'Écart contrat − accord (mois)', col: 'F' },
  // Not under « % du devis » (G): that column's figures are shares.
  order: { header: 'Ordre d’ouverture', col: 'H' },
  verdict: { header: 'Constat', col: 'I' },
});

/** What the verdict column says, and what the accord column shows for a window not in the accord. */
export const WINDOW_VERDICTS = {
  early: 'Avant la fenêtre de l’accord',
  ok: 'Conforme à l’accord',
} as const;
export const UNKNOWN_WINDOW = 'Fenêtre inconnue';

/** Free rows under the sources' windows. */
export const FREE_WINDOW_ROWS = 4;

/** Columns of the accord's windows (Fin_FenetresAccord, Fin_FenetresMois), in order of opening. */
export const ACCORD_COLUMNS = tableColumns({
  window: { header: 'Fenêtres de l’accord', col: 'B' },
  months: { header: 'Ouverture (mois après la sortie en salle)', col: 'D' },
  source: { header: 'Source et fiabilité', col: 'I' },
});

/** Columns of the user-extendable category table. */
export const CATEGORY_COLUMNS = tableColumns({
  label: { header: 'Catégorie', col: 'B' },
  nature: { header: 'Nature', col: 'C' },
  source: { header: 'Source du classement (fiabilité)', col: 'I' },
});

/** Columns of the summary block: label, named value, note. */
export const SUMMARY_COLUMNS = tableColumns({
  label: { header: 'Synthèse', col: 'B' },
  value: { header: 'Valeur', col: 'C' },
  note: { header: 'Note', col: 'D' },
});

export const FINANCING_NAMES = {
  total: 'Fin_Total',
  filmCost: 'Fin_CoutFilm',
  gap: 'Fin_Ecart',
  acquiredShare: 'Fin_PartAcquise',
  sourceCount: 'Fin_NbSources',
  publicTotal: 'Fin_Public',
  privateTotal: 'Fin_Prive',
  intensity: 'Fin_Intensite',
  ceiling: 'Fin_Plafond',
  ceilingMargin: 'Fin_MargePlafond',
  taxCreditEstimate: 'Fin_CreditImpotEstime',
  taxCreditInPlan: 'Fin_CreditImpotPlan',
  taxCreditGap: 'Fin_EcartCreditImpot',
  rseCount: 'Fin_NbBonusRSE',
  /** The source table, header row included. */
  table: 'Fin_Tableau',
  summary: 'Fin_Synthese',
  sources: 'Fin_Sources',
  categories: 'Fin_Categories',
  natures: 'Fin_Natures',
  statuses: 'Fin_Statuts',
  amounts: 'Fin_Montants',
  deadlines: 'Fin_DatesLimites',
  eligibility: 'Fin_Eligibilite',
  rseBonus: 'Fin_BonusRSE',
  schedule: 'Fin_Echeancier',
  comparison: 'Fin_Comparatif',
  comparedCount: 'Fin_NbOptionsComparees',
  retainedCount: 'Fin_NbOptionsRetenues',
  categoryLabels: 'Fin_CatLibelles',
  categoryNatures: 'Fin_CatNatures',
  /** The funders' conditions and the list of their forms. */
  conditions: 'Fin_Conditions',
  conditionKinds: 'Fin_ListeConditions',
  /** The sources' windows of the chronologie des médias, and the accord's windows and months. */
  windows: 'Fin_Chronologie',
  accordWindows: 'Fin_FenetresAccord',
  accordMonths: 'Fin_FenetresMois',
} as const;

export type FinancingNameKey = keyof typeof FINANCING_NAMES;
