import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { computeExpenses } from '../../src/domain/expenses/expenses';
import { exampleExpenses } from '../../src/domain/expenses/example';
import {
  computeFollowUp,
  exampleFollowUp,
  gapThresholdDefaults,
  scheduleElapsed,
} from '../../src/domain/followup/followup';
import { isoDay } from '../../src/domain/isoDay';
import { Money } from '../../src/domain/money';
import { FOLLOWUP_ARBITRAGE_CELL, FOLLOWUP_COLUMNS as F } from '../../src/sheets/followup/contract';
import { examplePlan } from '../support/plans';
import { editWithLibreOffice, namedValues, recalcProfile } from '../support/libreoffice';
import { rowOfResult, toCents } from '../support/cells';

/*
 * The Suivi budgétaire: every costed devis line with its engagé, payé, reste à engager, estimé
 * final and écart, exact to the cent in the domain; the same figures recomputed by LibreOffice;
 * an écart without explanation and an overrun without arbitrage found at their cells.
 */
jest.setTimeout(240_000);

describe('Suivi budgétaire', () => {
  it('computes each line and the dashboard of the example exactly, overruns ranked', () => {
    const { plan } = examplePlan();
    const sheet = plan.sheets.find((s) => s.name === 'Suivi budgétaire');
    const value = (address: string): unknown => sheet?.cells.find((c) => c.address === address)?.result;
    const rowOf = (code: string): number => {
      const c = sheet?.cells.find((x) => x.address.startsWith(F.letter('code')) && x.result === code);
      return Number(c?.address.slice(F.letter('code').length));
    };
    const line = (code: string) => {
      const r = rowOf(code);
      return [
        value(F.cell('devis', r)),
        value(F.cell('engaged', r)),
        value(F.cell('final', r)),
        value(F.cell('gap', r)),
        value(F.cell('rank', r)),
      ];
    };
    // At the end of the shoot. Studio: one more day of plateau B; rights renegotiated; trains;
    // visual effects saved (30 000 € signed, 8 000 € still to engage).
    expect(line('5.1')).toEqual([21000, 24500, 24500, 3500, 2]);
    expect(line('1.1')).toEqual([60000, 65000, 65000, 5000, 1]);
    expect(line('6.1.2')).toEqual([6600, 7986, 7986, 1386, 3]);
    expect(line('8.3')).toEqual([45000, 30000, 38000, -7000, '']);
    // A line nobody estimated: the devis not yet committed.
    expect(line('7.1')).toEqual([45500, 45500, 45500, 0, '']);
    // Charges follow the pay: the authors' rights overrun (1.1, +5 000 €) raises their charges
    // (4.3) by 1,1 % of it, 55 €, above the 2 233 € the ledger has booked on the rights paid so far.
    expect(line('4.3')).toEqual([2893, 2233, 2948, 55, 4]);
    const board = (name: string): unknown => {
      const n = plan.names.find((x) => x.name === name);
      return value(n?.ref.replace(/\$/g, '') ?? '');
    };
    // The frais généraux at completion: 7 % of the protocol's base (2 565 331,86 €) moved by the
    // lines' 2 941 € of écarts (none on the fee or the frais financiers): 179 779,10 €, not the
    // devis's 179 573,23 €.
    expect(
      [
        'Suivi_Devis',
        'Suivi_EcartLignes',
        'Suivi_ImprevusRestants',
        'Suivi_FraisGeneraux',
        'Suivi_FraisGenerauxFinal',
        'Suivi_CoutFinal',
        'Suivi_EcartDevis',
      ].map(board),
    ).toEqual([3035291.62, 2941, 133045.59, 179573.23, 179779.1, 2902451.9, -132839.72]);
  });

  it('raises the charges of a status with its pay: a salary overrun, then a saving, by hand', () => {
    const none = computeExpenses([]);
    const rate = new Money('0.58'); // technicien 55 % + CDDU 3 %
    const devisLines = [
      {
        chapter: '2',
        code: '2.1',
        label: 'Chef opérateur',
        amount: new Money(10000),
        status: 'technicien' as const,
      },
      {
        chapter: '2',
        code: '2.2',
        label: 'Régisseur',
        amount: new Money(8000),
        status: 'technicien' as const,
      },
      {
        chapter: '3',
        code: '3.1',
        label: 'Rôle principal',
        amount: new Money(20000),
        status: 'artiste' as const,
      },
      {
        chapter: '4',
        code: '4.1.1',
        label: 'Charges techniciens',
        amount: new Money(10440),
        charges: { status: 'technicien' as const, rate },
      },
    ];
    const run = (remaining: Record<string, number>) =>
      computeFollowUp(
        devisLines,
        none,
        {
          situationDate: null,
          arbitrage: '',
          lines: Object.entries(remaining).map(([code, v]) => ({ code, remaining: new Money(v) })),
        },
        gapThresholdDefaults(),
      ).lines.find((l) => l.code === '4.1.1');
    // The chef opérateur at 12 345,67 € (+2 345,67 €), the artist +5 000 €: the technicians'
    // charges rise by 58 % of 2 345,67 = 1 360,49 € (1 360,4886), the artist's pay moves nothing here.
    const over = run({ '2.1': 12345.67, '3.1': 25000 });
    expect([over?.final.toFixed(2), over?.gap.toFixed(2)]).toEqual(['11800.49', '1360.49']);
    // A saving lowers them: the régisseur at 7 000 € (−1 000 €) with the overrun: −580 €.
    const both = run({ '2.1': 12345.67, '2.2': 7000 });
    expect(both?.final.toFixed(2)).toBe('11220.49');
    // A typed reste à engager on the charges line is the production's own estimate: kept.
    expect(run({ '2.1': 12345.67, '4.1.1': 9000 })?.final.toFixed(2)).toBe('9000.00');
  });

  it('flags écarts at or above both thresholds, and sums to the cent', () => {
    const expenses = computeExpenses(exampleExpenses('long-metrage'));
    const devisLines = [{ chapter: '5', code: '5.1', label: 'Studios', amount: new Money(21000) }];
    const r = computeFollowUp(devisLines, expenses, exampleFollowUp('long-metrage'), gapThresholdDefaults());
    expect(r.lines[0]?.flagged).toBe(true);
    expect(r.lines[0]?.gapRate?.toFixed(4)).toBe('0.1667');
    expect(r.final.toFixed(2)).toBe('24500.00');
    // 300 € over a line of 63 000 € (0,5 %, under 1 000 €): not flagged.
    const small = computeFollowUp(
      devisLines.map((d) => ({ ...d, amount: d.amount.times(3) })),
      expenses,
      { situationDate: null, arbitrage: '', lines: [{ code: '5.1', remaining: new Money(38800) }] },
      gapThresholdDefaults(),
    );
    expect(small.lines[0]?.gap.toFixed(2)).toBe('300.00');
    expect(small.lines[0]?.flagged).toBe(false);
    expect(
      scheduleElapsed(isoDay('2027-03-01'), isoDay('2027-01-01'), isoDay('2027-05-01'))?.toFixed(4),
    ).toBe('0.4917');
    expect(
      scheduleElapsed(isoDay('2026-11-30'), isoDay('2027-01-01'), isoDay('2027-05-01'))?.toFixed(0),
    ).toBe('0');
    expect(scheduleElapsed(null, isoDay('2027-01-01'), isoDay('2027-05-01'))).toBeNull();
  });
});

describe('Suivi budgétaire in LibreOffice', () => {
  const silent = { out: () => undefined, err: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-suivi-'));
  const profile = recalcProfile();
  const file = join(dir, 'exemple.xlsx');

  beforeAll(async () => {
    expect(await main(['new', '--out', file, '--exemple'], silent)).toBe(0);
  });

  it('recomputes the dashboard; an écart left unexplained and an overrun without arbitrage are found at their cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const row51 = rowOfResult(wb.getWorksheet('Suivi budgétaire'), F.letter('code'), '5.1');
    expect(row51).toBeGreaterThan(7);
    const before = readFileSync(file);
    const edited = editWithLibreOffice(
      file,
      join(dir, 'depassement.xlsx'),
      [
        // The studio now needs 141 800 € more to engage: beyond what the imprévus cover.
        { op: 'set', sheet: 'Suivi budgétaire', cell: F.cell('remaining', row51), value: 141800 },
        { op: 'set', sheet: 'Suivi budgétaire', cell: F.cell('explanation', row51), value: '' },
        { op: 'set', sheet: 'Suivi budgétaire', cell: FOLLOWUP_ARBITRAGE_CELL, value: '' },
      ],
      profile,
    );
    const v = await namedValues(edited, ['Suivi_EcartLignes', 'Suivi_CoutFinal', 'Suivi_EcartDevis']);
    // Lines: +2 941 € before; the studio's estimé final goes from 24 500 to 166 300 € (24 500 €
    // engaged + 141 800 €), so the
    // lines' écart (144 741 €) passes the imprévus (135 986,59 €) by 8 754,41 €, and the frais
    // généraux at completion take 7 % of the 141 800 € more: 9 926 € (10 131,87 € over the devis's
    // with the 2 941 € of before), 18 886,28 € above the devis.
    // LibreOffice computes in binary floating point: compared to the cent.
    const cents = toCents(v);
    expect(cents).toEqual({
      Suivi_EcartLignes: 144741,
      Suivi_CoutFinal: 3054177.9,
      Suivi_EcartDevis: 18886.28,
    });
    const out: string[] = [];
    const code = await main(['audit', edited, '--format', 'json'], {
      out: (s) => out.push(s),
      err: () => undefined,
    });
    expect(code).toBe(1);
    const report = JSON.parse(out.join('')) as {
      files: {
        findings: { ruleId: string; messageId: string; message: string; sheet: string; address: string }[];
      }[];
    };
    const found = (report.files[0]?.findings ?? []).filter((f) => f.ruleId.startsWith('followup'));
    expect(found.map((f) => `${f.messageId}@${f.sheet}!${f.address}`)).toEqual([
      `followup-gap-unexplained@Suivi budgétaire!${F.cell('explanation', row51)}`,
      `followup-arbitrage-missing@Suivi budgétaire!${FOLLOWUP_ARBITRAGE_CELL}`,
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Écart de +145\u202f300,00\u00a0€ (+691,9\u00a0%) sur la ligne 5.1 Studios sans explication\u00a0: au-delà des seuils (10\u00a0% et 1\u202f000,00\u00a0€), un écart s’explique.',
      'Coût estimé final 3\u202f054\u202f177,90\u00a0€ au-dessus du devis (3\u202f035\u202f291,62\u00a0€) de 18\u202f886,28\u00a0€, et aucun arbitrage proposé.',
    ]);
    // The example itself is untouched.
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
