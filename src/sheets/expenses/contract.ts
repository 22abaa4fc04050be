import { expenseTtc, type ExpenseInput } from '../../domain/expenses/expenses';
import { isoDay } from '../../domain/isoDay';
import { toCellNumber } from '../../domain/money';
import { contiguousColumns } from '../model/contract';
import { yesNo } from '../model/labels';
import { NUMFMT, type CellPlan } from '../model/plan';

const num = toCellNumber;

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
  place: 'France / étranger',
});

/**
 * The totals per devis code (named Dep_ParCode), right of the ledger: engagé and payé; the devis
 * amount of each line is on the Devis (the per-chapter table compares them).
 */
export const EXPENSE_CODE_COLUMNS = contiguousColumns('Q', {
  code: 'Code',
  chapter: 'Chapitre',
  label: 'Ligne du devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT',
});

/** The totals per chapter (named Dep_ParChapitre), below the totals per code. */
export const EXPENSE_CHAPTER_COLUMNS = contiguousColumns('Q', {
  chapter: 'Chapitre',
  label: 'Intitulé',
  devis: 'Devis',
  engaged: 'Engagé HT',
  paid: 'Payé HT',
  left: 'Devis − engagé',
});

/** The lists the ledger's drop-downs offer (natures, statuses, payment modes), under the chapters. */
export const EXPENSE_LIST_COLUMNS = contiguousColumns('Q', {
  natures: 'Natures',
  statuses: 'Statuts',
  modes: 'Modes de paiement',
  places: 'France / étranger',
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
  /** Payees and natures, for the Bilan financier's lists of personnel and providers. */
  linePayees: 'Dep_LBeneficiaires',
  lineNatures: 'Dep_LNatures',
  /** Where each piece was spent (France / Étranger), for the coût définitif's French spend. */
  linePlace: 'Dep_LLieux',
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
  places: 'Dep_ListeLieux',
} as const;

/**
 * The cells of one piece on row `r`, or of a free row (its code and TTC formula only): what the
 * scaffold writes and what an import appends (the same cells, so both ledgers read alike).
 */
export function pieceCells(e: ExpenseInput | null, r: number, keepTypedTtc = true): CellPlan[] {
  const ttcFormula = expenseTtcFormula(r);
  const at = (k: (typeof EXPENSE_COLUMNS.keys)[number]): string => EXPENSE_COLUMNS.cell(k, r);
  const computedTtc: CellPlan = {
    address: at('ttc'),
    formula: ttcFormula,
    result: e ? num(expenseTtc(e)) : '',
    numFmt: NUMFMT.euro,
    style: 'computed',
  };
  if (!e) return [{ address: at('code'), value: null, numFmt: NUMFMT.text, style: 'input' }, computedTtc];
  const input = (
    k: (typeof EXPENSE_COLUMNS.keys)[number],
    value: CellPlan['value'],
    numFmt?: string,
  ): CellPlan => ({
    address: at(k),
    value,
    ...(numFmt ? { numFmt } : {}),
    style: 'input',
  });
  return [
    input('date', isoDay(e.date), NUMFMT.date),
    input('piece', e.piece),
    input('payee', e.payee),
    input('nature', e.nature),
    input('code', e.code, NUMFMT.text),
    input('label', e.label),
    input('ht', num(e.ht), NUMFMT.euro),
    input('tva', num(e.tva), NUMFMT.euro),
    e.ttc && keepTypedTtc ? input('ttc', num(e.ttc), NUMFMT.euro) : computedTtc,
    input('status', e.status),
    input('paidOn', isoDay(e.paidOn), NUMFMT.date),
    input('mode', e.mode),
    input('proof', yesNo(e.proof)),
    input('proofRef', e.proofRef),
    input('place', e.place ?? 'France'),
  ];
}
