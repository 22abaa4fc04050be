import longMetrage from '../../../data/exemples/long-metrage.json';
import courtMetrage from '../../../data/exemples/court-metrage.json';
import serie from '../../../data/exemples/serie.json';
import documentaire from '../../../data/exemples/documentaire.json';
import type { ProductionFormat } from '../facts/facts';

/** A devis line of an example, as written in data/exemples/*.json (amounts as decimal strings). */
export interface ExampleLine {
  code: string;
  label: string;
  status?: string;
  quantity: string;
  unit: string;
  count: string;
  rate: string;
  foreign?: string;
  /** Spent in the region of the regional aid. */
  region?: string;
  /** Share in the tax credit's base when not the nomenclature's default (0 to 1). */
  taxCreditShare?: string;
  justification: string;
}

export interface ExampleGroup {
  code: string;
  label: string;
  lines: ExampleLine[];
}

export interface ExampleSource {
  label: string;
  category: string;
  status: string;
  /** A decimal string, or "balance" (the producer's contribution balances the plan), or "taxCreditEstimate". */
  amount: string;
  deadline?: string | null;
  eligibility?: string;
  advantages?: string;
  drawbacks?: string;
  rseBonus?: boolean;
}

/** One example production: parameters, devis lines by chapter, plan de financement, bilan carbone. */
export interface ExampleData {
  id: string;
  note: string;
  format: string;
  nomenclature: string;
  parameters: {
    title: string;
    durationMinutes: number;
    prepWeeks: number;
    shootingDays: number;
    postWeeks: number;
    devStart: string | null;
    prepStart: string;
    shootStart: string;
    shootEnd: string;
    padDelivery: string;
    envelope: string;
    firstOrSecondFilm: boolean;
  };
  chapters: { code: string; items: (ExampleLine | ExampleGroup)[] }[];
  financing: {
    note: string;
    sources: ExampleSource[];
    comparison: {
      aid: string;
      amount: string;
      deadline: string | null;
      eligibility: string;
      advantages: string;
      drawbacks: string;
      retained: boolean;
    }[];
    /** The funders' conditions on the devis (a regional aid's territorial spend). */
    conditions?: { source: string; kind: string; rate: string; rule: string }[];
    /** The windows of the chronologie des médias the plan's sources buy. */
    windows?: { source: string; window: string; months: number }[];
    measures: {
      type: string;
      amount: string;
      date: string | null;
      repayment?: string | null;
      rate?: string | null;
      fees?: string | null;
      description: string;
    }[];
  };
  carbon: {
    note: string;
    lines: {
      category: string;
      label: string;
      key: string;
      quantity: string;
      multiplier: string;
      assumption: string;
      /** A devis code whose expenses (engagé HT, in k€) give the définitif quantity. */
      expenseCode?: string;
    }[];
    measures: { category: string; label: string; saving: string; assumption: string }[];
  };
}

const EXAMPLES: Record<ProductionFormat, ExampleData> = {
  'long-metrage': longMetrage,
  'court-metrage': courtMetrage,
  serie: serie,
  documentaire: documentaire,
};

export { exampleAvailable } from './catalogue';

export function exampleData(format: ProductionFormat): ExampleData {
  return EXAMPLES[format];
}
