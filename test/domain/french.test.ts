import { agree, count, frenchSpacing, severityCounts } from '../../src/domain/text/french';

describe('French wording', () => {
  it('puts 0 and 1 in the singular, spaces thousands as French writes them', () => {
    expect(count(0, 'erreur')).toBe('0 erreur');
    expect(count(1, 'source')).toBe('1 source');
    expect(count(2, 'aide comparée', 'aides comparées')).toBe('2 aides comparées');
    expect(count(1200, 'poste')).toBe('1\u202f200 postes');
    expect(agree(1, 'affiché')).toBe('affiché');
    expect(agree(3, 'affiché')).toBe('affichés');
    expect(severityCounts({ erreur: 0, avertissement: 1, info: 2 })).toBe(
      '0 erreur, 1 avertissement, 2 infos',
    );
  });

  it('keeps a colon, a semicolon and guillemets on the line of their word', () => {
    expect(frenchSpacing('Total général : 2 953 096,16 € ; voir « Devis ».')).toBe(
      'Total général\u00a0: 2 953 096,16\u00a0€\u202f; voir «\u00a0Devis\u00a0».',
    );
    expect(frenchSpacing('Taux de 12,5 % pour 1200 kgCO2e')).toBe(
      'Taux de 12,5\u00a0% pour 1200\u00a0kgCO2e',
    );
    expect(frenchSpacing('Prêt ? Oui !')).toBe('Prêt\u202f? Oui\u202f!');
  });

  it('leaves a colon inside a word or a time, and spaces already right, as they are', () => {
    expect(frenchSpacing('Départ à 12:30, voir https://exemple.fr')).toBe(
      'Départ à 12:30, voir https://exemple.fr',
    );
    expect(frenchSpacing('Déjà\u00a0: bien')).toBe('Déjà\u00a0: bien');
    expect(frenchSpacing('Plafond (art. 2.12) : dépassé')).toBe('Plafond (art. 2.12)\u00a0: dépassé');
  });
});
