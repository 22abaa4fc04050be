import type { Money } from '../money';
import type { NomenclatureId } from '../nomenclature/types';

/**
 * Employment status of a pay line, in any chapter; drives the chapter 4 charges. Intermittents
 * (technicien, cadre, artiste) in CDDU, authors (droits d'auteur), permanent staff under the
 * régime général, and prestataires paid on invoice (no charges).
 */
export type Status = 'technicien' | 'cadre' | 'artiste' | 'auteur' | 'permanent' | 'prestataire';
export const STATUSES: readonly Status[] = [
  'technicien',
  'cadre',
  'artiste',
  'auteur',
  'permanent',
  'prestataire',
];

/** A devis line: amount = quantité × nombre × taux, rounded to the cent. */
export interface LineInput {
  code: string;
  label: string;
  status?: Status;
  quantity?: Money;
  unit?: string;
  count?: Money;
  rate?: Money;
  /** "dont étranger": the part of the amount spent abroad (typed); France is the rest. */
  foreign?: Money;
  /** "dont région": the part spent in the region of a regional aid (typed), for its condition. */
  region?: Money;
  justification?: string;
  /**
   * Share of the line in the tax credit's base (0 to 1); absent: the nomenclature's default. A lead
   * performer paid above the collective-agreement minima counts only for the minima.
   */
  taxCreditShare?: Money;
}

export type ItemInput =
  | ({ kind: 'line' } & LineInput)
  /** A sous-poste with detail lines under it; its total is the sum of its lines. */
  | { kind: 'group'; code: string; label: string; lines: LineInput[] }
  /** A charges-chapter line computed from the gross pay of one status in the pay chapters. */
  | { kind: 'charges'; code: string; label: string; status: Status; justification?: string }
  /** An indirect cost inside the indirect chapter (audiovisuel 10): a rate of the subtotal. */
  | { kind: 'rate'; code: string; label: string; role: IndirectRateRole; justification?: string };

/** Which rate of the Paramètres an indirect line applies to the subtotal. */
export type IndirectRateRole = 'overheads' | 'contingency';

export interface ChapterInput {
  code: string;
  label: string;
  items: ItemInput[];
}

export interface BudgetParams {
  chargeRates: Record<Status, Money>;
  /** Added to the intermittents' rates: +0,5 point of chômage on CDDU of 3 months or less. */
  shortContractSurcharge: Money;
  overheadsRate: Money;
  /** The frais généraux cap (cinema: 7 % of the protocol's base). */
  overheadsCap: Money;
  contingencyRate: Money;
}

export interface BudgetInput {
  nomenclature: NomenclatureId;
  chapters: ChapterInput[];
  params: BudgetParams;
}

/** An amount with its CNC split. france + foreign = amount, always. */
export interface Split {
  amount: Money;
  france: Money;
  foreign: Money;
}

export type ItemResult =
  | ({ kind: 'line' } & Split)
  | ({ kind: 'group'; lines: Split[] } & Split)
  | ({ kind: 'charges'; base: Money; rate: Money } & Split)
  | ({ kind: 'rate'; role: IndirectRateRole } & RateLine);

export interface ChapterResult extends Split {
  code: string;
  items: ItemResult[];
}

export interface RateLine extends Split {
  base: Money;
  rate: Money;
}

export interface BudgetResult {
  chapters: ChapterResult[];
  /** Every chapter but the indirect one (classic: total des postes 1 à 9, coût de fabrication). */
  subtotal: Split;
  overheads: RateLine;
  contingency: RateLine;
  /** What the indirect costs add to the subtotal: FG + imprévus below it, or the indirect chapter's total. */
  indirect: Split;
  total: Split;
  bases: BudgetBases;
}

/** The bases a financier checks: the protocol caps' (cinema) and the tax credit's. */
export interface BudgetBases {
  /** Producer's fee lines with their social charges (the protocol counts them together). */
  producerFee: Money;
  financialCosts: Money;
  /**
   * Protocole du 16/12/2010: subtotal less the fee (with charges) and the frais financiers; the
   * frais généraux are computed on it. Null for a grid the protocol does not cover.
   */
  protocol: Money | null;
  /** The caps as amounts on the protocol's base (null without it). */
  overheadsCapAmount: Money | null;
  producerFeeCapAmount: Money | null;
  /** French spend on the tax credit's closed list (CGI ann. III art. 46 quater-0 YM). */
  taxCredit: Money;
  /** Spend in the region of a regional aid: the lines' « dont région ». */
  region: Money;
}
