import { contiguousColumns, tableColumns } from '../model/contract';

/** Columns of the emission lines (named Carbone_Lignes, no header row inside the name). */
export const CARBON_LINE_COLUMNS = contiguousColumns('A', {
  category: 'Catégorie',
  label: 'Poste d’émission',
  key: 'Clé du facteur',
  factor: 'Facteur',
  unit: 'Unité',
  quantityPrev: 'Quantité prévisionnelle',
  multiplier: 'Multiplicateur',
  prev: 'Prévisionnel (kgCO2e)',
  quantityDef: 'Quantité définitive',
  def: 'Définitif (kgCO2e)',
  source: 'Source du facteur',
  assumption: 'Hypothèse',
});

/** Columns of the summary by category (named Carbone_Synthese). */
export const CARBON_SUMMARY_COLUMNS = contiguousColumns('A', {
  category: 'Catégorie',
  prev: 'Prévisionnel (kgCO2e)',
  prevShare: 'Part',
  def: 'Définitif (kgCO2e)',
  defShare: 'Part',
  gap: 'Écart définitif − prévisionnel',
});

/** Columns of the reduction measures (named Carbone_Mesures, from A to L). */
export const CARBON_MEASURE_COLUMNS = tableColumns({
  category: { header: 'Catégorie', col: 'A' },
  label: { header: 'Mesure', col: 'B' },
  saving: { header: 'Économie estimée (kgCO2e)', col: 'H' },
  assumption: { header: 'Hypothèse de calcul', col: 'L' },
});

export const CARBON_NAMES = {
  totalPrev: 'Carbone_TotalPrev',
  totalDef: 'Carbone_TotalDef',
  summary: 'Carbone_Synthese',
  lines: 'Carbone_Lignes',
  measures: 'Carbone_Mesures',
  savings: 'Carbone_Economies',
  /** Forecast + savings: the footprint without the reduction measures. */
  baseline: 'Carbone_Reference',
  categories: 'Carbone_Categories',
} as const;

/** Facteurs: one emission factor per row. */
export const FACTOR_COLUMNS = contiguousColumns('A', {
  key: 'Clé',
  label: 'Libellé',
  value: 'Valeur',
  unit: 'Unité',
  category: 'Catégorie',
  source: 'Source',
  year: 'Millésime',
  verified: 'Vérifié',
});

export const FACTOR_HEADER_ROW = 4;

export const FACTOR_NAMES = {
  keys: 'Fact_Cles',
  values: 'Fact_Valeurs',
  units: 'Fact_Unites',
  sources: 'Fact_Sources',
} as const;
