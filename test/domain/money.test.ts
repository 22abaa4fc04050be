import {
  Money,
  formatEuros,
  parseAmount,
  roundCents,
  sum,
  toMoney,
  readAmountField,
} from '../../src/domain/money';

describe('parseAmount', () => {
  it.each([
    [1234.56, '1234.56', false],
    ['1 234,56 €', '1234.56', true],
    ['1\u202f234,56\u00a0€', '1234.56', true],
    ['1.234,56', '1234.56', true],
    ['1,234.56', '1234.56', true],
    ['12,5 %', '0.125', true],
    ['-42', '-42', true],
  ])('reads %p as %s', (raw, expected, wasText) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.toFixed()).toBe(expected);
      expect(r.wasText).toBe(wasText);
    }
  });

  it.each([
    ['#REF!', 'erreur-excel'],
    ['#DIV/0!', 'erreur-excel'],
    [{ error: '#N/A' }, 'erreur-excel'],
    ['douze', 'texte-non-numerique'],
    ['12 jours', 'texte-non-numerique'],
    ['', 'vide'],
    [null, 'vide'],
  ])('refuses %p (%s), never a silent zero', (raw, reason) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe('money', () => {
  it('rounds half-up to the cent', () => {
    expect(roundCents(new Money('2.675')).toFixed(2)).toBe('2.68');
    expect(roundCents(new Money('2.665')).toFixed(2)).toBe('2.67');
    expect(roundCents(new Money('-0.005')).toFixed(2)).toBe('-0.01');
  });

  it('sums exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([toMoney('0.1'), toMoney('0.2')]).toFixed()).toBe('0.3');
  });

  it('formats euros the French way', () => {
    expect(formatEuros(new Money('2953096.16'))).toBe('2\u202f953\u202f096,16\u00a0€');
    expect(formatEuros(new Money('-5'))).toBe('-5,00\u00a0€');
  });
});

describe('readAmountField (the pane’s amount fields)', () => {
  it.each([
    ['1 234,56 €', '1234.56', '= 1\u202f234,56\u00a0€'],
    ['150000', '150000', '= 150\u202f000,00\u00a0€'],
    ['1.234,5', '1234.5', '= 1\u202f234,50\u00a0€'],
  ])('reads « %s » as %s', (typed, value, reads) => {
    const r = readAmountField(typed);
    expect(r.ok && [r.value.toString(), r.reads]).toEqual([value, reads]);
  });
  it.each([
    ['12,5 %', 'Un montant en euros est attendu, pas un pourcentage.'],
    ['1 234,567', 'Deux décimales au plus : un montant s’arrête aux centimes.'],
    ['0', 'Le montant doit être positif.'],
    ['-5', 'Le montant doit être positif.'],
    ['  ', 'Indiquez le montant, par exemple 150 000 €.'],
    ['abc', 'Un nombre est attendu, par exemple 150 000 €.'],
  ])('refuses « %s »', (typed, message) => {
    expect(readAmountField(typed)).toEqual({ ok: false, message });
  });
});
