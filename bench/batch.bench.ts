/*
 * A jury's folder: 100 workbooks (the four format examples, copies of them, bad files among them)
 * audited by `devis-cnc audit DOSSIER/` on its pool of worker threads. Prints the wall time, the
 * CPU time of the whole process (every thread) and their ratio (≥ 1.5 means both cores work), the
 * throughput in files per second against one `devis-cnc audit FICHIER` process per file, and the
 * peak memory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { auditBatch, expandInputs } from '../src/cli/batch';
import { writeReports } from '../src/cli/reports';
import { main } from '../src/cli/main';

const FORMATS = ['long-metrage', 'court-metrage', 'serie', 'documentaire'];
const quiet = { out: () => undefined, err: () => undefined };
const fr = (n: number, digits = 1): string => n.toFixed(digits).replace('.', ',');

async function folder(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'devis-cnc-batch-bench-')), 'jury');
  mkdirSync(dir, { recursive: true });
  const examples: string[] = [];
  for (const format of FORMATS) {
    const file = join(dir, `exemple-${format}.xlsx`);
    await main(['new', '--out', file, '--format', format, '--exemple'], quiet);
    examples.push(file);
  }
  for (let k = 1; k <= 90; k += 1) {
    const source = examples[k % examples.length] ?? '';
    copyFileSync(source, join(dir, `candidat-${String(k).padStart(3, '0')}.xlsx`));
  }
  // Six bad files: text, empty, truncated at three places, a workbook with a sheet cut off.
  writeFileSync(join(dir, 'bad-csv.xlsx'), 'Code;Libellé;Montant\n1.1;Scénario;60 000\n');
  writeFileSync(join(dir, 'bad-vide.xlsx'), '');
  const bytes = readFileSync(examples[0] ?? '');
  for (const [k, share] of [0.25, 0.5, 0.9].entries())
    writeFileSync(
      join(dir, `bad-tronque-${k + 1}.xlsx`),
      bytes.subarray(0, Math.floor(bytes.length * share)),
    );
  writeFileSync(join(dir, 'bad-zero.xlsx'), Buffer.alloc(4096));
  return dir;
}

async function main_(): Promise<void> {
  const dir = await folder();
  const files = expandInputs([dir]);
  const limits = { timeoutMs: 300_000, memoryMb: 1536 };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await auditBatch(files, 'tous', limits);
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  const good = results.filter((r) => r.report).length;
  const bad = results.filter((r) => r.error).length;
  // The jury's reports for the whole folder: the summary workbook and one HTML report per file.
  const reportsDir = join(dir, '..', 'rapports');
  const r0 = performance.now();
  await writeReports(reportsDir, results, 'tous', quiet);
  const reportsTime = (performance.now() - r0) / 1000;
  const written = readdirSync(join(reportsDir, 'rapports')).length;
  const rss = process.resourceUsage().maxRSS / 1024;

  // One process per file, as a script looping over the folder would do: 12 files, extrapolated.
  const sample = files.slice(0, 12);
  const s0 = performance.now();
  for (const f of sample)
    spawnSync(process.execPath, [
      join(__dirname, '..', '..', 'bin', 'devis-cnc.js'),
      'audit',
      f,
      '--format',
      'json',
    ]);
  const perProcess = sample.length / ((performance.now() - s0) / 1000);

  console.log(
    `Audit d'un dossier de ${files.length} classeurs (${good} lus, ${bad} refusés ; ${availableParallelism()} cœurs)`,
  );
  console.log(
    `  temps écoulé ${fr(wall, 2)} s ; CPU de tous les fils ${fr(cpu, 2)} s ; rapport CPU / écoulé ${fr(cpu / wall, 2)} (cible ≥ 1,5)`,
  );
  console.log(
    `  débit ${fr(files.length / wall, 1)} classeurs/s, contre ${fr(perProcess, 1)} classeurs/s avec un processus par fichier (× ${fr(files.length / wall / perProcess, 1)})`,
  );
  console.log(
    `  rapports du jury : synthese.xlsx et ${written} rapports HTML écrits en ${fr(reportsTime, 2)} s`,
  );
  console.log(
    `  mémoire : pic du processus ${fr(rss, 0)} Mio ; plafond par fil de contrôle ${limits.memoryMb} Mo (--memoire)`,
  );
}

void main_();
