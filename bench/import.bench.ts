/*
 * Importing a bank or accounting statement: `devis-cnc depenses importer` of a 5 000-row French
 * CSV into the example workbook (the ledger has 150 free rows, so it grows by 5 000 inside
 * itself), each run in its own process with /usr/bin/time, median of three (target: under 2 s).
 * The command patches the file (only the Dépenses sheet, the shared strings and the styles are
 * rewritten). Against it, in the same run: a process that merely opens the same workbook with
 * exceljs and writes it back (what the same change through exceljs would cost at the least), and
 * one that only loads exceljs; and the import run inside this process, where Node is warm.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { frenchStatement, ledgerCodes } from '../test/support/statement';
import { runExpensesImport } from '../src/cli/expenses';
import { fmt, measure, median, type Cost } from './measure';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'devis-cnc.js');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-import-bench-'));
  const book = join(dir, 'exemple.xlsx');
  if (measure(process.execPath, [BIN, 'new', '--out', book, '--exemple']).status !== 0)
    throw new Error('devis-cnc new --exemple a échoué');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  const statement = frenchStatement(5_000, ledgerCodes(wb));
  const csv = join(dir, 'releve-5000.csv');
  writeFileSync(csv, statement.csv);

  const runs: Cost[] = [];
  const rewrites: Cost[] = [];
  const loads: Cost[] = [];
  const target = join(dir, 'importe.xlsx');
  const rewrite = `const E=require('exceljs');const {xlsxBuffer}=require(${JSON.stringify(join(ROOT, 'dist', 'src', 'workbook', 'xlsx', 'nodeZip.js'))});const w=new E.Workbook();w.xlsx.readFile(${JSON.stringify(book)}).then(()=>xlsxBuffer(w)).then((b)=>require('fs').writeFileSync(${JSON.stringify(join(dir, 'reecrit.xlsx'))},b))`;
  for (let i = 0; i < 3; i += 1) {
    copyFileSync(book, target);
    const run = measure(process.execPath, [BIN, 'depenses', 'importer', csv, '--classeur', target]);
    if (run.status !== 0) throw new Error(`import : code de sortie ${run.status}`);
    runs.push(run);
    rewrites.push(measure(process.execPath, ['-e', rewrite]));
    loads.push(measure(process.execPath, ['-e', "require('exceljs')"]));
  }
  // The same import inside this process, Node and exceljs already loaded (the command's own work).
  const inProcess: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    copyFileSync(book, target);
    const errors: string[] = [];
    const t0 = performance.now();
    const code = await runExpensesImport(['importer', csv, '--classeur', target], {
      out: () => undefined,
      err: (line: string) => errors.push(line),
    });
    inProcess.push((performance.now() - t0) / 1000);
    if (code !== 0) throw new Error(`import : ${errors.join(' ')}`);
  }
  const mid = (xs: Cost[]): Cost => {
    const wall = median(xs.map((x) => x.wall));
    return xs.find((x) => x.wall === wall) ?? xs[0] ?? { wall: NaN, cpu: NaN, rssMiB: NaN, status: -1 };
  };
  const imp = mid(runs);
  const rw = mid(rewrites);
  const bare = mid(loads);
  console.log(`Relevé de 5 000 pièces importé dans le classeur d'exemple (médiane de 3) :`);
  console.log(`  devis-cnc depenses importer : ${fmt(imp)} (cible < 2 s)`);
  console.log(
    `  la même commande dans ce processus (Node déjà chaud) : ${median(inProcess).toFixed(2)} s (cible < 2 s)`,
  );
  console.log(`  exceljs, ouvrir et réécrire le même classeur : ${fmt(rw)}`);
  console.log(`  node, charger exceljs seulement : ${fmt(bare)}`);
  console.log(`  import / ouvrir et réécrire avec exceljs : ${(imp.wall / rw.wall).toFixed(2)}`);
  rmSync(dir, { recursive: true, force: true });
}

void main();
