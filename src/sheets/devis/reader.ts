import { Money, parseAmount } from '../../domain/money';
import { cellText } from '../../domain/text/cellText';
import { looseForm } from '../../domain/text/looseForm';
import { at, isFormula, type Location, type RangeRead, type Snapshot } from '../model/snapshot';
import { columnLetter, parseAddress } from '../model/plan';
import { listNomenclatures, resolveCode } from '../../domain/nomenclature/nomenclature';
import type { NomenclatureData } from '../../domain/nomenclature/types';
import { DEVIS_COLUMNS, DEVIS_NAMES, type DevisColumn } from './contract';

/** A row of the devis table, read through the contract (or through header detection). */
export interface DevisRow {
  i: number;
  code: string;
  label: string;
  status: string;
  quantity: unknown;
  count: unknown;
  rate: unknown;
  amount: unknown;
  france: unknown;
  foreign: unknown;
  justification: string;
  formula: (field: DevisColumn) => unknown;
}

/**
 * Header words each column answers to (loose form, units such as "(€)" or "k€" set aside): our
 * own header first, then the words of hand-made devis and of the CNC's own template.
 */
const SYNONYMS: Record<DevisColumn, string[]> = {
  code: [
    'n°',
    'n',
    'no',
    'num',
    'numero',
    'poste',
    'compte',
    'code poste',
    'n° compte',
    'n° de compte',
    'ref',
    'account',
    'acct',
    'acct #',
    'acct no',
    'account #',
    'account no',
    '#',
  ],
  label: [
    'designation',
    'intitule',
    'libelle',
    'description',
    'intitule du poste',
    'detail',
    'item',
    'line item',
  ],
  status: ['statut', 'status'],
  quantity: ['qte', 'quantite', 'qt', 'qty', 'quantity'],
  unit: ['unite', 'u', 'units', 'unit'],
  count: ['nb', 'nombre', 'nbre', 'x', 'mult', 'count'],
  rate: [
    'tarif',
    'prix unitaire',
    'pu',
    'taux',
    'cout unitaire',
    'prix',
    'salaire',
    'tarif unitaire',
    'rate',
    'unit cost',
    'unit price',
  ],
  amount: [
    'total',
    'montant total',
    'montant',
    'cout',
    'cout total',
    'budget',
    'total ht',
    'montant ht',
    'total poste',
    'amount',
    'total cost',
  ],
  france: ['france', 'dont france', 'depenses france'],
  foreign: ['etranger', 'dont etranger', 'depenses etranger'],
  justification: ['commentaire', 'commentaires', 'observations', 'remarques', 'notes', 'comments'],
  taxCredit: ['part eligible ci', 'eligible ci', 'eligibilite ci'],
  charges: ['part patronale', 'fringes', 'fringe', 'charges patronales'],
  region: ['dont region', 'depenses en region'],
};
const HEADERS = Object.fromEntries(
  DEVIS_COLUMNS.keys.map((k) => [k, [looseForm(DEVIS_COLUMNS.header(k)), ...SYNONYMS[k]]]),
) as Record<DevisColumn, string[]>;

/** Rows searched for the header line of a hand-made devis. */
export const HEADER_SEARCH_ROWS = 40;

/** A header cell in loose form, its unit set aside: "Total (k€)" → "total". */
function headerWord(v: unknown): string {
  return looseForm(cellText(v))
    .replace(/\(?\s*(en\s+)?(k\s?€|keur|k eur|milliers d ?euros|milliers|€|eur|euros|ht|ttc)\s*\)?/g, ' ')
    .replace(/[():]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where the header line is and which column holds which field. */
export interface DevisHeader {
  headerIndex: number;
  columns: Partial<Record<DevisColumn, number>>;
  /** The header text of each mapped column, as written. */
  headers: Partial<Record<DevisColumn, string>>;
  /** Amounts in thousands of euros (a header or a title above says "k€" or "milliers"). */
  thousands: boolean;
  /** Amount columns headed by a version (« V1 », « V2 (mars) »): the one read and the others. */
  versions: { read: string; others: string[] } | null;
  /** The columns were inferred from the cells (codes, texts, sums), no header word naming them. */
  inferred?: boolean;
  /**
   * The devis says it is audiovisual (a series, a documentary): episode columns, or its title
   * above the header. The cinema protocol's caps do not apply to it.
   */
  audiovisual: boolean;
}

const EPISODE = /^(ep|episode|epi)\s?\d{1,3}$/;
const AUDIOVISUAL_TITLE =
  /\b(serie|documentaire|unitaire|telefilm|mini serie|episodes?)\b|\d+\s?[x×]\s?\d+\s?min/;

/** A header naming a version of the amounts: « V2 », « V2 (mars) », « Total V1 », « Version 3 ». */
function versionOfHeader(word: string): number | null {
  const m = /^(?:(?:total|montant|budget|devis)\s+)?(?:v\s?|version\s+)(\d{1,2})\b/.exec(word);
  return m ? Number(m[1]) : null;
}

/** The fields a header row names, each at its column: a field's first word found wins. */
function fieldsOf(row: string[]): Partial<Record<DevisColumn, number>> {
  const columns: Partial<Record<DevisColumn, number>> = {};
  const taken = new Set<number>();
  for (const f of DEVIS_COLUMNS.keys) {
    let best = -1;
    let rank = Infinity;
    row.forEach((c, k) => {
      const at = c === '' || taken.has(k) ? -1 : HEADERS[f].indexOf(c);
      if (at >= 0 && at < rank) [best, rank] = [k, at];
    });
    if (best >= 0) {
      columns[f] = best;
      taken.add(best);
    }
  }
  return columns;
}

/** Two or more amount columns headed by versions: the latest is the amount read. */
function versionColumns(
  row: string[],
  raw: unknown[],
): (DevisHeader['versions'] & { column: number }) | null {
  const found = row
    .map((c, k) => ({ k, v: versionOfHeader(c) }))
    .filter((x): x is { k: number; v: number } => x.v !== null)
    .sort((a, b) => b.v - a.v);
  const [latest, ...rest] = found;
  if (!latest || rest.length === 0) return null;
  const text = (k: number): string => cellText(raw[k]).trim();
  return { column: latest.k, read: text(latest.k), others: rest.map((x) => text(x.k)) };
}

/**
 * The header line of a devis table: the row, among the first ones, that names an amount column
 * (or amount columns headed by versions) and a code or label column, with the most fields
 * recognised. Null when there is none.
 */
export function detectHeader(range: RangeRead): DevisHeader | null {
  let best: DevisHeader | null = null;
  let bestScore = 0;
  for (let i = 0; i < Math.min(range.values.length, HEADER_SEARCH_ROWS); i += 1) {
    const raw = range.values[i] ?? [];
    const row = raw.map(headerWord);
    const columns = fieldsOf(row);
    const versions = versionColumns(row, raw);
    if (versions && (columns.amount === undefined || versions.column !== columns.amount)) {
      for (const f of DEVIS_COLUMNS.keys) if (columns[f] === versions.column) delete columns[f];
      columns.amount = versions.column;
    }
    if (columns.amount === undefined || (columns.code === undefined && columns.label === undefined)) continue;
    const score = Object.keys(columns).length;
    if (score > bestScore) {
      bestScore = score;
      const headers: Partial<Record<DevisColumn, string>> = {};
      for (const [f, j] of Object.entries(columns) as [DevisColumn, number][])
        headers[f] = cellText(raw[j]).trim();
      best = {
        headerIndex: i,
        columns,
        headers,
        thousands: false,
        versions: versions ? { read: versions.read, others: versions.others } : null,
        audiovisual: row.filter((c) => EPISODE.test(c)).length >= 2,
      };
    }
  }
  // No header words: the columns from what they hold (structure first, words only confirm).
  best ??= inferHeader(range);
  if (!best) return null;
  const above = range.values.slice(0, best.headerIndex + 1).flat();
  best.thousands = above.some((v) => /k\s?€|\bkeur\b|milliers/i.test(cellText(v)));
  best.audiovisual ||= above.some((v) => AUDIOVISUAL_TITLE.test(looseForm(cellText(v))));
  return best;
}

/** Rows looked at to infer a table's columns from its content. */
const INFER_ROWS = 400;
/** A budget code as people write them: 1, 11, 111, 01, 0101, 1.1, 2.4.1, 1.a, 1100. */
export const CODE_SHAPE = /^\d{1,6}(?:\.(?:\d{1,3}|[a-z]))*$/i;
const MIN_ROWS = 5;

/** Per column: cells holding a code, a text, a number, a sum formula. */
function columnKinds(range: RangeRead): Record<'code' | 'int' | 'text' | 'num' | 'sums', number[]> {
  const rows = range.values.slice(0, INFER_ROWS);
  const width = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const out = {
    code: Array<number>(width).fill(0),
    int: Array<number>(width).fill(0),
    text: Array<number>(width).fill(0),
    num: Array<number>(width).fill(0),
    sums: Array<number>(width).fill(0),
  };
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const t = typeof v === 'string' ? v.trim() : '';
      if (typeof v === 'number') out.num[j] = (out.num[j] ?? 0) + 1;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 1e6)
        out.int[j] = (out.int[j] ?? 0) + 1;
      else if (CODE_SHAPE.test(t)) out.code[j] = (out.code[j] ?? 0) + 1;
      else if (/\p{L}{3}/u.test(t)) out.text[j] = (out.text[j] ?? 0) + 1;
      const f = range.formulas?.[i]?.[j];
      if (typeof f === 'string' && /^=\s*(SUM|SOMME|SUBTOTAL|SOUS\.TOTAL)\(/i.test(f))
        out.sums[j] = (out.sums[j] ?? 0) + 1;
    }),
  );
  return out;
}

const argmax = (xs: number[], ok: (j: number) => boolean): number =>
  xs.reduce((best, x, j) => (ok(j) && x >= MIN_ROWS && x > (xs[best] ?? -1) ? j : best), -1);

/**
 * A table without header words, read from its cells: the code column (codes 11, 1.1, 0101…), the
 * label column (the most texts), the amount column (the numbers right of the label that the sums
 * add up, else the rightmost), and quantity and rate where two number columns multiply to the
 * amount on most rows. Null when the cells do not look like a devis.
 */
function inferHeader(range: RangeRead): DevisHeader | null {
  const k = columnKinds(range);
  const label = argmax(k.text, () => true);
  // Codes typed as text (« 11 », « 1.a ») or as whole numbers, left of the labels.
  const code = argmax(
    k.code.map((n, j) => n + (k.int[j] ?? 0)),
    (j) => j < label,
  );
  if (label < 0 || code < 0) return null;
  const numbers = k.num.map((n, j) => (j > label && n >= MIN_ROWS ? j : -1)).filter((j) => j >= 0);
  const amount = numbers.reduce(
    (best, j) => ((k.sums[j] ?? 0) >= (k.sums[best] ?? 0) ? j : best),
    numbers[0] ?? -1,
  );
  if (amount < 0) return null;
  const first = range.values.findIndex(
    (r) => CODE_SHAPE.test(cellText(r[code]).trim()) && r[label] !== undefined,
  );
  const headerIndex = Math.max(0, first - 1);
  const columns: Partial<Record<DevisColumn, number>> = {
    code,
    label,
    amount,
    ...productColumns(range, numbers, amount, headerIndex),
  };
  const headers: Partial<Record<DevisColumn, string>> = {};
  for (const [f, j] of Object.entries(columns) as [DevisColumn, number][])
    headers[f] = cellText(range.values[headerIndex]?.[j]).trim();
  return {
    headerIndex,
    columns,
    headers,
    thousands: false,
    versions: null,
    audiovisual: false,
    inferred: true,
  };
}

/** Two number columns left of the amount whose product is the amount on most rows: quantity, rate. */
function productColumns(
  range: RangeRead,
  numbers: number[],
  amount: number,
  from: number,
): Partial<Record<DevisColumn, number>> {
  const left = numbers.filter((j) => j < amount);
  for (const q of left)
    for (const r of left.filter((j) => j > q)) {
      let rows = 0;
      let hits = 0;
      for (const row of range.values.slice(from + 1, from + 1 + INFER_ROWS)) {
        const [a, b, c] = [row[q], row[r], row[amount]];
        if (typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number') continue;
        rows += 1;
        if (new Money(a).times(b).minus(c).abs().lte('0.005')) hits += 1;
      }
      if (rows >= MIN_ROWS && hits * 2 > rows) return { quantity: q, rate: r };
    }
  return {};
}

/** "11 - Scénario", "1. DROITS ARTISTIQUES", "2.1 : Réalisateur": the code and the label. */
const CODE_AND_LABEL = /^\s*(\d{1,3}(?:[.]\d{1,3})*[A-Za-z]?)\s*(?:[-–—:.)]|\s)\s*(\S.*)$/;

/** Chapter labels of every nomenclature we know, loose form → chapter code. */
let chapterLabels: Map<string, string> | null = null;
function chapterByLabel(label: string): string | undefined {
  if (!chapterLabels) {
    chapterLabels = new Map();
    for (const n of listNomenclatures())
      for (const ch of n.chapters)
        if (!chapterLabels.has(looseForm(ch.label))) chapterLabels.set(looseForm(ch.label), ch.code);
  }
  const bare = looseForm(label)
    .replace(/^(chapitre|poste|titre)\s+\d{1,2}\s*/, '')
    .replace(/^total\s+/, '')
    .trim();
  return chapterLabels.get(bare);
}

export interface DevisTable extends DevisHeader {
  range: RangeRead;
  rows: DevisRow[];
  /** Read from a sheet laid out by hand (no Devis_Lignes name). */
  foreign: boolean;
  /** Code and label written in one cell ("11 - Scénario") in some rows. */
  combined: boolean;
  /** Where a field of a row sits. */
  locate(i: number, field: DevisColumn): Location;
  /**
   * The rows each row's amount adds up (a SUM or SUBTOTAL over the amount column, or cells of it
   * added one by one), by row index in the range: the hierarchy the formulas themselves state.
   */
  sums: ReadonlyMap<number, readonly number[]>;
  /** Sous-postes: rows that total the rows under them (by their formula, or by their codes). */
  groups: ReadonlySet<number>;
}

const TABLES = new WeakMap<Snapshot, DevisTable | null>();

/**
 * The devis as a table, by header detection: our named range Devis_Lignes first, else the sheet
 * the recognition chose (a devis built by hand, from a school's template or from the CNC's own) —
 * it still gets its findings. Memoised per snapshot.
 */
export function devisTable(s: Snapshot): DevisTable | null {
  if (TABLES.has(s)) return TABLES.get(s) ?? null;
  const table = buildDevisTable(s);
  TABLES.set(s, table);
  return table;
}

function buildDevisTable(s: Snapshot): DevisTable | null {
  const own = s.ranges[DEVIS_NAMES.lines] ?? null;
  const range = own ?? s.sheets.devis ?? null;
  if (!range) return null;
  const header = detectHeader(range);
  if (!header) return null;
  const { headerIndex, columns } = header;
  const foreign = own === null;
  const get = (i: number, f: DevisColumn, grid: unknown[][] | undefined): unknown => {
    const j = columns[f];
    return j === undefined ? null : (grid?.[i]?.[j] ?? null);
  };
  const rows: DevisRow[] = [];
  let combined = false;
  for (let i = headerIndex + 1; i < range.values.length; i += 1) {
    const text = (f: DevisColumn): string => cellText(get(i, f, range.values)).trim();
    let code = text('code');
    let label = columns.label === columns.code ? '' : text('label');
    if (foreign) {
      // Code and label in one cell, or a chapter, total or label written in the code column.
      const both = CODE_AND_LABEL.exec(code);
      if (both && (label === '' || columns.label === undefined)) {
        code = both[1] ?? '';
        label = (both[2] ?? '').trim();
        if (!isBlankAmount(get(i, 'amount', range.values))) combined = true;
      } else if (code !== '' && !/^\d/.test(code) && label === '') {
        label = code;
        code = '';
      }
      // A chapter named without its number ("DROITS ARTISTIQUES"): its code from our nomenclatures.
      if (code === '' && label !== '' && !/^(sous )?total/i.test(looseForm(label))) {
        const chapter = chapterByLabel(label);
        if (chapter && isBlankAmount(get(i, 'amount', range.values))) code = chapter;
      }
    }
    rows.push({
      i,
      code,
      label,
      status: text('status'),
      quantity: get(i, 'quantity', range.values),
      count: get(i, 'count', range.values),
      rate: get(i, 'rate', range.values),
      amount: get(i, 'amount', range.values),
      france: get(i, 'france', range.values),
      foreign: get(i, 'foreign', range.values),
      justification: text('justification'),
      formula: (f) => get(i, f, range.formulas),
    });
  }
  const sums = foreign ? sumsOf(range, columns.amount) : new Map<number, number[]>();
  return {
    ...header,
    range,
    rows,
    foreign,
    combined,
    locate: (i, f) => at(range, i, columns[f] ?? columns.label ?? 0),
    sums,
    groups: foreign ? groupsOf(rows, sums) : new Set(),
  };
}

/** A reference or a range in A1 form ("F8", "$F$8", "F8:F12"). */
const REF = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** A reference of a formula: its first and last column, its first and last row (« F12:F8 » → F, F, 8, 12). */
export interface CellRef {
  col: string;
  toCol: string;
  from: number;
  to: number;
}

/** Every reference and range of a formula, in order. */
export function refsOf(formula: string): CellRef[] {
  return [...formula.toUpperCase().matchAll(REF)].map((m) => {
    const [a, b] = [Number(m[2]), Number(m[4] ?? m[2])];
    return { col: m[1] ?? '', toCol: m[3] ?? m[1] ?? '', from: Math.min(a, b), to: Math.max(a, b) };
  });
}

/** The rows of a reference, one by one. */
export function rowsOf(ref: CellRef): number[] {
  return Array.from({ length: ref.to - ref.from + 1 }, (_, k) => ref.from + k);
}

/**
 * The rows a formula adds up in one column, when it does nothing else: « =SUM(F8:F12) »,
 * « =SUBTOTAL(9,F8:F12) », « =F8+F12+F15 ». Null for any other formula (a product, a rate, a
 * reference to another column or sheet).
 */
export function summedRows(formula: string, column: string): number[] | null {
  // A product, a quotient, a reference to another sheet: not a sum (most line formulas, at once).
  if (/[*/^&!<>]/.test(formula)) return null;
  const refs = refsOf(formula);
  if (refs.length === 0 || refs.some((r) => r.col !== column || r.toCol !== column)) return null;
  const rest = formula
    .replace(/^=/, '')
    .toUpperCase()
    .replace(REF, '')
    .replace(/\b(SUM|SOMME|SUBTOTAL|SOUS\.TOTAL)\(\s*(?:(?:9|109)\s*[,;])?/g, '(');
  return /^[\s()+,;]*$/.test(rest) ? refs.flatMap(rowsOf) : null;
}

/** The rows each amount formula adds up, by row index in the range. */
function sumsOf(range: RangeRead, amount: number | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (amount === undefined) return out;
  const { col, row } = parseAddress(range.topLeft);
  const letter = columnLetter(col + amount);
  range.formulas?.forEach((cells, i) => {
    const f = cells?.[amount];
    if (typeof f !== 'string' || !f.startsWith('=')) return;
    const rows = summedRows(f, letter);
    if (rows)
      out.set(
        i,
        rows.map((r) => r - row).filter((k) => k !== i),
      );
  });
  return out;
}

/**
 * Sous-postes: a coded row whose formula adds up the rows right under it, or whose code heads the
 * codes under it (« 11 » over « 111 », « 112 »; « 21 » over « 2101 »; « 2.4 » over « 2.4.1 »).
 */
function groupsOf(rows: DevisRow[], sums: ReadonlyMap<number, readonly number[]>): Set<number> {
  const out = new Set<number>();
  const coded = rows.filter((r) => r.code !== '');
  coded.forEach((r, k) => {
    const next = coded[k + 1];
    const below = (sums.get(r.i) ?? []).some((j) => j > r.i);
    const digits = /^\d+$/.test(r.code);
    const heads =
      next !== undefined &&
      (digits
        ? /^\d+$/.test(next.code) && next.code.length > r.code.length && next.code.startsWith(r.code)
        : next.code.startsWith(`${r.code}.`));
    if ((below || heads) && !/^0?\d$/.test(r.code)) out.add(r.i);
  });
  return out;
}

function isBlankAmount(v: unknown): boolean {
  return v === null || v === undefined || cellText(v).trim() === '';
}

/** A chapter header row: a one- or two-digit code with a label and no amount formula of its own. */
export function isChapterRow(r: DevisRow): boolean {
  return (
    /^\d{1,2}$/.test(r.code) &&
    r.label !== '' &&
    !isFormula(r.formula('amount')) &&
    (r.amount === null || r.amount === '')
  );
}

/** A sous-poste's total row: its amount is the SUBTOTAL of its lines, not a cost of its own. */
export function isGroupRow(formula: unknown): boolean {
  return typeof formula === 'string' && /SUBTOTAL\(/i.test(formula);
}

/** A total row: "Total …" (or "Sous-total …") in the label column. */
export function isTotalRow(r: DevisRow): boolean {
  return /^(sous[\s-]?|sub)?total/i.test(r.label);
}

/** The chapter each row belongs to (the last chapter header above it), row by row. */
export function chapterOfRows(table: DevisTable): Map<number, string> {
  const out = new Map<number, string>();
  let chapter = '';
  for (const r of table.rows) {
    if (isChapterRow(r)) chapter = r.code;
    out.set(r.i, chapter);
  }
  return out;
}

/** A chapter of a devis built by hand: its header row, its lines, the row holding its total. */
export interface ChapterBlock {
  code: string;
  label: string;
  /** Row index (in the table's range) of the chapter header. */
  header: number;
  lines: DevisRow[];
  /** The total row ("Total 1", "Sous-total…"), or the chapter header itself when it carries the amount. */
  total: DevisRow | null;
}

/** The shape of a devis: chapters with lines and totals, frais généraux, imprévus, grand total. */
export interface DevisOutline {
  chapters: ChapterBlock[];
  overheads: DevisRow | null;
  contingency: DevisRow | null;
  grandTotal: DevisRow | null;
}

/** An amount cell of the table in euros (a devis in k€ × 1 000), or null: blank, not an amount, an error. */
export function amountIn(table: DevisTable, v: unknown): Money | null {
  const p = parseAmount(v);
  if (!p.ok) return null;
  return table.thousands ? p.value.times(1000) : p.value;
}

const euros = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount of a hand-made devis as its findings and recognition report write it: "45 800,00 €". */
export function eurosText(m: Money): string {
  // A decimal string, not a float: the figure is exact to the cent.
  return `${euros.format(m.toFixed(2) as unknown as number)} €`;
}

/** The sum of a chapter's lines, in euros. */
export function linesAmount(table: DevisTable, block: ChapterBlock): Money {
  return block.lines.reduce((n, l) => n.plus(amountIn(table, l.amount) ?? 0), new Money(0));
}

/** What a chapter amounts to: its total as the sheet shows it, else the sum of its lines. */
export function blockAmount(table: DevisTable, block: ChapterBlock): Money {
  return (block.total ? amountIn(table, block.total.amount) : null) ?? linesAmount(table, block);
}

const GRAND_TOTAL =
  /^total (general|du devis|devis|du film|de la production|global|budget)|^cout total|^total$|^grand total|^budget total/;
const OVERHEADS = /frais generaux|^overheads?\b/;
/** The first words a grand total, frais généraux or imprévus row can start with, in any case or accent. */
const BELOW_THE_LINE =
  /^\s*(total|co[uû]t|grand|budget|frais|overhead|impr|contingency|sous|sub)|frais\s+g|impr[ée]vu/i;
const CONTINGENCY = /imprevus|^contingency/;

/** A chapter row: its code without leading zeros (« 01 » is chapter 1). */
function chapterCode(code: string): string {
  return code.replace(/^0+(?=\d)/, '');
}

/**
 * Reads the outline of a devis table row by row: a chapter row opens a block, lines with a code
 * fill it (sous-postes left out: their lines are), a total row (or the next chapter, the frais
 * généraux, the imprévus) closes it. A chapter row whose formula adds up the rows below is its
 * own total (totals written above their lines); a total row that adds up several chapters is the
 * chapters' total, not the last chapter's.
 */
export function outlineOf(table: DevisTable, nom: NomenclatureData): DevisOutline {
  // Read once per table and grid: the model, the recognition report and `convertir` all ask.
  const known = OUTLINES.get(table)?.get(nom.id);
  if (known) return known;
  const read = readOutline(table, nom);
  OUTLINES.set(table, (OUTLINES.get(table) ?? new Map<string, DevisOutline>()).set(nom.id, read));
  return read;
}

const OUTLINES = new WeakMap<DevisTable, Map<string, DevisOutline>>();

function readOutline(table: DevisTable, nom: NomenclatureData): DevisOutline {
  const out: DevisOutline = { chapters: [], overheads: null, contingency: null, grandTotal: null };
  let open: ChapterBlock | null = null;
  // A chapter: a chapter code of the nomenclature, or a short number on a row with no quantity
  // nor rate (a line "11 Scénario" of a two-digit grid is a line, not chapter 11).
  const isChapter = (r: DevisRow): boolean => {
    if (r.label === '' || isTotalRow(r) || !/^\d{1,2}$/.test(r.code)) return false;
    const kind = resolveCode(nom, chapterCode(r.code)).kind;
    return kind === 'chapter' || (kind === 'unknown' && isBlankAmount(r.quantity) && isBlankAmount(r.rate));
  };
  const sumsBelow = (i: number): boolean => (table.sums.get(i) ?? []).some((j) => j > i);
  const overChapters = (r: DevisRow): boolean => {
    const heads = new Set(out.chapters.flatMap((c) => [c.header, c.total?.i ?? -1]));
    return (table.sums.get(r.i) ?? []).filter((i) => heads.has(i)).length >= 2;
  };
  // A sous-total inside a chapter (« Sous-total 2.1 ») followed by more of the chapter's lines
  // groups some of them: it neither closes the chapter nor is its total.
  const coded = table.rows.filter((r) => r.code !== '' || isTotalRow(r));
  const nextOf = new Map(coded.map((r, k) => [r.i, coded[k + 1]]));
  const inside = (r: DevisRow): boolean =>
    /^(sous[\s-]?|sub)total/i.test(r.label) &&
    (nextOf.get(r.i)?.code ?? '') !== '' &&
    !isChapter(nextOf.get(r.i) as DevisRow);
  for (const r of table.rows) {
    // Only a label that may name a total, the frais généraux or the imprévus is normalised (most
    // rows are lines: « Réalisateur », « Caméra »…).
    const label = BELOW_THE_LINE.test(r.label) ? looseForm(r.label) : '';
    if (isChapter(r)) {
      open = {
        code: chapterCode(r.code),
        label: r.label,
        header: r.i,
        lines: [],
        total: isBlankAmount(r.amount) ? null : r,
      };
      out.chapters.push(open);
    } else if (GRAND_TOTAL.test(label)) {
      out.grandTotal = r;
      open = null;
    } else if (OVERHEADS.test(label) && !isTotalRow(r)) {
      out.overheads = r;
      open = null;
    } else if (CONTINGENCY.test(label) && !isTotalRow(r)) {
      out.contingency = r;
      open = null;
    } else if (open && inside(r)) {
      continue;
    } else if (isTotalRow(r)) {
      const headerHolds = open !== null && open.total?.i === open.header && sumsBelow(open.header);
      if (open && !headerHolds && !overChapters(r) && (open.total === null || open.total.i === open.header))
        open.total = r;
      open = null;
    } else if (open && r.code !== '' && !isBlankAmount(r.amount) && !table.groups.has(r.i)) {
      open.lines.push(r);
    }
  }
  if (out.chapters.length === 0) out.chapters = chaptersFromCodes(table, nom);
  return out;
}

/**
 * A devis listed without chapter rows: its chapters from its line codes' prefixes ("21" and "2.3"
 * are chapter 2), in the nomenclature's order, without totals of their own.
 */
function chaptersFromCodes(table: DevisTable, nom: NomenclatureData): ChapterBlock[] {
  const blocks = new Map<string, ChapterBlock>();
  for (const r of table.rows) {
    if (r.code === '' || isTotalRow(r) || isBlankAmount(r.amount)) continue;
    const found = resolveCode(nom, r.code);
    if (found.kind === 'unknown' || found.kind === 'chapter') continue;
    const block = blocks.get(found.chapter.code) ?? {
      code: found.chapter.code,
      label: found.chapter.label,
      header: r.i,
      lines: [],
      total: null,
    };
    block.lines.push(r);
    blocks.set(found.chapter.code, block);
  }
  return nom.chapters.map((c) => blocks.get(c.code)).filter((b): b is ChapterBlock => b !== undefined);
}
