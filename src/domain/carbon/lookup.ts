import { looseForm, normaliseAlias } from '../text/looseForm';

export { looseForm, normaliseAlias };

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** Up to `n` candidates closest to `word` (edit distance on the loose form, then shared prefix). */
export function closeMatches(word: string, candidates: readonly string[], n = 3): string[] {
  const w = looseForm(word);
  return [...new Set(candidates)]
    .map((c) => {
      const l = looseForm(c);
      const contains = l.includes(w) || w.includes(l) ? -2 : 0;
      return { c, d: levenshtein(w, l) + contains };
    })
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map((x) => x.c);
}
