import { shiftFormula } from '../sheets/model/formula';
import { parseAddress } from '../sheets/model/plan';
import { cellText } from '../domain/text/cellText';
import { alike, grid, isLinkKind, type Grid } from './grid';
import type { Location, Rule } from './types';

/** A cell out of step with its column (or row): where it sits, what it holds, what the others say. */
interface Odd {
  location: Location;
  found: string;
  expected: string;
  typed: boolean;
}

/**
 * Rows i-1 and i alike except maybe in one column: -1 when alike everywhere, the column when only
 * it differs, -2 when two or more differ. `across` swaps rows and columns.
 */
function pairDiff(g: Grid, i: number, across: boolean): number {
  const n = across ? g.rows : g.cols;
  let diff = -1;
  for (let k = 0; k < n; k += 1) {
    const a = across ? g.kind(k, i - 1) : g.kind(i - 1, k);
    const b = across ? g.kind(k, i) : g.kind(i, k);
    if (alike(a, b)) continue;
    if (diff !== -1) return -2;
    diff = k;
  }
  return diff;
}

/**
 * Runs of lines (rows, or columns when `across`) alike in every other position; in each run of
 * three or more, the formula most lines share is the pattern, and a line holding a number, a text
 * or another formula at that position is out of step.
 */
function scan(g: Grid, across: boolean, found: Map<string, Odd>): void {
  const lines = across ? g.cols : g.rows;
  const width = across ? g.rows : g.cols;
  if (lines < 3) return;
  const diffs: number[] = [0];
  for (let i = 1; i < lines; i += 1) diffs.push(pairDiff(g, i, across));
  const kind = (line: number, k: number): string => (across ? g.kind(k, line) : g.kind(line, k));
  for (let k = 0; k < width; k += 1) {
    let start = 0;
    for (let i = 1; i <= lines; i += 1) {
      const d = diffs[i];
      if (i < lines && (d === -1 || d === k)) continue;
      if (i - start >= 3) check(g, across, k, start, i - 1, kind, found);
      start = i;
    }
  }
}

function check(
  g: Grid,
  across: boolean,
  k: number,
  first: number,
  last: number,
  kind: (line: number, k: number) => string,
  found: Map<string, Odd>,
): void {
  const counts = new Map<string, number>();
  for (let i = first; i <= last; i += 1) {
    const s = kind(i, k);
    if (s.startsWith('F')) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let pattern = '';
  let best = 0;
  for (const [s, n] of counts) if (n > best) [pattern, best] = [s, n];
  const length = last - first + 1;
  if (best < 2 || best * 2 <= length) return;
  const cell = (i: number): [number, number] => (across ? [k, i] : [i, k]);
  for (let i = first; i <= last; i += 1) {
    const s = kind(i, k);
    if (s === '' || s === pattern) continue;
    // The nearest line that follows the pattern gives the formula expected here.
    let model = -1;
    for (let d = 1; model < 0 && d <= length; d += 1) {
      if (i - d >= first && kind(i - d, k) === pattern) model = i - d;
      else if (i + d <= last && kind(i + d, k) === pattern) model = i + d;
    }
    const [r, c] = cell(i);
    const [mr, mc] = cell(model);
    const location = g.at(r, c);
    const key = location.address;
    if (found.has(key)) continue;
    const f = g.formula(r, c);
    const expected = shiftFormula(g.formula(mr, mc) ?? '', r - mr, c - mc);
    // The first cell of a running total (« =B23 » before « =B24+C23 »): the pattern would read a
    // label or a cell off the table here, so the difference is the layout's, not a slip.
    if (f !== null && readsText(g, expected)) continue;
    // A formula that reads workbook names only (« =SUM(PdT_Couverts) » among « =COUNT(PdT_Dates) »)
    // is a link written on purpose, not a formula copied down and broken.
    if (f !== null && isLinkKind(s)) continue;
    found.set(key, { location, found: f ?? cellText(g.value(r, c)), expected, typed: f === null });
  }
}

/** The formula reads a cell of this sheet that holds a text, or a cell before the sheet's start. */
function readsText(g: Grid, formula: string): boolean {
  for (const m of formula.matchAll(/(?<![A-Z!$])\$?([A-Z]{1,3})\$?(\d+)(?![(\d])/g)) {
    const { col, row } = parseAddress(`${m[1] ?? ''}${m[2] ?? ''}`);
    const i = row - g.row0;
    // parseAddress counts columns from 0, the grid from 1.
    const j = col + 1 - g.col0;
    if (i < 0 || j < 0) return true;
    if (i < g.rows && j < g.cols && typeof g.value(i, j) === 'string') return true;
  }
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'formula-inconsistent',
    title: 'Formules cohérentes avec leurs voisines (colonne ou ligne)',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    why: 'Une formule différente de ses voisines est souvent une erreur de recopie qui ne se voit pas à l’écran.',
    fix: 'Comparez la formule à celles de la même colonne (ou ligne) et recopiez la bonne si la différence n’est pas voulue.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [],
    readsWorkbook: true,
    sheet: 'Toutes les feuilles',
  },
  check(ctx) {
    for (const range of ctx.snapshot.workbook?.sheets ?? []) {
      const g = grid(range);
      const found = new Map<string, Odd>();
      scan(g, false, found);
      scan(g, true, found);
      for (const odd of found.values()) {
        if (odd.typed)
          ctx.report('formula-typed-value', { found: odd.found, expected: odd.expected }, odd.location);
        else ctx.report('formula-inconsistent', { found: odd.found, expected: odd.expected }, odd.location);
      }
    }
  },
};
