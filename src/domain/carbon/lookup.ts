import { looseForm, normaliseAlias } from '../text/looseForm';

export { looseForm, normaliseAlias };

/** One row of the edit-distance table, reused from call to call (grown when a word is longer). */
let row = new Int32Array(64);

/**
 * The edit distance between a and b, or any number above `limit` as soon as it must exceed it
 * (a row of the table whose smallest cell is over the limit ends the count).
 */
function levenshteinWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  const prev = row;
  for (let j = 0; j <= b.length; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    let least = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j] ?? 0;
      const v = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      prev[j] = v;
      if (v < least) least = v;
      diag = up;
    }
    if (least > limit) return limit + 1;
  }
  return prev[b.length] ?? 0;
}

/** A list of candidates prepared once: each with its loose form and its rank in locale order, by length. */
interface Prepared {
  byLength: Map<number, { c: string; l: string; rank: number }[]>;
  longest: number;
}

const PREPARED = new WeakMap<readonly string[], Prepared>();

function prepared(candidates: readonly string[]): Prepared {
  let known = PREPARED.get(candidates);
  if (!known) {
    const byLength = new Map<number, { c: string; l: string; rank: number }[]>();
    let longest = 0;
    [...new Set(candidates)]
      .sort((x, y) => x.localeCompare(y))
      .forEach((c, rank) => {
        const l = looseForm(c);
        byLength.set(l.length, [...(byLength.get(l.length) ?? []), { c, l, rank }]);
        longest = Math.max(longest, l.length);
      });
    known = { byLength, longest };
    PREPARED.set(candidates, known);
  }
  return known;
}

/**
 * Up to `n` candidates closest to `word` (edit distance on the loose form, a candidate containing
 * the word or contained in it two steps closer; ties in locale order). The candidates are visited
 * by how far their length is from the word's: the distance is at least that far, so the search
 * stops where no candidate left can enter, and a distance that cannot enter is not finished.
 */
export function closeMatches(word: string, candidates: readonly string[], n = 3): string[] {
  const w = looseForm(word);
  const { byLength, longest } = prepared(candidates);
  const best: { c: string; d: number; rank: number }[] = [];
  const before = (d: number, rank: number, x: { d: number; rank: number }): boolean =>
    d < x.d || (d === x.d && rank < x.rank);
  for (let gap = 0; gap <= Math.max(longest, w.length); gap += 1) {
    const last = best.length < n ? null : best[best.length - 1];
    // The closest a candidate this far in length can be: gap − 2 (with the containment bonus).
    if (last && gap - 2 > last.d) break;
    for (const len of gap === 0 ? [w.length] : [w.length - gap, w.length + gap]) {
      for (const { c, l, rank } of byLength.get(len) ?? []) {
        const worst = best.length < n ? null : best[best.length - 1];
        const bonus = l.includes(w) || w.includes(l) ? -2 : 0;
        // Enough to enter: at most worst.d (a tie enters only with a smaller rank).
        const limit = worst ? worst.d - bonus : w.length + l.length;
        if (limit < 0) continue;
        const d = levenshteinWithin(w, l, limit) + bonus;
        if (worst && !before(d, rank, worst)) continue;
        let k = best.length;
        while (k > 0 && before(d, rank, best[k - 1] ?? { d: 0, rank: 0 })) k -= 1;
        best.splice(k, 0, { c, d, rank });
        if (best.length > n) best.pop();
      }
    }
  }
  return best.map((x) => x.c);
}
