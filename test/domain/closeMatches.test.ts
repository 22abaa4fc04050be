import fc from 'fast-check';
import { transportModeNames } from '../../src/domain/carbon/compute';
import { closeMatches, looseForm } from '../../src/domain/carbon/lookup';

/*
 * The suggestions for a misspelt word: the n candidates closest by edit distance on the loose form
 * (a candidate containing the word, or contained in it, two steps closer), ties in locale order.
 * The bounded search must give exactly what the plain one, written here as its definition, gives.
 */
function plainDistance(a: string, b: string): number {
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

function definition(word: string, candidates: readonly string[], n = 3): string[] {
  const w = looseForm(word);
  return [...new Set(candidates)]
    .map((c) => {
      const l = looseForm(c);
      return { c, d: plainDistance(w, l) + (l.includes(w) || w.includes(l) ? -2 : 0) };
    })
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map((x) => x.c);
}

const names = transportModeNames();

it('suggests the closest modes for a few known typos', () => {
  expect(closeMatches('tgvv', names)).toEqual(definition('tgvv', names));
  expect(closeMatches('tgvv', names)[0]).toBe('tgv');
  expect(closeMatches('avoin', names)).toEqual(definition('avoin', names));
});

it('gives what the plain definition gives, for any word and any list', () => {
  const word = fc.stringMatching(/^[a-zéè .-]{0,14}$/);
  fc.assert(
    fc.property(word, fc.integer({ min: 1, max: 5 }), (w, n) => {
      expect(closeMatches(w, names, n)).toEqual(definition(w, names, n));
    }),
    { numRuns: 400, seed: 5 },
  );
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 12 }), (w, list) => {
      expect(closeMatches(w, list)).toEqual(definition(w, list));
    }),
    { numRuns: 400, seed: 6 },
  );
});
