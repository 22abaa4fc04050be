import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { editWithLibreOffice, recalcProfile, type LoOperation } from '../support/libreoffice';

/*
 * Golden workbooks: the example audits clean; copies mutated in LibreOffice as a person would
 * (typed subtotal, deleted chapter, unbalanced plan, intensity over its ceiling, deficit without
 * measure, #REF! in the récap, "1 234,56 €" typed in a taux cell) each make `devis-cnc audit`
 * exit 1 with the expected finding at the expected address.
 */
jest.setTimeout(300_000);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  sheet: string | null;
  address: string | null;
}

async function auditJson(
  file: string,
  referentiel = 'tous',
): Promise<{ code: number; findings: JsonFinding[]; err: string[] }> {
  const c = capture();
  const code = await main(['audit', file, '--referentiel', referentiel, '--format', 'json'], c.io);
  const parsed = JSON.parse(c.out.join('\n')) as { files: { findings?: JsonFinding[] }[] };
  return { code, findings: parsed.files[0]?.findings ?? [], err: c.err };
}

const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
const pick = (f: JsonFinding): [string, string, string | null, string | null] => [
  f.ruleId,
  f.severity,
  f.sheet,
  f.address,
];

describe('devis-cnc audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-audit-'));
  const example = join(dir, 'exemple.xlsx');
  const profile = recalcProfile();

  beforeAll(async () => {
    expect(await main(['new', '--out', example, '--exemple'], capture().io)).toBe(0);
  });

  it('finds no erreur in the example workbook, prints a French report, exits 0 and leaves the file untouched', async () => {
    const before = hash(example);
    const c = capture();
    expect(await main(['audit', example, '--referentiel', 'tous'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain('référentiel : tous (51 règles)');
    expect(text).toContain('Résumé : 0 erreur, 1 avertissement, 0 info.');
    expect(text).toContain('I22 — Bilan définitif partiel');
    expect(text).toContain('[ ] cpca:C1.4.1 (Plan de financement)');
    expect(hash(example)).toBe(before);
  });

  it('reads a file saved by LibreOffice (cached values) the same way', async () => {
    const saved = editWithLibreOffice(example, join(dir, 'libreoffice.xlsx'), [], profile);
    const r = await auditJson(saved);
    expect(r.code).toBe(0);
    expect(r.findings.map(pick)).toEqual([
      ['carbon-previsionnel-definitif', 'avertissement', 'Bilan carbone', 'I22'],
    ]);
  });

  const cases: [string, LoOperation[], [string, string, string | null, string | null]][] = [
    [
      'a subtotal replaced by a typed number',
      [{ op: 'set', sheet: 'Devis', cell: 'H59', value: 703900 }],
      ['devis-totals-are-formulas', 'erreur', 'Devis', 'H59'],
    ],
    [
      'chapter 9 deleted',
      [{ op: 'deleteRows', sheet: 'Devis', row: 138, count: 10 }],
      ['devis-nine-chapters', 'erreur', 'Devis', 'A4'],
    ],
    [
      'the plan unbalanced by 1 €',
      [{ op: 'set', sheet: 'Plan de financement', cell: 'F23', value: 250001 }],
      ['financing-balanced', 'erreur', 'Plan de financement', 'C7'],
    ],
    [
      'the intensity over its ceiling',
      [{ op: 'set', sheet: 'Plan de financement', cell: 'F24', value: 1000000 }],
      ['financing-public-private', 'erreur', 'Plan de financement', 'C12'],
    ],
    [
      'a deficit month without a measure',
      [
        ...[62, 63, 64, 65, 66].flatMap((row): LoOperation[] => [
          { op: 'set', sheet: 'Trésorerie', cell: `B${row}`, value: '' },
          { op: 'set', sheet: 'Trésorerie', cell: `I${row}`, value: '' },
        ]),
      ],
      ['cashflow-critical-period', 'erreur', 'Trésorerie', 'C55'],
    ],
    [
      'a #REF! in the récap',
      [{ op: 'formula', sheet: 'Récapitulatif', cell: 'C7', formula: '=#REF!' }],
      ['error-cells', 'erreur', 'Récapitulatif', 'C7'],
    ],
    [
      '"1 234,56 €" typed in a taux cell',
      [{ op: 'set', sheet: 'Devis', cell: 'G6', value: '1 234,56 €' }],
      ['text-in-number-cells', 'erreur', 'Devis', 'G6'],
    ],
  ];

  it.each(cases)('%s → exit 1 with the finding at its address', async (name, ops, expected) => {
    const file = editWithLibreOffice(
      example,
      join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.xlsx`),
      ops,
      profile,
    );
    const r = await auditJson(file);
    expect(r.code).toBe(1);
    expect(r.findings.map(pick)).toContainEqual(expected);
  });

  it('follows the measures month by month: a smaller CIC pre-financing leaves a need, a dearer loan overruns the frais financiers', async () => {
    // Pre-financing 300 000 € instead of 560 000 €: in November 2027, once the current account is
    // repaid and before the last VAT comes back, the balance after measures is
    // −633 965,16 + 300 000 + 80 000 = −253 965,16 €.
    const short = editWithLibreOffice(
      example,
      join(dir, 'prefinancement-court.xlsx'),
      [{ op: 'set', sheet: 'Trésorerie', cell: 'C65', value: 300000 }],
      profile,
    );
    const a = await auditJson(short);
    const uncovered = a.findings.filter((f) => f.ruleId === 'cashflow-measures');
    expect(uncovered.map(pick)).toEqual([['cashflow-measures', 'avertissement', 'Trésorerie', 'C72']]);
    expect(uncovered[0]?.message).toContain(
      'descend à -253\u202f965,16\u00a0€\u00a0: 253\u202f965,16\u00a0€ de besoin',
    );
    // The bridging loan at 8 % instead of 4 %: 29 983,56 € + 1 200 € of fees, with the
    // pre-financing's 21 104,93 €, is 52 288,49 €: 12 288,49 € above the devis's 40 000 €.
    const dear = editWithLibreOffice(
      example,
      join(dir, 'relais-cher.xlsx'),
      [{ op: 'set', sheet: 'Trésorerie', cell: 'F63', value: 0.08 }],
      profile,
    );
    const b = await auditJson(dear);
    const cost = b.findings.filter((f) => f.ruleId === 'cashflow-measures');
    expect(cost.map(pick)).toEqual([['cashflow-measures', 'avertissement', 'Trésorerie', 'C75']]);
    expect(cost[0]?.message).toContain('(52\u202f288,49\u00a0€) dépassent de 12\u202f288,49\u00a0€');
  });

  it('writes JUnit and keeps going past an unreadable file (exit 2, progress only on a terminal)', async () => {
    const corrupt = join(dir, 'corrompu.xlsx');
    writeFileSync(corrupt, 'pas un classeur');
    const empty = join(dir, 'vide.xlsx');
    writeFileSync(empty, '');
    const c = capture();
    expect(await main(['audit', corrupt, example, empty, '--format', 'junit'], c.io)).toBe(2);
    // Not a terminal: no progress, only what went wrong, in the order of the files.
    expect(c.err).toEqual([
      `Illisible : ${corrupt} — fichier texte (CSV ?) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx.`,
      `Illisible : ${empty} — fichier vide.`,
    ]);
    // On a terminal: one progress line per file done, replaced in place.
    const progress: string[] = [];
    const t = capture();
    await main(['audit', corrupt, example, empty, '--format', 'junit'], {
      ...t.io,
      progress: (l) => progress.push(l),
    });
    expect(progress.map((l) => l.replace(/ · [\d,]+ s · /, ' · ')).sort()).toEqual(
      [`1/3 · ${corrupt}`, `2/3 · ${example}`, `3/3 · ${empty}`].sort(),
    );
    const xml = c.out.join('\n');
    expect(xml).toContain(`<testsuite name="${example}" tests="51" failures="0" errors="0">`);
    expect(xml).toContain(
      '<testcase classname="devis-cnc" name="lecture"><error message="fichier texte (CSV ?)',
    );
  });

  it.each([
    [['audit'], 'Indiquez au moins un classeur'],
    [['audit', 'x.xlsx', '--referentiel', 'bts'], 'Référentiel inconnu « bts »'],
    [['audit', 'x.xlsx', '--format', 'pdf'], 'Format inconnu « pdf »'],
  ])('%p is a usage error (exit 2)', async (argv, message) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(message);
  });

  it('filters rules by référentiel', async () => {
    const c = capture();
    expect(await main(['audit', example, '--referentiel', 'par'], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/référentiel : par \(\d+ règles\)/);
    expect(Number(/\((\d+) règles\)/.exec(c.out[0] ?? '')?.[1])).toBeLessThan(22);
  });

  it('shows the verdicts kept in the workbook by the taskpane, and reads a tick of earlier versions as acquis', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { XlsxPort } = await import('../../src/workbook/xlsx/xlsxPort');
    const { saveState } = await import('../../src/audit/state');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    await saveState(new XlsxPort(wb), {
      referentiel: 'cpca',
      ticks: {
        'cpca:C1.4.1': { verdict: 'acquis', comment: 'Vu en soutenance' },
        'cpca:C1.4.2': { verdict: 'non-acquis', comment: '' },
      },
    });
    const ticked = join(dir, 'coches.xlsx');
    await wb.xlsx.writeFile(ticked);
    const c = capture();
    expect(await main(['audit', ticked, '--referentiel', 'cpca'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(
      '[Acquis] cpca:C1.4.1 (Plan de financement) — Chaque option de financement',
    );
    expect(c.out.join('\n')).toContain('[Non acquis] cpca:C1.4.2 (Bilan carbone)');
    expect(c.out.join('\n')).toContain('commentaire : Vu en soutenance');
    // A workbook saved by an earlier version: « Oui » is a tick, read as acquis.
    const state = wb.getWorksheet('Contrôle_État');
    if (state) state.getCell('B3').value = 'Oui';
    await wb.xlsx.writeFile(ticked);
    const old = capture();
    await main(['audit', ticked, '--referentiel', 'cpca'], old.io);
    expect(old.out.join('\n')).toContain('[Acquis] cpca:C1.4.1');
  });

  it('audits the set of sheets the pane remembers (written beside a hand-made Devis), not the hand-made one', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { XlsxPort } = await import('../../src/workbook/xlsx/xlsxPort');
    const { readState, saveState } = await import('../../src/audit/state');
    const { scaffold } = await import('../../src/workbook/scaffold');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('B2').value = 'Devis saisi à la main';
    const port = new XlsxPort(wb);
    const outcome = await scaffold(port, { format: 'long-metrage', example: true, onConflict: 'beside' });
    expect(outcome.status === 'done' && outcome.suffix).toBe(2);
    const file = join(dir, 'a-cote.xlsx');
    await wb.xlsx.writeFile(file);
    const json = async (): Promise<{
      recognition: unknown;
      counts: Record<string, number>;
      sheets: string[];
    }> => {
      const c = capture();
      await main(['audit', file, '--referentiel', 'tous', '--format', 'json'], c.io);
      const r = JSON.parse(c.out.join('\n')) as {
        files: { recognition: unknown; summary: Record<string, number>; findings: { sheet: string }[] }[];
      };
      const f = r.files[0];
      return {
        recognition: f?.recognition ?? null,
        counts: f?.summary ?? {},
        sheets: [...new Set(f?.findings.map((x) => x.sheet))],
      };
    };
    // Nothing remembered: the plain names, so the hand-made « Devis » is what is read.
    const plain = await json();
    expect(plain.recognition).not.toBeNull();
    // The pane remembers its set (as after « Créer à côté »): the audit reads « Devis (2) » and the rest.
    await saveState(port, { ...(await readState(port)), suffix: 2 });
    await wb.xlsx.writeFile(file);
    const remembered = await json();
    expect(remembered.recognition).toBeNull();
    expect(remembered.counts.erreur).toBe(0);
    expect(remembered.sheets).toEqual(['Bilan carbone (2)']);
  });
});
