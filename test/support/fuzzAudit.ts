import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { FORMATS, type ProductionFormat } from '../../src/domain/facts/facts';
import { audit, type AuditReport } from '../../src/audit/audit';
import { PLAIN_DELIVERABLE_MESSAGES } from '../../src/audit/recognition';
import { RULES } from '../../src/rules';
import { examplePlan } from './plans';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { XlsxReader } from '../../src/workbook/xlsx/xlsxReader';

/**
 * Fuzzing the audit: the example workbooks of every format, mutated as people and files mutate
 * them — cells retyped (text, French amounts, huge strings, Excel errors, dates, formula-looking
 * text, booleans, blanks, formulas), rows inserted and deleted, sheets renamed or deleted,
 * workbook names deleted — and random workbooks built from nothing (sheets, cells, formulas,
 * names, some pointing nowhere); each written to a file and audited as `devis-cnc audit` does,
 * through the streaming reader. Each run asserts: the audit does not throw and no rule crashes,
 * the report is the same when run twice, the exceljs adapter reading the same bytes gives the same
 * report, every finding has a sheet and a cell unless its rule declares it workbook-level, and
 * the file is not modified.
 */

const SHEETS = [
  'Paramètres',
  'Devis',
  'Récapitulatif',
  'Plan de financement',
  'Trésorerie',
  'Bilan carbone',
  'Dépenses',
  'Suivi budgétaire',
  'Trésorerie réelle',
  'Bilan financier',
  'Ayants droit',
  'Budget événement',
  'Facteurs',
];

type CellValue = string | number | boolean | Date | null | { error: string };

type FormulaCell = { formula: string; result?: number };
const formula: fc.Arbitrary<FormulaCell> = fc
  .record({
    text: fc.constantFrom(
      'A1*2',
      'SUM(A1:A5)',
      'SUBTOTAL(9,B2:B4)',
      'Nom_Inconnu+1',
      'Feuil1!B2',
      "'Devis'!H6",
      'IF(A1="","",A1)',
      'LET(x,1,x+1)',
      'Table1[Montant]',
      'Devis_Total*0,5',
      '#REF!+1',
      'ROUND(D6*F6*G6,2)',
    ),
    result: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
  })
  .map(({ text, result }) => ({ formula: text, ...(result !== undefined ? { result } : {}) }));

const value: fc.Arbitrary<CellValue | FormulaCell> = fc.oneof(
  formula,
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
  | { kind: 'set'; sheet: number; row: number; col: number; value: CellValue | FormulaCell }
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
      sheet: fc.nat(12),
      row: fc.integer({ min: 1, max: 200 }),
      col: fc.integer({ min: 1, max: 20 }),
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insertRows' as const),
      sheet: fc.nat(12),
      row: fc.integer({ min: 1, max: 150 }),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deleteRows' as const),
      sheet: fc.nat(12),
      row: fc.integer({ min: 1, max: 150 }),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('renameSheet' as const),
      sheet: fc.nat(12),
      name: fc.constantFrom('Budget', 'devis', 'DEVIS (2)', 'Feuil1', 'Plan', 'Tréso réel'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteSheet' as const), sheet: fc.nat(12) }) },
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
    } else if (!UNLOCATED.get(f.ruleId)?.has(f.messageId) && !(f.messageId in PLAIN_DELIVERABLE_MESSAGES))
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
  await new XlsxPort(wb).applyPlan(examplePlan(null, format).plan);
  const bytes = await wb.xlsx.writeBuffer();
  EXAMPLES.set(format, bytes);
  return bytes;
}

const DIR = mkdtempSync(join(tmpdir(), 'devis-cnc-fuzz-'));
let fileCount = 0;

/** Audits bytes as the CLI does (a file, the streaming reader), twice, then through exceljs. */
async function auditBytes(bytes: ExcelJS.Buffer): Promise<string[]> {
  fileCount += 1;
  const file = join(DIR, `run-${fileCount}.xlsx`);
  writeFileSync(file, Buffer.from(bytes));
  try {
    const hash = (): string => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    const report = await audit(await XlsxReader.open(file), 'tous');
    const again = await audit(await XlsxReader.open(file), 'tous');
    const after = hash();
    const out = violations(report, again, before, after);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const other = await audit(new XlsxPort(wb), 'tous');
    if (JSON.stringify(other) !== JSON.stringify(report))
      out.push('le lecteur en flux et l’adaptateur exceljs donnent des rapports différents');
    return out;
  } finally {
    rmSync(file, { force: true });
  }
}

/** One run: a format's example, a list of mutations, audited from the same bytes. */
export async function fuzzOnce(format: ProductionFormat, mutations: Mutation[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await exampleBytes(format));
  for (const m of mutations) mutate(wb, m);
  return auditBytes(await wb.xlsx.writeBuffer());
}

/** A workbook built from nothing: sheets with cells and formulas, names, some pointing nowhere. */
export interface RandomBook {
  sheets: { name: string; cells: { row: number; col: number; value: CellValue | FormulaCell }[] }[];
  names: { name: string; sheet: number; ref: string }[];
}

const randomBook: fc.Arbitrary<RandomBook> = fc.record({
  sheets: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(
        'Devis',
        'Budget prévisionnel',
        'Feuil1',
        'Paramètres',
        'Trésorerie',
        'Dépenses',
        'Récap',
      ),
      cells: fc.array(
        fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 12 }), value }),
        { maxLength: 80 },
      ),
    }),
    { minLength: 1, maxLength: 4, selector: (x) => x.name },
  ),
  names: fc.array(
    fc.record({
      name: fc.constantFrom(
        'Devis_Lignes',
        'Devis_Total',
        'Param_Enveloppe',
        'Taux',
        'Fin_Tableau',
        'Treso_Phases',
      ),
      sheet: fc.nat(5),
      ref: fc.constantFrom('$A$1', '$A$1:$L$60', '$B$2:$B$9', '$H$6'),
    }),
    { maxLength: 6 },
  ),
});

/** One run on a random workbook. */
export async function fuzzRandom(book: RandomBook): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const c of s.cells) ws.getCell(c.row, c.col).value = c.value as ExcelJS.CellValue;
  }
  const seen = new Set<string>();
  for (const n of book.names) {
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    const target = book.sheets[n.sheet]?.name ?? 'Absente';
    wb.definedNames.add(`'${target}'!${n.ref}`, n.name);
  }
  return auditBytes(await wb.xlsx.writeBuffer());
}

/** The violations of the last failing run, for the report (fast-check prints the counter-example). */
export const lastViolations: string[] = [];

/** Runs the property `runs` times; throws with the smallest counter-example fast-check finds. */
export async function fuzzAudit(
  runs: number,
  seed?: number,
): Promise<{ runs: number; seed: number | undefined }> {
  const input = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        format: fc.constantFrom(...FORMATS),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ book: randomBook }) },
  );
  await fc.assert(
    fc.asyncProperty(input, async (x) => {
      const broken = await ('book' in x ? fuzzRandom(x.book) : fuzzOnce(x.format, x.mutations)).catch(
        (e: unknown) => [`exception : ${e instanceof Error ? e.message : String(e)}`],
      );
      if (broken.length > 0) {
        lastViolations.splice(0, lastViolations.length, ...broken);
        throw new Error(broken.join(' ; '));
      }
    }),
    { numRuns: runs, ...(seed !== undefined ? { seed } : {}) },
  );
  return { runs, seed };
}
