/**
 * Sheet plans: a plain description of every cell a scaffold writes. Plans are pure data, built
 * from the domain, golden-tested, and applied to a workbook by an adapter (Office.js or exceljs).
 */
export type CellValue = string | number | boolean | Date | null;

export type StyleKey =
  | 'title'
  | 'note'
  | 'banner'
  | 'header'
  | 'chapter'
  | 'group'
  | 'input'
  | 'computed'
  | 'subtotal'
  | 'total'
  | 'label'
  | 'section';

export interface CellPlan {
  /** A1 address on the sheet, e.g. "H12". */
  address: string;
  /** A constant (when there is no formula). */
  value?: CellValue;
  /** English-invariant formula, without the leading "=". */
  formula?: string;
  /** The value the formula computes, computed by the domain: the cached result in a file. */
  result?: CellValue;
  numFmt?: string;
  style?: StyleKey;
}

export interface ValidationPlan {
  /** A1 range, e.g. "C6:C120". */
  range: string;
  /** A list, a positive number, a share between 0 and 1 (0 % to 100 %), or a whole number in bounds. */
  kind: 'list' | 'decimalMin0' | 'share' | 'wholeBetween';
  /** For wholeBetween: the smallest and the largest number allowed. */
  bounds?: readonly [number, number];
  /** For lists: a workbook name holding the allowed values. */
  listName?: string;
  /** French message shown when the input is refused. */
  error: string;
  prompt?: string;
}

export interface ConditionalFormatPlan {
  range: string;
  /** negative / positive: red / green; top3: the three largest values highlighted. */
  /** negative: red below 0; positive: green above 0; overrun: red above 0 (a cost over its devis); top3. */
  when: 'negative' | 'positive' | 'overrun' | 'top3';
}

export interface SheetPlan {
  name: string;
  cells: CellPlan[];
  /** Widths in characters, column A first. */
  columnWidths: number[];
  freezeRows?: number;
  /** Columns kept visible when scrolling right (labels). */
  freezeCols?: number;
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  tabColor?: string;
  /** Merged ranges, e.g. the explanatory note of row 2 across the table. */
  merges?: string[];
  /** Row heights in points, for rows whose text wraps. */
  rowHeights?: Record<number, number>;
  /** Printing: orientation, one page wide, header rows repeated on every page. */
  print?: PrintPlan;
}

export interface PrintPlan {
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every printed page, e.g. 4 for the header row. */
  repeatRows?: number;
  /** The range printed ("A1:G40"); absent: what Excel finds used. */
  area?: string;
}

export interface NamePlan {
  name: string;
  sheet: string;
  /** Absolute A1 reference on that sheet, e.g. "$B$5" or "$A$30:$A$33". */
  ref: string;
  comment?: string;
}

export interface ChartPlan {
  sheet: string;
  kind: 'barClustered' | 'line';
  title: string;
  /** Labels and values as one two-column A1 range ("B5:C13"), or the values alone when `categories` is set. */
  source: string;
  /** Series laid out in columns (labels in the first column) or in one row. */
  seriesBy: 'columns' | 'rows';
  /** Category labels (x axis), when they are not next to the values, e.g. the month row. */
  categories?: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
  charts: ChartPlan[];
}

export const NUMFMT = {
  euro: '#,##0.00 "€"',
  percent: '0.0%',
  rate: '0.00%',
  date: 'dd/mm/yyyy',
  integer: '0',
  general: 'General',
  /** A timecode: a time of day shown as hours, minutes and seconds. */
  timecode: 'h:mm:ss',
  /** Text: set on code cells before their value, so Excel keeps "2.10" as typed. */
  text: '@',
} as const;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AB12" → { col: 27, row: 12 } (col 0-based, row 1-based). */
export function parseAddress(address: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m || !m[1] || !m[2]) throw new Error(`Adresse A1 invalide : ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

export function a1(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

export function absolute(address: string): string {
  const { col, row } = parseAddress(address);
  return `$${columnLetter(col)}$${row}`;
}

/**
 * Splits a sheet-qualified A1 reference, as Excel and exceljs write them:
 * "'Plan de financement'!$B$22:$B$38" → { sheet: 'Plan de financement', start: 'B22', end: 'B38' }.
 */
export function splitReference(ref: string): { sheet: string; start: string; end: string } | null {
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m || !m[1] || !m[2] || !m[3]) return null;
  return { sheet: m[1].replace(/''/g, "'"), start: `${m[2]}${m[3]}`, end: `${m[4] ?? m[2]}${m[5] ?? m[3]}` };
}

/**
 * The rectangle covering every area of a defined name on one sheet: "Devis!$A$4:$K$4,Devis!$A$6:$K$153"
 * (a name split by a row inserted in its middle, as some programs write it) → Devis A4:K153. Null
 * when the areas are on different sheets or one cannot be read.
 */
export function boundingReference(ref: string): { sheet: string; start: string; end: string } | null {
  const areas = ref.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? [];
  let out: { sheet: string; c1: number; r1: number; c2: number; r2: number } | null = null;
  for (const area of areas) {
    const parts = splitReference(area.trim());
    if (!parts) return null;
    const a = parseAddress(parts.start);
    const b = parseAddress(parts.end);
    if (out && out.sheet !== parts.sheet) return null;
    out = out
      ? {
          sheet: out.sheet,
          c1: Math.min(out.c1, a.col),
          r1: Math.min(out.r1, a.row),
          c2: Math.max(out.c2, b.col),
          r2: Math.max(out.r2, b.row),
        }
      : { sheet: parts.sheet, c1: a.col, r1: a.row, c2: b.col, r2: b.row };
  }
  return out ? { sheet: out.sheet, start: a1(out.c1, out.r1), end: a1(out.c2, out.r2) } : null;
}

/** Quotes a sheet name for a formula or a defined name: 'Récapitulatif'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Date (UTC midnight) → Excel serial number (1900 date system). */
export function toExcelSerial(date: Date): number {
  return Math.round((date.getTime() - EXCEL_EPOCH_MS) / 86400000);
}

/** A named result written as a label and its value on one row (a critical period, a summary). */
export interface NamedFigure {
  label: string;
  /** The workbook name's base (before the naming's suffix). */
  name: string;
  formula: string;
  result: CellValue;
  numFmt: string;
}

/**
 * Writes figures one per row from `firstRow`, label in `labelCol`, value in `valueCol`, each value
 * named; the first `emphasised` values in the total style, the others computed.
 */
export function figureRows(
  figures: readonly NamedFigure[],
  at: { firstRow: number; labelCol: string; valueCol: string; sheet: string; emphasised: number },
  nameOf: (base: string) => string,
): { cells: CellPlan[]; names: NamePlan[] } {
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  figures.forEach((f, i) => {
    const r = at.firstRow + i;
    cells.push({ address: `${at.labelCol}${r}`, value: f.label, style: 'label' });
    cells.push({
      address: `${at.valueCol}${r}`,
      formula: f.formula,
      result: f.result,
      numFmt: f.numFmt,
      style: i < at.emphasised ? 'total' : 'computed',
    });
    names.push({ name: nameOf(f.name), sheet: at.sheet, ref: absolute(`${at.valueCol}${r}`) });
  });
  return { cells, names };
}
