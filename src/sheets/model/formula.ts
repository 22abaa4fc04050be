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

// Character classes of the scanner, on UTF-16 code units (what `charCodeAt` gives; NaN past the
// end, which every test below rejects).
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWord = (c: number): boolean => isLetter(c) || isDigit(c) || c === 95;
/** A name starts with a letter, "_", "\\" or any character from U+00C0 on. */
const isIdStart = (c: number): boolean => isLetter(c) || c === 95 || c === 92 || c >= 0xc0;
const isIdPart = (c: number): boolean => isWord(c) || c === 46 || c >= 0xc0;
/** What may not follow a reference: it would be part of a longer name, a function or a sheet. */
const continuesRef = (c: number): boolean => isWord(c) || c === 46 || c === 40 || c === 33;
const DOLLAR = 36;

function run(s: string, p: number, test: (c: number) => boolean): number {
  let q = p;
  while (test(s.charCodeAt(q))) q += 1;
  return q - p;
}

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

const ERRORS = [
  '#N/A',
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

function scanError(s: string, p: number): Scan {
  if (s[p] !== '#') return null;
  const text = ERRORS.find((e) => s.startsWith(e, p));
  return text ? { token: { kind: 'error', text }, end: p + text.length } : null;
}

/** Sheet1! — an unquoted sheet name. */
function scanSheetPrefix(s: string, p: number): Scan {
  if (!isIdStart(s.charCodeAt(p))) return null;
  const q = p + 1 + run(s, p + 1, isIdPart);
  if (s.charCodeAt(q) !== 33) return null;
  return { token: { kind: 'sheet', text: s.slice(p, q + 1), sheet: s.slice(p, q) }, end: q + 1 };
}

/** A:C, $A:$C — whole columns. */
function scanCols(s: string, p: number): Scan {
  let q = p;
  const abs1 = s.charCodeAt(q) === DOLLAR;
  if (abs1) q += 1;
  const n1 = run(s, q, isLetter);
  if (n1 < 1 || n1 > 3 || s.charCodeAt(q + n1) !== 58) return null;
  const l1 = s.slice(q, q + n1);
  q += n1 + 1;
  const abs2 = s.charCodeAt(q) === DOLLAR;
  if (abs2) q += 1;
  const n2 = run(s, q, isLetter);
  if (n2 < 1 || n2 > 3 || continuesRef(s.charCodeAt(q + n2))) return null;
  const c1 = colNumber(l1);
  const c2 = colNumber(s.slice(q, q + n2));
  if (c1 > MAX_COL || c2 > MAX_COL) return null;
  const end = q + n2;
  return { token: { kind: 'cols', text: s.slice(p, end), c1, c2, abs1, abs2 }, end };
}

/** 3:7, $3:$7 — whole rows. */
function scanRows(s: string, p: number): Scan {
  let q = p;
  const abs1 = s.charCodeAt(q) === DOLLAR;
  if (abs1) q += 1;
  const n1 = run(s, q, isDigit);
  if (n1 < 1 || s.charCodeAt(q + n1) !== 58) return null;
  const r1 = Number(s.slice(q, q + n1));
  q += n1 + 1;
  const abs2 = s.charCodeAt(q) === DOLLAR;
  if (abs2) q += 1;
  const n2 = run(s, q, isDigit);
  if (n2 < 1 || continuesRef(s.charCodeAt(q + n2))) return null;
  const end = q + n2;
  return { token: { kind: 'rows', text: s.slice(p, end), r1, r2: Number(s.slice(q, end)), abs1, abs2 }, end };
}

/** B7, $B$7 — one cell. */
function scanCell(s: string, p: number): Scan {
  let q = p;
  const colAbs = s.charCodeAt(q) === DOLLAR;
  if (colAbs) q += 1;
  const n = run(s, q, isLetter);
  if (n < 1 || n > 3) return null;
  const col = colNumber(s.slice(q, q + n));
  q += n;
  const rowAbs = s.charCodeAt(q) === DOLLAR;
  if (rowAbs) q += 1;
  const d = run(s, q, isDigit);
  if (d < 1 || continuesRef(s.charCodeAt(q + d))) return null;
  const row = Number(s.slice(q, q + d));
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  const end = q + d;
  return { token: { kind: 'cell', text: s.slice(p, end), col, row, colAbs, rowAbs }, end };
}

/** A function (followed by "("), TRUE / FALSE, or a workbook name. */
function scanIdent(s: string, p: number): Scan {
  if (!isIdStart(s.charCodeAt(p))) return null;
  const end = p + 1 + run(s, p + 1, isIdPart);
  const text = s.slice(p, end);
  let q = end;
  while (s[q] === ' ') q += 1;
  if (s[q] === '(') return { token: { kind: 'function', text }, end };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { token: { kind: 'other', text }, end };
  return { token: { kind: 'name', text }, end };
}

/** 12, 1.5, 3E-2. */
function scanNumber(s: string, p: number): Scan {
  const n = run(s, p, isDigit);
  if (n < 1) return null;
  let q = p + n;
  if (s.charCodeAt(q) === 46 && isDigit(s.charCodeAt(q + 1))) q += 1 + run(s, q + 1, isDigit);
  const e = s.charCodeAt(q);
  if (e === 69 || e === 101) {
    const sign = s.charCodeAt(q + 1) === 43 || s.charCodeAt(q + 1) === 45 ? 1 : 0;
    const d = run(s, q + 1 + sign, isDigit);
    if (d > 0) q += 1 + sign + d;
  }
  return { token: { kind: 'other', text: s.slice(p, q) }, end: q };
}

/**
 * Splits a formula (with or without its leading "=") into tokens; never throws. One pass over the
 * character codes: each scanner looks at the first character before reading further.
 */
export function tokenize(formula: string): FormulaToken[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: FormulaToken[] = [];
  let p = 0;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    let scan: Scan = null;
    if (c === 34) scan = scanString(s, p);
    else if (c === 39) scan = scanQuotedSheet(s, p);
    else if (c === 91) scan = scanBracket(s, p);
    else if (c === 35) scan = scanError(s, p);
    else if (c === DOLLAR || isDigit(c) || isIdStart(c)) {
      const afterSheet = out[out.length - 1]?.kind === 'sheet';
      scan =
        (afterSheet ? null : scanSheetPrefix(s, p)) ??
        scanCols(s, p) ??
        scanRows(s, p) ??
        scanCell(s, p) ??
        scanIdent(s, p) ??
        scanNumber(s, p);
    }
    scan ??= { token: { kind: 'other', text: s[p] ?? '' }, end: p + 1 };
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
  return relativeFormOf(tokenize(formula), row, col);
}

/** {@link relativeForm} of a formula already split into tokens. */
export function relativeFormOf(tokens: readonly FormulaToken[], row: number, col: number): string {
  return tokens
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
  return namesIn(tokenize(formula));
}

/** {@link namesUsed} of a formula already split into tokens. */
export function namesIn(tokens: readonly FormulaToken[]): NameUse[] {
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

const TOTAL_START = /^=?\s*(?:_xlfn\.)?(?:SUM|SUBTOTAL)\s*\(/i;

/** A single-range total: `SUM(B2:B9)` or `SUBTOTAL(9|109, B2:B9)`, the whole formula; else null. */
export function singleRangeTotal(
  formula: string,
): { r1: number; c1: number; r2: number; c2: number; fn: string } | null {
  // Most formulas are not totals: only those that start with one are split into tokens.
  if (!TOTAL_START.test(formula)) return null;
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

/**
 * The formula with every relative reference to its own row written `#` ("=B12*C12" on row 12:
 * "=B#*C#"), or null when it is cheaper to split it into tokens. Two formulas of one column with
 * the same key have the same relative form (filled down from one another): the inconsistent-
 * formula check splits one of them into tokens, not each. Strings, quoted sheet names and
 * structured references are kept as they are; a reference is only taken where the tokenizer would
 * read one (1 to 3 letters up to XFD, then the row, at a token's start, not followed by a name's
 * character, "(" or "!").
 */
export function rowKey(formula: string, row: number): string | null {
  const own = String(row);
  let out = '';
  let from = 0;
  let p = 0;
  const n = formula.length;
  while (p < n) {
    const c = formula.charCodeAt(p);
    if (c === 34 || c === 39) {
      // "…" or '…' (doubled quotes inside): copied as they are.
      let q = p + 1;
      while (q < n && !(formula.charCodeAt(q) === c && formula.charCodeAt(q + 1) !== c)) {
        q += formula.charCodeAt(q) === c ? 2 : 1;
      }
      p = q + 1;
      continue;
    }
    if (c === 91) {
      // [...] of a structured reference, nested brackets included: a name, not cells.
      return null;
    }
    if (
      !isLetter(c) ||
      (p > 0 && (isIdPart(formula.charCodeAt(p - 1)) || formula.charCodeAt(p - 1) === 92))
    ) {
      p += 1;
      continue;
    }
    const letters = run(formula, p, isLetter);
    const digits = run(formula, p + letters, isDigit);
    const end = p + letters + digits;
    if (
      letters <= 3 &&
      digits === own.length &&
      formula.startsWith(own, p + letters) &&
      !continuesRef(formula.charCodeAt(end)) &&
      colNumber(formula.slice(p, p + letters)) <= MAX_COL
    ) {
      out += `${formula.slice(from, p + letters)}#`;
      from = end;
    }
    p = end;
  }
  return out + formula.slice(from);
}
