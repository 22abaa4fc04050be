import { chargeRate, lineSplit, taxCreditShare } from '../budget/compute';
import type { BudgetInput, LineInput } from '../budget/types';
import type { ExpenseInput } from '../expenses/expenses';
import { Money, ZERO, roundCents, sum } from '../money';
import type { FollowUpLine } from './followup';

/**
 * One line of the coût définitif as the CNC asks it (Code du cinéma art. D331-14, CGI art. 220 F):
 * its final cost, the part spent abroad and in France, and what of it is eligible to the tax
 * credit, with the compulsory charges on that eligible pay.
 */
export interface DefinitiveLine {
  chapter: string;
  code: string;
  label: string;
  final: Money;
  /**
   * Spent abroad: the pieces of the Dépenses marked « Étranger », plus what is still to engage
   * at the devis's foreign share of the line.
   */
  foreign: Money;
  france: Money;
  /** The devis's eligible share of the line (0 for a charges line: its charges count with the pay). */
  share: Money;
  /** French spend × share, to the cent. */
  eligible: Money;
  /** The line's employer charges at its status's rate, × share, to the cent (they sit in the charges chapter). */
  eligibleCharges: Money;
}

/** The devis lines by code, with their chapter. */
function devisLines(budget: BudgetInput): Map<string, { chapter: string; line: LineInput }> {
  const out = new Map<string, { chapter: string; line: LineInput }>();
  for (const ch of budget.chapters)
    for (const item of ch.items) {
      const lines = item.kind === 'group' ? item.lines : item.kind === 'line' ? [item] : [];
      for (const line of lines) out.set(line.code, { chapter: ch.code, line });
    }
  return out;
}

/**
 * The coût définitif line by line, as the Bilan financier's formulas compute it: abroad =
 * ROUND(pieces abroad + (estimé final − engagé) × devis abroad / devis, 2); France = final −
 * abroad; eligible = ROUND(France × share, 2); eligible charges = ROUND(ROUND(final × rate, 2) ×
 * share, 2).
 */
export function definitiveLines(
  budget: BudgetInput,
  lines: readonly FollowUpLine[],
  expenses: readonly ExpenseInput[],
): DefinitiveLine[] {
  const devis = devisLines(budget);
  return lines.map((l) => {
    const d = l.charges ? undefined : devis.get(l.code);
    const split = d ? lineSplit(d.line) : null;
    const abroadPieces = sum(
      expenses.filter((e) => e.code === l.code && e.place === 'Étranger').map((e) => e.ht),
    );
    const toCome = l.final.minus(l.engaged);
    const foreignShare = split && !split.amount.isZero() ? split.foreign.dividedBy(split.amount) : ZERO;
    const foreign = roundCents(abroadPieces.plus(toCome.times(foreignShare)));
    const france = l.final.minus(foreign);
    const share = d ? taxCreditShare(budget, d.chapter, d.line) : ZERO;
    const rate = d?.line.status ? chargeRate(budget, d.line.status) : ZERO;
    return {
      chapter: l.chapter,
      code: l.code,
      label: l.label,
      final: l.final,
      foreign,
      france,
      share,
      eligible: roundCents(france.times(share)),
      eligibleCharges: roundCents(roundCents(l.final.times(rate)).times(share)),
    };
  });
}

/** The tax credit on the coût définitif: rate × eligible base, to the cent, within its cap. */
export function definitiveTaxCredit(base: Money, rate: Money, cap: Money): Money {
  return Money.min(cap, roundCents(rate.times(base)));
}
