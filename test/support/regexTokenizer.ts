/**
 * The formula tokenizer as it was written first, with one sticky regex per kind of token: kept
 * as the oracle the char-code scanner of src/sheets/model/formula.ts is compared with.
 */
import { MAX_COL, MAX_ROW, type FormulaToken } from '../../src/sheets/model/formula';

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
export function regexTokenize(formula: string): FormulaToken[] {
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
