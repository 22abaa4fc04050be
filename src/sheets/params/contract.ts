import type { Status } from '../../domain/budget/types';
import { isIntermittent, statusLabel } from '../../domain/facts/facts';
import type { CeilingRules } from '../../domain/financing/types';
import { contiguousColumns } from '../model/contract';

/** Paramètres: one value per row, each behind a workbook name other sheets and rules read. */
export const PARAMS_NAMES = {
  title: 'Param_Titre',
  format: 'Param_Format',
  nomenclature: 'Param_Nomenclature',
  duration: 'Param_Duree',
  prepWeeks: 'Param_SemainesPrepa',
  shootingDays: 'Param_JoursTournage',
  postWeeks: 'Param_SemainesPostprod',
  devStart: 'Param_DebutDev',
  prepStart: 'Param_DebutPrepa',
  shootStart: 'Param_DebutTournage',
  shootEnd: 'Param_FinTournage',
  padDelivery: 'Param_LivraisonPAD',
  envelope: 'Param_Enveloppe',
  firstOrSecondFilm: 'Param_PremierFilm',
  provisionalAgreement: 'Param_AgrementProvisoire',
  avDerogation: 'Param_DerogationAV',
  /** Suivi budgétaire: an écart at or above both thresholds is explained. */
  gapRate: 'Param_SeuilEcart',
  gapAmount: 'Param_SeuilEcartMontant',
  shortContractSurcharge: 'Param_MajorationCDDU',
  overheadsRate: 'Param_TauxFG',
  overheadsCap: 'Param_PlafondFG',
  producerFeeCap: 'Param_PlafondRemunProducteur',
  contingencyRate: 'Param_TauxImprevus',
  taxCreditRate: 'Param_TauxCI',
  taxCreditCap: 'Param_PlafondCI',
  /** When the tax credit is refunded: fiscal-year close (month 1–12) and delay after it (months). */
  fiscalYearEnd: 'Param_MoisCloture',
  taxRefundDelay: 'Param_DelaiRemboursementCI',
  /** Months between paying VAT on a purchase and recovering it (the Trésorerie's VAT rows). */
  vatDelay: 'Param_DelaiTVA',
  /** Audiovisual tax credit: the per-minute ceiling table (cost per minute from, ceiling per minute). */
  taxCreditBandFrom: 'Param_CIMinute_Seuils',
  taxCreditBandCap: 'Param_CIMinute_Plafonds',
  /** The theatrical cascade of the Ayants droit sheet: ticket VAT, TSA, the rental rate's cap. */
  ticketVat: 'Param_TVABillet',
  tsa: 'Param_TSA',
  rentalCap: 'Param_PlafondLocation',
  /** The rate each status's lines are charged at (short-CDDU surcharge included), for the Devis's per-line charges. */
  chargeStatuses: 'Param_StatutsCharges',
  chargeRates: 'Param_TauxParStatut',
} as const;

/**
 * The charges rate of the status a cell holds, looked up as the Devis charges a line: its
 * Paramètres rate, short-CDDU surcharge included (`chargeRateFormula` is the rate of a status known
 * when writing). `n` turns a base name into the workbook's.
 */
export function chargeRateOfCell(n: (base: string) => string, status: string): string {
  return `SUMIF(${n(PARAMS_NAMES.chargeStatuses)},${status},${n(PARAMS_NAMES.chargeRates)})`;
}

/** Workbook names of the public-aid ceilings and thresholds. */
export const CEILING_NAMES: Readonly<Record<keyof CeilingRules, string>> = {
  cinemaBase: 'Param_PlafondCinema',
  cinemaDerogation: 'Param_PlafondCinemaDerog',
  cinemaWithoutTaxCredit: 'Param_PlafondCinemaSansCI',
  cinemaSmallBudget: 'Param_SeuilPetitBudgetCinema',
  avBase: 'Param_PlafondAV',
  avDerogation: 'Param_PlafondAVDerog',
  avDocumentary: 'Param_PlafondDocu',
  avSmallBudgetPerHour: 'Param_SeuilAVHeure',
  avDocumentaryPerHour: 'Param_SeuilDocuHeure',
};

/** Workbook name of the charge rate of a status, e.g. Param_TauxCharges_Technicien. */
export function chargeRateName(status: Status): string {
  return `Param_TauxCharges_${statusLabel(status)}`;
}

/**
 * The rate a status's lines are charged at, as a formula: its Paramètres rate, plus the short-CDDU
 * surcharge for intermittents (the domain's chargeRate). `name` applies the workbook's naming.
 */
export function chargeRateFormula(status: Status, name: (base: string) => string): string {
  return isIntermittent(status)
    ? `${name(chargeRateName(status))}+${name(PARAMS_NAMES.shortContractSurcharge)}`
    : name(chargeRateName(status));
}

/** The validation lists kept on the sheet (the user can extend them). */
export const LIST_NAMES = {
  statuses: 'Liste_Statuts',
  units: 'Liste_Unites',
  formats: 'Liste_Formats',
  yesNo: 'Liste_OuiNon',
  sourceStatuses: 'Liste_StatutsSource',
  measures: 'Liste_Mesures',
  natures: 'Liste_Natures',
  nomenclatures: 'Liste_Nomenclatures',
} as const;

export type ListKey = keyof typeof LIST_NAMES;

/** Columns of the parameter rows: label, value (named), name, source, mark. */
export const PARAMS_COLUMNS = contiguousColumns('A', {
  label: 'Paramètre',
  value: 'Valeur',
  name: 'Nom',
  source: 'Source',
  mark: 'Fiabilité',
});

/** First parameter row (row 4 holds the headers). */
export const PARAMS_FIRST_ROW = 5;
