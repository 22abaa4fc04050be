import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { exampleBudget, exampleParameters } from '../../src/domain/budget/templates';
import { FORMATS, type ProductionFormat } from '../../src/domain/facts/facts';
import { audit, type AuditReport } from '../../src/audit/audit';
import { RULES } from '../../src/rules';
import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';

/**
 * Fuzzing the audit: the example workbooks of every format, mutated as people and files mutate
 * them — cells retyped (text, French amounts, huge strings, Excel errors, dates, formula-looking
 * text, booleans, blanks), rows inserted and deleted, sheets renamed or deleted, workbook names
 * deleted — then audited. Each run asserts: the audit does not throw and no rule crashes, the
 * report is the same when run twice, every finding has a sheet and a cell unless its rule declares
 * it workbook-level, and the workbook is not modified by the audit.
 */

const SHEETS = [
  'Paramètres',
  'Devis',
  'Récapitulatif',
  'Plan de financement',
  'Trésorerie',
  'Bilan carbone',
  'Facteurs',
];

type CellValue = string | number | boolean | Date | null | { error: string };

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '1 234,56 €',
    '3,2 M€',
    '12,5 %',
    '#REF!',
    '=HYPERLINK("http://x","clic")',
    '-2+3',
    '@SUM(1)',
    'Acquis',
    'Oui',
    'Total',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }).map((s) => s.padEnd(5000, 'x')),
  fc.double({ noNaN: true, min: -1e12, max: 1e12 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 0, 1)), noInvalidDate: true }),
  fc.constantFrom<{ error: string }>(
    { error: '#REF!' },
    { error: '#DIV/0!' },
    { error: '#VALUE!' },
    { error: '#N/A' },
  ),
);

export type Mutation =
  | { kind: 'set'; sheet: number; row: number; col: number; value: CellValue }
  | { kind: 'insertRows'; sheet: number; row: number; count: number }
  | { kind: 'deleteRows'; sheet: number; row: number; count: number }
  | { kind: 'renameSheet'; sheet: number; name: string }
  | { kind: 'deleteSheet'; sheet: number }
  | { kind: 'deleteName'; index: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      sheet: fc.nat(6),
      row: fc.integer({ min: 1, max: 200 }),
      col: fc.integer({ min: 1, max: 20 }),
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insertRows' as const),
      sheet: fc.nat(6),
      row: fc.integer({ min: 1, max: 150 }),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteRows' as const),
      sheet: fc.nat(6),
      row: fc.integer({ min: 1, max: 150 }),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('renameSheet' as const),
      sheet: fc.nat(6),
      name: fc.constantFrom('Budget', 'devis', 'DEVIS (2)', 'Feuil1', 'Plan', 'Trésorerie réelle'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteSheet' as const), sheet: fc.nat(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteName' as const), index: fc.nat(300) }) },
);

/** Applies one mutation to a workbook in memory, as a person editing the file would. */
export function mutate(wb: ExcelJS.Workbook, m: Mutation): void {
  const ws = wb.getWorksheet(SHEETS[m.kind === 'deleteName' ? 0 : m.sheet] ?? '') ?? wb.worksheets[0];
  switch (m.kind) {
    case 'set':
      if (ws) ws.getCell(m.row, m.col).value = m.value as ExcelJS.CellValue;
      return;
    case 'insertRows':
      ws?.spliceRows(m.row, 0, ...Array.from({ length: m.count }, () => []));
      return;
    case 'deleteRows':
      ws?.spliceRows(m.row, m.count);
      return;
    case 'renameSheet':
      // Sheet names are unique without regard to case, in Excel as in exceljs.
      if (ws && !wb.worksheets.some((w) => w.name.toLowerCase() === m.name.toLowerCase())) ws.name = m.name;
      return;
    case 'deleteSheet':
      if (ws && wb.worksheets.length > 1) wb.removeWorksheet(ws.id);
      return;
    case 'deleteName': {
      const model = wb.definedNames.model;
      const name = model[m.index % Math.max(1, model.length)]?.name;
      if (name) wb.definedNames.model = model.filter((n) => n.name !== name);
    }
  }
}

const UNLOCATED = new Map(RULES.map((r) => [r.meta.id, new Set(Object.keys(r.meta.unlocated ?? {}))]));

/** What one fuzz run breaks, in words; empty when every property holds. */
export function violations(report: AuditReport, again: AuditReport, before: string, after: string): string[] {
  const out: string[] = [];
  const crashed = report.findings.filter((f) => f.messageId === 'rule-crashed');
  for (const f of crashed) out.push(`règle plantée ${f.ruleId} : ${String(f.data.detail)}`);
  if (JSON.stringify(report) !== JSON.stringify(again)) out.push('deux contrôles du même classeur diffèrent');
  for (const f of report.findings) {
    if (f.location) {
      if (!/^[A-Z]{1,3}[1-9]\d*$/.test(f.location.address) || f.location.sheet === '')
        out.push(`adresse invalide ${JSON.stringify(f.location)} (${f.ruleId})`);
    } else if (!UNLOCATED.get(f.ruleId)?.has(f.messageId))
      out.push(`constat sans cellule non déclaré : ${f.ruleId} ${f.messageId}`);
  }
  if (before !== after) out.push('le contrôle a modifié le classeur');
  return out;
}

/** The example workbook of a format, as bytes (built once per format). */
const EXAMPLES = new Map<ProductionFormat, ExcelJS.Buffer>();
async function exampleBytes(format: ProductionFormat): Promise<ExcelJS.Buffer> {
  const known = EXAMPLES.get(format);
  if (known) return known;
  const wb = new ExcelJS.Workbook();
  const { plan } = buildScaffoldPlan({
    format,
    budget: exampleBudget(format),
    production: exampleParameters(format),
    financing: 'exemple',
    carbon: 'exemple',
  });
  await new XlsxPort(wb).applyPlan(plan);
  const bytes = await wb.xlsx.writeBuffer();
  EXAMPLES.set(format, bytes);
  return bytes;
}

/** One run: a format's example, a list of mutations, audited twice from the same bytes. */
export async function fuzzOnce(format: ProductionFormat, mutations: Mutation[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await exampleBytes(format));
  for (const m of mutations) mutate(wb, m);
  const bytes = await wb.xlsx.writeBuffer();
  const loaded = async (): Promise<ExcelJS.Workbook> => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(bytes);
    return w;
  };
  const first = await loaded();
  // The workbook's whole model (cells, names, sheets), not its bytes: exceljs stamps the save time.
  const model = (): string => createHash('sha256').update(JSON.stringify(first.model)).digest('hex');
  const before = model();
  const report = await audit(new XlsxPort(first), 'tous');
  const after = model();
  const again = await audit(new XlsxPort(await loaded()), 'tous');
  return violations(report, again, before, after);
}

/** The violations of the last failing run, for the report (fast-check prints the counter-example). */
export const lastViolations: string[] = [];

/** Runs the property `runs` times; throws with the smallest counter-example fast-check finds. */
export async function fuzzAudit(
  runs: number,
  seed?: number,
): Promise<{ runs: number; seed: number | undefined }> {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...FORMATS),
      fc.array(mutation, { minLength: 1, maxLength: 8 }),
      async (format, mutations) => {
        const broken = await fuzzOnce(format, mutations).catch((e: unknown) => [
          `exception : ${e instanceof Error ? e.message : String(e)}`,
        ]);
        if (broken.length > 0) {
          lastViolations.splice(0, lastViolations.length, ...broken);
          throw new Error(broken.join(' ; '));
        }
      },
    ),
    { numRuns: runs, ...(seed !== undefined ? { seed } : {}) },
  );
  return { runs, seed };
}
