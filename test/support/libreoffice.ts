import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { splitReference } from '../../src/sheets/model/plan';

/** Path of the LibreOffice binary, or null when it is not installed. */
export function sofficePath(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'])
    if (existsSync(p)) return p;
  return null;
}

/**
 * A LibreOffice profile that recalculates every formula of an .xlsx on load
 * (/org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0, "always"). Without it,
 * LibreOffice keeps the cached values and a comparison would prove nothing.
 */
export function recalcProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-lo-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/** Opens the file in headless LibreOffice (recalculating on load) and saves it as .xlsx in outDir. */
export function recalcWithLibreOffice(
  input: string,
  outDir: string,
  profile: string = recalcProfile(),
): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) est introuvable : installez libreoffice-calc.');
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out = join(outDir, basename(input));
  if (!existsSync(out)) throw new Error(`LibreOffice n'a pas écrit ${out}`);
  return out;
}

export interface Mismatch {
  sheet: string;
  address: string;
  formula: string;
  cached: unknown;
  recomputed: unknown;
}

export interface Comparison {
  formulaCells: number;
  mismatches: Mismatch[];
}

/** A cell's cached formula result (exceljs drops a zero result from `.value`, not from `.result`). */
function resultOf(cell: ExcelJS.Cell | undefined): unknown {
  if (!cell) return undefined;
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const num = (v: unknown): number | null =>
    typeof v === 'number' ? v : v === undefined || v === null || v === '' ? 0 : null;
  const x = num(a);
  const y = num(b);
  if (x !== null && y !== null) return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return a === b;
}

/**
 * Every formula cell of `original` (our cached result) against the same cell of `recomputed`
 * (LibreOffice's value). Numbers agree within 1e-9 relative (the last bits of a double).
 */
export async function compareFormulaCells(original: string, recomputed: string): Promise<Comparison> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(original);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(recomputed);
  const mismatches: Mismatch[] = [];
  let formulaCells = 0;
  a.eachSheet((ws) => {
    const other = b.getWorksheet(ws.name);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        formulaCells += 1;
        const cached = resultOf(cell);
        const recomputedValue = resultOf(other?.getCell(cell.address));
        if (!same(cached, recomputedValue)) {
          mismatches.push({
            sheet: ws.name,
            address: cell.address,
            formula: cell.formula,
            cached,
            recomputed: recomputedValue,
          });
        }
      });
    });
  });
  return { formulaCells, mismatches };
}

export type LoOperation =
  | { op: 'insertRow'; sheet: string; row: number }
  | { op: 'deleteRows'; sheet: string; row: number; count: number }
  | { op: 'set'; sheet: string; cell: string; value: string | number }
  | { op: 'formula'; sheet: string; cell: string; formula: string }
  /** Save in another format ("MS Excel 97", "calc8" for .ods). */
  | { op: 'store'; filter: string };

/** Edits a copy of the file in LibreOffice (UNO, python3-uno), recalculates, saves to `output`. */
export function editWithLibreOffice(
  input: string,
  output: string,
  ops: LoOperation[],
  profile: string = recalcProfile(),
): string {
  const opsFile = join(mkdtempSync(join(tmpdir(), 'devis-cnc-ops-')), 'ops.json');
  writeFileSync(opsFile, JSON.stringify(ops));
  execFileSync('/usr/bin/python3', [join(__dirname, 'lo_edit.py'), profile, input, output, opsFile], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  if (!existsSync(output)) throw new Error(`LibreOffice n'a pas écrit ${output}`);
  return output;
}

/** The cached value of a workbook name's single cell (after LibreOffice recalculated it). */
export async function namedValues(file: string, names: string[]): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const ref = wb.definedNames.getRanges(name).ranges[0];
    const parts = ref ? splitReference(ref) : null;
    if (!parts || parts.start !== parts.end) throw new Error(`Nom introuvable ou non ponctuel : ${name}`);
    const cell = wb.getWorksheet(parts.sheet)?.getCell(parts.start);
    out[name] = cell?.type === ExcelJS.ValueType.Formula ? cell.result : cell?.value;
  }
  return out;
}

/**
 * The cells of a workbook name over one row or one column (a month row, a column of rates), their
 * cached values (after LibreOffice recalculated them), and the address of each.
 */
export async function namedCells(file: string, name: string): Promise<{ address: string; value: unknown }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts = splitReference(wb.definedNames.getRanges(name).ranges[0] ?? '');
  const ws = parts ? wb.getWorksheet(parts.sheet) : undefined;
  if (!parts || !ws) throw new Error(`Nom introuvable : ${name}`);
  const [from, to] = [parts.start, parts.end].map((a) => ws.getCell(a.replace(/\$/g, '')).fullAddress);
  if (!from || !to) throw new Error(`Nom introuvable : ${name}`);
  const out: { address: string; value: unknown }[] = [];
  for (let r = from.row; r <= to.row; r += 1)
    for (let c = from.col; c <= to.col; c += 1) {
      const cell = ws.getCell(r, c);
      out.push({
        address: cell.address,
        value: cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value,
      });
    }
  return out;
}

/** The values of a one-row (or one-column) workbook name, after LibreOffice. */
export async function rowValues(file: string, name: string): Promise<unknown[]> {
  return (await namedCells(file, name)).map((c) => c.value);
}
