import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { computeExpenses } from '../../src/domain/expenses/expenses';
import { exampleExpenses } from '../../src/domain/expenses/example';
import { Money } from '../../src/domain/money';
import {
  EXPENSE_CHAPTER_COLUMNS as CH,
  EXPENSE_CODE_COLUMNS as CO,
  EXPENSE_COLUMNS as E,
} from '../../src/sheets/expenses/contract';
import { findingsOf } from '../support/audit';
import { editWithLibreOffice, namedValues, recalcProfile } from '../support/libreoffice';

/*
 * The Dépenses ledger: totals exact to the cent in the domain, the same figures recomputed by
 * LibreOffice from our formulas, and a piece added on an inserted row counted in every total.
 */
jest.setTimeout(240_000);

const silent = { out: () => undefined, err: () => undefined };

describe('Dépenses', () => {
  it('totals the example ledger exactly: engagé, payé, TTC, per code', () => {
    const t = computeExpenses(exampleExpenses('long-metrage'));
    // The example at the end of its shoot: 181 pieces, from development to the last week.
    expect(exampleExpenses('long-metrage')).toHaveLength(181);
    expect(t.engaged.toFixed(2)).toBe('2580658.10');
    expect(t.paid.toFixed(2)).toBe('1360607.32');
    expect(t.tva.toFixed(2)).toBe('143439.60');
    expect(t.ttc.toFixed(2)).toBe('2724097.70');
    // Payroll: each charges line holds its status's pay × the Devis's rate — technicians
    // 372 600 € × 55,5 % = 206 793,00 €; performers 271 400 € × 50,5 % = 137 057,00 €; authors
    // 203 000 € × 1,1 % = 2 233,00 € (cadres: 163 773,49 €, a cent under 270 700 € × 60,5 %, one
    // rounding per payroll).
    expect(['4.1.1', '4.1.2', '4.1.3', '4.2', '4.3'].map((c) => t.byCode.get(c)?.engaged.toFixed(2))).toEqual(
      ['206793.00', '163773.49', '34400.00', '137057.00', '2233.00'],
    );
    // The bridging loan's interest as the Trésorerie's measure gives it: 600 000 € at 4 %, 16 days
    // of March (1 052,05 €) with the 1 200 € fee, then 91 days (5 983,56 €); the pre-financing's fee.
    expect(t.byCode.get('9.4')?.engaged.toFixed(2)).toBe('8735.61');
    expect(t.byCode.get('7.1')).toEqual({ engaged: new Money('45500'), paid: new Money('45500') });
    // The adaptation rights: the option and the renegotiated balance, 5 000 € over the devis.
    expect(t.byCode.get('1.1')?.paid.toFixed(2)).toBe('65000.00');
    expect(exampleExpenses('serie')).toEqual([]);
  });

  describe('in LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-depenses-'));
    const profile = recalcProfile();
    const example = join(dir, 'exemple.xlsx');

    beforeAll(async () => {
      expect(await main(['new', '--out', example, '--exemple'], silent)).toBe(0);
    });

    it('counts a piece typed on a row inserted inside the ledger, in the totals per code and per chapter', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(example);
      const sheet = wb.getWorksheet('Dépenses');
      // The per-code table: the row of code 7.1 (caméra).
      let row71 = 0;
      let row7 = 0;
      sheet?.getColumn(CO.letter('code')).eachCell((c, r) => {
        if (c.value === '7.1') row71 = r;
        if (c.value === '7') row7 = r; // the per-chapter table, below
      });
      expect(row7).toBeGreaterThan(row71);
      const chapter7 = Number(
        (sheet?.getCell(CH.cell('engaged', row7)).value as { result?: number } | null)?.result,
      );
      expect(row71).toBeGreaterThan(4);
      const edited = editWithLibreOffice(
        example,
        join(dir, 'insertion.xlsx'),
        [
          // Between the 2nd and 3rd pieces, as a person inserts a row, TTC left empty.
          { op: 'insertRow', sheet: 'Dépenses', row: 7 },
          { op: 'set', sheet: 'Dépenses', cell: E.cell('piece', 7), value: 'F-0007' },
          { op: 'set', sheet: 'Dépenses', cell: E.cell('code', 7), value: '7.1' },
          { op: 'set', sheet: 'Dépenses', cell: E.cell('ht', 7), value: 1234.56 },
          { op: 'set', sheet: 'Dépenses', cell: E.cell('tva', 7), value: 246.91 },
          { op: 'set', sheet: 'Dépenses', cell: E.cell('status', 7), value: 'Payé' },
        ],
        profile,
      );
      const v = await namedValues(edited, ['Dep_Engage', 'Dep_Paye', 'Dep_TotalTVA']);
      expect(v).toEqual({ Dep_Engage: 2581892.66, Dep_Paye: 1361841.88, Dep_TotalTVA: 143686.51 });
      const lo = new ExcelJS.Workbook();
      await lo.xlsx.readFile(edited);
      const ws = lo.getWorksheet('Dépenses');
      const result = (address: string): unknown => {
        const c = ws?.getCell(address);
        return c?.type === ExcelJS.ValueType.Formula ? c.result : c?.value;
      };
      // The per-code table sits right of the ledger: its rows moved down by one with the insertion.
      expect([result(CO.cell('engaged', row71 + 1)), result(CO.cell('paid', row71 + 1))]).toEqual([
        46734.56, 46734.56,
      ]);
      // Chapter 7 had 123 800 € committed at the end of the shoot; it now has the new piece too,
      // against its devis (Devis_Poste7), the gap in red when it goes over.
      expect(chapter7).toBe(123800);
      expect(result(CH.cell('engaged', row7 + 1))).toBe(125034.56);
      expect(Number(result(CH.cell('left', row7 + 1)))).toBeCloseTo(
        Number(result(CH.cell('devis', row7 + 1))) - 125034.56,
        2,
      );
    });

    it('finds a salary booked without its charges at the charges line of its status, with the figures', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(example);
      const sheet = wb.getWorksheet('Dépenses');
      let salary = 0;
      let row412 = 0;
      sheet?.getColumn(E.letter('piece')).eachCell((c, r) => {
        if (c.value === 'S-0025') salary = r;
      });
      sheet?.getColumn(CO.letter('code')).eachCell((c, r) => {
        if (c.value === '4.1.2') row412 = r;
      });
      expect(sheet?.getCell(E.cell('ht', salary)).value).toBe(8000);
      // The example books every payroll's charges: nothing to say.
      expect(await findingsOf(example, 'expense-payroll-charges')).toEqual([]);
      // The first assistant director's March pay (a cadre) raised to 10 000 € without its charges.
      const edited = editWithLibreOffice(
        example,
        join(dir, 'salaire.xlsx'),
        [{ op: 'set', sheet: 'Dépenses', cell: E.cell('ht', salary), value: 10000 }],
        profile,
      );
      const found = await findingsOf(edited, 'expense-payroll-charges');
      expect(found.map((f) => `${f.sheet}!${f.address}`)).toEqual([`Dépenses!${CO.cell('engaged', row412)}`]);
      // 272 700 € of cadres' pay × 60,5 % = 164 983,50 €; 163 773,49 € booked (the payrolls'
      // rounding cent, and the 1 210 € of the raise).
      expect(found[0]?.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
        'Charges 4.1.2 (cadre) au grand livre : 163 773,49 € pour 164 983,50 € calculés sur 272 700,00 € de salaires au taux de 60,5 % du Devis : écart de -1 210,01 €.',
      );
    });
  });
});
