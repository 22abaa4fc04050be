import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Money } from '../../src/domain/money';
import { main } from '../../src/cli/main';
import { editWithLibreOffice, namedValues, recalcProfile } from '../support/libreoffice';

/*
 * `devis-cnc comparer`: the example, then a V2 edited in LibreOffice as a producer would (a rate
 * raised, a line deleted, a line inserted inside its sous-poste, a source's amount changed). The
 * comparison finds exactly these, with the deltas the test computes from its own edits, and the
 * totals LibreOffice recomputed. Then a devis built by hand, edited the same way.
 */
jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-compare-'));
const profile = recalcProfile();
const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Delta {
  code: string;
  before: string | null;
  after: string | null;
  delta: string;
}
interface Json {
  devis: {
    total: Delta;
    chapters: Delta[];
    unchangedLines: number;
    lines: {
      code: string;
      change: string;
      computed: boolean;
      fields: string[];
      delta: string;
      before: { rate: string | null; amount: string | null; at: { address: string } | null } | null;
      after: { rate: string | null; amount: string | null; at: { address: string } | null } | null;
    }[];
  };
  financing: {
    total: Delta;
    unchangedSources: number;
    sources: { name: string; change: string; fields: string[]; delta: string }[];
  };
}

const v1 = join(dir, 'v1.xlsx');
const v2 = join(dir, 'v2.xlsx');
// The edits, in the example's own figures: the director's weekly rate, 15 weeks.
const RATE_BEFORE = 3200;
const RATE_AFTER = 3500;
const WEEKS = 15;
const REMOVED = 3500; // 2.4.4 Photographe de plateau, 10 days × 350 €
const ADDED = { weeks: 5, rate: 1500 };
const CANAL = { before: 700000, after: 750000 };

beforeAll(async () => {
  expect((await run(['new', '--out', v1, '--exemple', '--force'])).code).toBe(0);
  editWithLibreOffice(
    v1,
    v2,
    [
      { op: 'set', sheet: 'Devis', cell: 'G21', value: RATE_AFTER },
      { op: 'deleteRows', sheet: 'Devis', row: 34, count: 1 },
      { op: 'insertRow', sheet: 'Devis', row: 24 },
      { op: 'set', sheet: 'Devis', cell: 'A24', value: '2.2.5' },
      { op: 'set', sheet: 'Devis', cell: 'B24', value: 'Régisseur adjoint' },
      { op: 'set', sheet: 'Devis', cell: 'C24', value: 'Technicien' },
      { op: 'set', sheet: 'Devis', cell: 'D24', value: ADDED.weeks },
      { op: 'set', sheet: 'Devis', cell: 'E24', value: 'Semaine' },
      { op: 'set', sheet: 'Devis', cell: 'F24', value: 1 },
      { op: 'set', sheet: 'Devis', cell: 'G24', value: ADDED.rate },
      // The row's other formulas, as a person copies them from the row above: dont France, the
      // tax-credit share, the line's own charges.
      { op: 'formula', sheet: 'Devis', cell: 'H24', formula: '=ROUND(D24*F24*G24;2)' },
      { op: 'formula', sheet: 'Devis', cell: 'I24', formula: '=H24-J24' },
      { op: 'set', sheet: 'Devis', cell: 'L24', value: 1 },
      {
        op: 'formula',
        sheet: 'Devis',
        cell: 'M24',
        formula: '=ROUND(H24*SUMIF(Param_StatutsCharges;C24;Param_TauxParStatut);2)',
      },
      { op: 'set', sheet: 'Plan de financement', cell: 'F25', value: CANAL.after },
    ],
    profile,
  );
});

describe('devis-cnc comparer', () => {
  it('finds exactly the lines and the source changed, with their deltas and cells', async () => {
    const before = hash(v1);
    const after = hash(v2);
    const r = await run(['comparer', v1, v2, '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as Json;
    const cents = (n: number): string => new Money(n).toFixed(2);
    // What the producer typed: exactly the three edits.
    expect(c.devis.lines.filter((l) => !l.computed)).toEqual([
      {
        code: '2.2.1',
        change: 'changed',
        computed: false,
        fields: ['rate', 'amount'],
        delta: cents(WEEKS * (RATE_AFTER - RATE_BEFORE)),
        before: expect.objectContaining({
          rate: String(RATE_BEFORE),
          amount: cents(WEEKS * RATE_BEFORE),
          at: { sheet: 'Devis', address: 'H21' },
        }) as unknown,
        after: expect.objectContaining({
          rate: String(RATE_AFTER),
          amount: cents(WEEKS * RATE_AFTER),
          at: { sheet: 'Devis', address: 'H21' },
        }) as unknown,
      },
      expect.objectContaining({
        code: '2.2.5',
        change: 'added',
        delta: cents(ADDED.weeks * ADDED.rate),
        before: null,
      }) as unknown,
      expect.objectContaining({
        code: '2.4.4',
        change: 'removed',
        delta: cents(-REMOVED),
        after: null,
      }) as unknown,
    ]);
    // What followed: the charges of each status, on the salaries added and removed, at the rates
    // of Paramètres (the director is a cadre, the new régisseur and the photographer technicians).
    const rates = await namedValues(v1, [
      'Param_TauxCharges_Technicien',
      'Param_TauxCharges_Cadre',
      'Param_MajorationCDDU',
    ]);
    const cddu = new Money(rates.Param_MajorationCDDU as number);
    const technicians = new Money(rates.Param_TauxCharges_Technicien as number).plus(cddu);
    const cadres = new Money(rates.Param_TauxCharges_Cadre as number).plus(cddu);
    const charges = (base: number, rate: Money): string => rate.times(base).toDecimalPlaces(2).toFixed(2);
    expect(c.devis.lines.filter((l) => l.computed).map((l) => [l.code, l.change, l.delta])).toEqual([
      ['4.1.1', 'changed', charges(ADDED.weeks * ADDED.rate - REMOVED, technicians)],
      ['4.1.2', 'changed', charges(WEEKS * (RATE_AFTER - RATE_BEFORE), cadres)],
    ]);
    // 94 costed lines in the example: two changed by hand, one removed, two recalculated.
    expect(c.devis.unchangedLines).toBe(90);
    const personnel = c.devis.chapters.find((d) => d.code === '2');
    expect(personnel?.delta).toBe(
      cents(WEEKS * (RATE_AFTER - RATE_BEFORE) + ADDED.weeks * ADDED.rate - REMOVED),
    );
    // The totals are the ones LibreOffice recomputed in each version.
    const t1 = (await namedValues(v1, ['Devis_Total'])).Devis_Total as number;
    const t2 = (await namedValues(v2, ['Devis_Total'])).Devis_Total as number;
    expect(c.devis.total).toEqual({
      code: 'TOTAL',
      label: 'Total du devis',
      before: cents(t1),
      after: cents(t2),
      delta: new Money(t2).minus(t1).toFixed(2),
    });
    expect(c.financing.sources).toEqual([
      expect.objectContaining({
        name: 'Canal+ — préachat',
        change: 'changed',
        fields: ['amount'],
        delta: cents(CANAL.after - CANAL.before),
      }),
    ]);
    expect(c.financing.unchangedSources).toBe(8);
    // Neither file touched.
    expect(hash(v1)).toBe(before);
    expect(hash(v2)).toBe(after);
  });

  it('says it in French, line by line, with the cell to look at', async () => {
    const r = await run(['comparer', v1, v2]);
    expect(r.code).toBe(0);
    const text = r.out.replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toContain('Lignes : 1 modifiée, 1 ajoutée, 1 supprimée, 2 recalculées, 90 inchangées');
    expect(text).toMatch(
      /recalculée 4\.1\.2 Charges sociales sur personnel — cadres : montant .* → .* \(\+2 722,50 €\) — Devis!H79/,
    );
    expect(text).toContain(
      'modifiée  2.2.1 Réalisateur — salaire de technicien : taux 3 200,00 € → 3 500,00 € ; montant 48 000,00 € → 52 500,00 € (+4 500,00 €) — Devis!H21',
    );
    expect(text).toContain('ajoutée   2.2.5 Régisseur adjoint : 7 500,00 € — Devis!H24');
    expect(text).toContain('supprimée 2.4.4 Photographe de plateau : 3 500,00 € — était en Devis!H34');
    expect(text).toContain('2 PERSONNEL : ');
    expect(text).toContain(
      'modifiée  Canal+ — préachat : montant 700 000,00 € → 750 000,00 € (+50 000,00 €) — Plan de financement!F25',
    );
  });

  it('writes the comparison in a workbook, and leaves an existing one unless --force', async () => {
    const out = join(dir, 'comparaison.xlsx');
    expect((await run(['comparer', v1, v2, '--sortie', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const lines = wb.getWorksheet('Lignes');
    expect(lines?.getRow(2).values).toEqual([
      undefined,
      'Modifiée',
      '2.2.1',
      'Réalisateur — salaire de technicien',
      'taux, montant',
      WEEKS,
      WEEKS,
      RATE_BEFORE,
      RATE_AFTER,
      WEEKS * RATE_BEFORE,
      WEEKS * RATE_AFTER,
      WEEKS * (RATE_AFTER - RATE_BEFORE),
      'Devis!H21',
    ]);
    expect(wb.getWorksheet('Sources')?.getRow(2).getCell(6).value).toBe(CANAL.after - CANAL.before);
    const again = await run(['comparer', v1, v2, '--sortie', out]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('existe déjà');
  });

  it('says there is no difference between a file and itself', async () => {
    const r = await run(['comparer', v1, v1]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Aucune différence dans le devis ni dans le plan de financement.');
  });

  it('compares two versions of a devis built by hand', async () => {
    const source = join(__dirname, '..', 'fixtures', 'handmade', 'avec-financement.xlsx');
    const h1 = join(dir, 'fait-main-v1.xlsx');
    const h2 = join(dir, 'fait-main-v2.xlsx');
    copyFileSync(source, h1);
    // The director's 10 weeks at 3 500 € become 12.
    editWithLibreOffice(h1, h2, [{ op: 'set', sheet: 'Devis', cell: 'C9', value: 12 }], profile);
    const r = await run(['comparer', h1, h2, '--format', 'json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out) as Json;
    expect(c.devis.lines.map((l) => [l.code, l.change, l.fields, l.delta])).toEqual([
      ['21', 'changed', ['quantity', 'amount'], new Money(2 * 3500).toFixed(2)],
    ]);
    expect(c.devis.chapters.find((d) => d.code === '2')?.delta).toBe('7000.00');
  });

  it('refuses a missing file, a file without a devis and a wrong call, exit 2', async () => {
    const missing = await run(['comparer', v1, join(dir, 'absent.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Classeur introuvable');
    const empty = join(dir, 'vide.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 'Notes';
    await wb.xlsx.writeFile(empty);
    const none = await run(['comparer', empty, v1]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('aucun devis lisible');
    expect((await run(['comparer', v1])).code).toBe(2);
    expect((await run(['comparer', v1, v2, '--format', 'pdf'])).code).toBe(2);
    expect(existsSync(join(dir, 'absent.xlsx'))).toBe(false);
  });
});
