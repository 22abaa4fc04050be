import type ExcelJS from 'exceljs';

/**
 * A small ledger for insertion tests: a sheet « Dépenses » with the amounts 10, 20, 30 in A1:A3
 * (format 0.00), their total `SUM(A1:A3)` in A4, and a note beside, in C3.
 */
export function smallLedger(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('Dépenses');
  [10, 20, 30].forEach((v, i) => {
    const c = ws.getCell(`A${i + 1}`);
    c.value = v;
    c.numFmt = '0.00';
  });
  ws.getCell('A4').value = { formula: 'SUM(A1:A3)', result: 60 };
  ws.getCell('C3').value = 'à côté';
  return ws;
}
