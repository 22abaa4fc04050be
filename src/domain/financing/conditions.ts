import data from '../../../data/finance/conditions.json';
import type { FactMark } from '../facts/facts';
import { Money, ZERO, roundCents } from '../money';
import type { FinancingSource } from './types';

/** The forms of a regional fund's territorial-spend condition (data/finance/conditions.json). */
export const CONDITION_KINDS = ['region-of-aid', 'region-of-budget'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** A funder's condition on the budget: which source, which form, its rate, the fund's rule. */
export interface FunderCondition {
  /** The plan's source it belongs to, by its label. */
  source: string;
  kind: ConditionKind;
  rate: Money;
  /** The fund's rule as the producer read it (its regulation, the year). */
  rule: string;
}

/** A condition against the devis: what it asks (rate × base) and what the devis spends in the region. */
export interface ConditionResult extends FunderCondition {
  /** The aid's amount, or the devis less poste 9; null when the source is not in the plan. */
  base: Money | null;
  required: Money;
  actual: Money;
  /** Actual − required: below zero, the condition is not met. */
  gap: Money;
}

interface KindData {
  id: string;
  label: string;
  base: string;
  example: { rate: string; fund: string; source: string; mark: string };
}

const kinds = data.kinds as KindData[];

function kindData(kind: ConditionKind): KindData {
  const k = kinds.find((x) => x.id === kind);
  if (!k) throw new Error(`Condition inconnue : ${kind}`);
  return k;
}

/** The French label of a condition's form, as the sheet's list offers it. */
export function conditionLabel(kind: ConditionKind): string {
  return kindData(kind).label;
}

/** The forms with their label and a documented example (a fund, its rate, its source and mark). */
export function conditionKinds(): {
  kind: ConditionKind;
  label: string;
  example: { rate: Money; fund: string; source: string; mark: FactMark };
}[] {
  return CONDITION_KINDS.map((kind) => {
    const k = kindData(kind);
    return {
      kind,
      label: k.label,
      example: {
        rate: new Money(k.example.rate),
        fund: k.example.fund,
        source: k.example.source,
        mark: k.example.mark as FactMark,
      },
    };
  });
}

/** The general note on funders' conditions (data). */
export const CONDITIONS_NOTE: string = data.note;

/**
 * A condition checked against the devis: the required spend is ROUND(rate × base, 2), the base
 * being the aid (its source's amount in the plan) or the devis less poste 9; the actual spend is
 * the devis's « dont région ».
 */
export function computeCondition(
  c: FunderCondition,
  budget: { sources: readonly (FinancingSource | null)[]; total: Money; chapter9: Money; region: Money },
): ConditionResult {
  const base =
    c.kind === 'region-of-aid'
      ? (budget.sources.find((s) => s?.label === c.source)?.amount ?? null)
      : budget.total.minus(budget.chapter9);
  const required = base ? roundCents(c.rate.times(base)) : ZERO;
  return { ...c, base, required, actual: budget.region, gap: budget.region.minus(required) };
}
