import {
  applicableCeiling,
  ceilingRules,
  computeFinancing,
  exampleFinancing,
  financingCategories,
  taxCreditCap,
  taxCreditEstimate,
  taxCreditFact,
} from '../../src/domain/financing';
import type { FinancingContext, FinancingSource } from '../../src/domain/financing';
import { Money } from '../../src/domain/money';
import { computeCondition } from '../../src/domain/financing/conditions';
import {
  accordPeriod,
  chronologyApplies,
  computeWindows,
  exampleWindows,
  mediaAccord,
  windowCategoryLabels,
} from '../../src/domain/financing/windows';

const m = (s: string): Money => new Money(s);
const rules = ceilingRules();

describe('public-aid ceiling', () => {
  it.each([
    ['long-metrage', false, '3000000', 105, true, false, '0.5', 'art. 211-20'],
    ['long-metrage', true, '3000000', 105, true, false, '0.6', 'art. 211-21'],
    ['long-metrage', true, '3000000', 105, false, false, '0.7', 'art. 211-22'],
    ['court-metrage', false, '1250000', 20, true, false, '0.6', 'art. 211-21'],
    ['court-metrage', false, '1250000.01', 20, true, false, '0.5', 'art. 211-20'],
    ['serie', false, '3000000', 312, false, true, '0.5', 'art. 311-18'],
    // RGA art. 311-19: the AV derogations are granted on a reasoned request, never from the cost alone.
    ['serie', false, '520000', 312, false, false, '0.5', 'sur demande motivée au CNC (art. 311-19)'], // 100 000 €/h
    ['serie', false, '520000', 312, false, true, '0.6', 'petit budget (art. 311-19)'],
    ['documentaire', false, '130000', 52, false, false, '0.5', 'sur demande motivée'], // 150 000 €/h
    [
      'documentaire',
      false,
      '130000',
      52,
      false,
      true,
      '0.8',
      'Documentaire de création ≤ 150 000 €/h (art. 311-19)',
    ],
    ['documentaire', false, '131000', 52, false, true, '0.5', 'art. 311-18'],
    ['documentaire', false, '90000', 0, false, true, '0.5', 'art. 311-18'],
  ] as const)(
    '%s, 1er/2e film %s, coût %s, %i min, crédit d’impôt %s, dérogation demandée %s → %s (%s)',
    (format, first, cost, minutes, credit, requested, rate, article) => {
      const r = applicableCeiling(format, first, m(cost), minutes, credit, rules, requested);
      expect(r.rate.toFixed()).toBe(rate);
      expect(r.rule).toContain(article);
    },
  );
});

describe('financing summary', () => {
  const ctx = (devisTotal: string): FinancingContext => ({
    format: 'long-metrage',
    firstOrSecondFilm: true,
    durationMinutes: 100,
    devisTotal: m(devisTotal),
    eligibleFrance: m('1000000'),
    taxCreditRate: m('0.3'),
    taxCreditCap: m('30000000'),
    ceilings: rules,
  });
  const src = (
    label: string,
    category: string,
    amount: string,
    status: FinancingSource['status'] = 'Acquis',
    rseBonus = false,
  ): FinancingSource => ({
    label,
    category,
    status,
    amount: m(amount),
    rseBonus,
    profile: [m('1'), m('0'), m('0'), m('0'), m('0'), m('0')],
  });

  it('computes total, gap, shares, intensity and tax credit exactly', () => {
    const sources = [
      src('Apport', 'Apport producteur (numéraire)', '100000'),
      src('CNC', 'Soutien automatique CNC', '200000'),
      src('Région', 'Aide régionale', '150000', 'Sollicité', true),
      src('Chaîne', 'Préachat chaîne de télévision', '300000', 'Envisagé'),
      src('CI', "Crédit d'impôt cinéma", '300000'),
    ];
    const r = computeFinancing(sources, ctx('1050000'));
    expect(r.total.toFixed(2)).toBe('1050000.00');
    expect(r.gap.toFixed(2)).toBe('0.00');
    expect(r.acquiredShare.toFixed(6)).toBe('0.571429'); // 600 000 / 1 050 000
    expect(r.publicTotal.toFixed(2)).toBe('650000.00');
    expect(r.intensity.toFixed(6)).toBe('0.619048');
    expect(r.ceiling.toFixed()).toBe('0.6'); // 1st film with the cinema tax credit
    expect(r.taxCreditEstimate.toFixed(2)).toBe('300000.00');
    expect(r.taxCreditInPlan.toFixed(2)).toBe('300000.00');
    expect(r.sourceCount).toBe(5);
    expect(r.rseCount).toBe(1);
  });

  it('caps the tax credit and rounds it to the cent', () => {
    expect(taxCreditEstimate(m('0.3'), m('123456.789'), m('30000000')).toFixed(2)).toBe('37037.04');
    expect(taxCreditEstimate(m('0.3'), m('200000000'), m('30000000')).toFixed(2)).toBe('30000000.00');
  });

  it('classes every category public or private from data, tax credits public', () => {
    const cats = financingCategories();
    expect(cats).toHaveLength(22);
    // A loan is repaid: it belongs in the trésorerie's measures, not in the financing plan.
    expect(cats.filter((c) => /pr[eê]t|emprunt|crédit relais/i.test(c.label))).toEqual([]);
    expect(cats.filter((c) => c.nature === 'Public').map((c) => c.label)).toEqual([
      'Soutien automatique CNC',
      'Avance sur recettes',
      'Autre aide sélective CNC',
      'Fonds de soutien audiovisuel (FSA)',
      'Aide régionale',
      'Fonds européens (Eurimages, Europe Créative)',
      "Crédit d'impôt cinéma",
      "Crédit d'impôt audiovisuel",
      "Crédit d'impôt international",
    ]);
    for (const c of cats) expect(c.defaultProfile.reduce((a, b) => a.plus(b), m('0')).toFixed()).toBe('1');
  });

  it('builds an example plan that balances the devis with ≥ 6 sources and the tax credit at its estimate', () => {
    const tc = taxCreditFact('long-metrage');
    const estimate = taxCreditEstimate(tc.rate, m('2600613.00'), taxCreditCap(tc, m('2953096.16'), 105));
    const sources = exampleFinancing(m('2953096.16'), estimate);
    expect(sources.length).toBeGreaterThanOrEqual(6);
    expect(sources.reduce((a, s) => a.plus(s.amount), m('0')).toFixed(2)).toBe('2953096.16');
    expect(sources.find((s) => s.category === "Crédit d'impôt cinéma")?.amount.toFixed(2)).toBe('780183.90');
    expect(sources[0]?.amount.toFixed(2)).toBe('72912.26');
  });
});

describe("funders' conditions", () => {
  const m = (x: string | number): Money => new Money(x);
  const sources = [
    { label: 'Région Hauts-de-France — fonds de soutien', amount: m(300000) },
  ] as unknown as FinancingSource[];

  it('asks 160 % of the aid, or 30 % of the devis less poste 9, against the devis spent in the region', () => {
    const budget = { sources, total: m('3035291.62'), chapter9: m(121300), region: m(492750) };
    const ofAid = computeCondition(
      {
        source: 'Région Hauts-de-France — fonds de soutien',
        kind: 'region-of-aid',
        rate: m('1.6'),
        rule: '',
      },
      budget,
    );
    expect([ofAid.base?.toFixed(2), ofAid.required.toFixed(2), ofAid.gap.toFixed(2)]).toEqual([
      '300000.00',
      '480000.00',
      '12750.00',
    ]);
    // (3 035 291,62 − 121 300) × 30 % = 874 197,486 → 874 197,49: 381 447,49 € short.
    const ofBudget = computeCondition(
      { source: 'Île-de-France', kind: 'region-of-budget', rate: m('0.3'), rule: '' },
      budget,
    );
    expect([ofBudget.required.toFixed(2), ofBudget.gap.toFixed(2)]).toEqual(['874197.49', '-381447.49']);
    // A source the plan does not hold: no base, nothing required.
    const unknown = computeCondition(
      { source: 'Autre', kind: 'region-of-aid', rate: m('1.6'), rule: '' },
      budget,
    );
    expect([unknown.base, unknown.required.toFixed(2)]).toEqual([null, '0.00']);
  });
});

describe('chronologie des médias', () => {
  const accord = mediaAccord();

  it('lists the accord’s windows in order of opening, each dated and sourced', () => {
    expect(accord.windows.map((w) => [w.id, w.months])).toEqual([
      ['video', 4],
      ['pay-tv', 6],
      ['disney', 9],
      ['netflix', 15],
      ['svod', 17],
      ['free-tv', 22],
    ]);
    // Read in secondary sources: marked so, never as verified.
    expect(new Set(accord.windows.map((w) => w.mark))).toEqual(new Set(['secondary']));
    expect(accordPeriod(accord)).toBe('en vigueur du 13/02/2025 au 09/02/2028');
  });

  it('computes each source’s gap to the accord and the order of the windows', () => {
    const got = computeWindows([
      { source: 'France 2', window: 'free-tv', months: 22 },
      { source: 'Canal+', window: 'pay-tv', months: 3 },
      { source: 'Distributeur', window: 'video', months: 4 },
      { source: 'Netflix', window: 'netflix', months: 18 },
    ]);
    expect(got.map((w) => [w.source, w.accordMonths, w.gap, w.order])).toEqual([
      ['France 2', 22, 0, 4],
      ['Canal+', 6, -3, 1],
      ['Distributeur', 4, 0, 2],
      ['Netflix', 15, 3, 3],
    ]);
    expect(() => computeWindows([{ source: 'X', window: 'avod', months: 44 }])).toThrow(
      'Fenêtre de la chronologie des médias inconnue : avod',
    );
  });

  it('applies to a feature film; the example’s windows belong to sources of its plan', () => {
    expect(
      (['long-metrage', 'court-metrage', 'serie', 'documentaire'] as const).map(chronologyApplies),
    ).toEqual([true, false, false, false]);
    const labels = exampleFinancing(m('3000000'), m('600000')).map((s) => s.label);
    const windows = exampleWindows('long-metrage');
    expect(windows.map((w) => w.window)).toEqual(['video', 'pay-tv', 'free-tv']);
    for (const w of windows) expect(labels).toContain(w.source);
    expect(windowCategoryLabels()).toEqual([
      'Préachat chaîne de télévision',
      'Préachat plateforme (SMAD)',
      'Minimum garanti distributeur',
    ]);
  });
});
