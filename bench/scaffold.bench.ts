/*
 * npm run bench — scaffold costs at 100, 5 000 and 20 000 devis lines:
 *   plan generation time (domain + layout), xlsx write time (exceljs, to a buffer),
 *   and, through Microsoft's own Excel library (npm @microsoft/office-js), the context.sync() calls
 *   of the Office adapter and the size of each request it sends (Excel on the web: 5 MB at most).
 * Times are medians of several runs in this one process; ratios compare runs of the same process.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { officeJsContext } from '../test/support/officeJs';
import { buildScaffoldPlan } from '../src/sheets/workbook';
import { OfficePort } from '../src/workbook/office/officePort';
import { XlsxPort } from '../src/workbook/xlsx/xlsxPort';
import { bigBudget } from '../test/support/bigBudget';
import { exampleBudget, exampleParameters } from '../src/domain/budget/templates';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function measure(lines: number | 'exemple', runs: number) {
  // The example's dates, so the Trésorerie has its 20 months of formulas (to the tax credit's
  // refund); the example's plan for the example.
  const budget = lines === 'exemple' ? exampleBudget() : bigBudget(lines);
  const input = {
    format: 'long-metrage' as const,
    budget,
    production: exampleParameters(),
    ...(lines === 'exemple' ? { financing: 'exemple' as const, carbon: 'exemple' as const } : {}),
  };
  const planTimes: number[] = [];
  const writeTimes: number[] = [];
  let plan = buildScaffoldPlan(input).plan;
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    plan = buildScaffoldPlan(input).plan;
    const t1 = performance.now();
    const wb = new ExcelJS.Workbook();
    await new XlsxPort(wb).applyPlan(plan);
    const buffer = await wb.xlsx.writeBuffer();
    const t2 = performance.now();
    bytes = buffer.byteLength;
    planTimes.push(t1 - t0);
    writeTimes.push(t2 - t1);
  }
  // Microsoft's own Excel library builds the requests; their sizes are what Excel on the web gets.
  const office = officeJsContext();
  await new OfficePort((batch) => batch(office.context)).applyPlan(plan);
  const cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
  const formulas = plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.formula).length, 0);
  const lineCount = budget.chapters
    .flatMap((c) => c.items)
    .reduce((n, i) => n + (i.kind === 'line' ? 1 : i.kind === 'group' ? i.lines.length : 0), 0);
  return {
    lines,
    lineCount,
    cells,
    formulas,
    plan: median(planTimes),
    write: median(writeTimes),
    bytes,
    syncs: office.sizes.length,
    calls: office.actions.reduce((n, a) => n + a, 0),
    largest: Math.max(...office.sizes),
    payload: office.sizes.reduce((n, a) => n + a, 0),
  };
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

async function main(): Promise<void> {
  const sheets = buildScaffoldPlan({
    format: 'long-metrage',
    budget: bigBudget(100),
    production: null,
  }).plan.sheets.map((s) => s.name);
  const example = await measure('exemple', 7);
  const small = await measure(100, 7);
  const large = await measure(5000, 3);
  const huge = await measure(20000, 1);
  const row = (r: typeof small): string =>
    `${r.lines === 'exemple' ? ` exemple (${r.lineCount} lignes)` : `${String(r.lines).padStart(6)} lignes`} | ${String(r.cells).padStart(7)} cellules (${r.formulas} formules) | plan ${r.plan.toFixed(1).padStart(7)} ms | xlsx ${r.write.toFixed(1).padStart(8)} ms (${(r.bytes / 1024).toFixed(0)} Kio) | Office.js : ${r.syncs} context.sync() pour appliquer le plan (+2 pour l'inventaire), ${r.calls} opérations, requêtes de ${mib(r.payload)} Mio en tout, la plus grosse ${mib(r.largest)} Mio`;
  console.log(`Échafaudage des ${sheets.length} feuilles (${sheets.join(', ')}) — médianes`);
  console.log(row(example));
  console.log(row(small));
  console.log(row(large));
  console.log(row(huge));
  const n = 5000 / 100;
  console.log(
    `Rapports 5000/100 (×${n} lignes) : plan ×${(large.plan / small.plan).toFixed(1)}, xlsx ×${(large.write / small.write).toFixed(1)}, context.sync() ×${(large.syncs / small.syncs).toFixed(0)}`,
  );
  console.log(
    `Écriture xlsx / génération du plan : ${(small.write / small.plan).toFixed(1)} à 100 lignes, ${(large.write / large.plan).toFixed(1)} à 5000 lignes`,
  );
}

void main();
