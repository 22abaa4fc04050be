import bilan from '../../../data/carbon/bilan.json';
import { exampleData } from '../examples/examples';
import type { ProductionFormat } from '../facts/facts';
import { Money, ZERO, sum } from '../money';
import { factorByKey } from './factors';

export interface CarbonCategory {
  id: string;
  label: string;
}

export interface CarbonLine {
  category: string;
  label: string;
  key: string;
  quantityPrev: Money | null;
  multiplier: Money | null;
  quantityDef: Money | null;
  assumption: string;
  /**
   * A monetary-ratio line (k€ HT) whose définitif quantity is what the Dépenses committed on this
   * devis code: the sheet sums the ledger by formula, so the définitif follows the expenses.
   */
  expenseCode?: string;
}

export interface CarbonMeasure {
  category: string;
  label: string;
  saving: Money;
  assumption: string;
}

export interface BilanResult {
  lines: { prev: Money; def: Money; factor: Money | null; unit: string; source: string }[];
  categories: { id: string; label: string; prev: Money; def: Money; prevShare: Money; defShare: Money }[];
  totalPrev: Money;
  totalDef: Money;
  totalSavings: Money;
  /** Indices (in category order) of the three largest prévisionnel emitters. */
  top3: number[];
}

export function carbonCategories(): CarbonCategory[] {
  return bilan.categories;
}

export const HOMOLOGATION_NOTE: string = bilan.homologationNote;

export function categoryLabel(id: string): string {
  return bilan.categories.find((c) => c.id === id)?.label ?? id;
}

/** kg = factor × quantity × (multiplier, 1 when blank); 0 for a line without factor key. */
export function lineEmission(factor: Money | null, quantity: Money | null, multiplier: Money | null): Money {
  if (!factor || !quantity) return ZERO;
  return factor.times(quantity).times(multiplier ?? 1);
}

/** The Bilan carbone sheet's figures: per line, per category (with shares), totals, the three largest emitters. */
export function computeBilan(lines: CarbonLine[], measures: CarbonMeasure[]): BilanResult {
  const computed = lines.map((l) => {
    const f = factorByKey(l.key);
    return {
      prev: lineEmission(f?.value ?? null, l.quantityPrev, l.multiplier),
      def: lineEmission(f?.value ?? null, l.quantityDef, l.multiplier),
      factor: f?.value ?? null,
      unit: f?.unit ?? '',
      source: f?.sourceTitle ?? '',
    };
  });
  const totalPrev = sum(computed.map((c) => c.prev));
  const totalDef = sum(computed.map((c) => c.def));
  const byCategory = carbonCategories().map((cat) => {
    const labelled = lines
      .map((l, i) => ({ l, c: computed[i] }))
      .filter((x) => categoryLabel(x.l.category) === cat.label);
    const prev = sum(labelled.map((x) => x.c?.prev ?? ZERO));
    const def = sum(labelled.map((x) => x.c?.def ?? ZERO));
    return {
      id: cat.id,
      label: cat.label,
      prev,
      def,
      prevShare: totalPrev.isZero() ? ZERO : prev.dividedBy(totalPrev),
      defShare: totalDef.isZero() ? ZERO : def.dividedBy(totalDef),
    };
  });
  const top3 = byCategory
    .map((c, i) => ({ i, v: c.prev }))
    .filter((x) => x.v.gt(0))
    .sort((a, b) => b.v.comparedTo(a.v) || a.i - b.i)
    .slice(0, 3)
    .map((x) => x.i);
  return {
    lines: computed,
    categories: byCategory,
    totalPrev,
    totalDef,
    totalSavings: sum(measures.map((m) => m.saving)),
    top3,
  };
}

export function exampleCarbon(format: ProductionFormat = 'long-metrage'): {
  lines: CarbonLine[];
  measures: CarbonMeasure[];
} {
  const example = exampleData(format);
  return {
    lines: example.carbon.lines.map((l) => ({
      category: l.category,
      label: l.label,
      key: l.key,
      quantityPrev: new Money(l.quantity),
      multiplier: new Money(l.multiplier),
      quantityDef: null,
      assumption: l.assumption,
      ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}),
    })),
    measures: example.carbon.measures.map((m) => ({
      category: m.category,
      label: m.label,
      saving: new Money(m.saving),
      assumption: m.assumption,
    })),
  };
}
