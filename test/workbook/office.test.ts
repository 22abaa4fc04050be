import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { a1, parseAddress } from '../../src/sheets/model/plan';
import { OfficePort, fillRuns, styleRectangles } from '../../src/workbook/office/officePort';
import { scaffold } from '../../src/workbook/scaffold';
import { addSource } from '../../src/workbook/sources';
import { Money } from '../../src/domain/money';
import { bigBudget } from '../support/bigBudget';
import { createFakeExcel, writtenCells } from '../support/fakeExcel';
import { examplePlan } from '../support/plans';

describe('Office.js adapter (office-addin-mock)', () => {
  it.each([
    [100, 2, true],
    [5000, 2, true],
    // A host without ExcelApi 1.9 gets every formula: two more data batches at 5 000 lines (the
    // Bilan financier's coût définitif line by line is one of them).
    [5000, 4, false],
  ])(
    'applies a whole plan of %i devis lines in %i context.sync(): data, then cosmetics (fill down: %s)',
    async (lines, syncs, fillDown) => {
      const fake = createFakeExcel();
      const sync = jest.spyOn(fake.mock, 'sync');
      const { plan } = buildScaffoldPlan({
        format: 'long-metrage',
        budget: bigBudget(lines),
        production: null,
      });
      const port = new OfficePort(fake.run, { fillDown });
      expect(await port.applyPlan(plan)).toEqual({ skipped: [] });
      expect(sync).toHaveBeenCalledTimes(syncs);
      const devis = fake.recorder.sheets.get('Devis');
      const cells = devis ? writtenCells(devis) : new Map();
      expect(
        [...cells.values()].filter((v) => typeof v === 'string' && v.startsWith('=ROUND(D')).length,
        // Each line and the 9 free lines, frais généraux and imprévus; the 5 charges lines sum the
        // lines' own charges (SUMIF), not quantité × nombre × taux.
      ).toBe(lines + 9 + 2);
    },
  );

  it('writes a 20 000-line devis whole, in three data batches under the request budget and a cosmetics one', async () => {
    const fake = createFakeExcel();
    const sync = jest.spyOn(fake.mock, 'sync');
    const { plan } = buildScaffoldPlan({
      format: 'long-metrage',
      budget: bigBudget(20000),
      production: null,
    });
    expect(await new OfficePort(fake.run).applyPlan(plan)).toEqual({ skipped: [] });
    expect(sync).toHaveBeenCalledTimes(4);
    for (const name of ['Devis', 'Dépenses']) {
      const sheet = fake.recorder.sheets.get(name);
      const cells = sheet ? writtenCells(sheet) : new Map();
      const planned = plan.sheets.find((s) => s.name === name)?.cells.filter((c) => c.formula) ?? [];
      expect(planned.length).toBeGreaterThan(20000);
      expect(planned.filter((c) => cells.get(c.address) !== `=${c.formula}`)).toEqual([]);
    }
    // The per-line columns went as one pasted row per run, not a formula per row.
    const copies = fake.recorder.sheets.get('Devis')?.ranges.filter((r) => r.copied) ?? [];
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((r) => r.copied?.type === 'Formulas')).toBe(true);
  }, 30_000);

  it('fills down only formulas that are the first one moved, adjacent columns together', () => {
    const cell = (address: string, formula: string) => ({ address, formula });
    const rows = (col: string, from: number, to: number, f: (r: number) => string) =>
      Array.from({ length: to - from + 1 }, (_, k) => cell(`${col}${from + k}`, f(from + k)));
    const long = (r: number) => `ROUND(D${r}*E${r}*F${r},2)+SUMIF(Param_Statuts,G${r},Param_Taux)*0`;
    const runs = fillRuns([
      ...rows('H', 10, 60, long),
      ...rows('I', 10, 60, (r) => `${long(r)}+H${r}`),
      // An absolute reference stays: still the first formula moved.
      ...rows('K', 10, 60, (r) => `H${r}/$H$5+${long(r)}`),
      // Row 31 breaks the run (another formula): two runs, each long enough.
      ...rows('M', 10, 60, (r) => (r === 31 ? 'SUM(A1:A2)' : long(r))),
      // A gap (row 20 empty) also breaks it; too short a run is written in full.
      ...rows('N', 10, 29, long),
      ...rows('N', 31, 33, long),
      // Same text in every row is not the first one moved (the reference would move).
      ...rows('P', 10, 60, () => `${long(10)}`),
    ]);
    expect(runs).toEqual([
      { cols: { from: 13, to: 13 }, source: 10, to: 29 },
      { cols: { from: 12, to: 12 }, source: 10, to: 30 },
      { cols: { from: 7, to: 8 }, source: 10, to: 60 },
      { cols: { from: 10, to: 10 }, source: 10, to: 60 },
      { cols: { from: 12, to: 12 }, source: 32, to: 60 },
    ]);
  });

  it('writes a number format only on the cells that need one, each its own', async () => {
    const fake = createFakeExcel();
    const { plan } = examplePlan();
    await new OfficePort(fake.run).applyPlan(plan);
    for (const sheet of plan.sheets) {
      const written = new Map<string, unknown>();
      for (const w of fake.recorder.writes.filter(
        (x) => x.sheet === sheet.name && x.property === 'numberFormat',
      )) {
        const [from, to] = w.address.split(':');
        const f = parseAddress(from ?? '');
        const t = parseAddress(to ?? from ?? '');
        for (let r = f.row; r <= t.row; r += 1)
          for (let c = f.col; c <= t.col; c += 1)
            // A single format is set on the whole rectangle (ExcelApi 1.1 applies it to every cell).
            written.set(a1(c, r), typeof w.value === 'string' ? w.value : w.value[r - f.row]?.[c - f.col]);
      }
      const expected = new Map(
        sheet.cells.filter((c) => c.numFmt && c.numFmt !== 'General').map((c) => [c.address, c.numFmt]),
      );
      expect([sheet.name, written]).toEqual([sheet.name, expected]);
    }
  });

  it('sets the text format of every code cell before its value (so "2.10" stays text), in the data sync', async () => {
    const fake = createFakeExcel();
    const sync = jest.spyOn(fake.mock, 'sync');
    const { plan } = examplePlan();
    await new OfficePort(fake.run).applyPlan(plan);
    expect(sync).toHaveBeenCalledTimes(2);
    const inside = (cell: string, range: string): boolean => {
      const [from, to] = range.split(':');
      const c = parseAddress(cell);
      const f = parseAddress(from ?? cell);
      const t = parseAddress(to ?? from ?? cell);
      return c.col >= f.col && c.col <= t.col && c.row >= f.row && c.row <= t.row;
    };
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const c of sheet.cells.filter((x) => x.numFmt === '@')) {
        const writes = fake.recorder.writes.filter(
          (w) => w.sheet === sheet.name && inside(c.address, w.address),
        );
        const first = writes[0];
        expect([c.address, first?.property]).toEqual([c.address, 'numberFormat']);
        const { row, col } = parseAddress(c.address);
        const start = parseAddress(first?.address.split(':')[0] ?? c.address);
        const v = first?.value;
        expect(typeof v === 'string' ? v : v?.[row - start.row]?.[col - start.col]).toBe('@');
        expect(writes.findIndex((w) => w.property === 'formulas')).toBeGreaterThan(0);
        checked += 1;
      }
    }
    // Every code cell: Devis and Récapitulatif (144, free lines included), the Trésorerie's
    // 11 payment rows and their 11 profile rows (9 chapters, FG, IMP), and the Dépenses' 331
    // ledger rows (181 pieces, 150 free), 94 devis codes with their chapter, and 9 chapters; the Suivi budgétaire's 94
    // line codes, its five largest overruns and 9 chapters; the Bilan financier's 9 chapters, the
    // SIRET of its 36 providers and 5 free rows, and the 94 codes of its coût définitif line by
    // line with their chapter; the CUE sheet's number and devis line of its 11 cues and 10 free rows;
    // the 44 devis lines whose quantity the plan de travail gives; the Dépouillement's 105 sequences
    // and its 15 free rows.
    expect(checked).toBe(167 + 331 + 94 * 2 + 9 + 94 + 5 + 9 + 9 + 36 + 5 + 94 * 2 + 21 * 2 + 44 + 120);
  });

  it('writes the same formulas and values as the plan, the names, the lists and the chart', async () => {
    const fake = createFakeExcel();
    const { plan } = examplePlan();
    await new OfficePort(fake.run).applyPlan(plan);
    const devis = fake.recorder.sheets.get('Devis');
    if (!devis) throw new Error('no Devis');
    const cells = writtenCells(devis);
    expect(cells.get('H158')).toBe('=H155+H156+H157');
    expect(cells.get('H6')).toBe('=ROUND(D6*F6*G6,2)');
    expect(cells.get('G6')).toBe(60000);
    expect(devis.frozenRows).toBe(4);
    expect(devis.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$4:$4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(devis.ranges.find((r) => r.address === 'A2:N2')?.merged).toBe(true);
    const statusList = devis.ranges.find(
      (r) => (r.dataValidation.rule as { list?: { source: string } } | undefined)?.list,
    );
    expect(statusList?.dataValidation.rule).toEqual({
      list: { inCellDropDown: true, source: '=Liste_Statuts' },
    });
    expect(fake.recorder.names.find((n) => n.name === 'Devis_Total')).toEqual({
      name: 'Devis_Total',
      ref: 'H158',
      sheet: 'Devis',
    });
    expect(fake.recorder.names).toHaveLength(plan.names.length);
    const recap = fake.recorder.sheets.get('Récapitulatif');
    expect(recap?.charts).toHaveLength(1);
    expect(recap?.charts[0]).toMatchObject({
      type: 'BarClustered',
      source: 'B5:C13',
      title: { text: 'Répartition du devis par poste' },
    });
    const params = fake.recorder.sheets.get('Paramètres');
    // Dates are written as Excel serial numbers: 1 March 2027 = 46447.
    expect(params && writtenCells(params).get('B13')).toBe(46447);
  });

  it('takes two syncs to inventory, two to apply, and refuses a non-empty sheet without writing', async () => {
    const fake = createFakeExcel({ Devis: false, Feuil1: true });
    const sync = jest.spyOn(fake.mock, 'sync');
    const outcome = await scaffold(new OfficePort(fake.run), {
      format: 'long-metrage',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('conflict');
    expect(sync).toHaveBeenCalledTimes(2);
    expect([...fake.recorder.sheets.keys()]).toEqual(['Devis', 'Feuil1']);
    expect(fake.recorder.operations).toBe(0);
  });

  it('scaffolds a full example in four syncs, reusing an empty sheet', async () => {
    const fake = createFakeExcel({ Devis: true });
    const sync = jest.spyOn(fake.mock, 'sync');
    const outcome = await scaffold(new OfficePort(fake.run), {
      format: 'long-metrage',
      example: true,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('done');
    expect(sync).toHaveBeenCalledTimes(4);
    expect(fake.recorder.sheets.get('Devis')?.created).toBe(false);
    expect(fake.recorder.sheets.get('Paramètres')?.created).toBe(true);
  });

  it('keeps the data when Excel refuses the cosmetics batch, and says what is missing', async () => {
    const fake = createFakeExcel();
    const real = fake.mock.sync.bind(fake.mock);
    const sync = jest.spyOn(fake.mock, 'sync');
    let calls = 0;
    sync.mockImplementation(async () => {
      calls += 1;
      // The second round trip (charts, print setup, conditional formats) is refused.
      if (calls === 2) throw new Error('InvalidArgument : graphique refusé');
      return real();
    });
    const { plan } = examplePlan();
    const report = await new OfficePort(fake.run).applyPlan(plan);
    expect(report.skipped).toEqual([
      'Mise en forme incomplète (graphiques, mise en page, mises en forme conditionnelles) : Excel l’a refusée (InvalidArgument : graphique refusé). Les feuilles, les formules, les noms et les listes sont écrits et justes ; seule la présentation manque.',
    ]);
    expect(sync).toHaveBeenCalledTimes(2);
    // The first batch went through whole: every sheet, every name, the devis total.
    expect([...fake.recorder.sheets.keys()]).toEqual(plan.sheets.map((x) => x.name));
    expect(fake.recorder.names.map((n) => n.name)).toEqual(plan.names.map((n) => n.name));
    const devis = fake.recorder.sheets.get('Devis');
    expect(devis && writtenCells(devis).get('H158')).toBe('=H155+H156+H157');
  });

  it('reads used ranges values-only, capped, in three syncs, and says when a sheet was cut', async () => {
    const rows = 50;
    const values = Array.from({ length: rows }, (_, i) => [`Ligne ${i + 1}`, i, i * 2]);
    const formulas = values.map((r, i) => [r[0], r[1], `=B${i + 1}*2`]);
    const fake = createFakeExcel(
      { Grand: false, Petit: false, Vide: true },
      [],
      {},
      {
        Grand: { address: 'Grand!A1:C50', values, formulas },
        Petit: {
          address: 'Petit!B2:C3',
          values: [
            [1, 2],
            [3, 4],
          ],
          formulas: [
            [1, 2],
            [3, '=B3+1'],
          ],
        },
      },
      { Grand: ['Local_Taux'] },
    );
    const sync = jest.spyOn(fake.mock, 'sync');
    const port = new OfficePort(fake.run);
    const read = await port.readSheets(['Grand', 'Petit', 'Vide', 'Absente'], 33);
    expect(sync).toHaveBeenCalledTimes(3);
    // 33 cells: 11 rows of 3 columns of Grand, then nothing left for Petit.
    expect(read.Grand).toEqual({
      sheet: 'Grand',
      topLeft: 'A1',
      values: values.slice(0, 11),
      formulas: formulas.slice(0, 11),
      truncated: true,
    });
    expect(read.Petit).toEqual({ sheet: 'Petit', topLeft: 'B2', values: [], formulas: [], truncated: true });
    expect(read.Vide).toBeNull();
    expect(read.Absente).toBeNull();
    const whole = await port.readSheets(['Petit']);
    expect(whole.Petit).toEqual({
      sheet: 'Petit',
      topLeft: 'B2',
      values: [
        [1, 2],
        [3, 4],
      ],
      formulas: [
        [1, 2],
        [3, '=B3+1'],
      ],
    });
    expect((await port.inventory()).localNames).toEqual([{ sheet: 'Grand', name: 'Local_Taux' }]);
  });

  it('selects a cell', async () => {
    const fake = createFakeExcel({ Devis: false });
    await new OfficePort(fake.run).selectCell('Devis', 'H152');
    const sheet = fake.recorder.sheets.get('Devis');
    expect(sheet?.ranges.find((r) => r.address === 'H152')?.selected).toBe(true);
  });

  it('inserts cells, shifting those below down, in one sync: Excel moves the references itself', async () => {
    const fake = createFakeExcel({ Dépenses: false });
    const sync = jest.spyOn(fake.mock, 'sync');
    await new OfficePort(fake.run).insertCellsDown('Dépenses', 'A160:N559');
    expect(sync).toHaveBeenCalledTimes(1);
    const inserted = fake.recorder.sheets.get('Dépenses')?.ranges.filter((r) => r.inserted);
    expect(inserted?.map((r) => [r.address, r.inserted])).toEqual([['A160:N559', 'Down']]);
  });

  it('formats by rectangles, not cell by cell', () => {
    const { plan } = buildScaffoldPlan({ format: 'long-metrage', budget: bigBudget(5000), production: null });
    const devis = plan.sheets.find((s) => s.name === 'Devis');
    if (!devis) throw new Error('no Devis');
    const rects = [...styleRectangles(devis).values()].flat();
    expect(rects.length).toBeLessThan(120);
    expect(styleRectangles(devis).get('input')).toContain('C6:G630');
  });

  it('reads a named range in two syncs and writes a source row in one', async () => {
    // Fin_Tableau from its header row (21): two sources, a free row, the total row.
    const row = (source: string): string[] => ['', source, ...Array<string>(17).fill('')];
    const fake = createFakeExcel({ 'Plan de financement': false }, ['Fin_Tableau'], {
      Fin_Tableau: {
        address: "'Plan de financement'!A21:S25",
        values: [row('Source'), row('Apport'), row('CNC'), row(''), row('Total')],
      },
    });
    const sync = jest.spyOn(fake.mock, 'sync');
    const port = new OfficePort(fake.run);
    const done = await addSource(port, {
      label: 'Mécène',
      category: 'Placement de produit / partenariat',
      status: 'Acquis',
      amount: new Money('15000'),
    });
    expect(done).toEqual({ sheet: 'Plan de financement', row: 24 });
    expect(sync).toHaveBeenCalledTimes(3);
    const sheet = fake.recorder.sheets.get('Plan de financement');
    const written = new Map(sheet?.ranges.map((r) => [r.address, r.formulas?.[0]?.[0]]));
    expect([
      written.get('B24'),
      written.get('C24'),
      written.get('E24'),
      written.get('F24'),
      written.get('N24'),
      written.get('O24'),
    ]).toEqual(['Mécène', 'Placement de produit / partenariat', 'Acquis', 15000, 0.5, 0.5]);
    expect(await port.readName('Inconnu')).toBeNull();
    // A loan is refused, nothing written: it belongs to the Trésorerie's measures.
    const writes = sheet?.ranges.length ?? 0;
    await expect(
      addSource(port, {
        label: 'Prêt bancaire BNP',
        category: 'Autre',
        status: 'Acquis',
        amount: new Money('150000'),
      }),
    ).rejects.toThrow(
      '« Prêt bancaire BNP » est un emprunt : il se rembourse, ce n’est pas une source du plan de financement. Placez-le dans les mesures de la Trésorerie (crédit relais, préfinancement).',
    );
    expect(fake.recorder.sheets.get('Plan de financement')?.ranges.length ?? 0).toBe(writes);
  });

  it('reads any number of names for an audit in two syncs', async () => {
    const fake = createFakeExcel({}, [], {
      Fin_Ecart: { address: "'Plan de financement'!C7", values: [[0]] },
      Devis_Total: { address: 'Devis!H152', values: [[2953096.16]] },
    });
    const sync = jest.spyOn(fake.mock, 'sync');
    const read = await new OfficePort(fake.run).readNames(['Fin_Ecart', 'Devis_Total', 'Absent']);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read).toEqual({
      Fin_Ecart: { sheet: 'Plan de financement', topLeft: 'C7', values: [[0]], formulas: undefined },
      Devis_Total: { sheet: 'Devis', topLeft: 'H152', values: [[2953096.16]], formulas: undefined },
      Absent: null,
    });
  });

  it('empties a report sheet of ours in one sync, then writes the new report into it, not beside it', async () => {
    const fake = createFakeExcel({ 'Contrôle (2)': false });
    const sync = jest.spyOn(fake.mock, 'sync');
    const port = new OfficePort(fake.run);
    await port.clearSheet('Contrôle (2)');
    expect(sync).toHaveBeenCalledTimes(1);
    const sheet = fake.recorder.sheets.get('Contrôle (2)');
    expect(sheet?.ranges.map((r) => [r.address, r.cleared])).toEqual([['', 'All']]);
    await port.applyPlan({
      sheets: [
        {
          name: 'Contrôle (2)',
          cells: [{ address: 'A1', value: 'Rapport de contrôle — référentiel tous' }],
          columnWidths: [],
          validations: [],
          conditionalFormats: [],
        },
      ],
      names: [],
      charts: [],
    });
    expect(sheet?.created).toBe(false);
    expect(fake.recorder.sheets.get('Contrôle (2)')).toBe(sheet);
    expect(sheet ? writtenCells(sheet).get('A1') : null).toBe('Rapport de contrôle — référentiel tous');
  });
});
