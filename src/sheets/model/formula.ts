/**
 * Excel formulas as tokens (A1 style, as stored in .xlsx files and read through Office.js
 * `formulas`): enough to move a shared formula to another cell, to compare formulas the way
 * Excel's "inconsistent formula" check does (relative R1C1 form), to list the workbook names a
 * formula uses, and to recognise a plain `SUM(range)`.
 */

export type FormulaToken =
  | { kind: 'string' | 'error' | 'other' | 'function' | 'bracket'; text: string }
  | { kind: 'sheet'; text: string; sheet: string }
  | { kind: 'name'; text: string }
  | { kind: 'cell'; text: string; col: number; row: number; colAbs: boolean; rowAbs: boolean }
  | { kind: 'cols'; text: string; c1: number; c2: number; abs1: boolean; abs2: boolean }
  | { kind: 'rows'; text: string; r1: number; r2: number; abs1: boolean; abs2: boolean };

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const ID_START = '[A-Za-z_\\\\\\u00C0-\\uFFFF]';
const ID_PART = '[\\w.\\u00C0-\\uFFFF]';
const SHEET_PREFIX = new RegExp(`(${ID_START}${ID_PART}*)!`, 'y');
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w.(!])/y;
const ROWS = /(\$?)(\d+):(\$?)(\d+)(?![\w.(!])/y;
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w.(!])/y;
const IDENT = new RegExp(`${ID_START}${ID_PART}*`, 'y');
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ERROR = /#(?:N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|SPILL!|CALC!|GETTING_DATA)/y;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function sticky(re: RegExp, s: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(s);
}

/** A token read at a position and where the next one starts; null: not this kind of token. */
type Scan = { token: FormulaToken; end: number } | null;

/** "..." with doubled quotes inside; an unclosed string runs to the end. */
function scanString(s: string, p: number): Scan {
  if (s[p] !== '"') return null;
  let q = p + 1;
  for (;;) {
    const k = s.indexOf('"', q);
    if (k < 0) {
      q = s.length;
      break;
    }
    if (s[k + 1] === '"') q = k + 2;
    else {
      q = k + 1;
      break;
    }
  }
  return { token: { kind: 'string', text: s.slice(p, q) }, end: q };
}

/** 'Sheet name'! (doubled apostrophes inside). */
function scanQuotedSheet(s: string, p: number): Scan {
  if (s[p] !== "'") return null;
  let q = p + 1;
  let name = '';
  while (q < s.length) {
    if (s[q] === "'" && s[q + 1] === "'") {
      name += "'";
      q += 2;
    } else if (s[q] === "'") break;
    else name += s[q++];
  }
  const end = s[q + 1] === '!' ? q + 2 : q + 1;
  return { token: { kind: 'sheet', text: s.slice(p, end), sheet: name }, end };
}

/** [...] of a structured reference, nested brackets included. */
function scanBracket(s: string, p: number): Scan {
  if (s[p] !== '[') return null;
  let depth = 0;
  let q = p;
  do {
    if (s[q] === '[') depth += 1;
    else if (s[q] === ']') depth -= 1;
    q += 1;
  } while (q < s.length && depth > 0);
  return { token: { kind: 'bracket', text: s.slice(p, q) }, end: q };
}

function scanRegex(
  re: RegExp,
  s: string,
  p: number,
  make: (m: RegExpExecArray) => FormulaToken | null,
): Scan {
  const m = sticky(re, s, p);
  if (!m) return null;
  const token = make(m);
  return token ? { token, end: p + m[0].length } : null;
}

const scanError = (s: string, p: number): Scan =>
  s[p] === '#' ? scanRegex(ERROR, s, p, (m) => ({ kind: 'error', text: m[0] })) : null;

const scanSheetPrefix = (s: string, p: number): Scan =>
  scanRegex(SHEET_PREFIX, s, p, (m) => ({ kind: 'sheet', text: m[0], sheet: m[1] ?? '' }));

const scanCols = (s: string, p: number): Scan =>
  scanRegex(COLS, s, p, (m) => {
    const c1 = colNumber(m[2] ?? '');
    const c2 = colNumber(m[4] ?? '');
    if (c1 > MAX_COL || c2 > MAX_COL) return null;
    return { kind: 'cols', text: m[0], c1, c2, abs1: m[1] === '$', abs2: m[3] === '$' };
  });

const scanRows = (s: string, p: number): Scan =>
  scanRegex(ROWS, s, p, (m) => ({
    kind: 'rows',
    text: m[0],
    r1: Number(m[2]),
    r2: Number(m[4]),
    abs1: m[1] === '$',
    abs2: m[3] === '$',
  }));

const scanCell = (s: string, p: number): Scan =>
  scanRegex(CELL, s, p, (m) => {
    const col = colNumber(m[2] ?? '');
    const row = Number(m[4]);
    if (col > MAX_COL || row < 1 || row > MAX_ROW) return null;
    return { kind: 'cell', text: m[0], col, row, colAbs: m[1] === '$', rowAbs: m[3] === '$' };
  });

/** A function (followed by "("), TRUE / FALSE, or a workbook name. */
const scanIdent = (s: string, p: number): Scan =>
  scanRegex(IDENT, s, p, (m) => {
    let q = p + m[0].length;
    while (s[q] === ' ') q += 1;
    const upper = m[0].toUpperCase();
    if (s[q] === '(') return { kind: 'function', text: m[0] };
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'other', text: m[0] };
    return { kind: 'name', text: m[0] };
  });

const scanNumber = (s: string, p: number): Scan =>
  scanRegex(NUMBER, s, p, (m) => ({ kind: 'other', text: m[0] }));

/** Splits a formula (with or without its leading "=") into tokens; never throws. */
export function tokenize(formula: string): FormulaToken[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: FormulaToken[] = [];
  let p = 0;
  while (p < s.length) {
    const afterSheet = out[out.length - 1]?.kind === 'sheet';
    const scan = scanString(s, p) ??
      scanQuotedSheet(s, p) ??
      scanBracket(s, p) ??
      scanError(s, p) ??
      (afterSheet ? null : scanSheetPrefix(s, p)) ??
      scanCols(s, p) ??
      scanRows(s, p) ??
      scanCell(s, p) ??
      scanIdent(s, p) ??
      scanNumber(s, p) ?? { token: { kind: 'other', text: s[p] ?? '' }, end: p + 1 };
    out.push(scan.token);
    p = scan.end;
  }
  return out;
}

/**
 * The formula written `dr` rows and `dc` columns further, as Excel fills a formula (a shared
 * formula of an .xlsx is stored once and moved this way): relative references move, absolute
 * ones stay; a reference moved off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  const lead = formula.startsWith('=') ? '=' : '';
  return (
    lead +
    tokenize(formula)
      .map((t) => {
        if (t.kind === 'cell') {
          const col = t.colAbs ? t.col : t.col + dc;
          const row = t.rowAbs ? t.row : t.row + dr;
          if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
          return `${t.colAbs ? '$' : ''}${colLetters(col)}${t.rowAbs ? '$' : ''}${row}`;
        }
        if (t.kind === 'cols') {
          const c1 = t.abs1 ? t.c1 : t.c1 + dc;
          const c2 = t.abs2 ? t.c2 : t.c2 + dc;
          if (c1 < 1 || c2 < 1 || c1 > MAX_COL || c2 > MAX_COL) return '#REF!';
          return `${t.abs1 ? '$' : ''}${colLetters(c1)}:${t.abs2 ? '$' : ''}${colLetters(c2)}`;
        }
        if (t.kind === 'rows') {
          const r1 = t.abs1 ? t.r1 : t.r1 + dr;
          const r2 = t.abs2 ? t.r2 : t.r2 + dr;
          if (r1 < 1 || r2 < 1 || r1 > MAX_ROW || r2 > MAX_ROW) return '#REF!';
          return `${t.abs1 ? '$' : ''}${r1}:${t.abs2 ? '$' : ''}${r2}`;
        }
        return t.text;
      })
      .join('')
  );
}

/**
 * The formula in relative R1C1 form as seen from (row, col) (1-based): two cells whose formulas
 * were filled from one another have the same form. Spaces outside strings are dropped and names
 * and functions upper-cased, as Excel compares them.
 */
export function relativeForm(formula: string, row: number, col: number): string {
  return tokenize(formula)
    .map((t) => {
      switch (t.kind) {
        case 'cell':
          return `R${t.rowAbs ? t.row : `[${t.row - row}]`}C${t.colAbs ? t.col : `[${t.col - col}]`}`;
        case 'cols':
          return `C${t.abs1 ? t.c1 : `[${t.c1 - col}]`}:C${t.abs2 ? t.c2 : `[${t.c2 - col}]`}`;
        case 'rows':
          return `R${t.abs1 ? t.r1 : `[${t.r1 - row}]`}:R${t.abs2 ? t.r2 : `[${t.r2 - row}]`}`;
        case 'string':
        case 'bracket':
          return t.text;
        case 'sheet':
          return `'${t.sheet.toUpperCase()}'!`;
        case 'other':
          return t.text.trim() === '' ? '' : t.text.toUpperCase();
        default:
          return t.text.toUpperCase();
      }
    })
    .join('');
}

/** A workbook name used by a formula, with the sheet it is qualified with ("Feuil1!Taux"). */
export interface NameUse {
  name: string;
  sheet: string | null;
}

const SCOPING_FUNCTIONS = /^(?:_XLFN\.)?(?:_XLPM\.)?(?:LET|LAMBDA)$/i;

/**
 * The workbook names a formula uses. Names that a formula defines itself (LET, LAMBDA
 * parameters) and table references (`Table1[Col]`) are not workbook names: formulas holding
 * them, or external references ("[1]Feuil1!A1"), return none rather than a guess.
 */
export function namesUsed(formula: string): NameUse[] {
  const tokens = tokenize(formula);
  if (tokens.some((t) => t.kind === 'function' && SCOPING_FUNCTIONS.test(t.text))) return [];
  if (tokens.some((t) => t.kind === 'bracket')) return [];
  const out: NameUse[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'name') return;
    if (t.text.startsWith('_xl')) return;
    const prev = tokens[k - 1];
    out.push({ name: t.text, sheet: prev?.kind === 'sheet' ? prev.sheet : null });
  });
  return out;
}

/** A single-range total: `SUM(B2:B9)` or `SUBTOTAL(9|109, B2:B9)`, the whole formula; else null. */
export function singleRangeTotal(
  formula: string,
): { r1: number; c1: number; r2: number; c2: number; fn: string } | null {
  const t = tokenize(formula).filter((x) => !(x.kind === 'other' && x.text.trim() === ''));
  const fn = t[0];
  if (fn?.kind !== 'function' || t[1]?.text !== '(') return null;
  const name = fn.text.toUpperCase().replace(/^_XLFN\./, '');
  let k = 2;
  if (name === 'SUBTOTAL') {
    if (!['9', '109'].includes(t[2]?.text ?? '') || ![',', ';'].includes(t[3]?.text ?? '')) return null;
    k = 4;
  } else if (name !== 'SUM') return null;
  const a = t[k];
  const b = t[k + 2];
  if (a?.kind !== 'cell' || t[k + 1]?.text !== ':' || b?.kind !== 'cell' || t[k + 3]?.text !== ')')
    return null;
  if (t.length !== k + 4) return null;
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
    fn: name,
  };
}
