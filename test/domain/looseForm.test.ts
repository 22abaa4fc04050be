import { looseForm, normaliseAlias } from '../../src/domain/text/looseForm';

describe('loose form of a word', () => {
  it('takes accents off, lowers the case, unifies dashes, spaces and punctuation', () => {
    expect(normaliseAlias('  Décors – Costumes ')).toBe('decors - costumes');
    expect(looseForm('TOTAL GÉNÉRAL')).toBe('total general');
    expect(looseForm('Frais\u00a0généraux')).toBe('frais generaux');
    expect(looseForm('train.tgv')).toBe('train tgv');
    expect(looseForm('Équipe_technique / Régie')).toBe('equipe technique regie');
  });

  it('gives plain ASCII the same form as before, without decomposing it', () => {
    // The form the decomposition would give, for every printable ASCII character and a few words.
    const slow = (t: string): string =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/[._\-/]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    for (const t of [ascii, 'Acct # 1100 - Story Rights', '10001', 'Sub-Total  FG/IMP', 'Ligne 2.4.1'])
      expect(looseForm(t)).toBe(slow(t));
  });
});
