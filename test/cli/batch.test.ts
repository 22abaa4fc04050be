import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { zipBomb } from '../support/zipBomb';

/*
 * `devis-cnc audit DOSSIER/`, through the real command (the compiled worker threads): every
 * workbook of a folder and its sub-folders, in path order, each good one reported as a single
 * audit reports it, each bad one refused on its own line, a time and a memory limit per file.
 */
jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-batch-'));
const lot = join(dir, 'jury');
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'devis-cnc.js'), ...args], { encoding: 'utf8' });

interface Json {
  files: { file: string; ok: boolean; error?: string; summary?: { erreur: number } }[];
}

const quiet = { out: () => undefined, err: () => undefined };
const FORMATS = ['long-metrage', 'court-metrage', 'serie', 'documentaire'];

beforeAll(async () => {
  mkdirSync(join(lot, 'session-2'), { recursive: true });
  for (const [k, format] of FORMATS.entries()) {
    const file = join(lot, `candidat-${k + 1}.xlsx`);
    expect(await main(['new', '--out', file, '--format', format, '--exemple'], quiet)).toBe(0);
  }
  copyFileSync(join(lot, 'candidat-1.xlsx'), join(lot, 'session-2', 'candidat-10.xlsx'));
  writeFileSync(join(lot, 'candidat-5.xlsx'), 'Code;Libellé;Montant\n');
  writeFileSync(join(lot, 'candidat-6.xlsx'), '');
  await zipBomb(
    join(lot, 'candidat-2.xlsx'),
    join(lot, 'candidat-7.xlsx'),
    'xl/worksheets/sheet2.xml',
    300 * 1024 * 1024,
  );
  // Excel's lock file beside an open workbook, and a file that is not a workbook: left out.
  writeFileSync(join(lot, '~$candidat-1.xlsx'), 'verrou');
  writeFileSync(join(lot, 'notes.txt'), 'à relire');
});

describe('devis-cnc audit DOSSIER', () => {
  it('audits every workbook of the folder, in path order, bad ones refused on their own line', async () => {
    const r = cli(['audit', lot, '--format', 'json']);
    expect(r.status).toBe(2);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.files.map((f) => f.file)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((k) => join(lot, `candidat-${k}.xlsx`)),
      join(lot, 'session-2', 'candidat-10.xlsx'),
    ]);
    expect(json.files.map((f) => (f.ok ? `erreurs ${f.summary?.erreur}` : f.error))).toEqual([
      'erreurs 0',
      'erreurs 0',
      'erreurs 0',
      'erreurs 0',
      'fichier texte (CSV ?) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx',
      'fichier vide',
      'classeur refusé : xl/worksheets/sheet2.xml se décompresse en 300 Mio (limite 256 Mio)',
      'erreurs 0',
    ]);
    // Not a terminal: no progress line, one line per file refused.
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
    // A report from a worker is the one a single audit gives.
    const single: string[] = [];
    await main(['audit', join(lot, 'candidat-3.xlsx'), '--format', 'json'], {
      out: (l) => single.push(l),
      err: () => undefined,
    });
    expect(json.files[2]).toEqual((JSON.parse(single.join('\n')) as Json).files[0]);
  });

  it('takes a wildcard as a shell would, and keeps the order of the files given', () => {
    const r = cli(['audit', join(lot, 'session-2'), join(lot, 'candidat-?.xlsx'), '--format', 'json']);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.files.map((f) => f.file)).toEqual([
      join(lot, 'session-2', 'candidat-10.xlsx'),
      ...[1, 2, 3, 4, 5, 6, 7].map((k) => join(lot, `candidat-${k}.xlsx`)),
    ]);
  });

  it('gives each file a time limit and a memory limit, and says which was reached', () => {
    const files = [join(lot, 'candidat-1.xlsx'), join(lot, 'candidat-2.xlsx')];
    const slow = cli(['audit', ...files, '--delai', '0,001', '--format', 'json']);
    expect(slow.status).toBe(2);
    expect((JSON.parse(slow.stdout) as Json).files.map((f) => f.error)).toEqual([
      'délai dépassé (0,001 s par classeur)',
      'délai dépassé (0,001 s par classeur)',
    ]);
    const small = cli(['audit', ...files, '--memoire', '4', '--format', 'json']);
    expect(small.status).toBe(2);
    expect((JSON.parse(small.stdout) as Json).files.map((f) => f.error)).toEqual([
      'mémoire dépassée (4 Mo par classeur)',
      'mémoire dépassée (4 Mo par classeur)',
    ]);
  });

  it('refuses a folder without a workbook and a wrong limit, exit 2', () => {
    const empty = join(dir, 'vide');
    mkdirSync(empty);
    const r = cli(['audit', empty]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Aucun classeur .xlsx dans le dossier « ${empty} »`);
    const bad = cli(['audit', lot, '--delai', 'demain']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--delai attend un nombre positif, pas « demain »');
    expect(readFileSync(join(lot, 'notes.txt'), 'utf8')).toBe('à relire');
  });
});
