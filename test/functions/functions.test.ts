import { FakeCustomFunctionError, installCustomFunctions } from '../support/customFunctions';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

beforeAll(installCustomFunctions);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = () => require('../../src/functions/functions') as typeof import('../../src/functions/functions');

/** The Excel error a call gives: [code, message]. */
function excelError(call: () => unknown): [string, string] {
  try {
    call();
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return [e.code, e.message];
    throw e;
  }
  throw new Error('no error');
}

describe('CNC.*', () => {
  it.each([
    ['2.4.1', undefined, 'Personnel'],
    ['31', '2018', 'Équipe artistique'],
    ['10.b', 'audiovisuel', 'Imprévus, frais généraux, production déléguée'],
  ])('CNC.CHAPITRE(%p; %p) = %p', (code, nom, label) =>
    expect(F().cncChapitreFunction(code, nom)).toBe(label),
  );

  it.each([
    ['3', true],
    ['2.4.9', true],
    ['10', false],
    ['abc', false],
  ])('CNC.VALIDE(%p) = %p', (code, valid) => expect(F().cncValideFunction(code)).toBe(valid));

  const codes = [['2'], ['2.1'], ['2.1.1'], ['2.10'], ['2.10.1'], ['3.1'], ['21'], ['']];
  const amounts = [[null], [100], [200], [1000], [2000], [5], [7], [9]];
  it.each([
    ['2', 3300],
    ['2.1', 300],
    ['2.10', 3000],
    ['3', 5],
  ])('CNC.TOTAL(%p) separates 2.1 from 2.10: %p', (code, total) =>
    expect(F().cncTotalFunction(code, codes, amounts)).toBe(total),
  );

  it('CNC.TOTAL on 2018 codes sums by digit prefix', () => {
    expect(F().cncTotalFunction('21', [['21'], ['211'], ['2111'], ['22']], [[1], [2], [4], [8]])).toBe(7);
  });

  it('CNC.TOTAL refuses a French-formatted amount typed as text, naming the cell', () => {
    expect(excelError(() => F().cncTotalFunction('2', [['2.1'], ['2.2']], [[1], ['1 234,56 €']]))).toEqual([
      '#VALUE!',
      'Montant saisi comme texte à la 2e cellule (code 2.2) : « 1 234,56 € » — saisissez un nombre.',
    ]);
    expect(excelError(() => F().cncTotalFunction('2', [['2.1']], [[1], [2]]))[0]).toBe('#VALUE!');
  });

  it.each([
    // Intermittents: the status rate + 0,5 point for CDDU of 3 months or less.
    [1000, 'Technicien', 555],
    [1000, 'cadre', 605],
    [1234.56, 'ARTISTE', 623.45],
    [10000, 'Auteur', 110],
    [1000, 'Permanent', 430],
    [5000, 'prestataire', 0],
  ])('CNC.CHARGES(%p; %p) = %p (rates of data/finance/charges-sociales.json)', (gross, status, charges) =>
    expect(F().cncChargesFunction(gross, status)).toBe(charges),
  );

  it('CNC.CHARGES names the statuses when one is unknown', () => {
    expect(excelError(() => F().cncChargesFunction(1000, 'stagiaire'))).toEqual([
      '#N/A',
      'Statut inconnu « stagiaire » : Technicien, Cadre, Artiste, Auteur, Permanent, Prestataire.',
    ]);
  });
});

describe('CARBON.*', () => {
  it.each([
    // mode, km, persons, round trip, expected kgCO2e (factor × km × …, factors from data/carbon)
    ['train.tgv', 460, 12, undefined, 0.00293 * 460 * 12],
    ['TGV', 460, 12, true, 0.00293 * 460 * 12 * 2],
    ['Train TGV', 460, undefined, undefined, 0.00293 * 460],
    ['voiture gazole', 100, 4, undefined, 0.227 * 100],
    ['utilitaire', 2500, 3, undefined, 0.2283 * 2500],
    ['car', 300, 40, undefined, 0.0376 * 300 * 40],
    ['avion', 800, 2, undefined, 0.2246 * 800 * 2],
    ['avion', 1500, 1, undefined, 0.1847 * 1500],
    ['avion', 9000, 1, undefined, 0.1779 * 9000],
    ['Avion moyen-courrier sans traînées', 800, 1, undefined, 0.1017 * 800],
    ['fret camion', 900, 4, undefined, 0.16 * 900 * 4],
    ['moto', 50, 2, undefined, 0.22 * 50],
  ])('CARBON.TRANSPORT(%p; %p; %p; %p)', (mode, km, persons, ar, expected) => {
    expect(F().carbonTransportFunction(mode, km, persons, ar)).toBeCloseTo(expected, 9);
  });

  it.each([
    [['trottinette', 10], '#N/A', /^Mode de transport inconnu « trottinette »\. Modes proches : /],
    [['tgv', 'loin'], '#VALUE!', /^Distance : un nombre de kilomètres est attendu \(reçu « loin »\)\.$/],
    [['tgv', -5], '#VALUE!', /^Distance négative : -5 kilomètres\.$/],
    [['fret camion', 100], '#VALUE!', /^Tonnage manquante/],
  ])('CARBON.TRANSPORT%j gives %s with a French message', (args, code, message) => {
    const [c, m] = excelError(() => F().carbonTransportFunction(...(args as [string, number])));
    expect(c).toBe(code);
    expect(m).toMatch(message);
  });

  it('suggests close modes for a typo, the same on every cell of a copied-down column', () => {
    for (let i = 0; i < 3; i += 1)
      expect(excelError(() => F().carbonTransportFunction('tvg', 10 + i))[1]).toBe(
        'Mode de transport inconnu « tvg ». Modes proches : ter, tgv, bus.',
      );
    // Another spelling gets its own suggestions, not the cached ones.
    expect(excelError(() => F().carbonTransportFunction('avoin', 10))[1]).toMatch(
      /^Mode de transport inconnu « avoin »\. Modes proches : .*avion/,
    );
  });

  it.each([
    [12000, 'réseau', 0.0461 * 12000],
    [1000, 'Électricité 2024', 0.0519 * 1000],
    [1000, 'électricité belgique', 0.176 * 1000],
    [1500, 'groupe électrogène', 3.1 * 1500],
    [1500, 'HVO', 0.465 * 1500],
    [200, 'gaz naturel', 0.215 * 200],
  ])('CARBON.ENERGIE(%p; %p)', (q, source, expected) =>
    expect(F().carbonEnergieFunction(q, source)).toBeCloseTo(expected, 9),
  );

  it('CARBON.HEBERGEMENT, CARBON.REPAS, CARBON.DECHETS', () => {
    expect(F().carbonHebergementFunction(870)).toBeCloseTo(9.91 * 870, 9);
    expect(F().carbonHebergementFunction(10, '3*')).toBeCloseTo(84.7, 9);
    expect(F().carbonRepasFunction(1470, 'Végétarien')).toBeCloseTo(0.51 * 1470, 9);
    expect(F().carbonRepasFunction(980, 'moyen')).toBeCloseTo(2.04 * 980, 9);
    expect(F().carbonDechetsFunction(2, 'bois', 'recyclage')).toBeCloseTo(992 * 2, 9);
    expect(F().carbonDechetsFunction(3, 'DIB')).toBeCloseTo(87 * 3, 9);
    expect(excelError(() => F().carbonDechetsFunction(1, 'verre', 'stockage'))).toEqual([
      '#N/A',
      'Pas de facteur pour « verre » en « stockage » : traitements disponibles moyenne, recyclage.',
    ]);
    expect(excelError(() => F().carbonRepasFunction(10, 'carnivore'))[0]).toBe('#N/A');
  });

  it('CARBON.FACTEUR and CARBON.SOURCE give the value and its source, flagging unverified factors', () => {
    expect(F().carbonFacteurFunction('train.tgv')).toBe(0.00293);
    expect(F().carbonSourceFunction('train.tgv')).toMatch(/^ADEME Impact CO2 .* — millésime 2022$/);
    expect(F().carbonSourceFunction('hvo100.litre')).toMatch(/NON VÉRIFIÉ$/);
    expect(excelError(() => F().carbonFacteurFunction('train.tgw'))).toEqual([
      '#N/A',
      expect.stringContaining('Clés proches : train.tgv'),
    ]);
    // NGC car values (ecoinvent data, restricted reuse) are not shipped: Base Carbone is the default.
    expect(excelError(() => F().carbonFacteurFunction('car.petrol.ngc'))[0]).toBe('#N/A');
  });
});

describe('FIN.*', () => {
  it('FIN.INTENSITE divides public amounts by the total', () => {
    expect(F().finIntensiteFunction([[100], [300], [null]], [['Public'], ['Privé'], ['']])).toBe(0.25);
    expect(excelError(() => F().finIntensiteFunction([[0]], [['Public']]))[0]).toBe('#DIV/0!');
    expect(excelError(() => F().finIntensiteFunction([[10]], [['Mixte']]))).toEqual([
      '#VALUE!',
      'Nature « Mixte » à la 1e cellule : Public ou Privé attendu.',
    ]);
  });

  it.each([
    [2600613, 'cinéma', 780183.9],
    [1000000, 'International', 300000],
    [200000000, 'cinema', 30000000],
  ])('FIN.CREDIT_IMPOT(%p; %p) = %p', (base, type, expected) =>
    expect(F().finCreditImpotFunction(base, type)).toBe(expected),
  );

  it('FIN.CREDIT_IMPOT caps the audiovisual credit per minute, from the cost per minute', () => {
    // 52 min for 1 200 000 €: 23 077 €/min, band 20 000–25 000 € → 3 000 €/min × 52 = 156 000 € < 25 % × 1 000 000 €.
    expect(F().finCreditImpotFunction(1000000, 'audiovisuel', 52, 1200000)).toBe(156000);
    // 312 min for 4 000 000 €: 12 821 €/min → 1 500 €/min × 312 = 468 000 €; 25 % × 400 000 € = 100 000 € stays under it.
    expect(F().finCreditImpotFunction(400000, 'audiovisuel', 312, 4000000)).toBe(100000);
    // Documentary: 1 150 €/min whatever the cost: 52 min → 59 800 €.
    expect(F().finCreditImpotFunction(300000, 'documentaire', 52, 250000)).toBe(59800);
    expect(excelError(() => F().finCreditImpotFunction(1000000, 'audiovisuel'))).toEqual([
      '#VALUE!',
      'Crédit d’impôt audiovisuel : plafonné par minute produite ; indiquez la durée (minutes) et le coût de l’œuvre (3e et 4e arguments).',
    ]);
  });
});

describe('functions.json', () => {
  it('matches its golden file (generated from the JSDoc)', async () => {
    const result = await generateCustomFunctionsMetadata(
      join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'),
    );
    expect(result.errors).toEqual([]);
    const generated = JSON.parse(result.metadataJson) as { functions: { name: string }[] };
    const file = join(__dirname, '..', 'fixtures', 'functions.json');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(generated, null, 2) + '\n');
    expect(generated).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(generated.functions.map((f) => f.name)).toEqual([
      'CNC.POSTE',
      'CNC.CHAPITRE',
      'CNC.VALIDE',
      'CNC.TOTAL',
      'CNC.CHARGES',
      'CARBON.TRANSPORT',
      'CARBON.ENERGIE',
      'CARBON.HEBERGEMENT',
      'CARBON.REPAS',
      'CARBON.DECHETS',
      'CARBON.FACTEUR',
      'CARBON.SOURCE',
      'FIN.INTENSITE',
      'FIN.CREDIT_IMPOT',
    ]);
  });
});
