import examples from '../../../data/exemples/suivi.json';
import seuils from '../../../data/finance/suivi.json';
import type { ProductionFormat } from '../facts/facts';
import { Money, ZERO, formatAmount, formatPercent, roundCents, sum, toMoney } from '../money';
import type { Status } from '../budget/types';
import type { ExpenseTotals } from '../expenses/expenses';

/** Where a gap comes from: the production's own choices (interne) or outside it (externe). */
export const GAP_CAUSES = ['Interne', 'Externe'] as const;
export type GapCause = (typeof GAP_CAUSES)[number];

/** What the user enters per devis line in the Suivi budgétaire. */
export interface FollowUpLineInput {
  code: string;
  /** Reste à engager; absent: the devis not yet committed (devis − engagé, never below zero). */
  remaining?: Money;
  cause?: GapCause;
  explanation?: string;
}

export interface FollowUpInput {
  /** ISO day the situation is drawn up at ("Situation au"), or null. */
  situationDate: string | null;
  /** The arbitrage proposed when the estimated final cost is above the devis (cpacp C21). */
  arbitrage: string;
  lines: FollowUpLineInput[];
}

/** An écart must be explained at or above both thresholds (Paramètres): a share of its line and an amount. */
export interface GapThresholds {
  rate: Money;
  amount: Money;
}

/**
 * An écart (estimé final − devis) to explain: at or above the amount and, unless the devis is
 * zero, at or above the share of its line. The follow-up, its rule and the closing rule use it.
 */
export function beyondThresholds(gap: Money, devis: Money, t: GapThresholds): boolean {
  return gap.abs().gte(t.amount) && (devis.isZero() || gap.dividedBy(devis).abs().gte(t.rate));
}

/** An écart in a message's words: "+3 500,00", "+16,7 %" (or "devis nul"), "10 % et 1 000,00 €". */
export function gapWords(
  gap: Money,
  devis: Money,
  t: GapThresholds,
): { gap: string; share: string; thresholds: string } {
  const sign = (m: Money): string => (m.gt(0) ? '+' : '');
  const share = devis.isZero() ? null : gap.dividedBy(devis);
  return {
    gap: `${sign(gap)}${formatAmount(gap)}`,
    share: share === null ? 'devis nul' : `${sign(share)}${formatPercent(share)}`,
    thresholds: `${formatPercent(t.rate, 0)} et ${formatAmount(t.amount)} €`,
  };
}

/** A costed devis line, as the Devis wrote it. */
export interface FollowUpDevisLine {
  chapter: string;
  code: string;
  label: string;
  amount: Money;
  /** A pay line's status. */
  status?: Status;
  /** A charges line: the status whose pay it is charged on, and the Devis's rate for it. */
  charges?: { status: Status; rate: Money };
}

/**
 * What a charges line comes to at completion: its devis, plus its rate on what the pay of its
 * status moves (estimé final − devis of each line of that status, overruns and savings alike),
 * rounded to the cent. Charges follow the salaries: a pay overrun raises its charges.
 */
export function chargesAtCompletion(
  charges: { status: Status; rate: Money },
  devis: Money,
  payLines: readonly { status?: Status; amount: Money; final: Money }[],
): Money {
  const moved = sum(payLines.filter((l) => l.status === charges.status).map((l) => l.final.minus(l.amount)));
  return devis.plus(roundCents(moved.times(charges.rate)));
}

export interface FollowUpLine extends FollowUpDevisLine {
  engaged: Money;
  paid: Money;
  remaining: Money;
  /** Estimé final: engagé (which includes what is paid) + reste à engager. */
  final: Money;
  /** Estimé final − devis: above zero, an overrun. */
  gap: Money;
  /** Écart / devis, null when the devis is zero. */
  gapRate: Money | null;
  cause: GapCause | null;
  explanation: string;
  /** At or above the thresholds: needs a cause and an explanation. */
  flagged: boolean;
  /** 1 for the largest overrun, ties in line order; null for a line not over its devis. */
  rank: number | null;
}

export interface FollowUpResult {
  lines: FollowUpLine[];
  devis: Money;
  engaged: Money;
  paid: Money;
  remaining: Money;
  final: Money;
  /** Sum of the lines' écarts: what the imprévus must absorb when above zero. */
  gap: Money;
}

/** The follow-up of every costed line, exact to the cent: what the sheet's formulas compute. */
export function computeFollowUp(
  devisLines: readonly FollowUpDevisLine[],
  expenses: ExpenseTotals,
  input: FollowUpInput,
  thresholds: GapThresholds,
): FollowUpResult {
  const entered = new Map(input.lines.map((l) => [l.code, l]));
  // Pay and other lines first: the charges lines follow what their pay comes to.
  const line = (d: FollowUpDevisLine, expected: Money): FollowUpLine => {
    const e = expenses.byCode.get(d.code) ?? { engaged: ZERO, paid: ZERO };
    const u = entered.get(d.code);
    const remaining = u?.remaining ?? Money.max(expected.minus(e.engaged), ZERO);
    const final = e.engaged.plus(remaining);
    const gap = final.minus(d.amount);
    const gapRate = d.amount.isZero() ? null : gap.dividedBy(d.amount);
    const flagged = beyondThresholds(gap, d.amount, thresholds);
    return {
      ...d,
      engaged: e.engaged,
      paid: e.paid,
      remaining,
      final,
      gap,
      gapRate,
      cause: u?.cause ?? null,
      explanation: u?.explanation ?? '',
      flagged,
      rank: null,
    };
  };
  const firstPass = devisLines.map((d) => (d.charges ? null : line(d, d.amount)));
  const pay = devisLines.flatMap((d, i) => {
    const l = firstPass[i];
    return l ? [{ status: d.status, amount: d.amount, final: l.final }] : [];
  });
  const lines = devisLines.map(
    (d, i) => firstPass[i] ?? line(d, d.charges ? chargesAtCompletion(d.charges, d.amount, pay) : d.amount),
  );
  // Rank of each overrun, as the sheet counts it: larger ones, then equal ones above it.
  lines.forEach((l, i) => {
    if (!l.gap.gt(0)) return;
    const larger = lines.filter((o) => o.gap.gt(l.gap)).length;
    const equalAbove = lines.slice(0, i + 1).filter((o) => o.gap.eq(l.gap)).length;
    l.rank = larger + equalAbove;
  });
  return {
    lines,
    devis: sum(lines.map((l) => l.amount)),
    engaged: sum(lines.map((l) => l.engaged)),
    paid: sum(lines.map((l) => l.paid)),
    remaining: sum(lines.map((l) => l.remaining)),
    final: sum(lines.map((l) => l.final)),
    gap: sum(lines.map((l) => l.gap)),
  };
}

/** Share of the schedule elapsed at a date, from the start of preparation to delivery (0 to 1). */
export function scheduleElapsed(at: Date | null, start: Date | null, end: Date | null): Money | null {
  if (!at || !start || !end) return null;
  const day = (d: Date): number => Math.round(d.getTime() / 86_400_000);
  const span = day(end) - day(start);
  if (span <= 0) return null;
  const share = new Money(day(at) - day(start)).dividedBy(span);
  return Money.min(Money.max(share, ZERO), new Money(1));
}

interface ExampleFollowUp {
  situationDate: string | null;
  arbitrage: string;
  lines: { code: string; remaining?: string; cause?: string; explanation?: string }[];
}

const isCause = (v: string): v is GapCause => (GAP_CAUSES as readonly string[]).includes(v);

/** The example's follow-up entries for a format (data/exemples/suivi.json); none where it has none. */
export function exampleFollowUp(format: ProductionFormat): FollowUpInput {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleFollowUp>>)[format];
  if (!e) return { situationDate: null, arbitrage: '', lines: [] };
  return {
    situationDate: e.situationDate,
    arbitrage: e.arbitrage,
    lines: e.lines.map((l) => {
      if (l.cause !== undefined && !isCause(l.cause))
        throw new Error(`Suivi d’exemple ${l.code} : cause inconnue « ${l.cause} »`);
      return {
        code: l.code,
        ...(l.remaining !== undefined ? { remaining: toMoney(l.remaining) } : {}),
        ...(l.cause !== undefined && isCause(l.cause) ? { cause: l.cause } : {}),
        ...(l.explanation !== undefined ? { explanation: l.explanation } : {}),
      };
    }),
  };
}

/** The note the example's follow-up carries (fictitious figures). */
export const FOLLOWUP_EXAMPLE_NOTE: string = examples.note;

/** The default thresholds of an écart to explain, with their sources (data/finance/suivi.json). */
export function gapThresholdDefaults(): GapThresholds & { rateSource: string; amountSource: string } {
  return {
    rate: toMoney(seuils.gapRate.value),
    amount: toMoney(seuils.gapAmount.value),
    rateSource: seuils.gapRate.source,
    amountSource: seuils.gapAmount.source,
  };
}
