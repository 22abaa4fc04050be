/*
 * Reading cost, in one run, each measured in its own process with /usr/bin/time (CPU = user +
 * system, peak RSS):
 *   - `devis-cnc audit` of a 50 000-line devis workbook, against LibreOffice opening and
 *     exporting the same file (target: less CPU than LibreOffice, peak RSS under 200 MiB);
 *   - exceljs loading the whole file, the reference of the in-memory adapter;
 *   - `devis-cnc --help` against `node -e 0` (target: within 2×).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { exampleParameters } from '../src/domain/budget/templates';
import { buildScaffoldPlan } from '../src/sheets/workbook';
import { XlsxPort } from '../src/workbook/xlsx/xlsxPort';
import { bigBudget } from '../test/support/bigBudget';
import { recalcProfile } from '../test/support/libreoffice';
import { fmt, measure, median } from './measure';

const BIN = resolve(__dirname, '..', '..', 'bin', 'devis-cnc.js');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-read-bench-'));
  const file = join(dir, 'devis-50000.xlsx');
  const wb = new ExcelJS.Workbook();
  const { plan } = buildScaffoldPlan({
    format: 'long-metrage',
    budget: bigBudget(50_000),
    production: exampleParameters(),
    financing: 'exemple',
    carbon: 'exemple',
  });
  await new XlsxPort(wb).applyPlan(plan);
  await wb.xlsx.writeFile(file);
  console.log(
    `Classeur de 50 000 lignes de devis : ${(statSync(file).size / 2 ** 20).toFixed(1)} Mo sur disque`,
  );

  const auditCost = measure(process.execPath, [BIN, 'audit', file, '--format', 'json']);
  const load = measure(process.execPath, [
    '-e',
    `const E=require('exceljs');new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(()=>0)`,
  ]);
  const profile = recalcProfile();
  const lo = measure('/usr/bin/soffice', [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    join(dir, 'lo'),
    file,
  ]);
  console.log(`  devis-cnc audit : ${fmt(auditCost)} (code de sortie ${auditCost.status})`);
  console.log(`  exceljs, chargement complet : ${fmt(load)}`);
  console.log(`  LibreOffice, ouverture et export : ${fmt(lo)}`);
  console.log(
    `  CPU audit / CPU LibreOffice : ${(auditCost.cpu / lo.cpu).toFixed(2)} (cible < 1) ; CPU audit / CPU chargement exceljs : ${(auditCost.cpu / load.cpu).toFixed(2)} ; mémoire audit ${auditCost.rssMiB.toFixed(0)} Mio (cible < 200)`,
  );

  // Start-up: medians of nine runs each, alternated.
  const helps: number[] = [];
  const bares: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    helps.push(measure(process.execPath, [BIN, '--help']).wall);
    bares.push(measure(process.execPath, ['-e', '0']).wall);
  }
  const help = median(helps);
  const bare = median(bares);
  console.log(
    `devis-cnc --help : ${help.toFixed(2)} s ; node -e 0 : ${bare.toFixed(2)} s (médianes de 9) ; rapport ${(help / bare).toFixed(2)} (cible ≤ 2)`,
  );
  execFileSync('rm', ['-rf', dir]);
}

void main();
