import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allFactors, describeSource } from '../../src/domain/carbon/factors';
import { exampleExpenses } from '../../src/domain/expenses/example';
import { FACTOR_COLUMNS, FACTOR_HEADER_ROW } from '../../src/sheets/carbon/contract';
import { EXPENSE_COLUMNS } from '../../src/sheets/expenses/contract';
import { parseAddress, type CellPlan } from '../../src/sheets/model/plan';
import { goldenFile, goldenSheet } from '../support/golden';
import { NAME_PREFIXES, blankPlan, cell, examplePlan, namesIn, sheet } from '../support/plans';
import { besideSheets } from '../support/sheets';

const GOLDEN = join(__dirname, '..', 'fixtures', 'plans');

/** Sheets whose rows are data: their golden counts their typed cells, their own tests below check them. */
const DATA_SHEETS = new Set(['Facteurs', 'Dépenses']);

const PLANS = {
  'blank-long-metrage': () => blankPlan('long-metrage').plan,
  'blank-documentaire': () => blankPlan('documentaire').plan,
  'example-long-metrage': () => examplePlan().plan,
} as const;
type PlanId = keyof typeof PLANS;

/**
 * A plan whose sheet is the same as another plan's keeps no golden of its own for it: the blank
 * documentary differs from the blank feature film only where its grid and its financing do.
 */
const SAME_AS: Partial<Record<PlanId, PlanId>> = { 'blank-documentaire': 'blank-long-metrage' };

/**
 * UPDATE_GOLDEN=1 rewrites every golden; UPDATE_GOLDEN=plan-de-travail (a file's stem) rewrites
 * that sheet's only, in each plan — a change shows in the sheet it touches.
 */
const update = process.env.UPDATE_GOLDEN;

describe('golden sheet plans: one compact file per sheet, a person can review its diff', () => {
  describe.each(Object.keys(PLANS) as PlanId[])('%s', (id) => {
    const plan = PLANS[id]();
    const dir = join(GOLDEN, id);
    const base = SAME_AS[id];
    const baseText = (file: string): string | null =>
      base && existsSync(join(GOLDEN, base, file)) ? readFileSync(join(GOLDEN, base, file), 'utf8') : null;
    it.each(plan.sheets.map((x) => x.name))('%s matches its golden file', (name) => {
      const text = goldenSheet(plan, name, DATA_SHEETS.has(name));
      const file = join(dir, goldenFile(name));
      const same = baseText(goldenFile(name)) === text;
      if (update === '1' || update === goldenFile(name).replace(/\.txt$/, '')) {
        mkdirSync(dir, { recursive: true });
        if (same) rmSync(file, { force: true });
        else writeFileSync(file, text);
      }
      expect(text).toBe(existsSync(file) ? readFileSync(file, 'utf8') : baseText(goldenFile(name)));
    });

    it('has no golden file for a sheet it does not write, nor one that repeats its base plan', () => {
      const own = readdirSync(dir).sort();
      const sheets = new Set(plan.sheets.map((x) => goldenFile(x.name)));
      expect(own.filter((f) => !sheets.has(f))).toEqual([]);
      expect(own.filter((f) => readFileSync(join(dir, f), 'utf8') === baseText(f))).toEqual([]);
      if (!base) expect(own).toEqual([...sheets].sort());
    });
  });

  it('keeps every golden under 2 000 lines, and all of them under 15 000', () => {
    const sizes = Object.keys(PLANS).flatMap((id) =>
      readdirSync(join(GOLDEN, id)).map((f) => readFileSync(join(GOLDEN, id, f), 'utf8').split('\n').length),
    );
    expect(Math.max(...sizes)).toBeLessThan(2000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(15_000);
  });
});

describe('the data sheets, checked by their own properties', () => {
  const { plan } = examplePlan();
  const at = (name: string): Map<string, CellPlan> =>
    new Map(plan.sheets.find((x) => x.name === name)?.cells.map((c) => [c.address, c]));

  it('Facteurs: every emission factor of data/carbon once, with its value, unit, source and vintage', () => {
    const cells = at('Facteurs');
    const factors = allFactors();
    factors.forEach((f, i) => {
      const row = FACTOR_HEADER_ROW + 1 + i;
      const v = (k: (typeof FACTOR_COLUMNS.keys)[number]): unknown =>
        cells.get(FACTOR_COLUMNS.cell(k, row))?.value;
      expect([
        v('key'),
        v('label'),
        v('value'),
        v('unit'),
        v('category'),
        v('source'),
        v('year'),
        v('verified'),
      ]).toEqual([
        f.key,
        f.label,
        f.value.toNumber(),
        f.unit,
        f.category,
        describeSource(f),
        f.year,
        f.verified ? 'Oui' : 'Non',
      ]);
    });
    expect(new Set(factors.map((f) => f.key)).size).toBe(factors.length);
    // Nothing below the last factor, no formula: the sheet is the data.
    expect(cells.get(FACTOR_COLUMNS.cell('key', FACTOR_HEADER_ROW + factors.length + 1))).toBeUndefined();
    expect([...cells.values()].some((c) => c.formula !== undefined)).toBe(false);
  });

  it('Dépenses: every piece of the example ledger on its own row, as typed', () => {
    const cells = [...at('Dépenses').values()];
    const C = EXPENSE_COLUMNS;
    const rowOf = new Map(
      cells
        .filter(
          (c) => c.address.startsWith(C.letter('piece')) && c.style === 'input' && c.value !== undefined,
        )
        .map((c) => [c.value, parseAddress(c.address).row]),
    );
    const byAddress = new Map(cells.map((c) => [c.address, c]));
    const pieces = exampleExpenses('long-metrage');
    expect(pieces.length).toBeGreaterThan(100);
    for (const e of pieces) {
      const row = rowOf.get(e.piece);
      expect(row).toBeDefined();
      const v = (k: (typeof C.keys)[number]): unknown => byAddress.get(C.cell(k, row ?? 0))?.value;
      expect([v('payee'), v('nature'), v('code'), v('label'), v('ht'), v('tva'), v('status')]).toEqual([
        e.payee,
        e.nature,
        e.code,
        e.label,
        e.ht.toNumber(),
        e.tva.toNumber(),
        e.status,
      ]);
    }
    // One row per piece: no piece written twice.
    expect(rowOf.size).toBe(pieces.length);
  });
});

describe('plan invariants', () => {
  const { plan, result } = examplePlan();
  const defined = new Set(plan.names.map((n) => n.name));
  const devis = sheet({ plan, result } as never, 'Devis');

  it('defines every workbook name a formula or a validation uses', () => {
    // namesIn knows every prefix the contracts define: a formula's name is never missed.
    expect([...new Set([...defined].map((n) => n.split('_')[0]))].sort()).toEqual([...NAME_PREFIXES].sort());
    for (const s of plan.sheets) {
      for (const c of s.cells)
        if (c.formula) for (const n of namesIn(c.formula)) expect(defined).toContain(n);
      for (const v of s.validations) if (v.listName) expect(defined).toContain(v.listName);
    }
  });

  it('gives every formula cell a cached result from the domain', () => {
    const formulas = plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula));
    expect(formulas.length).toBeGreaterThan(300);
    for (const c of formulas)
      expect(typeof c.result === 'number' || typeof c.result === 'string' || c.result instanceof Date).toBe(
        true,
      );
    // Text results only where a formula yields a label (nature, phase, rule, source name) or links
    // to one (the Suivi budgétaire's code, label and status of each devis line; the Bilan
    // financier's code and label of each line of the coût définitif).
    const texts = formulas.filter((c) => typeof c.result === 'string');
    for (const c of texts)
      expect(c.formula).toMatch(
        /IF\(|INDEX\(|^'Devis'![AB]\d+$|^T\('Devis'!C\d+\)$|^'Suivi budgétaire'![AB]\d+$/,
      );
  });

  it('writes the total général as a formula equal to the domain total', () => {
    const total = plan.names.find((n) => n.name === 'Devis_Total');
    const c = cell(devis, (total?.ref ?? '').replace(/\$/g, ''));
    expect(c?.formula).toMatch(/^H\d+\+H\d+\+H\d+$/);
    expect(c?.result).toBe(3035291.62);
    expect(c?.value).toBeUndefined();
  });

  it('never types a number where a total, subtotal, amount or split belongs', () => {
    for (const c of devis.cells) {
      const { col, row } = parseAddress(c.address);
      if (row < 5) continue;
      if (col === 7 || col === 8) expect(c.formula).toBeDefined(); // Montant, dont France
    }
  });

  it('spans each chapter total over the whole chapter, so an inserted line is counted', () => {
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      const name = plan.names.find((n) => n.name === `Devis_Poste${code}`);
      const totalRow = parseAddress((name?.ref ?? '').replace(/\$/g, '')).row;
      const header = devis.cells.find(
        (c) => c.address.startsWith('A') && c.value === code && c.style === 'chapter',
      );
      const headerRow = parseAddress(header?.address ?? 'A0').row;
      // The SUBTOTAL runs from the chapter header to the row just above the total: inserting a
      // row anywhere between them extends the range in Excel and LibreOffice.
      expect(cell(devis, `H${totalRow}`)?.formula).toBe(`SUBTOTAL(9,H${headerRow}:H${totalRow - 1})`);
      // Every line of the chapter lies inside, and the free line just above the total is an input row.
      const lineRows = devis.cells
        .filter((c) => c.address.startsWith('H') && /^(ROUND|SUMIF)\(/.test(c.formula ?? ''))
        .map((c) => parseAddress(c.address).row);
      const inside = lineRows.filter((r) => r > headerRow && r < totalRow);
      expect(inside.length).toBeGreaterThan(1);
      expect(cell(devis, `D${totalRow - 1}`)?.style).toBe('input');
    }
  });

  it('computes chapter 4 by SUMIF over every other base chapter (1–3 and 5–9) and the rate names', () => {
    // Chapter 4's quantities (column D) sum each status over chapters 1–3 and 5–9 (SUMIF over cells);
    // the quantities the plan de travail gives read it by name (SUMIF(PdT_…)).
    const charges = devis.cells.filter((c) => c.address.startsWith('D') && c.formula?.startsWith('SUMIF($'));
    const sumif = (status: string): string =>
      `SUMIF($C$5:$C$75,"${status}",$H$5:$H$75)+SUMIF($C$86:$C$153,"${status}",$H$86:$H$153)`;
    expect(charges.map((c) => c.formula)).toEqual(
      ['Technicien', 'Cadre', 'Permanent', 'Artiste', 'Auteur'].map(sumif),
    );
    // The amount is the sum of the lines' own charges (column M, rounded line by line).
    const amounts = devis.cells.filter((c) => c.address.startsWith('H') && c.formula?.startsWith('SUMIF('));
    expect(amounts.map((c) => c.formula)).toEqual(
      ['Technicien', 'Cadre', 'Permanent', 'Artiste', 'Auteur'].map((s) =>
        sumif(s).replace(/\$H\$(\d+)/g, '$$M$$$1'),
      ),
    );
    expect(cell(devis, 'M63')?.formula).toBe(
      'ROUND(H63*SUMIF(Param_StatutsCharges,C63,Param_TauxParStatut),2)',
    );
    expect(cell(devis, 'M63')?.result).toBe(60600);
    const rates = devis.cells.filter(
      (c) => c.address.startsWith('G') && c.formula?.startsWith('Param_TauxCharges'),
    );
    expect(rates.map((c) => c.formula)).toEqual([
      'Param_TauxCharges_Technicien+Param_MajorationCDDU',
      'Param_TauxCharges_Cadre+Param_MajorationCDDU',
      'Param_TauxCharges_Permanent',
      'Param_TauxCharges_Artiste+Param_MajorationCDDU',
      'Param_TauxCharges_Auteur',
    ]);
    const p3 = plan.names.find((n) => n.name === 'Devis_Poste3');
    expect(p3?.ref).toBe('$H$75');
  });

  it('writes beside existing sheets under suffixed sheet and workbook names only', () => {
    const beside = examplePlan(2).plan;
    expect(beside.sheets.map((s) => s.name)).toEqual(besideSheets(2));
    for (const n of beside.names) expect(n.name).toMatch(/_2$/);
    for (const s of beside.sheets)
      for (const c of s.cells) if (c.formula) for (const n of namesIn(c.formula)) expect(n).toMatch(/_2$/);
  });
});
