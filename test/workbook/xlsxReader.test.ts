import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { audit } from '../../src/audit/audit';
import { FORMATS } from '../../src/domain/facts/facts';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import {
  BYTES_PER_CELL,
  DEFAULT_READ_LIMITS,
  XlsxReadError,
  XlsxReader,
} from '../../src/workbook/xlsx/xlsxReader';
import { recalcWithLibreOffice } from '../support/libreoffice';
import { examplePlan } from '../support/plans';

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-reader-'));

async function example(format: (typeof FORMATS)[number]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await new XlsxPort(wb).applyPlan(examplePlan(null, format).plan);
  const file = join(dir, `${format}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function exceljsPort(file: string): Promise<XlsxPort> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return new XlsxPort(wb);
}

/** Everything both readers can be asked: every name and every sheet, values and formulas. */
async function everything(
  port: XlsxPort | XlsxReader,
): Promise<{ names: unknown; sheets: unknown; inventory: unknown }> {
  const inventory = await port.inventory();
  const names = await port.readNames(inventory.names);
  const sheets = await port.readSheets(inventory.sheets.map((s) => s.name));
  return { names, sheets, inventory: { ...inventory, localNames: undefined } };
}

describe('streaming xlsx reader', () => {
  it.each(FORMATS)(
    'reads the %s example exactly as the exceljs adapter does, and audits it the same',
    async (format) => {
      const file = await example(format);
      const before = readFileSync(file);
      const reader = await XlsxReader.open(file);
      const port = await exceljsPort(file);
      expect(await everything(reader)).toEqual(await everything(port));
      expect(await audit(reader, 'tous')).toEqual(await audit(port, 'tous'));
      expect(readFileSync(file).equals(before)).toBe(true);
    },
  );

  it('reads a workbook saved by LibreOffice as exceljs does (its own XML, dates, shared strings)', async () => {
    const file = await example('long-metrage');
    const lo = recalcWithLibreOffice(file, join(dir, 'lo'));
    const reader = await XlsxReader.open(lo);
    const port = await exceljsPort(lo);
    expect(await everything(reader)).toEqual(await everything(port));
    const report = await audit(reader, 'tous');
    expect(report).toEqual(await audit(port, 'tous'));
    expect(report.counts.erreur).toBe(0);
  }, 120_000);

  it('reads what Excel writes: shared formulas, inline and rich strings, prefixes, booleans, errors, dates, 1904', async () => {
    const file = join(dir, 'excel-like.xlsx');
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/><x:sheets><x:sheet name="Budget &amp; co" sheetId="1" r:id="rId1"/><x:sheet name="Vide" sheetId="2" r:id="rId2"/></x:sheets>
<x:definedNames><x:definedName name="Taux">'Budget &amp; co'!$B$1</x:definedName><x:definedName name="Local" localSheetId="0">'Budget &amp; co'!$A$1:$C$3</x:definedName></x:definedNames></x:workbook>`,
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    );
    zip.file(
      'xl/styles.xml',
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    );
    zip.file(
      'xl/sharedStrings.xml',
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Scénario &lt;1&gt;</t></si><si><r><rPr><b/></rPr><t>Riche</t></r><r><t xml:space="preserve"> texte</t></r><rPh><t>ふりがな</t></rPh></si></sst>`,
    );
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C5"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>0.2</v></c><c r="C1" t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>10</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*$B$1</f><v>2</v></c></row>
<row><c><v>20</v></c><c r="B3" s="1"><v>0</v></c><c r="C3"><f t="shared" si="0"/><v>0</v></c></row>
<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#REF!</v></c><c r="C4"><f t="shared" si="0"/><v>8</v></c><c r="D4" s="1"/></row>
<row r="6"><c r="B6" t="str"><f>A2&amp;"!"</f><v>Riche texte!</v></c><c r="C6" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
</sheetData><!-- <row r="9"><c r="A9"><v>1</v></c></row> --></worksheet>`,
    );
    zip.file(
      'xl/worksheets/sheet2.xml',
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
    );
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const reader = await XlsxReader.open(file);
    const inventory = await reader.inventory();
    expect(inventory).toEqual({
      sheets: [
        { name: 'Budget & co', empty: false },
        { name: 'Vide', empty: true },
      ],
      names: ['Taux'],
      localNames: [{ sheet: 'Budget & co', name: 'Local' }],
    });
    const sheet = (await reader.readSheets(['Budget & co', 'Vide']))['Budget & co'];
    expect(sheet?.topLeft).toBe('A1');
    expect(sheet?.values).toEqual([
      ['Scénario <1>', 0.2, '=HYPERLINK("x")'],
      ['Riche texte', 10, 2],
      [20, new Date(Date.UTC(1904, 0, 1)), 0],
      [true, { error: '#REF!' }, 8],
      [null, null, null],
      [null, 'Riche texte!', { error: '#DIV/0!' }],
    ]);
    expect(sheet?.formulas?.map((r) => r[2])).toEqual([
      '=HYPERLINK("x")',
      '=B2*$B$1',
      '=B3*$B$1',
      '=B4*$B$1',
      null,
      '=1/0',
    ]);
    expect((await reader.readSheets(['Vide'])).Vide).toBeNull();
    expect((await reader.readName('Taux'))?.values).toEqual([[0.2]]);
    expect((await reader.readName('Local'))?.topLeft).toBe('A1');
    expect(await reader.readName('Absent')).toBeNull();
  });

  it('stops counting at the cell budget while streaming, with a French message', async () => {
    const file = await example('court-metrage');
    const run = async (maxCells: number): Promise<unknown> =>
      audit(await XlsxReader.open(file, { ...DEFAULT_READ_LIMITS, maxCells }), 'tous');
    // Past the shared strings, inside a sheet; then within the shared strings themselves.
    await expect(run(1500)).rejects.toThrow(XlsxReadError);
    await expect(run(1500)).rejects.toThrow(/^classeur refusé : plus de 1\s500 cellules$/);
    await expect(run(50)).rejects.toThrow(/^classeur refusé : plus de 50 cellules$/);
  });

  it('refuses a sheet larger than the cell budget can hold from its directory, before inflating it', async () => {
    const file = await example('court-metrage');
    const devis = (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet2.xml');
    const size = (await devis?.async('nodebuffer'))?.length ?? 0;
    expect(size).toBeGreaterThan(10_000);
    // The budget of 500 cells at 48 bytes: 24 000 bytes a sheet.
    const limits = { ...DEFAULT_READ_LIMITS, maxCells: 500, maxSheetBytes: 500 * BYTES_PER_CELL };
    await expect(XlsxReader.open(file, limits)).rejects.toThrow(XlsxReadError);
    // Paramètres (sheet1) is under the cap; the Devis, next in tab order, is not.
    await expect(XlsxReader.open(file, limits)).rejects.toThrow(
      `classeur refusé : la feuille « Devis » se décompresse en ${Math.round(size / 1024)} Kio, au-delà de 23 Kio (500 cellules)`,
    );
    // The default: 4 000 000 cells, 183 Mio a sheet.
    expect(DEFAULT_READ_LIMITS.maxSheetBytes).toBe(4_000_000 * 48);
    expect(Math.round(DEFAULT_READ_LIMITS.maxSheetBytes / 2 ** 20)).toBe(183);
  });

  it('refuses an entry that inflates past the size its zip directory declares', async () => {
    const file = await example('court-metrage');
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file('xl/worksheets/sheet2.xml', `${'<!-- bourrage -->'.repeat(200_000)}`);
    const padded = join(dir, 'padded.xlsx');
    writeFileSync(padded, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    // Lie in the central directory: the devis sheet declares 1 000 bytes.
    const bytes = readFileSync(padded);
    const name = Buffer.from('xl/worksheets/sheet2.xml');
    for (let p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0;) {
      if (bytes.subarray(p + 46, p + 46 + name.length).equals(name)) bytes.writeUInt32LE(1000, p + 24);
      p = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
    }
    const liar = join(dir, 'liar.xlsx');
    writeFileSync(liar, bytes);
    const reader = await XlsxReader.open(liar);
    await expect(reader.readSheets(['Devis'])).rejects.toThrow(
      'classeur refusé : xl/worksheets/sheet2.xml se décompresse au-delà de la taille annoncée par l’archive, signe d’une archive piégée',
    );
  });

  it('reads a stray cell at the last row without building a million rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Feuil1');
    ws.getCell('A1').value = 'Titre';
    ws.getCell('B1048576').value = 1;
    const file = join(dir, 'stray.xlsx');
    await wb.xlsx.writeFile(file);
    const reader = await XlsxReader.open(file, { ...DEFAULT_READ_LIMITS, maxCells: 100_000 });
    const sheet = (await reader.readSheets(['Feuil1'])).Feuil1;
    expect(sheet?.truncated).toBe(true);
    expect(sheet?.values.length).toBe(50_000);
    expect(sheet?.values[0]).toEqual(['Titre', null]);
  });
});
