import data from '../../../data/finance/financement.json';
import { Money, roundCents } from '../money';
import type { CeilingRules, FinancingCategory, Nature } from './types';
import type { FactMark, ProductionFormat } from '../facts/facts';
import type { TaxRefund } from '../cashflow/months';

/** Financing categories with their nature (public / private) and default profile, from data/. */
export function financingCategories(): FinancingCategory[] {
  return data.categories.map((c) => ({
    id: c.id,
    label: c.label,
    nature: c.nature as Nature,
    natureMark: c.natureMark,
    natureSource: c.natureSource,
    defaultProfile: c.defaultProfile.map((p) => new Money(p)),
  }));
}

export function categoryById(id: string): FinancingCategory {
  const c = financingCategories().find((x) => x.id === id);
  if (!c) throw new Error(`Catégorie de financement inconnue : ${id}`);
  return c;
}

export function categoryByLabel(label: string): FinancingCategory | undefined {
  const l = label.trim().toLowerCase();
  return financingCategories().find((x) => x.label.toLowerCase() === l);
}

export function milestoneLabels(): string[] {
  return data.milestones.map((m) => m.label);
}

export const SOURCE_STATUSES: readonly string[] = data.statuses;

export function ceilingRules(): CeilingRules {
  const c = data.intensity.cinema;
  const a = data.intensity.audiovisuel;
  return {
    cinemaBase: new Money(c.base.rate),
    cinemaDerogation: new Money(c.derogation.rate),
    cinemaWithoutTaxCredit: new Money(c.withoutTaxCredit.rate),
    cinemaSmallBudget: new Money(c.smallBudget.amount),
    avBase: new Money(a.base.rate),
    avDerogation: new Money(a.derogation.rate),
    avDocumentary: new Money(a.documentary.rate),
    avSmallBudgetPerHour: new Money(a.smallBudgetPerHour.amount),
    avDocumentaryPerHour: new Money(a.documentaryPerHour.amount),
  };
}

/** Every ceiling fact with its source, for the Paramètres sheet. */
export function ceilingFacts(): {
  key: keyof CeilingRules;
  label: string;
  value: Money;
  mark: string;
  source: string;
  kind: 'rate' | 'amount';
}[] {
  const c = data.intensity.cinema;
  const a = data.intensity.audiovisuel;
  return [
    {
      key: 'cinemaBase',
      label: 'Plafond des aides publiques — cinéma',
      value: new Money(c.base.rate),
      mark: c.base.mark,
      source: c.base.source,
      kind: 'rate',
    },
    {
      key: 'cinemaDerogation',
      label: 'Plafond — cinéma, 1er/2e film ou petit budget',
      value: new Money(c.derogation.rate),
      mark: c.derogation.mark,
      source: c.derogation.source,
      kind: 'rate',
    },
    {
      key: 'cinemaWithoutTaxCredit',
      label: 'Plafond — cinéma, difficile ou petit budget sans crédit d’impôt',
      value: new Money(c.withoutTaxCredit.rate),
      mark: c.withoutTaxCredit.mark,
      source: c.withoutTaxCredit.source,
      kind: 'rate',
    },
    {
      key: 'cinemaSmallBudget',
      label: 'Seuil petit budget — cinéma (coût)',
      value: new Money(c.smallBudget.amount),
      mark: c.smallBudget.mark,
      source: c.smallBudget.source,
      kind: 'amount',
    },
    {
      key: 'avBase',
      label: 'Plafond des aides publiques — audiovisuel',
      value: new Money(a.base.rate),
      mark: a.base.mark,
      source: a.base.source,
      kind: 'rate',
    },
    {
      key: 'avDerogation',
      label: 'Plafond — audiovisuel, difficile ou petit budget',
      value: new Money(a.derogation.rate),
      mark: a.derogation.mark,
      source: a.derogation.source,
      kind: 'rate',
    },
    {
      key: 'avDocumentary',
      label: 'Plafond — documentaire de création',
      value: new Money(a.documentary.rate),
      mark: a.documentary.mark,
      source: a.documentary.source,
      kind: 'rate',
    },
    {
      key: 'avSmallBudgetPerHour',
      label: 'Seuil petit budget — audiovisuel (€/heure)',
      value: new Money(a.smallBudgetPerHour.amount),
      mark: a.smallBudgetPerHour.mark,
      source: a.smallBudgetPerHour.source,
      kind: 'amount',
    },
    {
      key: 'avDocumentaryPerHour',
      label: 'Seuil documentaire de création (€/heure)',
      value: new Money(a.documentaryPerHour.amount),
      mark: a.documentaryPerHour.mark,
      source: a.documentaryPerHour.source,
      kind: 'amount',
    },
  ];
}

/** A band of the audiovisual tax credit's per-minute ceiling: from a cost per minute, the ceiling per minute. */
export interface PerMinuteBand {
  fromCostPerMinute: Money;
  capPerMinute: Money;
}

export interface TaxCreditFact {
  label: string;
  /** Label of the plan category the credit is booked under; null when the format has no tax credit. */
  categoryLabel: string | null;
  rate: Money;
  /** A fixed ceiling (cinema: 30 M€), or null when the ceiling is per minute. */
  cap: Money | null;
  /** The audiovisual ceiling per minute produced, by cost per minute (ascending). */
  perMinute: PerMinuteBand[] | null;
  perMinuteMark: string | null;
  mark: string;
  source: string;
  capSource: string;
}

interface TaxCreditRow {
  label: string;
  category: string | null;
  rate: string;
  mark: string;
  source: string;
  cap: string | null;
  capSource: string;
  perMinuteCap?: { mark: string; bands: { fromCostPerMinute: string; capPerMinute: string }[] };
}

/** The tax credit of a format, from data: cinema (long métrage), none (court métrage), audiovisual (série, documentaire). */
export function taxCreditFact(format: ProductionFormat): TaxCreditFact {
  const t = (data.taxCredit as Record<string, TaxCreditRow>)[format];
  if (!t) throw new Error(`Pas de crédit d'impôt pour le format ${format}`);
  return {
    label: t.label,
    categoryLabel: t.category === null ? null : categoryById(t.category).label,
    rate: new Money(t.rate),
    cap: t.cap === null ? null : new Money(t.cap),
    perMinute: t.perMinuteCap
      ? t.perMinuteCap.bands.map((b) => ({
          fromCostPerMinute: new Money(b.fromCostPerMinute),
          capPerMinute: new Money(b.capPerMinute),
        }))
      : null,
    perMinuteMark: t.perMinuteCap?.mark ?? null,
    mark: t.mark,
    source: t.source,
    capSource: t.capSource,
  };
}

/**
 * The ceiling of a format's tax credit: the fixed cap, or the per-minute ceiling of the band the
 * cost per minute falls in × the minutes produced (0 while the duration is unknown), as the
 * Paramètres formula computes it.
 */
export function taxCreditCap(fact: TaxCreditFact, devisTotal: Money, minutes: number): Money {
  if (fact.cap !== null) return fact.cap;
  if (!fact.perMinute || minutes <= 0) return new Money(0);
  const perMinuteCost = devisTotal.dividedBy(minutes);
  const band =
    [...fact.perMinute].reverse().find((b) => perMinuteCost.gte(b.fromCostPerMinute)) ?? fact.perMinute[0];
  return roundCents((band?.capPerMinute ?? new Money(0)).times(minutes));
}

export type Phase = 'dev' | 'prepa' | 'tournage' | 'postprod';
export const PHASES: readonly Phase[] = ['dev', 'prepa', 'tournage', 'postprod'];

export const RECEIPT_PROFILE_NOTE: string = data.profileNote;

/** Ids of the plan categories that are tax credits (cinema, audiovisual, international). */
export const TAX_CREDIT_CATEGORY_IDS = [
  'credit-impot-cinema',
  'credit-impot-audiovisuel',
  'credit-impot-international',
] as const;

/** Labels of the tax-credit categories, from data. */
export function taxCreditCategoryLabels(): string[] {
  return TAX_CREDIT_CATEGORY_IDS.map((id) => categoryById(id).label);
}

/** Label of the cinema tax credit's category (its presence decides the 70 % cinema ceiling). */
export function cinemaTaxCreditLabel(): string {
  return categoryById('credit-impot-cinema').label;
}

/**
 * The rule behind each public-aid ceiling, as the plan shows it: one text for the domain and for
 * the sheet formula that chooses the ceiling.
 */
export const CEILING_RULES = {
  cinemaWithoutTaxCredit: 'Cinéma, difficile ou petit budget, sans crédit d’impôt (art. 211-22)',
  cinemaDerogation: 'Cinéma, 1er/2e film ou petit budget (art. 211-21)',
  cinemaBase: 'Cinéma, cas général (art. 211-20)',
  avDocumentary: 'Documentaire de création ≤ 150 000 €/h (art. 311-19)',
  avDerogation: 'Audiovisuel, petit budget (art. 311-19)',
  avBase: 'Audiovisuel, cas général (art. 311-18)',
  avBaseDerogationPossible:
    'Audiovisuel, cas général (art. 311-18) ; dérogation possible sur demande motivée au CNC (art. 311-19), à indiquer dans Paramètres',
} as const;

export interface TaxRefundFact extends TaxRefund {
  closingSource: string;
  closingMark: FactMark;
  delaySource: string;
  delayMark: FactMark;
  shareNote: string;
}

/** When a tax credit is cashed by default (data/): the fiscal-year close and the refund delay. */
export function taxRefundFact(): TaxRefundFact {
  const r = data.taxCreditRefund;
  return {
    closingMonth: r.closingMonth,
    delayMonths: r.delayMonths,
    closingSource: r.closingSource,
    closingMark: r.closingMark as FactMark,
    delaySource: r.delaySource,
    delayMark: r.delayMark as FactMark,
    shareNote: r.shareNote,
  };
}

/** The refund timing of a format's tax credit; null for a format without one (court métrage). */
export function taxRefundOf(format: ProductionFormat): TaxRefund | null {
  if (taxCreditFact(format).rate.isZero()) return null;
  const f = taxRefundFact();
  return { closingMonth: f.closingMonth, delayMonths: f.delayMonths };
}

/** When the VAT a production pays on its purchases comes back (data/): the delay, its source and mark. */
export interface VatRefundFact {
  delayMonths: number;
  source: string;
  mark: FactMark;
}

/** The default delay between paying VAT and recovering it (a refunded VAT credit), from data/. */
export function vatRefundFact(): VatRefundFact {
  const r = data.vatRefund;
  return { delayMonths: r.delayMonths, source: r.source, mark: r.mark as FactMark };
}
