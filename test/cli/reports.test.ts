import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { main } from '../../src/cli/main';
import { criteriaOf } from '../../src/audit/jury';

/*
 * `devis-cnc audit … --rapport DOSSIER`: the summary workbook a jury keeps (one row per file, each
 * criterion's state, a link to its report), one self-contained HTML report per file that prints
 * on A4 in Chromium without a table cut at the margin, and a re-run that replaces them.
 */
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-reports-'));
const lot = join(dir, 'copies');
const out = join(dir, 'rapports-jury');
const quiet = { out: () => undefined, err: () => undefined };

interface Json {
  files: {
    file: string;
    ok: boolean;
    candidate: string;
    summary?: { erreur: number; avertissement: number };
    criteria?: { id: string; state: string; findings: number }[];
  }[];
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const o: string[] = [];
  const e: string[] = [];
  const code = await main(args, { out: (l) => o.push(l), err: (l) => e.push(l) });
  return { code, out: o.join('\n'), err: e.join('\n') };
}

const files = (): string[] =>
  ['candidat-a.xlsx', 'candidat-b.xlsx', 'illisible.xlsx'].map((f) => join(lot, f));

beforeAll(async () => {
  mkdirSync(lot, { recursive: true });
  expect(await main(['new', '--out', join(lot, 'candidat-a.xlsx'), '--exemple'], quiet)).toBe(0);
  expect(await main(['new', '--out', join(lot, 'candidat-b.xlsx'), '--format', 'serie'], quiet)).toBe(0);
  writeFileSync(join(lot, 'illisible.xlsx'), '');
});

describe('devis-cnc audit --rapport', () => {
  it('writes a summary row per file, with each criterion as the JSON gives it, and a report each', async () => {
    const json = JSON.parse((await run(['audit', ...files(), '--format', 'json'])).out) as Json;
    const r = await run(['audit', ...files(), '--rapport', out]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`Rapports écrits : ${out}`);
    expect(readdirSync(join(out, 'rapports')).sort()).toEqual([
      'candidat-a.html',
      'candidat-b.html',
      'illisible.html',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'synthese.xlsx'));
    const ws = wb.getWorksheet('Synthèse');
    const ids = criteriaOf('tous').map((c) => c.id);
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      'Candidat',
      'Fichier',
      'Devis',
      'Erreurs',
      'Avertissements',
      'État',
      ...ids,
      'Rapport',
    ]);
    for (const [k, f] of json.files.entries()) {
      const row = ws?.getRow(k + 2);
      expect(row?.getCell(1).value).toBe(f.candidate);
      expect(row?.getCell(2).value).toBe(f.file);
      expect(row?.getCell(4).value ?? null).toBe(f.summary?.erreur ?? null);
      expect(row?.getCell(5).value ?? null).toBe(f.summary?.avertissement ?? null);
      const states = new Map((f.criteria ?? []).map((c) => [c.id, c.state]));
      expect(ids.map((id, j) => row?.getCell(7 + j).value)).toEqual(ids.map((id) => states.get(id) ?? ''));
      expect(row?.getCell(ids.length + 7).value).toMatchObject({
        hyperlink: `rapports/${['candidat-a', 'candidat-b', 'illisible'][k]}.html`,
      });
    }
    // The example names its production in Paramètres; the unreadable file keeps its file name.
    expect(json.files.map((f) => f.candidate)[2]).toBe('illisible');
    expect(ws?.getRow(4).getCell(6).value).toBe('illisible : fichier vide');
    // JUnit carries the same: the candidate and each criterion's state, as properties of its suite.
    const junit = (await run(['audit', files()[0] ?? '', '--format', 'junit'])).out;
    const first = json.files[0];
    expect(junit).toContain(`<property name="candidat" value="${first?.candidate ?? ''}"/>`);
    for (const c of first?.criteria ?? [])
      expect(junit).toContain(`<property name="critere:${c.id}" value="${c.state}"/>`);
    const html = readFileSync(join(out, 'rapports', 'candidat-a.html'), 'utf8');
    expect(html).toContain(`<h1>Contrôle de « ${json.files[0]?.candidate ?? ''} »</h1>`);
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('prints each report on A4 in Chromium without a table wider than the page', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      // 210 mm less 2 × 15 mm of margins, at 96 dpi.
      const width = Math.floor((180 / 25.4) * 96);
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      for (const name of readdirSync(join(out, 'rapports'))) {
        await page.goto(`file://${join(out, 'rapports', name)}`);
        await page.emulateMedia({ media: 'print' });
        const widest = await page.evaluate(() =>
          Math.max(...[...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().right)),
        );
        expect(widest).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      await browser.close();
    }
  });

  it('replaces the reports of a previous run, and never a folder that holds other files', async () => {
    const r = await run(['audit', files()[0] ?? '', '--rapport', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, 'rapports'))).toEqual(['candidat-a.html']);
    const mine = join(dir, 'mes-documents');
    mkdirSync(mine);
    writeFileSync(join(mine, 'lettre.docx'), 'à garder');
    const refused = await run(['audit', files()[0] ?? '', '--rapport', mine]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('contient d’autres fichiers (lettre.docx)');
    expect(readFileSync(join(mine, 'lettre.docx'), 'utf8')).toBe('à garder');
    expect(existsSync(join(mine, 'synthese.xlsx'))).toBe(false);
  });
});
