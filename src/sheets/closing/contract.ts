import { contiguousColumns } from '../model/contract';

/** Coût définitif per chapter (named Bilan_Postes), then frais généraux, imprévus and the total. */
export const CLOSING_COST_COLUMNS = contiguousColumns('A', {
  chapter: 'Chapitre',
  label: 'Intitulé',
  devis: 'Devis',
  final: 'Coût définitif',
  gap: 'Écart (€)',
  gapRate: 'Écart (%)',
  explanation: 'Explication de l’écart',
});

/** Financement définitif per source of the plan (named Bilan_Financement). */
export const CLOSING_FUNDING_COLUMNS = contiguousColumns('A', {
  source: 'Source',
  planned: 'Prévu au plan',
  obtained: 'Obtenu (vide : comme prévu)',
  kept: 'Retenu',
  gap: 'Écart (€)',
  explanation: 'Explication de l’écart',
});

/** The result, right of the tables: a label and a value per row. */
export const CLOSING_RESULT_COLUMNS = contiguousColumns('I', { label: 'Résultat', value: 'Montant' });
export const CLOSING_RESULT_ROWS = ['cost', 'devis', 'costGap', 'funding', 'balance'] as const;

export const CLOSING_HEADER_ROW = 4;

export const CLOSING_NAMES = {
  costs: 'Bilan_Postes',
  funding: 'Bilan_Financement',
  cost: 'Bilan_CoutDefinitif',
  devis: 'Bilan_Devis',
  costGap: 'Bilan_EcartDevis',
  fundingTotal: 'Bilan_FinancementDefinitif',
  balance: 'Bilan_Solde',
} as const;
