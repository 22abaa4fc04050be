import type { Money } from '../money';

/** Nature of a source for the public-aid intensity test. */
export const NATURES = ['Public', 'Privé'] as const;
export type Nature = (typeof NATURES)[number];
export const PUBLIC: Nature = 'Public';
export const PRIVATE: Nature = 'Privé';

/** Status of a source in the plan; only an acquired source counts in the share acquired. */
export const SOURCE_STATUS = { acquired: 'Acquis', requested: 'Sollicité', planned: 'Envisagé' } as const;
export type SourceStatus = (typeof SOURCE_STATUS)[keyof typeof SOURCE_STATUS];

/** The milestones a receipt is scheduled on (one percentage each in the plan). */
export const MILESTONES = ['dev', 'prepa', 'tournage', 'fin-tournage', 'livraison', 'apres'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface FinancingCategory {
  id: string;
  label: string;
  nature: Nature;
  natureMark: string;
  natureSource: string;
  /** Default payment profile: one share per milestone, summing to 1. */
  defaultProfile: Money[];
}

export interface FinancingSource {
  label: string;
  /** Category label, as written in the sheet. */
  category: string;
  status: SourceStatus;
  amount: Money;
  deadline?: Date | null;
  eligibility?: string;
  advantages?: string;
  drawbacks?: string;
  rseBonus?: boolean;
  /** One share per milestone (MILESTONES order), summing to 1. */
  profile: Money[];
}

export interface ComparedAid {
  aid: string;
  amount: Money;
  deadline: Date | null;
  eligibility: string;
  advantages: string;
  drawbacks: string;
  retained: boolean;
}

export interface CeilingRules {
  cinemaBase: Money;
  cinemaDerogation: Money;
  cinemaWithoutTaxCredit: Money;
  cinemaSmallBudget: Money;
  avBase: Money;
  avDerogation: Money;
  avDocumentary: Money;
  avSmallBudgetPerHour: Money;
  avDocumentaryPerHour: Money;
}

export interface FinancingContext {
  format: 'long-metrage' | 'court-metrage' | 'serie' | 'documentaire';
  firstOrSecondFilm: boolean;
  /** Audiovisual: a derogation requested from the CNC (RGA art. 311-19); without it, 50 %. */
  avDerogationRequested?: boolean;
  durationMinutes: number;
  devisTotal: Money;
  /** The tax credit's eligible base: French spend on the closed list (BudgetBases.taxCredit). */
  eligibleFrance: Money;
  taxCreditRate: Money;
  taxCreditCap: Money;
  ceilings: CeilingRules;
}

export interface FinancingResult {
  total: Money;
  /** financement − devis: 0 when balanced. */
  gap: Money;
  acquiredShare: Money;
  sourceCount: number;
  publicTotal: Money;
  intensity: Money;
  ceiling: Money;
  ceilingRule: string;
  taxCreditEstimate: Money;
  taxCreditInPlan: Money;
  rseCount: number;
}
