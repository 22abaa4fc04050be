import { cellText } from '../../domain/text/cellText';
import { looseForm } from '../../domain/text/looseForm';
import { at, isFormula, type Location, type RangeRead, type Snapshot } from '../model/snapshot';
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

/** Header words each column answers to: our own header first, then the usual synonyms. */
const SYNONYMS: Record<DevisColumn, string[]> = {
  code: ['n°', 'poste'],
  label: ['designation', 'intitule'],
  status: [],
  quantity: ['qte'],
  unit: [],
  count: ['nb'],
  rate: ['tarif', 'prix unitaire'],
  amount: ['total', 'montant total'],
  france: ['france'],
  foreign: ['etranger'],
  justification: ['commentaire', 'observations'],
  taxCredit: ['part eligible ci', 'eligible ci', 'eligibilite ci'],
  charges: ['part patronale'],
};
const HEADERS = Object.fromEntries(
  DEVIS_COLUMNS.keys.map((k) => [k, [looseForm(DEVIS_COLUMNS.header(k)), ...SYNONYMS[k]]]),
) as Record<DevisColumn, string[]>;

export interface DevisTable {
  range: RangeRead;
  headerIndex: number;
  columns: Partial<Record<DevisColumn, number>>;
  rows: DevisRow[];
  /** Where a field of a row sits. */
  locate(i: number, field: DevisColumn): Location;
}

const TABLES = new WeakMap<Snapshot, DevisTable | null>();

/**
 * The devis as a table, by header detection: our named range Devis_Lignes first, else the used
 * range of a sheet whose name reads "devis" (any case, any accents) — a devis built by hand from
 * the CNC template still gets its findings. Memoised per snapshot.
 */
export function devisTable(s: Snapshot): DevisTable | null {
  if (TABLES.has(s)) return TABLES.get(s) ?? null;
  const table = buildDevisTable(s);
  TABLES.set(s, table);
  return table;
}

function buildDevisTable(s: Snapshot): DevisTable | null {
  const range = s.ranges[DEVIS_NAMES.lines] ?? s.sheets.devis ?? null;
  if (!range) return null;
  let headerIndex = -1;
  const columns: Partial<Record<DevisColumn, number>> = {};
  for (let i = 0; i < Math.min(range.values.length, 30) && headerIndex < 0; i += 1) {
    const row = (range.values[i] ?? []).map((v) => looseForm(cellText(v)));
    if (!row.some((c) => HEADERS.code.includes(c))) continue;
    if (!row.some((c) => HEADERS.amount.includes(c))) continue;
    headerIndex = i;
    for (const f of DEVIS_COLUMNS.keys) {
      const j = row.findIndex((c) => HEADERS[f].includes(c));
      if (j >= 0 && columns[f] === undefined) columns[f] = j;
    }
  }
  if (headerIndex < 0) return null;
  const get = (i: number, f: DevisColumn, grid: unknown[][] | undefined): unknown => {
    const j = columns[f];
    return j === undefined ? null : (grid?.[i]?.[j] ?? null);
  };
  const rows: DevisRow[] = [];
  for (let i = headerIndex + 1; i < range.values.length; i += 1) {
    const text = (f: DevisColumn): string => cellText(get(i, f, range.values)).trim();
    rows.push({
      i,
      code: text('code'),
      label: text('label'),
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
  return { range, headerIndex, columns, rows, locate: (i, f) => at(range, i, columns[f] ?? 0) };
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

/** A total row: "Total …" in the label column. */
export function isTotalRow(r: DevisRow): boolean {
  return /^total/i.test(r.label);
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
