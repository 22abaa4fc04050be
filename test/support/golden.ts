import { parseAddress } from '../../src/sheets/model/plan';
import type { CellPlan, SheetPlan, WorkbookPlan } from '../../src/sheets/model/plan';
import { relativeFormOf, tokenize } from '../../src/sheets/model/formula';

/*
 * A sheet plan as a reviewer reads it: what a person would check on the sheet, not every cell.
 * - the sheet's options (widths, frozen rows, merges, printing) on a few lines;
 * - the typed cells row by row, one line per row (« r12 A "2.2.1" label | B "Réalisateur" input »);
 * - the formulas column by column, a run of rows that share one formula (the same relative form,
 *   style and format) on one line, with its first cell's formula and the sum of its results;
 * - the validations, conditional formats and charts, one line each;
 * - the workbook names on the sheet, with the result of a name that is one cell.
 * A sheet whose rows are data (the Facteurs, the Dépenses' ledger) keeps its formulas, names and
 * options but counts its typed cells per column: its own property tests check them.
 */

const q = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v));

/** « {input 0.00} »: the style and the number format of a cell, when it has them. */
function look(c: CellPlan): string {
  const parts = [c.style, c.numFmt].filter((x): x is string => x !== undefined && x !== '');
  return parts.length ? ` {${parts.join(' ')}}` : '';
}

/** The options of a sheet: everything but its cells, lists and formats. */
function options(s: SheetPlan): string[] {
  const { name, cells, validations, conditionalFormats, ...rest } = s;
  void name;
  void cells;
  void validations;
  void conditionalFormats;
  return Object.entries(rest).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
}

/** The typed cells, one line per row; for a data sheet, their count per column. */
function typedLines(cells: readonly CellPlan[], data: boolean): string[] {
  const typed = cells.filter((c) => c.formula === undefined);
  const byRow = new Map<number, CellPlan[]>();
  for (const c of typed) {
    const { row } = parseAddress(c.address);
    byRow.set(row, [...(byRow.get(row) ?? []), c]);
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
  if (!data)
    return rows.map(
      ([row, cs]) =>
        `r${row} ${cs.map((c) => `${c.address.replace(/\d+$/, '')} ${q(c.value ?? null)}${look(c)}`).join(' | ')}`,
    );
  const perColumn = new Map<string, number>();
  for (const c of typed) {
    const col = c.address.replace(/\d+$/, '');
    perColumn.set(col, (perColumn.get(col) ?? 0) + 1);
  }
  return [
    `typed cells by column (checked by the sheet's own tests): ${JSON.stringify(Object.fromEntries(perColumn))}`,
  ];
}

/** The formulas, column by column: a run of rows sharing one formula on one line. */
function formulaLines(cells: readonly CellPlan[]): string[] {
  const formulas = cells
    .filter((c) => c.formula !== undefined)
    .map((c) => {
      const { col, row } = parseAddress(c.address);
      const form = `${relativeFormOf(tokenize(c.formula ?? ''), row, col + 1)}${look(c)}`;
      return { c, col, row, form };
    })
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let k = 0;
  while (k < formulas.length) {
    const first = formulas[k];
    if (!first) break;
    let end = k;
    while (
      formulas[end + 1]?.col === first.col &&
      formulas[end + 1]?.row === (formulas[end]?.row ?? 0) + 1 &&
      formulas[end + 1]?.form === first.form
    )
      end += 1;
    const run = formulas.slice(k, end + 1);
    const last = run[run.length - 1]?.c.address ?? first.c.address;
    const numbers = run.map((f) => f.c.result).filter((r): r is number => typeof r === 'number');
    const texts = run.map((f) => f.c.result).filter((r) => typeof r === 'string' && r !== '');
    const where = run.length > 1 ? `${first.c.address}:${last}` : first.c.address;
    const results =
      run.length === 1
        ? ` → ${q(first.c.result ?? null)}`
        : `${numbers.length ? ` Σ ${Math.round(numbers.reduce((s, x) => s + x, 0) * 100) / 100}` : ''}${texts.length ? ` (${texts.length} texts)` : ''}`;
    out.push(`${where} =${first.c.formula ?? ''}${look(first.c)}${results}`);
    k = end + 1;
  }
  return out;
}

/** The whole compact form of one sheet of a plan. */
export function goldenSheet(plan: WorkbookPlan, sheetName: string, data = false): string {
  const s = plan.sheets.find((x) => x.name === sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  const cellAt = new Map(s.cells.map((c) => [c.address, c]));
  const names = plan.names
    .filter((n) => n.sheet === sheetName)
    .map((n) => {
      const one = /^\$?[A-Z]+\$?\d+$/.test(n.ref) ? cellAt.get(n.ref.replace(/\$/g, '')) : undefined;
      const value = one
        ? ` → ${q(one.formula !== undefined ? (one.result ?? null) : (one.value ?? null))}`
        : '';
      return `${n.name} = ${n.ref}${value}${n.comment ? ` // ${n.comment}` : ''}`;
    });
  return [
    `# ${sheetName}`,
    ...options(s),
    '',
    '## typed',
    ...typedLines(s.cells, data),
    '',
    '## formulas',
    ...formulaLines(s.cells),
    '',
    '## validations and formats',
    ...s.validations.map((v) => JSON.stringify(v)),
    ...s.conditionalFormats.map((f) => JSON.stringify(f)),
    ...plan.charts.filter((c) => c.sheet === sheetName).map((c) => JSON.stringify(c)),
    '',
    '## names',
    ...names,
    '',
  ].join('\n');
}

/** A sheet's golden file name: « Plan de travail » → plan-de-travail.txt. */
export function goldenFile(sheetName: string): string {
  return `${sheetName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.txt`;
}
