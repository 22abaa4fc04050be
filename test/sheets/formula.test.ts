import fc from 'fast-check';
import { namesUsed, relativeForm, rowKey, singleRangeTotal, tokenize } from '../../src/sheets/model/formula';
import { regexTokenize } from '../support/regexTokenizer';

describe('the formula tokenizer (one pass over character codes)', () => {
  it('reads each kind of token', () => {
    expect(tokenize('=SUM(\'Devis (V2)\'!$B$7:B9;Feuil1!A:C;3:$7)+Taux_FG*1.5E-2&"a""b"+#REF!')).toEqual([
      { kind: 'function', text: 'SUM' },
      { kind: 'other', text: '(' },
      { kind: 'sheet', text: "'Devis (V2)'!", sheet: 'Devis (V2)' },
      { kind: 'cell', text: '$B$7', col: 2, row: 7, colAbs: true, rowAbs: true },
      { kind: 'other', text: ':' },
      { kind: 'cell', text: 'B9', col: 2, row: 9, colAbs: false, rowAbs: false },
      { kind: 'other', text: ';' },
      { kind: 'sheet', text: 'Feuil1!', sheet: 'Feuil1' },
      { kind: 'cols', text: 'A:C', c1: 1, c2: 3, abs1: false, abs2: false },
      { kind: 'other', text: ';' },
      { kind: 'rows', text: '3:$7', r1: 3, r2: 7, abs1: false, abs2: true },
      { kind: 'other', text: ')' },
      { kind: 'other', text: '+' },
      { kind: 'name', text: 'Taux_FG' },
      { kind: 'other', text: '*' },
      { kind: 'other', text: '1.5E-2' },
      { kind: 'other', text: '&' },
      { kind: 'string', text: '"a""b"' },
      { kind: 'other', text: '+' },
      { kind: 'error', text: '#REF!' },
    ]);
  });

  it('tells a cell from a longer name, a function and a column beyond XFD', () => {
    const kinds = (f: string): string[] => tokenize(f).map((t) => `${t.kind}:${t.text}`);
    expect(kinds('A1B+LOG10(2)+XFE1+XFD1048576+A1048577')).toEqual([
      'name:A1B',
      'other:+',
      'function:LOG10',
      'other:(',
      'other:2',
      'other:)',
      'other:+',
      'name:XFE1',
      'other:+',
      'cell:XFD1048576',
      'other:+',
      'name:A1048577',
    ]);
    expect(kinds('TRUE+vrai+Table1[[#Totals],[Montant]]')).toEqual([
      'other:TRUE',
      'other:+',
      'name:vrai',
      'other:+',
      'name:Table1',
      'bracket:[[#Totals],[Montant]]',
    ]);
  });

  // The scanner must split every formula exactly as the first, regex-based tokenizer did: the
  // inconsistent-formula check, the shared-formula expansion and the names check all rest on it.
  const pieces = fc.constantFrom(
    'A1',
    '$B$7',
    'b$12',
    'XFD1',
    'XFE2',
    'AB',
    'ABCD',
    '1',
    '12',
    '1.5',
    '1.',
    '2e+3',
    '3E',
    ':',
    '$',
    '!',
    "'",
    "''",
    '"',
    '""',
    '[',
    ']',
    '#REF!',
    '#N/A',
    '#',
    'SUM',
    '(',
    ')',
    ' ',
    ';',
    ',',
    '+',
    '*',
    '.',
    '_',
    '\\',
    'é',
    'Feuil1',
    'Dépenses',
    'TRUE',
    'x',
    'R1C1',
    '&',
    '%',
    '\u{1F600}',
    '1048577',
    '0',
  );
  it('splits random formulas exactly as the regex tokenizer did', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), fc.boolean(), (parts, eq) => {
        const f = (eq ? '=' : '') + parts.join('');
        expect(tokenize(f)).toEqual(regexTokenize(f));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('gives the forms, names and totals the checks compare', () => {
    expect(relativeForm('=B5*C5', 5, 4)).toBe('R[0]C[-2]*R[0]C[-1]');
    expect(relativeForm('=b6 * c6', 6, 4)).toBe('R[0]C[-2]*R[0]C[-1]');
    expect(namesUsed("=Taux_FG*'Paramètres'!Plafond+Devis_Total")).toEqual([
      { name: 'Taux_FG', sheet: null },
      { name: 'Plafond', sheet: 'Paramètres' },
      { name: 'Devis_Total', sheet: null },
    ]);
    expect(singleRangeTotal('=SUBTOTAL(109;F7:F12)')).toEqual({
      r1: 7,
      c1: 6,
      r2: 12,
      c2: 6,
      fn: 'SUBTOTAL',
    });
    expect(singleRangeTotal('=SUM(F7:F12)+1')).toBeNull();
  });

  it('keys a filled-down formula by its own row, and never gives two forms one key', () => {
    expect(rowKey('=B12*C12+$D$12+Taux12', 12)).toBe('=B#*C#+$D$12+Taux12');
    expect(rowKey('=B13*C13+$D$12+Taux12', 13)).toBe('=B#*C#+$D$12+Taux12');
    expect(rowKey('="A5"&\'Q5\'!A5&LOG5(2)&XFE5', 5)).toBe('="A5"&\'Q5\'!A#&LOG5(2)&XFE5');
    expect(rowKey('=Table1[[#This Row],[A5]]', 5)).toBeNull();
    // Two formulas at two rows of one column: the same key must mean the same relative form.
    const own = (r: number): string => String(r);
    const part = fc.constantFrom<(r: number) => string>(
      (r) => `B${own(r)}`,
      (r) => `$B${own(r)}`,
      (r) => `B$${own(r)}`,
      () => '$B$7',
      () => 'B7',
      (r) => `Taux${own(r)}`,
      (r) => `XFE${own(r)}`,
      (r) => `LOG${own(r)}(2)`,
      (r) => `"A${own(r)}"`,
      (r) => `'Q${own(r)}'!A1`,
      (r) => `Feuil1!C${own(r)}`,
      (r) => `${own(r)}:${own(r)}`,
      (r) => `A${own(r)}B`,
      () => '+',
      () => '*',
      () => ';',
      () => '1E7',
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 6 }),
        fc.array(part, { maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (a, b, r1, r2) => {
          const f1 = `=${a.map((x) => x(r1)).join('')}`;
          const f2 = `=${b.map((x) => x(r2)).join('')}`;
          const k1 = rowKey(f1, r1);
          if (k1 === null || k1 !== rowKey(f2, r2)) return;
          expect(relativeForm(f2, r2, 4)).toBe(relativeForm(f1, r1, 4));
        },
      ),
      { numRuns: 5000, seed: 28 },
    );
  });
});
