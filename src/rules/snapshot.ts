import { looseForm } from '../domain/carbon/lookup';
import { a1, parseAddress } from '../layout/plan';
import type { RangeRead } from '../workbook/port';
import type { Location, Snapshot } from './types';

/** The cell at row i, column j of a read range. */
export function at(range: RangeRead, i: number, j: number): Location {
  const { col, row } = parseAddress(range.topLeft);
  return { sheet: range.sheet, address: a1(col + j, row + i) };
}

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function num(v: unknown): number {
  return isNumber(v) ? v : 0;
}

export function isExcelError(v: unknown): string | null {
  if (v && typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  if (typeof v === 'string' && /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v.trim())) return v.trim();
  return null;
}

export function isFormula(f: unknown): boolean {
  return typeof f === 'string' && f.startsWith('=');
}

/** First cell of a named range. */
export function single(s: Snapshot, name: string): { value: unknown; formula: unknown; location: Location } | null {
  const r = s.ranges[name];
  if (!r) return null;
  return { value: r.values[0]?.[0] ?? null, formula: r.formulas?.[0]?.[0] ?? null, location: at(r, 0, 0) };
}

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
  formula: (field: DevisField) => unknown;
}

export type DevisField = 'code' | 'label' | 'status' | 'quantity' | 'unit' | 'count' | 'rate' | 'amount' | 'france' | 'foreign' | 'justification';

const HEADERS: Record<DevisField, string[]> = {
  code: ['code', 'n°', 'poste'],
  label: ['libelle', 'designation', 'intitule'],
  status: ['statut'],
  quantity: ['quantite', 'qte'],
  unit: ['unite'],
  count: ['nombre', 'nb'],
  rate: ['taux', 'tarif', 'prix unitaire'],
  amount: ['montant', 'total', 'montant total'],
  france: ['dont france', 'france'],
  foreign: ['dont etranger', 'etranger'],
  justification: ['justification', 'commentaire', 'observations'],
};

export interface DevisTable {
  range: RangeRead;
  headerIndex: number;
  columns: Partial<Record<DevisField, number>>;
  rows: DevisRow[];
  /** Where a field of a row sits. */
  locate(i: number, field: DevisField): Location;
}

/**
 * The devis as a table, by header detection: our named range Devis_Lignes first, else the used
 * range of a sheet whose name reads "devis" (any case, any accents) — a devis built by hand from
 * the CNC template still gets its findings.
 */
const TABLES = new WeakMap<Snapshot, DevisTable | null>();

export function devisTable(s: Snapshot): DevisTable | null {
  if (TABLES.has(s)) return TABLES.get(s) ?? null;
  const table = buildDevisTable(s);
  TABLES.set(s, table);
  return table;
}

function buildDevisTable(s: Snapshot): DevisTable | null {
  const range = s.ranges.Devis_Lignes ?? s.sheets.devis ?? null;
  if (!range) return null;
  let headerIndex = -1;
  const columns: Partial<Record<DevisField, number>> = {};
  for (let i = 0; i < Math.min(range.values.length, 30) && headerIndex < 0; i += 1) {
    const row = (range.values[i] ?? []).map((v) => looseForm(String(v ?? '')));
    if (!row.includes('code') && !row.includes('poste')) continue;
    if (!row.some((c) => HEADERS.amount.includes(c))) continue;
    headerIndex = i;
    (Object.keys(HEADERS) as DevisField[]).forEach((f) => {
      const j = row.findIndex((c) => HEADERS[f].includes(c));
      if (j >= 0 && columns[f] === undefined) columns[f] = j;
    });
  }
  if (headerIndex < 0) return null;
  const get = (i: number, f: DevisField, grid: unknown[][] | undefined): unknown => {
    const j = columns[f];
    return j === undefined ? null : (grid?.[i]?.[j] ?? null);
  };
  const rows: DevisRow[] = [];
  for (let i = headerIndex + 1; i < range.values.length; i += 1) {
    const text = (f: DevisField): string => String(get(i, f, range.values) ?? '').trim();
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
  return /^\d{1,2}$/.test(r.code) && r.label !== '' && !isFormula(r.formula('amount')) && (r.amount === null || r.amount === '');
}

/** A total row: "Total …" in the label column. */
export function isTotalRow(r: DevisRow): boolean {
  return /^total/i.test(r.label);
}
