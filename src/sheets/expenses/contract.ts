import { contiguousColumns } from '../model/contract';

/** Columns of the ledger, by key (named Dep_Lignes, without the header row). */
export const EXPENSE_COLUMNS = contiguousColumns('A', {
  date: 'Date',
  piece: 'N° de pièce',
  payee: 'Fournisseur / bénéficiaire',
  nature: 'Nature',
  code: 'Code du devis',
  label: 'Libellé',
  ht: 'Montant HT',
  tva: 'TVA',
  ttc: 'Montant TTC',
  status: 'Engagé / payé',
  paidOn: 'Date de paiement',
  mode: 'Mode de paiement',
  proof: 'Justificatif',
  proofRef: 'Référence du justificatif',
});

/**
 * The totals per devis code (named Dep_ParCode), right of the ledger: engagé and payé; the devis
 * amount of each line is on the Devis (the per-chapter table compares them).
 */
export const EXPENSE_CODE_COLUMNS = contiguousColumns('P', {
  code: 'Code',
  chapter: 'Chapitre',
  label: 'Ligne du devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT',
});

/** The totals per chapter (named Dep_ParChapitre), below the totals per code. */
export const EXPENSE_CHAPTER_COLUMNS = contiguousColumns('P', {
  chapter: 'Chapitre',
  label: 'Intitulé',
  devis: 'Devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT',
  left: 'Devis − engagé',
});

/** The lists the ledger's drop-downs offer (natures, statuses, payment modes), under the chapters. */
export const EXPENSE_LIST_COLUMNS = contiguousColumns('P', {
  natures: 'Natures',
  statuses: 'Statuts',
  modes: 'Modes de paiement',
});

/** TTC of a ledger row: HT + TVA, empty while both are. The layout and the import write it. */
export function expenseTtcFormula(row: number): string {
  const ht = EXPENSE_COLUMNS.cell('ht', row);
  const tva = EXPENSE_COLUMNS.cell('tva', row);
  return `IF(AND(${ht}="",${tva}=""),"",${ht}+${tva})`;
}

/**
 * Free rows under the pieces: the layout writes them, and an import that needs more grows the
 * ledger so that as many stay free after it.
 */
export const FREE_EXPENSE_ROWS = 150;

export const EXPENSE_HEADER_ROW = 4;
export const EXPENSE_FIRST_ROW = EXPENSE_HEADER_ROW + 1;

export const EXPENSE_NAMES = {
  lines: 'Dep_Lignes',
  /** The ledger's code, HT and status columns (short references for the per-code formulas). */
  lineCodes: 'Dep_LCodes',
  lineHT: 'Dep_LHT',
  lineTVA: 'Dep_LTVA',
  lineStatus: 'Dep_LStatuts',
  /** The ledger's payment dates (the Trésorerie réelle sums the pieces paid by month). */
  linePaidOn: 'Dep_LPaiements',
  totalHT: 'Dep_TotalHT',
  totalTVA: 'Dep_TotalTVA',
  totalTTC: 'Dep_TotalTTC',
  engaged: 'Dep_Engage',
  paid: 'Dep_Paye',
  codes: 'Dep_Codes',
  byCode: 'Dep_ParCode',
  byChapter: 'Dep_ParChapitre',
  natures: 'Dep_ListeNatures',
  statuses: 'Dep_ListeStatuts',
  modes: 'Dep_ListeModes',
} as const;
