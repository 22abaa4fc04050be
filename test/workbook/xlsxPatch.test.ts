import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { mapColumns, readCsv, readStatement } from '../../src/domain/expenses/csv';
import type { ExpenseInput } from '../../src/domain/expenses/expenses';
import { columnLetter } from '../../src/sheets/model/plan';
import { appendExpenses } from '../../src/workbook/expensesImport';
import { scaffold } from '../../src/workbook/scaffold';
import { xlsxBuffer } from '../../src/workbook/xlsx/nodeZip';
import { PatchUnsupported, XlsxPatch } from '../../src/workbook/xlsx/xlsxPatch';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { XlsxReadError } from '../../src/workbook/xlsx/xlsxReader';
import { damagePart } from '../support/damage';
import { namedValues, recalcProfile, recalcWithLibreOffice } from '../support/libreoffice';
import { frenchStatement, ledgerCodes } from '../support/statement';
import { smallLedger } from '../support/ledger';

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-patch-'));

async function load(bytes: Buffer | string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof bytes === 'string') await wb.xlsx.readFile(bytes);
  else await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/**
 * What exceljs reads of a workbook, sheet by sheet and cell by cell: values (formulas with their
 * cached results), number formats, the validation of each cell, names. With `styles`, also fonts,
 * fills, borders, alignments, conditional formats and merged areas — left out when comparing with
 * a file another program wrote, whose styles exceljs normalises as it rewrites them.
 */
function contents(wb: ExcelJS.Workbook, styles: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    names: [...wb.definedNames.model].sort((a, b) => a.name.localeCompare(b.name)),
  };
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { font, fill, border, alignment } = cell.style;
        const numFmt = cell.numFmt === 'General' ? undefined : cell.numFmt;
        const value = cell.value;
        const plain =
          value && typeof value === 'object' && 'formula' in value
            ? { formula: value.formula, result: value.result ?? null }
            : value;
        const look = styles ? { font, fill, border, alignment } : {};
        if (plain === null && !numFmt && Object.values(look).every((v) => !v)) return;
        cells[cell.address] = { value: plain, numFmt, ...look };
      }),
    );
    const internals = ws as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
      conditionalFormattings: unknown[];
    };
    // Validations cell by cell: one program writes a run where another writes each cell.
    const validations: Record<string, unknown> = {};
    for (const [range, v] of Object.entries(internals.dataValidations.model)) {
      if (!v) continue;
      const [from = '', to = from] = range.split(':');
      const a = /^([A-Z]+)(\d+)$/.exec(from);
      const b = /^([A-Z]+)(\d+)$/.exec(to);
      for (let r = Number(a?.[2]); r <= Number(b?.[2]); r += 1)
        validations[`${a?.[1]}${r}`] = [v.type, v.formulae, v.error];
    }
    out[ws.name] = {
      cells,
      validations,
      ...(styles
        ? {
            formats: internals.conditionalFormattings,
            merges: (ws.model as { merges?: string[] }).merges ?? [],
          }
        : {}),
    };
  });
  return out;
}

describe('appending expenses by patching the .xlsx (the command line’s way)', () => {
  const book = join(dir, 'exemple.xlsx');
  let codes: string[] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    writeFileSync(book, await xlsxBuffer(wb));
    codes = ledgerCodes(await load(book));
  });

  function statement(n: number): ExpenseInput[] {
    const [header, ...rows] = readCsv(frenchStatement(n, codes).csv);
    const read = readStatement(rows, mapColumns(header?.cells ?? []), new Set(codes));
    if (!read.ok) throw new Error('relevé illisible');
    return read.expenses;
  }

  /** The same pieces appended through exceljs (the whole workbook loaded and written) and by the patch. */
  async function both(expenses: ExpenseInput[]): Promise<{
    exceljs: { wb: ExcelJS.Workbook; result: unknown };
    patch: { wb: ExcelJS.Workbook; result: unknown; bytes: Buffer };
  }> {
    const wb = await load(book);
    const result = await appendExpenses(new XlsxPort(wb), expenses);
    wb.calcProperties.fullCalcOnLoad = true;
    const viaExceljs = await load(await xlsxBuffer(wb));
    const patch = await XlsxPatch.open(book);
    const patched = await appendExpenses(patch, expenses);
    const bytes = await patch.bytes();
    return { exceljs: { wb: viaExceljs, result }, patch: { wb: await load(bytes), result: patched, bytes } };
  }

  it('gives, cell by cell, the workbook exceljs gives when the ledger grows by 400 rows', async () => {
    const original = readFileSync(book);
    const { exceljs, patch } = await both(statement(400));
    expect(patch.result).toEqual(exceljs.result);
    expect(patch.result).toMatchObject({ sheet: 'Dépenses', inserted: 400 });
    expect(contents(patch.wb, true)).toEqual(contents(exceljs.wb, true));
    // The names grew by the 400 rows, the workbook recomputes on opening, the file is untouched.
    expect(patch.wb.definedNames.getRanges('Dep_Lignes').ranges).toEqual(["'Dépenses'!$A$5:$O$735"]);
    const zip = await JSZip.loadAsync(patch.bytes);
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(readFileSync(book).equals(original)).toBe(true);
  });

  it('gives the same workbook when the pieces fit in the free rows', async () => {
    const { exceljs, patch } = await both(statement(20));
    expect(patch.result).toMatchObject({ inserted: 0, rows: Array.from({ length: 20 }, (_, i) => 186 + i) });
    expect(contents(patch.wb, true)).toEqual(contents(exceljs.wb, true));
  });

  it('gives the same workbook when LibreOffice saved it, and LibreOffice counts every piece', async () => {
    const saved = recalcWithLibreOffice(book, join(dir, 'lo-saved'), recalcProfile());
    const st = frenchStatement(400, codes);
    const [header, ...rows] = readCsv(st.csv);
    const read = readStatement(rows, mapColumns(header?.cells ?? []), new Set(codes));
    if (!read.ok) throw new Error('relevé illisible');
    const wb = await load(saved);
    const viaExceljs = await appendExpenses(new XlsxPort(wb), read.expenses);
    const patch = await XlsxPatch.open(saved);
    expect(await appendExpenses(patch, read.expenses)).toEqual(viaExceljs);
    const bytes = await patch.bytes();
    expect(contents(await load(bytes), false)).toEqual(contents(await load(await xlsxBuffer(wb)), false));
    const patched = join(dir, 'lo-patche.xlsx');
    writeFileSync(patched, bytes);
    const totals = ['Dep_Engage', 'Dep_Paye', 'Dep_TotalTTC'];
    const before = await namedValues(saved, totals);
    const after = await namedValues(
      recalcWithLibreOffice(patched, join(dir, 'lo-recalc'), recalcProfile()),
      totals,
    );
    const cents = (v: unknown): number => Math.round(Number(v) * 100);
    expect(totals.map((n) => cents(after[n]) - cents(before[n]))).toEqual([
      st.htCents,
      st.paidCents,
      st.ttcCents,
    ]);
  });

  it('refuses a part it cannot inflate, with a French reason, and writes nothing', async () => {
    // The reader opens the workbook and the Dépenses sheet; only growing the ledger reads the Suivi.
    const damaged = join(dir, 'abime.xlsx');
    writeFileSync(damaged, damagePart(readFileSync(book), 'xl/worksheets/sheet10.xml'));
    const patch = await XlsxPatch.open(damaged);
    await appendExpenses(patch, statement(200));
    await expect(patch.bytes()).rejects.toThrow(
      new XlsxReadError(
        'classeur .xlsx incomplet ou corrompu (est-il encore en cours d’écriture par un autre programme ?) : la partie xl/worksheets/sheet10.xml ne se décompresse pas',
      ),
    );
  });

  it('copies every part it does not change as it was stored', async () => {
    const { patch } = await both(statement(3));
    const before = await JSZip.loadAsync(readFileSync(book));
    const after = await JSZip.loadAsync(patch.bytes);
    const changed: string[] = [];
    for (const name of Object.keys(before.files).sort()) {
      const a = await before.file(name)?.async('string');
      const b = await after.file(name)?.async('string');
      if (a !== b) changed.push(name);
    }
    // The shared strings (the pieces' texts), the styles (dates and amounts on rows that had no
    // format), the Dépenses sheet. The workbook already recomputes on opening: it is kept as is.
    expect(changed).toEqual(['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet9.xml']);
  });
});

describe('patching what exceljs would not keep, or Excel writes otherwise', () => {
  /** A small ledger saved as Excel saves it: a shared formula, a calculation chain, a chart. */
  async function excelLike(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = smallLedger(wb);
    ws.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [{ type: 'expression', formulae: ['A1<$A$4/10'], priority: 1, style: {} }],
    });
    const bilan = wb.addWorksheet('Bilan');
    bilan.getCell('A1').value = {
      formula: "'Dépenses'!A1*2",
      result: 20,
      shareType: 'shared',
      ref: 'A1:A3',
    } as ExcelJS.CellFormulaValue;
    bilan.getCell('A2').value = { sharedFormula: 'A1', result: 40 };
    bilan.getCell('A3').value = { sharedFormula: 'A1', result: 60 };
    bilan.getCell('B1').value = {
      formula: 'ROW()*2',
      result: 2,
      shareType: 'shared',
      ref: 'B1:B2',
    } as ExcelJS.CellFormulaValue;
    bilan.getCell('B2').value = { sharedFormula: 'B1', result: 4 };
    wb.definedNames.add("'Dépenses'!$A$1:$A$3", 'Lignes');
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.file(
      'xl/charts/chart1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>'Dépenses'!$A$1:$A$3</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    );
    zip.file(
      'xl/calcChain.xml',
      `<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A4" i="1"/></calcChain>`,
    );
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    // As Excel saves it: no recomputation on opening, the chain says what to recompute.
    zip.file('xl/workbook.xml', workbook.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="191029"/>'));
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const file = join(dir, `excel-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  it('moves what is below, grows what spans the row, writes shared formulas out, and keeps the chart with its series moved', async () => {
    const file = await excelLike();
    const patch = await XlsxPatch.open(file);
    await patch.insertCellsDown('Dépenses', 'A3:A4');
    await patch.writeCells('Dépenses', [{ address: 'A3', value: 12.5, numFmt: '#,##0.00 "€"' }]);
    const bytes = await patch.bytes();
    const wb = await load(bytes);
    const ws = wb.getWorksheet('Dépenses');
    expect([1, 2, 3, 4, 5, 6].map((r) => ws?.getCell(`A${r}`).value ?? null)).toEqual([
      10,
      20,
      12.5,
      null,
      30,
      { formula: 'SUM(A1:A5)', result: 60 },
    ]);
    expect([ws?.getCell('A3').numFmt, ws?.getCell('A4').numFmt]).toEqual(['#,##0.00 "€"', '0.00']);
    expect(ws?.getCell('C3').value).toBe('à côté');
    const bilan = wb.getWorksheet('Bilan');
    // The shared formula is written out cell by cell, each moved as its own.
    expect(['A1', 'A2', 'A3'].map((a) => bilan?.getCell(a).formula)).toEqual([
      "'Dépenses'!A1*2",
      "'Dépenses'!A2*2",
      "'Dépenses'!A5*2",
    ]);
    // A shared formula that does not name the sheet stays shared.
    expect(bilan?.getCell('B2').value).toMatchObject({ sharedFormula: 'B1' });
    expect(wb.definedNames.getRanges('Lignes').ranges).toEqual(["'Dépenses'!$A$1:$A$5"]);
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings[0];
    expect([cf?.ref, cf?.rules[0]?.formulae]).toEqual(['A1:A5', ['A1<$A$6/10']]);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/charts/chart1.xml')?.async('string')).toContain(
      "<c:f>'Dépenses'!$A$1:$A$5</c:f>",
    );
    // Everything recomputes on opening; the calculation chain is dropped, with its relationship and its content type.
    expect(await zip.file('xl/workbook.xml')?.async('string')).toContain(
      '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
    );
    expect(zip.file('xl/calcChain.xml')).toBeNull();
    expect(await zip.file('xl/_rels/workbook.xml.rels')?.async('string')).not.toContain('calcChain');
    expect(await zip.file('[Content_Types].xml')?.async('string')).not.toContain('calcChain');
  });

  it('refuses, writing nothing, when a merged area crosses the cells to move', async () => {
    const wb = await load(await excelLike());
    wb.getWorksheet('Dépenses')?.mergeCells('A5:B5');
    const file = join(dir, 'fusion.xlsx');
    await wb.xlsx.writeFile(file);
    const patch = await XlsxPatch.open(file);
    await patch.insertCellsDown('Dépenses', 'A3:A3');
    await expect(patch.bytes()).rejects.toThrow('Des cellules fusionnées (A5:B5) empêchent d’insérer');
  });

  it('leaves to exceljs a ledger that is an Excel table', async () => {
    const wb = await load(await excelLike());
    wb.getWorksheet('Bilan')?.addTable({
      name: 'Pieces',
      ref: 'D1',
      columns: [{ name: 'Montant' }],
      rows: [[1], [2]],
    });
    const file = join(dir, 'tableau.xlsx');
    await wb.xlsx.writeFile(file);
    const patch = await XlsxPatch.open(file);
    await patch.insertCellsDown('Bilan', 'D2:D2');
    await expect(patch.bytes()).rejects.toThrow(PatchUnsupported);
  });
});

describe('inserting cells by the patch and by exceljs, on random ledgers', () => {
  type Ref = { col: number; row: number; colAbs: boolean; rowAbs: boolean };
  const ref = (r: Ref): string =>
    `${r.colAbs ? '$' : ''}${columnLetter(r.col - 1)}${r.rowAbs ? '$' : ''}${r.row}`;
  const range = (a: Ref, b: Ref): string =>
    `${ref({ ...a, col: Math.min(a.col, b.col), row: Math.min(a.row, b.row) })}:${ref({ ...b, col: Math.max(a.col, b.col), row: Math.max(a.row, b.row) })}`;
  const plain = (a: Ref, b: Ref): string =>
    range({ ...a, colAbs: false, rowAbs: false }, { ...b, colAbs: false, rowAbs: false });

  const ledger = fc
    .record({ rows: fc.integer({ min: 3, max: 9 }), cols: fc.integer({ min: 1, max: 4 }) })
    .chain(({ rows, cols }) => {
      const at = fc.record({
        col: fc.integer({ min: 1, max: cols + 1 }),
        row: fc.integer({ min: 1, max: rows + 1 }),
        colAbs: fc.boolean(),
        rowAbs: fc.boolean(),
      });
      const formula = fc.oneof(
        fc.tuple(at, at).map(([a, b]) => `SUM(${range(a, b)})`),
        fc.tuple(at, at).map(([a, b]) => `${ref(a)}+${ref(b)}`),
        at.map((a) => `${ref(a)}*2`),
      );
      return fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        own: fc.array(formula, { minLength: rows, maxLength: rows }),
        other: fc.array(formula, { minLength: 1, maxLength: 4 }),
        name: fc.tuple(at, at),
        validation: fc.tuple(at, at),
        format: fc.tuple(at, at),
        writes: fc.array(
          fc.record({
            col: fc.integer({ min: 1, max: cols + 2 }),
            row: fc.integer({ min: 1, max: rows + 4 }),
            value: fc.oneof(
              fc.constantFrom('Hôtel & repérages', '« <devis> »', "l'équipe", '  espacé  ', ''),
              fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
              fc.integer({ min: 10_957, max: 21_915 }).map((d) => new Date(d * 86_400_000)),
              fc.boolean(),
              fc.constant(null),
            ),
            numFmt: fc.constantFrom(undefined, '0.00', '#,##0.00 "€"', 'dd/mm/yyyy', '@'),
          }),
          { maxLength: 4 },
        ),
        insertion: fc.record({
          c1: fc.integer({ min: 1, max: cols + 1 }),
          width: fc.integer({ min: 0, max: 2 }),
          row: fc.integer({ min: 1, max: rows + 1 }),
          count: fc.integer({ min: 1, max: 3 }),
        }),
      });
    });

  it('gives the same workbook, cell by cell, for 100 random ledgers, insertions and cells written', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (x) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Dépenses');
        for (let r = 1; r <= x.rows; r += 1) {
          for (let c = 1; c <= x.cols; c += 1) {
            const cell = ws.getCell(r, c);
            cell.value = r * 10 + c;
            if (c === 1) cell.numFmt = '0.00';
          }
          ws.getCell(r, x.cols + 1).value = { formula: x.own[r - 1] ?? '0', result: 0 };
        }
        const bilan = wb.addWorksheet('Bilan');
        x.other.forEach((f, i) => {
          // Another sheet names the ledger's sheet before each reference.
          bilan.getCell(i + 1, 1).value = {
            formula: f.replace(/(\$?[A-Z]+\$?\d+)/g, "'Dépenses'!$1"),
            result: 0,
          };
        });
        wb.definedNames.add(`'Dépenses'!${range(...x.name)}`, 'Zone');
        (
          ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
        ).dataValidations.add(plain(...x.validation), {
          type: 'decimal',
          operator: 'greaterThan',
          formulae: [0],
          allowBlank: true,
        });
        ws.addConditionalFormatting({
          ref: plain(...x.format),
          rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: {} }],
        });
        const file = join(dir, 'aleatoire.xlsx');
        await wb.xlsx.writeFile(file);
        const c2 = Math.min(x.cols + 1, x.insertion.c1 + x.insertion.width);
        const block = `${columnLetter(x.insertion.c1 - 1)}${x.insertion.row}:${columnLetter(c2 - 1)}${x.insertion.row + x.insertion.count - 1}`;

        // Then a few cells written, as the pieces are: texts, amounts, dates, yes/no, blanks.
        const cells = x.writes.map((w) => ({
          address: `${columnLetter(w.col - 1)}${w.row}`,
          value: w.value,
          ...(w.numFmt ? { numFmt: w.numFmt } : {}),
        }));
        const viaExceljs = await load(file);
        const port = new XlsxPort(viaExceljs);
        await port.insertCellsDown('Dépenses', block);
        await port.writeCells('Dépenses', cells);
        const patch = await XlsxPatch.open(file);
        await patch.insertCellsDown('Dépenses', block);
        await patch.writeCells('Dépenses', cells);
        expect(contents(await load(await patch.bytes()), true)).toEqual(
          contents(await load(await xlsxBuffer(viaExceljs)), true),
        );
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });
});
