/*
 * Audit cost: the example workbook grown to 10 000 devis lines and 10 000 pieces in its Dépenses
 * ledger (so 10 000 lines in the Suivi budgétaire too). Prints the streaming read and rule times, and the whole `devis-cnc audit`
 * time divided by the time exceljs alone takes to load the same file (target ≤ 1.5). Medians of a
 * few runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { exampleParameters } from '../src/domain/budget/templates';
import { buildScaffoldPlan } from '../src/sheets/workbook';
import { RULES } from '../src/rules';
import { readSnapshot, runRules } from '../src/rules/engine';
import { XlsxPort } from '../src/workbook/xlsx/xlsxPort';
import { XlsxReader } from '../src/workbook/xlsx/xlsxReader';
import { bigBudget } from '../test/support/bigBudget';
import type { ExpenseInput } from '../src/domain/expenses/expenses';
import { Money } from '../src/domain/money';
import { bigHandmadeWorkbook } from '../test/support/handmade';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function time(runs: number, f: () => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return median(out);
}

async function main_(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-audit-bench-'));
  const file = join(dir, 'grand.xlsx');
  const wb = new ExcelJS.Workbook();
  const budget = bigBudget(10_000);
  const codes = budget.chapters.flatMap((c) => c.items.map((i) => i.code));
  const expenses: ExpenseInput[] = Array.from({ length: 10_000 }, (_, i) => ({
    date: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    piece: `F-${String(i + 1).padStart(5, '0')}`,
    payee: `Fournisseur ${i % 50}`,
    nature: 'Facture',
    code: codes[(i * 7) % codes.length] ?? '1.1',
    label: `Dépense ${i + 1}`,
    ht: new Money(100 + (i % 900)).plus(new Money('0.25')),
    tva: new Money(20 + (i % 180)).plus(new Money('0.05')),
    status: i % 3 === 0 ? 'Engagé' : 'Payé',
    // Paid in the month after the piece (a piece is never paid before its own date).
    paidOn:
      i % 3 === 0 ? null : `${i % 12 === 11 ? 2028 : 2027}-${String(1 + ((i + 1) % 12)).padStart(2, '0')}-28`,
    mode: 'Virement',
    proof: true,
    proofRef: `F-${i + 1}.pdf`,
  }));
  const { plan } = buildScaffoldPlan({
    format: 'long-metrage',
    budget,
    production: exampleParameters(),
    financing: 'exemple',
    carbon: 'exemple',
    expenses,
  });
  await new XlsxPort(wb).applyPlan(plan);
  await wb.xlsx.writeFile(file);

  // Load and full audit measured alternately, after one warm-up of each, so neither gets the JIT's favour.
  const silent = { out: () => undefined, err: () => undefined };
  await new ExcelJS.Workbook().xlsx.readFile(file);
  await main(['audit', file, '--format', 'json'], silent);
  const loads: number[] = [];
  const clis: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    loads.push(await time(1, async () => new ExcelJS.Workbook().xlsx.readFile(file)));
    clis.push(await time(1, () => main(['audit', file, '--format', 'json'], silent)));
  }
  const load = median(loads);
  const cli = median(clis);
  const snapshotTime = await time(3, async () => readSnapshot(await XlsxReader.open(file), RULES));
  const snapshot = await readSnapshot(await XlsxReader.open(file), RULES);
  const rules = await time(5, async () => runRules(RULES, snapshot));
  console.log(
    `Audit d'un classeur de 10 000 lignes de devis + 10 000 lignes de dépenses (${RULES.length} règles)`,
  );
  console.log(`  chargement exceljs seul : ${load.toFixed(0)} ms`);
  console.log(
    `  lecture en flux de l'instantané (toutes les feuilles) : ${snapshotTime.toFixed(0)} ms ; règles : ${rules.toFixed(1)} ms (${runRules(RULES, snapshot).length} constats)`,
  );
  console.log(`  devis-cnc audit complet : ${cli.toFixed(0)} ms`);
  console.log(`  rapport audit complet / chargement seul : ${(cli / load).toFixed(2)} (cible ≤ 1,5)`);

  // A devis built by hand (no workbook names): every sheet read, the devis recognised, then checked.
  const foreign = join(dir, 'fait-main.xlsx');
  await bigHandmadeWorkbook(10_000).xlsx.writeFile(foreign);
  await new ExcelJS.Workbook().xlsx.readFile(foreign);
  await main(['audit', foreign, '--format', 'json'], silent);
  const fLoads: number[] = [];
  const fClis: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    fLoads.push(await time(1, async () => new ExcelJS.Workbook().xlsx.readFile(foreign)));
    fClis.push(await time(1, () => main(['audit', foreign, '--format', 'json'], silent)));
  }
  const fSnapshot = await readSnapshot(await XlsxReader.open(foreign), RULES);
  console.log(
    `Audit d'un devis fait main de 10 000 lignes (feuille « Budget prévisionnel », sans noms de classeur ; reconnu : ${fSnapshot.recognition?.devis?.sheet ?? 'rien'})`,
  );
  console.log(
    `  chargement exceljs seul : ${median(fLoads).toFixed(0)} ms ; devis-cnc audit complet : ${median(fClis).toFixed(0)} ms ; rapport ${(median(fClis) / median(fLoads)).toFixed(2)} (cible ≤ 1,0)`,
  );
}

void main_();
