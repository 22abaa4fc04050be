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

/** For each char code, the positions where it occurs in the word of Myers' count (bit i: char i). */
const positions = new Int32Array(65_536);

/**
 * Myers' bit-parallel edit distance (Hyyrö's formulation) between `word`, at most 32 chars, and
 * `other`: one pass over `other` with the word's columns held as the bits of two integers. The
 * word's positions must be in `positions` (see `withPositions`).
 */
function myersDistance(word: string, other: string): number {
  const n = word.length;
  if (n === 0) return other.length;
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = 0; i < other.length; i += 1) {
    let eq = positions[other.charCodeAt(i)] ?? 0;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score += 1;
    if (pv & last) score -= 1;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  return score;
}

/** Runs `count` with the word's positions set for Myers' count, and clears them after. */
function withPositions<T>(word: string, count: () => T): T {
  for (let i = 0; i < word.length; i += 1)
    positions[word.charCodeAt(i)] = (positions[word.charCodeAt(i)] ?? 0) | (1 << i);
  try {
    return count();
  } finally {
    for (let i = 0; i < word.length; i += 1) positions[word.charCodeAt(i)] = 0;
  }
}

/** The edit distance between two words (Myers' count when one has at most 32 chars). */
export function editDistance(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length > 32) return levenshteinWithin(a, b, a.length + b.length);
  return withPositions(short, () => myersDistance(short, long));
}

/** A list of candidates prepared once: each with its loose form and its rank in locale order. */
interface Prepared {
  items: { c: string; l: string; rank: number }[];
  /** The candidates' loose forms, in the same order. */
  looses: string[];
  /** Each candidate's distinct char codes and their counts, end to end; `from[at]` where each starts. */
  chars: Int32Array;
  counts: Int32Array;
  from: Int32Array;
}

const PREPARED = new WeakMap<readonly string[], Prepared>();

function prepared(candidates: readonly string[]): Prepared {
  let known = PREPARED.get(candidates);
  if (!known) {
    const items = [...new Set(candidates)]
      .sort((x, y) => x.localeCompare(y))
      .map((c, rank) => ({ c, l: looseForm(c), rank }));
    const tallies = items.map(({ l }) => {
      const tally = new Map<number, number>();
      for (let i = 0; i < l.length; i += 1) tally.set(l.charCodeAt(i), (tally.get(l.charCodeAt(i)) ?? 0) + 1);
      return tally;
    });
    const size = tallies.reduce((n, t) => n + t.size, 0);
    const chars = new Int32Array(size);
    const counts = new Int32Array(size);
    const from = new Int32Array(items.length + 1);
    let k = 0;
    tallies.forEach((tally, at) => {
      from[at] = k;
      for (const [code, count] of tally) {
        chars[k] = code;
        counts[k] = count;
        k += 1;
      }
    });
    from[items.length] = k;
    known = { items, looses: items.map((x) => x.l), chars, counts, from };
    PREPARED.set(candidates, known);
  }
  return known;
}

/** How often each char code occurs in the word being matched (zeroed again after each call). */
const inWord = new Int32Array(65_536);
/** Each candidate's lower bound, then the candidates in order of it; reused from call to call. */
let bounds = new Int32Array(256);
let order = new Int32Array(256);
/** Whether each candidate contains the word or is contained in it (the bonus of two steps). */
let within = new Uint8Array(256);
let starts = new Int32Array(64);

/**
 * Up to `n` candidates closest to `word` (edit distance on the loose form, a candidate containing
 * the word or contained in it two steps closer; ties in locale order). Each candidate first gets a
 * lower bound of its distance — the chars one word has beyond the other, since an edit changes
 * at most one char of either — and the candidates are measured from the lowest bound up (Myers'
 * bit-parallel count): the search stops where no candidate left can enter.
 */
export function closeMatches(word: string, candidates: readonly string[], n = 3): string[] {
  return closeMatchesOfLoose(looseForm(word), candidates, n);
}

/** As closeMatches, for a word already in its loose form (a caller that folded it once). */
export function closeMatchesOfLoose(w: string, candidates: readonly string[], n = 3): string[] {
  const { items, looses, chars, counts, from } = prepared(candidates);
  const total = items.length;
  if (bounds.length < total) {
    bounds = new Int32Array(total * 2);
    order = new Int32Array(total * 2);
    within = new Uint8Array(total * 2);
  }
  const wl = w.length;
  for (let i = 0; i < wl; i += 1) inWord[w.charCodeAt(i)] = (inWord[w.charCodeAt(i)] ?? 0) + 1;
  let highest = 0;
  let k = 0;
  for (let at = 0; at < total; at += 1) {
    const l = looses[at] ?? '';
    const end = from[at + 1] ?? 0;
    let common = 0;
    for (; k < end; k += 1) {
      const here = inWord[chars[k] ?? 0] ?? 0;
      const there = counts[k] ?? 0;
      common += here < there ? here : there;
    }
    const ll = l.length;
    // One contains the other only if every char of the shorter is in the longer: test it then.
    const inside = common === (ll < wl ? ll : wl) && (ll >= wl ? l.includes(w) : w.includes(l));
    within[at] = inside ? 1 : 0;
    // Shifted by 2 so that the bonus keeps it ≥ 0: bound − 2 is the least the score can be.
    const bound = (ll > wl ? ll : wl) - common + (inside ? 0 : 2);
    bounds[at] = bound;
    if (bound > highest) highest = bound;
  }
  for (let i = 0; i < w.length; i += 1) inWord[w.charCodeAt(i)] = 0;
  // Counting sort by bound, keeping locale order within a bound.
  if (starts.length < highest + 2) starts = new Int32Array(highest * 2 + 2);
  starts.fill(0, 0, highest + 2);
  for (let at = 0; at < total; at += 1)
    starts[(bounds[at] ?? 0) + 1] = (starts[(bounds[at] ?? 0) + 1] ?? 0) + 1;
  for (let b = 1; b <= highest + 1; b += 1) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
  for (let at = 0; at < total; at += 1) {
    const b = bounds[at] ?? 0;
    order[starts[b] ?? 0] = at;
    starts[b] = (starts[b] ?? 0) + 1;
  }
  const best: { c: string; d: number; rank: number }[] = [];
  const before = (d: number, rank: number, x: { d: number; rank: number }): boolean =>
    d < x.d || (d === x.d && rank < x.rank);
  const measure = (l: string): number => (w.length <= 32 ? myersDistance(w, l) : editDistance(w, l));
  const run = (): void => {
    for (let i = 0; i < total; i += 1) {
      const at = order[i] ?? 0;
      const worst = best.length < n ? null : best[best.length - 1];
      // No candidate left can enter: its score is at least its bound − 2.
      if (worst && (bounds[at] ?? 0) - 2 > worst.d) break;
      const item = items[at];
      if (!item) continue;
      const { c, l, rank } = item;
      const d = measure(l) - 2 * (within[at] ?? 0);
      if (worst && !before(d, rank, worst)) continue;
      let k = best.length;
      while (k > 0 && before(d, rank, best[k - 1] ?? { d: 0, rank: 0 })) k -= 1;
      best.splice(k, 0, { c, d, rank });
      if (best.length > n) best.pop();
    }
  };
  if (w.length <= 32) withPositions(w, run);
  else run();
  return best.map((x) => x.c);
}
