import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { compareFormulaCells, recalcProfile, recalcWithLibreOffice, sofficePath } from '../support/libreoffice';

/*
 * LibreOffice, a spreadsheet program we did not write, recalculates every formula of the example
 * workbook; each recomputed value must equal the cached value our domain wrote. LibreOffice is
 * required: `.ci/run` installs it, and this test fails (never skips) when it is missing.
 */
jest.setTimeout(180_000);

const silent = { out: () => undefined, err: () => undefined };

describe('LibreOffice recomputes our formulas to our numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-lo-test-'));
  const profile = recalcProfile();

  it('finds LibreOffice', () => {
    expect(sofficePath()).not.toBeNull();
  });

  it('agrees on every formula cell of the example workbook', async () => {
    const file = join(dir, 'exemple.xlsx');
    expect(await main(['new', '--out', file, '--exemple'], silent)).toBe(0);
    const recomputed = recalcWithLibreOffice(file, join(dir, 'lo'), profile);
    const { formulaCells, mismatches } = await compareFormulaCells(file, recomputed);
    expect(formulaCells).toBeGreaterThan(300);
    expect(mismatches).toEqual([]);
  });

  it('agrees on a blank série workbook too', async () => {
    const file = join(dir, 'serie.xlsx');
    expect(await main(['new', '--out', file, '--format', 'serie'], silent)).toBe(0);
    const recomputed = recalcWithLibreOffice(file, join(dir, 'lo-serie'), profile);
    const { formulaCells, mismatches } = await compareFormulaCells(file, recomputed);
    expect(formulaCells).toBeGreaterThan(150);
    expect(mismatches).toEqual([]);
  });

  it('catches a wrong cached value (so LibreOffice really recalculated)', async () => {
    const file = join(dir, 'exemple.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cell = wb.getWorksheet('Devis')?.getCell('H152');
    if (!cell) throw new Error('no total cell');
    cell.value = { formula: cell.formula, result: 2953096.17 } as ExcelJS.CellFormulaValue;
    const broken = join(dir, 'faux.xlsx');
    await wb.xlsx.writeFile(broken);
    const recomputed = recalcWithLibreOffice(broken, join(dir, 'lo-faux'), profile);
    const { mismatches } = await compareFormulaCells(broken, recomputed);
    expect(mismatches).toEqual([{ sheet: 'Devis', address: 'H152', formula: 'H149+H150+H151', cached: 2953096.17, recomputed: 2953096.16 }]);
  });
});
