import { Money, ZERO, roundCents, sum } from '../money';

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of `unit`, summing exactly
 * to `total` (largest-remainder method; ties go to the earlier part). Used to turn phase weights
 * into monthly percentages in basis points (unit 0.0001) and amounts into cents (unit 0.01).
 */
export function allocateLargestRemainder(total: Money, weights: readonly Money[], unit: Money): Money[] {
  const wSum = sum([...weights]);
  if (weights.length === 0) return [];
  if (wSum.isZero()) throw new Error('allocateLargestRemainder : la somme des poids est nulle');
  const units = total.dividedBy(unit);
  if (!units.isInteger())
    throw new Error(
      `allocateLargestRemainder : ${total.toFixed()} n'est pas un multiple de ${unit.toFixed()}`,
    );
  const exact = weights.map((w) => units.times(w).dividedBy(wSum));
  const floors = exact.map((e) => e.floor());
  let leftover = units.minus(sum(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, r: e.minus(e.floor()) }))
    .sort((a, b) => (b.r.comparedTo(a.r) !== 0 ? b.r.comparedTo(a.r) : a.i - b.i));
  const parts = floors.slice();
  for (const { i } of order) {
    if (leftover <= 0) break;
    parts[i] = (parts[i] ?? ZERO).plus(1);
    leftover -= 1;
  }
  return parts.map((p) => p.times(unit));
}

/**
 * Spreads an amount over periods by cumulative rounding to the cent:
 * part k = round(amount × (s₁+…+s_k)) − round(amount × (s₁+…+s_{k−1})).
 * The parts sum to round(amount × Σs) — the amount itself when the shares sum to 1 — and each
 * part is within one cent of its exact share. It is the rule the Trésorerie formulas compute
 * (`ROUND(amount*SUM(first:k),2)-ROUND(amount*SUM(first:k-1),2)`), so Excel, LibreOffice and the
 * domain agree to the cent.
 */
export function allocateCumulative(amount: Money, shares: readonly Money[]): Money[] {
  const parts: Money[] = [];
  let cum = ZERO;
  let previous = ZERO;
  for (const s of shares) {
    cum = cum.plus(s);
    const rounded = roundCents(amount.times(cum));
    parts.push(rounded.minus(previous));
    previous = rounded;
  }
  return parts;
}
