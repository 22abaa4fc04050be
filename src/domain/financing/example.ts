import { exampleData } from '../examples/examples';
import type { ProductionFormat } from '../facts/facts';
import { Money, sum } from '../money';
import { categoryById } from './categories';
import type { CashMeasure } from '../cashflow/measures';
import type { ComparedAid, FinancingSource, SourceStatus } from './types';
import { isoDay } from '../isoDay';
import { CONDITION_KINDS, type FunderCondition } from './conditions';

export type MeasureInput = CashMeasure;

/**
 * A format's example plan (data/exemples/<format>.json). Two amounts are derived, as a producer
 * would: the tax credit equals the sheet's estimate, and the producer contribution balances the
 * plan against the devis total.
 */
export function exampleFinancing(
  devisTotal: Money,
  taxCreditEstimate: Money,
  format: ProductionFormat = 'long-metrage',
): FinancingSource[] {
  const rows = exampleData(format).financing.sources;
  const fixed = (a: string): Money | null =>
    a === 'balance' || a === 'taxCreditEstimate' ? null : new Money(a);
  const known = sum(rows.map((r) => fixed(r.amount)).filter((m): m is Money => m !== null));
  const hasBalance = rows.some((r) => r.amount === 'balance');
  const credit = rows.some((r) => r.amount === 'taxCreditEstimate') ? taxCreditEstimate : new Money(0);
  const balance = devisTotal.minus(known).minus(credit);
  if (hasBalance && balance.isNegative())
    throw new Error("L'exemple de plan dépasse le devis : l'apport producteur serait négatif.");
  return rows.map((r) => {
    const category = categoryById(r.category);
    return {
      label: r.label,
      category: category.label,
      status: r.status as SourceStatus,
      amount:
        r.amount === 'balance' ? balance : r.amount === 'taxCreditEstimate' ? credit : new Money(r.amount),
      deadline: isoDay(r.deadline),
      eligibility: r.eligibility ?? '',
      advantages: r.advantages ?? '',
      drawbacks: r.drawbacks ?? '',
      rseBonus: r.rseBonus ?? false,
      profile: category.defaultProfile,
    };
  });
}

export function exampleComparison(format: ProductionFormat = 'long-metrage'): ComparedAid[] {
  return exampleData(format).financing.comparison.map((c) => ({
    aid: c.aid,
    amount: new Money(c.amount),
    deadline: isoDay(c.deadline),
    eligibility: c.eligibility,
    advantages: c.advantages,
    drawbacks: c.drawbacks,
    retained: c.retained,
  }));
}

/** The example's funders' conditions (data/exemples/*.json), each of a known form. */
export function exampleConditions(format: ProductionFormat = 'long-metrage'): FunderCondition[] {
  return (exampleData(format).financing.conditions ?? []).map((c) => {
    const kind = CONDITION_KINDS.find((k) => k === c.kind);
    if (!kind) throw new Error(`Condition d’exemple inconnue : ${c.kind}`);
    return { source: c.source, kind, rate: new Money(c.rate), rule: c.rule };
  });
}

export function exampleMeasures(format: ProductionFormat = 'long-metrage'): MeasureInput[] {
  return exampleData(format).financing.measures.map((m) => ({
    type: m.type,
    amount: new Money(m.amount),
    date: isoDay(m.date),
    repayment: isoDay(m.repayment),
    rate: m.rate ? new Money(m.rate) : null,
    fees: m.fees ? new Money(m.fees) : null,
    description: m.description,
  }));
}
