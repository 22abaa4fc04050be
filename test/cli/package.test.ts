import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWebpack } from '../support/webpack';

/*
 * The command line installed alone, as a CLI user gets it (`npm run pack:cli`, then
 * `npm install -g devis-cnc-<version>.tgz`): no dependency to fetch, a few megabytes, and the same
 * answers as the command of the repository.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const MiB = 1024 * 1024;

let prefix = '';
let work = '';

function bytes(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) n += bytes(path);
    else n += lstatSync(path).size;
  }
  return n;
}

const installed = (args: string[]) =>
  spawnSync(join(prefix, 'bin', 'devis-cnc'), args, { cwd: work, encoding: 'utf8' });
const repository = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'devis-cnc.js'), ...args], { cwd: work, encoding: 'utf8' });

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'devis-cnc-pack-'));
  runWebpack(['--config', 'webpack.cli.config.js']);
  const tarball = execFileSync(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs'), out], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  prefix = join(out, 'prefix');
  work = mkdtempSync(join(tmpdir(), 'devis-cnc-pack-work-'));
  // --offline: the package has no dependency, nothing is fetched.
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    {
      stdio: 'pipe',
    },
  );
});

describe('CLI-only install', () => {
  it('takes under 40 MiB (a few, in fact) with no dependency', () => {
    const size = bytes(prefix);
    expect(size).toBeLessThan(40 * MiB);
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['devis-cnc']);
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'devis-cnc')).sort()).toEqual([
      'README.md',
      'bin',
      'lib',
      'package.json',
    ]);
  });

  it('runs the demo: writes the example and audits it with no error, as the repository’s command does', () => {
    const made = installed(['new', '--out', 'installe.xlsx', '--exemple', '--force']);
    expect(made.status).toBe(0);
    const reference = repository(['new', '--out', 'depot.xlsx', '--exemple', '--force']);
    expect(made.stdout.replace(/installe\.xlsx/g, 'X')).toBe(reference.stdout.replace(/depot\.xlsx/g, 'X'));
    const audit = installed(['audit', 'installe.xlsx', '--referentiel', 'tous', '--format', 'json']);
    expect(audit.status).toBe(0);
    const ref = repository(['audit', 'depot.xlsx', '--referentiel', 'tous', '--format', 'json']);
    expect(audit.stdout.replace(/installe\.xlsx/g, 'X')).toBe(ref.stdout.replace(/depot\.xlsx/g, 'X'));
    expect(JSON.parse(audit.stdout)).toMatchObject({ files: [{ summary: { erreur: 0 } }] });
  });

  it('refuses a file that is not a workbook with the same French message and code 2', () => {
    const bad = installed(['audit', join(ROOT, 'package.json')]);
    const ref = repository(['audit', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(ref.stderr);
    expect(bad.stderr).toMatch(/^Illisible : /);
  });
});
