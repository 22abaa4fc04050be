import { contiguousColumns } from '../model/contract';

/** Columns of the Devis table, by key. */
export const DEVIS_COLUMNS = contiguousColumns('A', {
  code: 'Code',
  label: 'Libellé',
  status: 'Statut',
  quantity: 'Quantité',
  unit: 'Unité',
  count: 'Nombre',
  rate: 'Taux',
  amount: 'Montant',
  france: 'dont France',
  foreign: 'dont étranger',
  justification: 'Justification',
  taxCredit: 'Part éligible au crédit d’impôt',
  charges: 'Charges patronales',
  region: 'dont région (aide régionale)',
});

export type DevisColumn = (typeof DEVIS_COLUMNS.keys)[number];

/** What a lookup of a code the devis does not have shows. */
export const UNKNOWN_CODE = 'Code inconnu au devis';

/**
 * A column of the devis's row whose code is in `codeCell` (a sheet that charges a devis line reads
 * its label, amount or quantity so): `fallback` where the devis has no such code.
 */
export function devisLookup(
  devisLines: string,
  codeCell: string,
  column: DevisColumn,
  fallback: string,
): string {
  const match = `MATCH(${codeCell},INDEX(${devisLines},0,1),0)`;
  return `IFERROR(INDEX(${devisLines},${match},${DEVIS_COLUMNS.keys.indexOf(column) + 1}),"${fallback}")`;
}

/** Row of the column headers; the chapter blocks start right below it. */
export const DEVIS_HEADER_ROW = 4;
export const DEVIS_FIRST_ROW = DEVIS_HEADER_ROW + 1;

/** The three parts of every devis amount: montant, dont France, dont étranger. */
export const SPLIT_PARTS = ['amount', 'france', 'foreign'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];

function splitNames(base: string): Readonly<Record<SplitPart, string>> {
  return { amount: base, france: `${base}_France`, foreign: `${base}_Etranger` };
}

/** Workbook names of the Devis: the table, the totals other sheets link to, one set per chapter. */
export const DEVIS_NAMES = {
  lines: 'Devis_Lignes',
  subtotal: splitNames('Devis_TotalPostes'),
  overheads: splitNames('Devis_FraisGeneraux'),
  contingency: splitNames('Devis_Imprevus'),
  total: { amount: 'Devis_Total', france: 'Devis_TotalFrance', foreign: 'Devis_TotalEtranger' },
  /** The bases block under the total: the protocol's caps (cinema) and the tax credit's base. */
  producerFee: 'Devis_RemunProducteur',
  financialCosts: 'Devis_FraisFinanciers',
  protocolBase: 'Devis_BaseProtocole',
  overheadsCapAmount: 'Devis_PlafondFG',
  producerFeeCapAmount: 'Devis_PlafondRemunProducteur',
  taxCreditBase: 'Devis_BaseCreditImpot',
  /** What the lines spend in the region of a regional aid (their « dont région »). */
  region: 'Devis_DontRegion',
} as const;

/** Names of a chapter's total, dont France and dont étranger: Devis_Poste3, Devis_Poste3_France… */
export function chapterNames(code: string): Readonly<Record<SplitPart, string>> {
  return splitNames(`Devis_Poste${code}`);
}

/** The devis column that holds each part of an amount. */
export const PART_COLUMN: Readonly<Record<SplitPart, DevisColumn>> = {
  amount: 'amount',
  france: 'france',
  foreign: 'foreign',
};
