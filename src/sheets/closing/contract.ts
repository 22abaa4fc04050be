import { contiguousColumns } from '../model/contract';

/**
 * Coût définitif per chapter (named Bilan_Postes), then frais généraux, imprévus and the total:
 * with its French spend and its part eligible to the tax credit (Code du cinéma art. D331-14).
 */
export const CLOSING_COST_COLUMNS = contiguousColumns('A', {
  chapter: 'Chapitre',
  label: 'Intitulé',
  devis: 'Devis',
  final: 'Coût définitif',
  gap: 'Écart (€)',
  gapRate: 'Écart (%)',
  france: 'dont France',
  eligible: 'dont éligible au crédit d’impôt',
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

/**
 * The coût définitif line by line (named Bilan_Lignes), under the lists: what the chapters'
 * French spend and eligible part add up; the final cost, France and eligible columns sit under the
 * chapters' own (France and eligible right of the funding table, whose écart is signed).
 */
export const CLOSING_LINE_COLUMNS = contiguousColumns('A', {
  code: 'Code',
  label: 'Ligne du devis',
  chapter: 'Chapitre',
  final: 'Coût définitif',
  foreign: 'dont étranger',
  share: 'Part éligible (Devis)',
  france: 'dont France',
  eligible: 'Éligible (France × part)',
  charges: 'Charges patronales éligibles',
});

/** The nominative list of personnel (named Bilan_Personnel), under the financing. */
export const CLOSING_PERSON_COLUMNS = contiguousColumns('A', {
  name: 'Nom',
  role: 'Fonction (ligne du devis)',
  status: 'Statut',
  gross: 'Salaire brut',
  charges: 'Charges patronales',
  pieces: 'Pièces',
  reference: 'Contrat ou bulletin (1re pièce)',
  dpae: 'DPAE (n° ou date, à compléter)',
});

/** The providers and technical industries (named Bilan_Prestataires), under the personnel. */
export const CLOSING_PROVIDER_COLUMNS = contiguousColumns('A', {
  name: 'Prestataire',
  siret: 'SIRET (à compléter)',
  invoices: 'Factures',
  ht: 'Montant HT',
  foreign: 'dont étranger',
});

/** Free rows under each list, for a person or a provider the ledger does not hold yet. */
export const CLOSING_FREE_LIST_ROWS = 5;

/** The result, right of the tables: a label and a value per row. */
export const CLOSING_RESULT_COLUMNS = contiguousColumns('K', { label: 'Résultat', value: 'Montant' });
export const CLOSING_RESULT_ROWS = [
  'cost',
  'devis',
  'costGap',
  'funding',
  'balance',
  'taxCreditBase',
  'taxCredit',
  'taxCreditPlan',
  'taxCreditGap',
] as const;

export const CLOSING_HEADER_ROW = 4;

export const CLOSING_NAMES = {
  costs: 'Bilan_Postes',
  funding: 'Bilan_Financement',
  cost: 'Bilan_CoutDefinitif',
  devis: 'Bilan_Devis',
  costGap: 'Bilan_EcartDevis',
  fundingTotal: 'Bilan_FinancementDefinitif',
  balance: 'Bilan_Solde',
  /** The line by line detail and the columns the chapters sum. */
  lines: 'Bilan_Lignes',
  lineChapters: 'Bilan_LChapitres',
  lineFrance: 'Bilan_LFrance',
  lineEligible: 'Bilan_LEligible',
  lineCharges: 'Bilan_LChargesEligibles',
  /** The tax credit on the coût définitif, the plan's, and the adjustment. */
  taxCreditBase: 'Bilan_BaseCreditImpot',
  taxCredit: 'Bilan_CreditImpotDefinitif',
  taxCreditPlan: 'Bilan_CreditImpotPlan',
  taxCreditGap: 'Bilan_AjustementCreditImpot',
  /** The two lists for the commissaire aux comptes, and what of the ledger each leaves out. */
  personnel: 'Bilan_Personnel',
  personnelGap: 'Bilan_PersonnelEcart',
  providers: 'Bilan_Prestataires',
  providersGap: 'Bilan_PrestatairesEcart',
} as const;
