import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import criteria from '../../data/referentiels/criteres.json';
import { readSnapshot, runRules } from '../../src/rules/engine';
import { RULES } from '../../src/rules';
import { MESSAGES, renderMessage } from '../../src/rules/messages';
import type { Finding, Rule, Snapshot } from '../../src/rules/types';
import type { RangeRead } from '../../src/workbook/port';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';

const ROOT = join(__dirname, '..', '..');
const rule = (id: string): Rule => {
  const r = RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(id);
  return r;
};
const range = (topLeft: string, values: unknown[][]): RangeRead => ({
  sheet: 'Bilan carbone',
  topLeft,
  values,
});
const run = (id: string, ranges: Snapshot['ranges']): Pick<Finding, 'messageId' | 'location'>[] =>
  runRules([rule(id)], { ranges, sheets: {} }).map((f) => ({ messageId: f.messageId, location: f.location }));

const summary = (overrides: Record<string, number>): RangeRead =>
  range(
    'A6',
    [
      'Transports de personnes',
      'Fret',
      'Hébergement',
      'Repas',
      'Énergie (réseau, groupes électrogènes)',
      'Décors et matériaux',
      'Costumes',
      'Moyens techniques',
      'Postproduction et numérique',
      'Déchets',
      'Bureaux',
    ].map((label) => [label, overrides[label] ?? 0, 0, 0, 0, 0]),
  );

describe('carbon-categories', () => {
  it.each([
    [
      'all four postes with figures',
      { Fret: 10, Costumes: 5, 'Énergie (réseau, groupes électrogènes)': 1, Déchets: 2 },
      [],
    ],
    [
      'energy and waste missing',
      { 'Transports de personnes': 10, 'Moyens techniques': 5 },
      [
        { messageId: 'carbon-group-missing', location: { sheet: 'Bilan carbone', address: 'B10' } },
        { messageId: 'carbon-group-missing', location: { sheet: 'Bilan carbone', address: 'B15' } },
      ],
    ],
  ])('%s', (_, values, expected) => {
    expect(run('carbon-categories', { Carbone_Synthese: summary(values) })).toEqual(expected);
  });

  it('reports a missing sheet without crashing', () => {
    expect(run('carbon-categories', { Carbone_Synthese: null })).toEqual([
      { messageId: 'sheet-missing', location: null },
    ]);
  });
});

describe('carbon-reduction-measures', () => {
  const row = (mesure: string, saving: unknown): unknown[] => [
    'Énergie',
    mesure,
    null,
    null,
    null,
    null,
    null,
    saving,
    null,
    null,
    null,
    null,
  ];
  it.each([
    ['one costed measure', [row('Raccordement au réseau', 4096.8)], []],
    [
      'a measure without saving',
      [row('Tri des déchets', null)],
      [{ messageId: 'carbon-no-measure', location: { sheet: 'Bilan carbone', address: 'B52' } }],
    ],
    [
      'a saving typed as text',
      [row('Covoiturage', '1 000')],
      [{ messageId: 'carbon-no-measure', location: { sheet: 'Bilan carbone', address: 'B52' } }],
    ],
  ])('%s', (_, values, expected) => {
    expect(run('carbon-reduction-measures', { Carbone_Mesures: range('A52', values) })).toEqual(expected);
  });
});

describe('carbon-decors-ratio', () => {
  // Catégorie · Poste · Clé · Facteur · Unité · Quantité prév. · Multiplicateur · Prév. · Qté déf. · Déf. · Source · Hypothèse
  const line = (
    label: string,
    unit: string,
    quantity: number,
    multiplier: unknown,
    assumption = '',
  ): unknown[] => [
    'Décors et matériaux',
    label,
    'spend.furniture_manufactured',
    600,
    unit,
    quantity,
    multiplier,
    quantity * 600,
    null,
    0,
    'Base Carbone® id 25017',
    assumption,
  ];
  it.each([
    ['the ratio on the material share', [line('Construction des décors', 'kgCO2e/kEUR', 85, 0.35)], []],
    [
      'a quantity already the material share',
      [line('Décors construits', 'kgCO2e/kEUR', 48, 1, '40 % de matériaux')],
      [],
    ],
    ['tonnes of steel', [line('Acier', 'kgCO2e/t', 0.5, 1)], []],
    [
      'the ratio on the whole construction quote',
      [
        line('Construction des décors', 'kgCO2e/kEUR', 10, 1),
        line('Construction (ratio monétaire)', 'kgCO2e/k€', 85, null),
      ],
      [
        { messageId: 'carbon-decors-whole-quote', location: { sheet: 'Bilan carbone', address: 'G20' } },
        { messageId: 'carbon-decors-whole-quote', location: { sheet: 'Bilan carbone', address: 'G21' } },
      ],
    ],
  ])('%s', (_, values, expected) => {
    expect(run('carbon-decors-ratio', { Carbone_Lignes: range('A20', values) })).toEqual(expected);
  });
});

describe('carbon-previsionnel-definitif', () => {
  it.each([
    [1000, 800, []],
    [
      1000,
      0,
      [{ messageId: 'carbon-definitive-missing', location: { sheet: 'Bilan carbone', address: 'D17' } }],
    ],
    [
      1000,
      1200,
      [{ messageId: 'carbon-definitive-above', location: { sheet: 'Bilan carbone', address: 'D17' } }],
    ],
  ])('prévisionnel %p, définitif %p', (p, d, expected) => {
    expect(
      run('carbon-previsionnel-definitif', {
        Carbone_TotalPrev: range('B17', [[p]]),
        Carbone_TotalDef: range('D17', [[d]]),
      }),
    ).toEqual(expected);
  });

  it('renders its message in French with the figures', () => {
    const [f] = runRules([rule('carbon-previsionnel-definitif')], {
      ranges: { Carbone_TotalPrev: range('B17', [[1000]]), Carbone_TotalDef: range('D17', [[1200.04]]) },
      sheets: {},
    });
    expect(f && renderMessage(f.messageId, f.data)).toBe(
      // A non-breaking space before the colon: the line never breaks between a word and its « : ».
      'Le bilan définitif (1200\u00a0kgCO2e) dépasse le prévisionnel (1000\u00a0kgCO2e)\u00a0: expliquez l’écart et l’effet des mesures.',
    );
  });
});

describe('rule registry (meta-test)', () => {
  const ids = new Set(criteria.criteria.map((c) => c.id));
  const files = readdirSync(join(ROOT, 'src', 'rules')).filter((f) => /^[a-z]+(-[a-z]+)+\.ts$/.test(f));

  it('registers every rule file, named after its file, documented, citing existing criteria', () => {
    expect(RULES.map((r) => `${r.meta.id}.ts`).sort()).toEqual(files.sort());
    for (const r of RULES) {
      expect(existsSync(join(ROOT, 'docs', 'rules', `${r.meta.id}.md`))).toBe(true);
      expect(readFileSync(join(ROOT, 'docs', 'rules', 'README.md'), 'utf8')).toContain(`[${r.meta.id}]`);
      // A finding the rule reports without a cell is documented on its page, with its reason.
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${r.meta.id}.md`), 'utf8');
      for (const id of Object.keys(r.meta.unlocated ?? {}))
        expect(page).toContain(`Constat sans cellule (\`${id}\`)`);
      // Why it matters and how to fix it: the words the pane shows with each finding.
      expect(page).toContain(`**Pourquoi.** ${r.meta.why}`);
      expect(page).toContain(`**Comment corriger.** ${r.meta.fix}`);
      expect(r.meta.why.length).toBeGreaterThan(40);
      expect(r.meta.fix.length).toBeGreaterThan(40);
      expect(r.meta.criteria.length).toBeGreaterThan(0);
      for (const c of r.meta.criteria) expect(ids).toContain(c);
    }
  });

  it('has a French message for every message id a rule reports', () => {
    for (const src of files.map((f) => readFileSync(join(ROOT, 'src', 'rules', f), 'utf8'))) {
      for (const m of src.matchAll(/report\('([a-z-]+)'/g)) expect(Object.keys(MESSAGES)).toContain(m[1]);
    }
  });

  it('writes counts in French, never « source(s) »', () => {
    for (const template of Object.values(MESSAGES)) expect(template).not.toMatch(/\(s\)|\(e\)|\(es\)/);
    expect(renderMessage('financing-few-sources', { count: 1 })).toBe(
      '1 source de financement\u00a0: au moins 5 sont attendues.',
    );
    expect(renderMessage('financing-few-sources', { count: 3 })).toBe(
      '3 sources de financement\u00a0: au moins 5 sont attendues.',
    );
    expect(renderMessage('financing-comparative-short', { count: 0 })).toBe(
      'Étude comparative\u00a0: 0 aide comparée avec avantages et inconvénients\u202f; au moins 2 sont attendues.',
    );
  });
});

describe('carbon rules on the example workbook', () => {
  it('finds only the définitif under way (the décors follow the Dépenses, the rest is still to fill), at the exact cell', async () => {
    const wb = new ExcelJS.Workbook();
    const port = new XlsxPort(wb);
    await scaffold(port, { format: 'long-metrage', example: true, onConflict: 'refuse' });
    const carbon = RULES.filter((r) => r.meta.id.startsWith('carbon-'));
    const findings = runRules(carbon, await readSnapshot(port, carbon));
    expect(findings.map((f) => [f.ruleId, f.severity, f.location])).toEqual([
      ['carbon-previsionnel-definitif', 'avertissement', { sheet: 'Bilan carbone', address: 'I22' }],
    ]);
  });

  it('flags every carbon criterion on a blank workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const port = new XlsxPort(wb);
    await scaffold(port, { format: 'documentaire', example: false, onConflict: 'refuse' });
    const carbon = RULES.filter((r) => r.meta.id.startsWith('carbon-'));
    const findings = runRules(carbon, await readSnapshot(port, carbon));
    expect(findings.map((f) => f.messageId)).toEqual([
      'carbon-group-missing',
      'carbon-group-missing',
      'carbon-group-missing',
      'carbon-group-missing',
      'carbon-no-measure',
      'carbon-definitive-missing',
    ]);
  });
});
