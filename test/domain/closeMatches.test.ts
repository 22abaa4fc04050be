import fc from 'fast-check';
import { transportModeNames } from '../../src/domain/carbon/compute';
import { closeMatches, editDistance, looseForm } from '../../src/domain/carbon/lookup';

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

it('counts the edit distance as the plain table does, words of up to 32 chars and beyond', () => {
  const word = fc.stringMatching(/^[a-e é]{0,40}$/);
  fc.assert(
    fc.property(word, word, (a, b) => {
      expect(editDistance(a, b)).toBe(plainDistance(a, b));
    }),
    { numRuns: 1000, seed: 7 },
  );
  expect(editDistance('train tgv', 'trian tgv')).toBe(2);
  expect(editDistance('a'.repeat(32), 'b'.repeat(32))).toBe(32);
  expect(editDistance('a'.repeat(40), 'a'.repeat(33))).toBe(7);
});

it('gives what the plain definition gives for typos of the real mode names (one to three edits)', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz .-';
  const typo = fc
    .tuple(
      fc.constantFrom(...names),
      fc.array(fc.tuple(fc.nat(40), fc.nat(letters.length - 1), fc.nat(2)), { minLength: 1, maxLength: 3 }),
    )
    .map(([name, edits]) =>
      edits.reduce((w, [at, letter, kind]) => {
        const i = at % (w.length + 1);
        const ch = letters[letter] ?? 'a';
        if (kind === 0) return w.slice(0, i) + ch + w.slice(i + 1);
        if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
        return w.slice(0, i) + ch + w.slice(i);
      }, name),
    );
  fc.assert(
    fc.property(typo, fc.integer({ min: 1, max: 5 }), (w, n) => {
      expect(closeMatches(w, names, n)).toEqual(definition(w, names, n));
    }),
    { numRuns: 1500, seed: 8 },
  );
});
