import { Money, ZERO, roundCents, sum } from '../money';
import { CEILING_RULES, categoryByLabel, cinemaTaxCreditLabel, taxCreditCategoryLabels } from './categories';
import {
  PUBLIC,
  SOURCE_STATUS,
  type CeilingRules,
  type FinancingContext,
  type FinancingResult,
  type FinancingSource,
} from './types';

const CINEMA = new Set(['long-metrage', 'court-metrage']);

/**
 * The public-aid ceiling that applies, mirroring the sheet formula:
 * cinema — 70 % for a 1st/2nd film or a small budget without the cinema tax credit, 60 % for a
 * 1st/2nd film or a small budget, 50 % otherwise; audiovisuel — 80 % for a documentary
 * ≤ 150 000 €/h, 60 % ≤ 100 000 €/h, 50 % otherwise — those two only when the derogation was
 * requested (RGA art. 311-19: "sur demande motivée"), else 50 % with a note that it may be asked.
 */
export function applicableCeiling(
  format: FinancingContext['format'],
  firstOrSecondFilm: boolean,
  devisTotal: Money,
  durationMinutes: number,
  usesCinemaTaxCredit: boolean,
  rules: CeilingRules,
  avDerogationRequested = false,
): { rate: Money; rule: string } {
  if (CINEMA.has(format)) {
    const difficult = firstOrSecondFilm || devisTotal.lte(rules.cinemaSmallBudget);
    if (difficult && !usesCinemaTaxCredit)
      return { rate: rules.cinemaWithoutTaxCredit, rule: CEILING_RULES.cinemaWithoutTaxCredit };
    if (difficult) return { rate: rules.cinemaDerogation, rule: CEILING_RULES.cinemaDerogation };
    return { rate: rules.cinemaBase, rule: CEILING_RULES.cinemaBase };
  }
  const perHour = durationMinutes > 0 ? devisTotal.times(60).dividedBy(durationMinutes) : null;
  const documentary =
    format === 'documentaire' && perHour !== null && perHour.lte(rules.avDocumentaryPerHour);
  const small = perHour !== null && perHour.lte(rules.avSmallBudgetPerHour);
  if (!avDerogationRequested)
    return {
      rate: rules.avBase,
      rule: documentary || small ? CEILING_RULES.avBaseDerogationPossible : CEILING_RULES.avBase,
    };
  if (documentary) return { rate: rules.avDocumentary, rule: CEILING_RULES.avDocumentary };
  if (small) return { rate: rules.avDerogation, rule: CEILING_RULES.avDerogation };
  return { rate: rules.avBase, rule: CEILING_RULES.avBase };
}

/** Tax-credit estimate: rate × eligible French expenses, capped; rounded to the cent. */
export function taxCreditEstimate(rate: Money, eligibleFrance: Money, cap: Money): Money {
  return Money.min(cap, roundCents(rate.times(eligibleFrance)));
}

export function isPublic(source: FinancingSource): boolean {
  return categoryByLabel(source.category)?.nature === PUBLIC;
}

/** The plan summary: total, balance against the devis, shares, intensity and its ceiling, tax credit. */
export function computeFinancing(sources: FinancingSource[], ctx: FinancingContext): FinancingResult {
  const total = sum(sources.map((s) => s.amount));
  const publicTotal = sum(sources.filter(isPublic).map((s) => s.amount));
  const acquired = sum(sources.filter((s) => s.status === SOURCE_STATUS.acquired).map((s) => s.amount));
  const usesCinemaTaxCredit = sources.some((s) => s.category === cinemaTaxCreditLabel());
  const { rate, rule } = applicableCeiling(
    ctx.format,
    ctx.firstOrSecondFilm,
    ctx.devisTotal,
    ctx.durationMinutes,
    usesCinemaTaxCredit,
    ctx.ceilings,
    ctx.avDerogationRequested ?? false,
  );
  const taxCredits = taxCreditCategoryLabels();
  const taxCreditInPlan = sum(sources.filter((s) => taxCredits.includes(s.category)).map((s) => s.amount));
  return {
    total,
    gap: total.minus(ctx.devisTotal),
    acquiredShare: total.isZero() ? ZERO : acquired.dividedBy(total),
    sourceCount: sources.filter((s) => s.amount.gt(0)).length,
    publicTotal,
    intensity: ctx.devisTotal.isZero() ? ZERO : publicTotal.dividedBy(ctx.devisTotal),
    ceiling: rate,
    ceilingRule: rule,
    taxCreditEstimate: taxCreditEstimate(ctx.taxCreditRate, ctx.eligibleFrance, ctx.taxCreditCap),
    taxCreditInPlan,
    rseCount: sources.filter((s) => s.rseBonus === true).length,
  };
}
