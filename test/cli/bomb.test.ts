import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { main } from '../../src/cli/main';
import { DEFAULT_ZIP_LIMITS, zipProblem } from '../../src/workbook/xlsx/zipGuard';
import { zipBomb } from '../support/zipBomb';

/* Bounded reading: a workbook that would inflate past the limits is refused from its directory. */
jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-bomb-'));
const example = join(dir, 'exemple.xlsx');
const silent = { out: () => undefined, err: () => undefined };

beforeAll(async () => {
  expect(await main(['new', '--out', example, '--format', 'court-metrage', '--exemple'], silent)).toBe(0);
});

it('refuses a sheet that inflates to 300 Mio (1 Mio on disk) in one line, exit 2, without inflating it', async () => {
  const bomb = join(dir, 'bombe.xlsx');
  await zipBomb(example, bomb, 'xl/worksheets/sheet2.xml', 300 * 1024 * 1024);
  expect(statSync(bomb).size).toBeLessThan(2 * 1024 * 1024);
  const err: string[] = [];
  const t0 = performance.now();
  expect(await main(['audit', bomb], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
  // Refused from the zip directory: no time spent inflating 300 Mio.
  expect(performance.now() - t0).toBeLessThan(1000);
  expect(err).toEqual([
    `Illisible : ${bomb} — classeur refusé : xl/worksheets/sheet2.xml se décompresse en 300 Mio (limite 256 Mio).`,
  ]);
});

it('refuses a small entry compressed far beyond a real sheet (ratio), and accepts the genuine example', async () => {
  const bomb = join(dir, 'ratio.xlsx');
  await zipBomb(example, bomb, 'xl/worksheets/sheet2.xml', 20 * 1024 * 1024);
  expect(zipProblem(bomb)).toMatch(
    /^classeur refusé : xl\/worksheets\/sheet2\.xml est comprimé [\d\s\u202f]+ fois \(limite 200 fois\), signe d’une archive piégée$/,
  );
  expect(zipProblem(example)).toBeNull();
  expect(zipProblem(example, { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 })).toMatch(
    /^classeur refusé : \d+ fichiers dans l’archive \(limite 3\)$/,
  );
});
