import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../src/sheets/model/plan';
import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { exampleBudget, exampleParameters } from '../../src/domain/budget/templates';
import { exampleCarbon } from '../../src/domain/carbon/bilan';
import { carbonCsv } from '../../src/workbook/carbonCsv';
import { OfficePort } from '../../src/workbook/office/officePort';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { createFakeExcel, writtenCells } from '../support/fakeExcel';

/* Text from users or files is shown, never run, by Excel or by a CSV reader (OWASP CSV injection). */
const HOSTILE = ['=HYPERLINK("http://x","clic")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3'];

function planWith(text: string): WorkbookPlan {
  return {
    sheets: [
      {
        name: 'Notes',
        cells: [
          { address: 'A1', value: text },
          { address: 'A2', formula: 'ROUND(1.005,2)', result: 1.01 },
        ],
        columnWidths: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
    names: [],
    charts: [],
  };
}

describe.each(HOSTILE)('%s', (text) => {
  it('is written by the Office adapter as text (quote prefix), while a real formula stays a formula', async () => {
    const fake = createFakeExcel();
    await new OfficePort(fake.run).applyPlan(planWith(text));
    const sheet = fake.recorder.sheets.get('Notes');
    const cells = sheet ? writtenCells(sheet) : new Map<string, unknown>();
    expect(cells.get('A1')).toBe(`'${text}`);
    expect(cells.get('A2')).toBe('=ROUND(1.005,2)');
  });

  it('is written by the xlsx adapter as a string cell, read back as the same text', async () => {
    const wb = new ExcelJS.Workbook();
    await new XlsxPort(wb).applyPlan(planWith(text));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const cell = back.getWorksheet('Notes')?.getCell('A1');
    expect([cell?.type, cell?.value]).toEqual([ExcelJS.ValueType.String, text]);
  });

  it('is neutralised in the carbon CSV (leading quote), the other fields unchanged', async () => {
    const carbon = exampleCarbon();
    const first = carbon.lines[0];
    if (!first) throw new Error('no line');
    const { plan } = buildScaffoldPlan({
      format: 'long-metrage',
      budget: exampleBudget(),
      production: exampleParameters(),
      carbon: { lines: [{ ...first, label: text }], measures: carbon.measures },
    });
    const wb = new ExcelJS.Workbook();
    await new XlsxPort(wb).applyPlan(plan);
    const { csv } = await carbonCsv(new XlsxPort(wb));
    const fields = csv.split('\r\n')[1]?.split(';') ?? [];
    const expected = `'${text}`;
    expect(fields[1]).toBe(/[;"]/.test(expected) ? `"${expected.replace(/"/g, '""')}"` : expected);
    expect(fields[2]).toBe(first.key);
  });
});
