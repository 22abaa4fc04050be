import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { scaffold } from '../../src/workbook/scaffold';
import { canPackWithNode, crc32, crc32ByTable, xlsxBuffer } from '../../src/workbook/xlsx/nodeZip';
import { smallLedger } from '../support/ledger';
import { WORKBOOK_SHEETS, besideSheets } from '../support/sheets';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back;
}

function nameRef(wb: ExcelJS.Workbook, name: string): string[] {
  return wb.definedNames.getRanges(name).ranges ?? [];
}

describe('xlsx adapter', () => {
  it('writes formulas with their cached results, names, lists and frozen headers, and reads them back', async () => {
    const wb = new ExcelJS.Workbook();
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: true,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('done');
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual([...WORKBOOK_SHEETS]);

    expect(nameRef(back, 'Devis_Total')).toEqual(['Devis!$H$158']);
    const devis = back.getWorksheet('Devis');
    const total = devis?.getCell('H158');
    expect(total?.formula).toBe('H155+H156+H157');
    expect(total?.result).toBe(3035291.62);
    expect(devis?.getCell('H6').formula).toBe('ROUND(D6*F6*G6,2)');
    expect(devis?.getCell('H6').result).toBe(60000);
    expect(devis?.getCell('C6').value).toBe('Auteur');
    expect(devis?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(devis?.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    });
    expect(devis?.getCell('A2').isMerged).toBe(true);
    const dv = (
      devis as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    expect(Object.values(dv).some((v) => v.type === 'list' && v.formulae[0] === 'Liste_Statuts')).toBe(true);

    const recap = back.getWorksheet('Récapitulatif');
    expect(recap?.getCell('C5').formula).toBe('Devis_Poste1');
    expect(recap?.getCell('C5').result).toBe(285500);
    expect(nameRef(back, 'Param_Enveloppe')).toEqual(["'Paramètres'!$B$17"]);
    expect(back.getWorksheet('Paramètres')?.getCell('B17').value).toBe(3200000);
    expect(nameRef(back, 'Liste_Statuts')).toEqual(["'Paramètres'!$A$64:$A$69"]);
    expect(outcome.status === 'done' && outcome.skipped[0]).toMatch(/exceljs ne sait pas créer de graphique/);
    // Excel recalculates everything on open: calcPr fullCalcOnLoad in workbook.xml.
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('refuses to write over a non-empty sheet and changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('B2').value = 'Mon devis à la main';
    const before = Buffer.from(await wb.xlsx.writeBuffer());
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('conflict');
    if (outcome.status === 'conflict') {
      expect(outcome.sheets).toEqual(['Devis']);
      expect(outcome.message).toBe(
        'Ce classeur contient déjà une feuille « Devis » qui n’est pas vide. Rien n’a été modifié. « Créer à côté » écrit un nouveau jeu de feuilles, suffixées « (2) », sans toucher aux vôtres.',
      );
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Devis']);
    const after = Buffer.from(await wb.xlsx.writeBuffer());
    expect(after.length).toBe(before.length);
  });

  it('writes beside when asked, with suffixed sheets and names, and keeps the user sheet intact', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('B2').value = 'Mon devis à la main';
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: true,
      onConflict: 'beside',
    });
    expect(outcome.status === 'done' && outcome.suffix).toBe(2);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Devis', ...besideSheets(2)]);
    expect(wb.getWorksheet('Devis')?.getCell('B2').value).toBe('Mon devis à la main');
    const back = await roundTrip(wb);
    expect(nameRef(back, 'Devis_Total_2')).toEqual(["'Devis (2)'!$H$158"]);
    expect(back.getWorksheet('Récapitulatif (2)')?.getCell('C5').formula).toBe('Devis_Poste1_2');
  });

  it('reuses an empty sheet of the same name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis');
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'serie',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('done');
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual([...WORKBOOK_SHEETS].sort());
  });

  it('refuses, without reading or writing, a grid that cannot be scaffolded', async () => {
    const wb = new ExcelJS.Workbook();
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      nomenclature: 'cnc-2018',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('refused');
    expect(wb.worksheets).toHaveLength(0);
  });
});

describe('inserting cells in an exceljs workbook (as Excel shifts cells down)', () => {
  /** A small ledger: values A1:A3 with a validation, its total in A4, read from another sheet. */
  async function ledger(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const ws = smallLedger(wb);
    ws.getCell('B2').value = { formula: 'A2*2', result: 40 };
    ws.getCell('B6').value = { formula: '$A$4+A3', result: 90 };
    ws.addConditionalFormatting({
      ref: 'A1:A3',
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: {} }],
    });
    (
      ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('A1:A3', {
      type: 'decimal',
      operator: 'greaterThan',
      formulae: [0],
      allowBlank: true,
    });
    wb.addWorksheet('Bilan').getCell('A1').value = { formula: "'Dépenses'!$A$4*2+Dépenses!A2", result: 140 };
    wb.definedNames.add("'Dépenses'!$A$1:$A$3", 'Lignes');
    wb.definedNames.add("'Dépenses'!$A$4", 'Total');
    // Read back from bytes, as the CLI reads a file (validations then come cell by cell).
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    return back;
  }

  it('moves what is below, grows what spans the row, and leaves the other columns and sheets as they were', async () => {
    const wb = await ledger();
    await new XlsxPort(wb).insertCellsDown('Dépenses', 'A3:A4');
    const ws = wb.getWorksheet('Dépenses');
    const formula = (sheet: string, a: string): string | undefined =>
      wb.getWorksheet(sheet)?.getCell(a).formula;
    expect([1, 2, 3, 4, 5, 6].map((r) => ws?.getCell(`A${r}`).value ?? null)).toEqual([
      10,
      20,
      null,
      null,
      30,
      { formula: 'SUM(A1:A5)', result: 60 },
    ]);
    expect(ws?.getCell('A4').numFmt).toBe('0.00'); // the format of the row above
    expect(formula('Dépenses', 'B2')).toBe('A2*2');
    expect(formula('Dépenses', 'B6')).toBe('$A$6+A5');
    expect(ws?.getCell('C3').value).toBe('à côté');
    expect(formula('Bilan', 'A1')).toBe("'Dépenses'!$A$6*2+Dépenses!A2");
    expect(nameRef(wb, 'Lignes')).toEqual(["'Dépenses'!$A$1:$A$5"]);
    expect(nameRef(wb, 'Total')).toEqual(["'Dépenses'!$A$6"]);
    expect(
      (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map(
        (c) => c.ref,
      ),
    ).toEqual(['A1:A5']);
    // Written and read again: one validation over the grown column.
    const back = await roundTrip(wb);
    const dv = (
      back.getWorksheet('Dépenses') as unknown as { dataValidations: { model: Record<string, unknown> } }
    ).dataValidations.model;
    expect(Object.keys(dv).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(back.getWorksheet('Dépenses')?.getCell('A6').formula).toBe('SUM(A1:A5)');
  });

  it('shows a date written with no format as a date, and a number beside it as a number', async () => {
    // exceljs gives every cell sharing a style object the format it picked for the first one.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Dépenses');
    await new XlsxPort(wb).writeCells('Dépenses', [
      { address: 'A1', value: new Date(Date.UTC(2027, 5, 11)) },
      { address: 'A2', value: 1250.5 },
      { address: 'A3', value: 'Hôtel' },
    ]);
    const ws = (await roundTrip(wb)).getWorksheet('Dépenses');
    expect(['A1', 'A2', 'A3'].map((a) => [ws?.getCell(a).value, ws?.getCell(a).numFmt])).toEqual([
      [new Date(Date.UTC(2027, 5, 11)), 'mm-dd-yy'],
      [1250.5, undefined],
      ['Hôtel', undefined],
    ]);
  });

  it('refuses, changing nothing, when a merged area crosses the cells to move', async () => {
    const wb = await ledger();
    wb.getWorksheet('Dépenses')?.mergeCells('A5:B5');
    await expect(new XlsxPort(wb).insertCellsDown('Dépenses', 'A3:A3')).rejects.toThrow(
      'Des cellules fusionnées (A5:B5) empêchent d’insérer',
    );
    expect(wb.getWorksheet('Dépenses')?.getCell('A4').formula).toBe('SUM(A1:A3)');
  });
});

describe('packing an .xlsx with Node’s zlib', () => {
  it('holds, part for part, what exceljs’s own packing holds, and opens in exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    expect(canPackWithNode(wb)).toBe(true);
    const ours = await JSZip.loadAsync(await xlsxBuffer(wb));
    const theirs = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const parts = (z: JSZip): string[] =>
      Object.keys(z.files)
        .filter((n) => !z.files[n]?.dir)
        .sort();
    expect(parts(ours)).toEqual(parts(theirs));
    for (const name of parts(theirs)) {
      if (name === 'docProps/core.xml') continue; // its modification time is the moment of writing
      expect([name, await ours.file(name)?.async('string')]).toEqual([
        name,
        await theirs.file(name)?.async('string'),
      ]);
    }
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await xlsxBuffer(wb)) as unknown as ExcelJS.Buffer);
    expect(back.getWorksheet('Devis')?.getCell('A1').value).toBe(
      wb.getWorksheet('Devis')?.getCell('A1').value,
    );
  });

  it('checksums as the zip format does', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32ByTable(Buffer.from('123456789'))).toBe(0xcbf43926);
    const text = Buffer.from('Décors, costumes : 12 345,67 €'.repeat(1000), 'utf8');
    expect(crc32ByTable(text)).toBe(crc32(text));
  });
});
