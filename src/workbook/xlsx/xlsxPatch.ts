import { closeSync, openSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { shiftFormula } from '../../sheets/model/formula';
import { a1, parseAddress, toExcelSerial, type CellPlan, type CellValue } from '../../sheets/model/plan';
import type { LedgerPort } from '../expensesImport';
import type { RangeRead } from '../port';
import {
  areasAfterInsert,
  crossingMerge,
  formulaAfterInsert,
  insertionOf,
  sameSheet,
  type Insertion,
  type MergedArea,
} from '../insertion';
import { deflated, NodeZip, type StoredEntry } from './nodeZip';
import { attributes, decodeXml } from './xmlScan';
import { CORRUPT, XlsxReadError, XlsxReader } from './xlsxReader';
import { DEFAULT_ZIP_LIMITS, readZipDirectory, storedBytes, type ZipEntry } from './zipGuard';

/**
 * Changing a few cells of an .xlsx in place, part by part, without loading it whole: the parts
 * the change touches are rewritten as text, every other part is copied as stored. Built for
 * appending expenses to a large ledger from the command line: the same `insertCellsDown` and
 * `writeCells` as the exceljs adapter, with the same result cell by cell, in a fraction of the
 * time and memory — and whatever exceljs does not know (charts, pivot tables, macros, comments
 * of other sheets) is kept as it was.
 *
 * What it does not rewrite is refused with `PatchUnsupported` before anything is written (an
 * Excel table, a drawing or comments on the sheet that grows; a pivot table reading it; a
 * workbook without a shared-strings part): the caller then goes through exceljs.
 */
export class PatchUnsupported extends Error {}

type Edit = { kind: 'insert'; ins: Insertion } | { kind: 'write'; sheet: string; cells: CellPlan[] };

const XML_BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML content or attribute value (characters XML 1.0 forbids are left out, as exceljs does). */
export function encodeXml(s: string): string {
  return s
    .replace(XML_BAD, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export class XlsxPatch implements LedgerPort {
  private readonly edits: Edit[] = [];

  private constructor(
    private readonly file: string,
    private readonly reader: XlsxReader,
  ) {}

  /** A patch of that file; its names are read through the streaming reader (already open, or opened here). */
  static async open(file: string, reader?: XlsxReader): Promise<XlsxPatch> {
    return new XlsxPatch(file, reader ?? (await XlsxReader.open(file)));
  }

  readNames(names: string[]): Promise<Record<string, RangeRead | null>> {
    return this.reader.readNames(names);
  }

  async insertCellsDown(sheet: string, range: string): Promise<void> {
    this.edits.push({ kind: 'insert', ins: insertionOf(sheet, range) });
  }

  async writeCells(sheet: string, cells: CellPlan[]): Promise<void> {
    this.edits.push({ kind: 'write', sheet, cells });
  }

  /**
   * The patched workbook's bytes; the file itself is not touched. Formulas are set to recompute
   * on opening (their cached values predate the change), and the calculation chain is dropped.
   */
  async bytes(): Promise<Buffer> {
    const dir = readZipDirectory(this.file, DEFAULT_ZIP_LIMITS);
    if (!dir) throw new XlsxReadError(CORRUPT);
    if ('problem' in dir) throw new XlsxReadError(dir.problem);
    const fd = openSync(this.file, 'r');
    try {
      const parts = new Parts(fd, dir.entries);
      const book = new Book(parts);
      for (const edit of this.edits) {
        if (edit.kind === 'insert') book.insert(edit.ins);
        else book.write(edit.sheet, edit.cells);
      }
      book.finish();
      return parts.pack();
    } finally {
      closeSync(fd);
    }
  }
}

/** A part that cannot be inflated: the file is damaged, nothing is written. */
function unreadable(name: string): XlsxReadError {
  return new XlsxReadError(`${CORRUPT} : la partie ${name} ne se décompresse pas`);
}

/** The archive's parts: read (inflated) on demand, changed as text, the others copied as stored. */
class Parts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly dropped = new Set<string>();
  /** Parts the archive did not have, in the order they were added. */
  private readonly added: string[] = [];

  constructor(
    private readonly fd: number,
    private readonly entries: ZipEntry[],
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\//, ''), e);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return (this.byName.has(name) || this.added.includes(name)) && !this.dropped.has(name);
  }

  text(name: string): string {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const entry = this.byName.get(name);
    if (!entry) throw new PatchUnsupported(`partie ${name} absente`);
    const data = storedBytes(this.fd, entry);
    if (!data || (entry.method !== 0 && entry.method !== 8)) throw unreadable(name);
    let raw: Buffer;
    try {
      raw =
        entry.method === 8
          ? inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressed) })
          : data;
    } catch {
      throw unreadable(name);
    }
    if (raw.length !== entry.uncompressed) throw unreadable(name);
    const text = raw.toString('utf8');
    this.texts.set(name, text);
    return text;
  }

  set(name: string, text: string): void {
    if (text === this.texts.get(name)) return;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  /** A part the archive did not have, written after the others. */
  add(name: string, text: string): void {
    this.added.push(name);
    this.texts.set(name, text);
    this.changed.add(name);
  }

  drop(name: string): void {
    this.dropped.add(name);
  }

  /** The archive, parts in their order: changed ones deflated again, the others as stored. */
  pack(): Buffer {
    const zip = new NodeZip();
    for (const entry of this.entries) {
      const name = entry.name.replace(/^\//, '');
      if (this.dropped.has(name)) continue;
      let stored: StoredEntry;
      const text = this.changed.has(name) ? this.texts.get(name) : undefined;
      if (text !== undefined) stored = deflated(Buffer.from(text, 'utf8'));
      else {
        const data = storedBytes(this.fd, entry);
        if (!data) throw unreadable(name);
        stored = { method: entry.method, crc: entry.crc, size: entry.uncompressed, data };
      }
      zip.add(entry.name, stored);
    }
    for (const name of this.added) zip.add(name, deflated(Buffer.from(this.texts.get(name) ?? '', 'utf8')));
    return zip.finish();
  }
}

/** Whether a part's or a formula's text may name the sheet (a cheap filter before formulas are read). */
function mayName(xml: string, sheet: string): boolean {
  return /[&<>"']/.test(sheet) || xml.toLowerCase().includes(sheet.toLowerCase());
}

/** A list of areas ("A5:A9 C5") after the insertion, each cut at the moved columns if it straddles them. */
function areasAfter(list: string, home: string, ins: Insertion): string {
  return list
    .split(/\s+/)
    .filter((r) => r !== '')
    .flatMap((r) => areasAfterInsert(r, home, ins))
    .join(' ');
}

/** A formula element's text (XML-encoded) after the insertion, or the same text. */
function encodedFormulaAfter(encoded: string, home: string, ins: Insertion): string {
  const formula = decodeXml(encoded);
  const moved = formulaAfterInsert(formula, home, ins);
  return moved === formula ? encoded : encodeXml(moved);
}

/**
 * Formulas outside the cells (conditional formats, validations, their Excel 2010 forms) and, on
 * the sheet that grows (`refs`), the ranges they apply to and every other `ref`/`sqref`.
 */
function rewriteSections(xml: string, home: string, ins: Insertion, refs: boolean): string {
  let out = xml.replace(
    /<((?:\w+:)?(?:formula|formula1|formula2|f))(\s[^>]*)?>([^<]*)<\/\1>/g,
    (m: string, tag: string, attrs: string | undefined, text: string) => {
      const moved = encodedFormulaAfter(text, home, ins);
      return moved === text ? m : `<${tag}${attrs ?? ''}>${moved}</${tag}>`;
    },
  );
  if (refs) {
    // The areas validations and formats apply to (and other lists of areas) are cut as Excel cuts
    // them; a single range (a merged area, a filter, a link) moves whole or stays.
    out = out.replace(
      /(\ssqref=")([^"]*)"/g,
      (_m, lead: string, list: string) => `${lead}${encodeXml(areasAfter(decodeXml(list), home, ins))}"`,
    );
    out = out.replace(
      /(\sref=")([^"]*)"/g,
      (_m, lead: string, ref: string) =>
        `${lead}${encodeXml(formulaAfterInsert(decodeXml(ref), home, ins))}"`,
    );
    out = out.replace(
      /<((?:\w+:)?sqref)>([^<]*)<\/\1>/g,
      (_m, tag: string, list: string) =>
        `<${tag}>${encodeXml(areasAfter(decodeXml(list), home, ins))}</${tag}>`,
    );
  }
  return out;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const ATTR = /\s*([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g;

/** A cell as read from a sheet part: its place, style, type, formula, and the rest as is. */
interface Cell {
  col: number;
  row: number;
  s?: string;
  t?: string;
  /** Attributes other than r, s and t, as written. */
  other: string;
  /** The formula's text (decoded), when the cell has one; its element's attributes as written. */
  f?: string;
  fAttrs: string;
  /** The rest of the cell's content (value, inline string), as written. */
  body: string;
  /** A date written here with no number format: shown as a date if its style shows none. */
  date?: boolean;
}

function readCell(attrs: string, content: string | undefined): Cell | null {
  let r: string | undefined;
  let s: string | undefined;
  let t: string | undefined;
  let other = '';
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    const value = decodeXml((m[2] ?? '""').slice(1, -1));
    if (m[1] === 'r') r = value;
    else if (m[1] === 's') s = value;
    else if (m[1] === 't') t = value;
    else other += ` ${m[1]}=${m[2]}`;
  }
  if (!r || !/^[A-Z]+\d+$/.test(r)) return null;
  const { col, row } = parseAddress(r);
  let body = content ?? '';
  let f: string | undefined;
  let fAttrs = '';
  const fm = FORMULA.exec(body);
  if (fm) {
    fAttrs = fm[1] ?? '';
    f = decodeXml(fm[2] ?? '');
    body = body.slice(0, fm.index) + body.slice(fm.index + fm[0].length);
  }
  return { col: col + 1, row, s, t, other, f, fAttrs, body };
}

function cellXml(c: Cell): string {
  const head = `<c r="${a1(c.col - 1, c.row)}"${c.s !== undefined ? ` s="${c.s}"` : ''}${c.t !== undefined ? ` t="${c.t}"` : ''}${c.other}`;
  const f = c.f === undefined ? '' : c.f === '' ? `<f${c.fAttrs}/>` : `<f${c.fAttrs}>${encodeXml(c.f)}</f>`;
  const inner = f + c.body;
  return inner === '' ? `${head}/>` : `${head}>${inner}</c>`;
}

/** Shared-formula attributes: the group and, on its first cell, the range. */
function sharedOf(fAttrs: string): { si: string; master: boolean } | null {
  const a = attributes(fAttrs);
  return a.t === 'shared' && a.si !== undefined ? { si: a.si, master: a.ref !== undefined } : null;
}

/**
 * The cells of a sheet's part, with shared formulas written out in full (each cell its own
 * formula, moved from its group's first cell): once cells move, a group no longer holds.
 */
function readCells(sheetData: string): { cells: Cell[]; rows: Row[] } {
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const masters = new Map<string, Cell>();
  ROW.lastIndex = 0;
  for (let m = ROW.exec(sheetData); m; m = ROW.exec(sheetData)) {
    const attrs = m[1] ?? '';
    const r = /\sr="(\d+)"/.exec(attrs);
    if (!r) throw new PatchUnsupported('ligne sans numéro');
    const row: Row = { row: Number(r[1]), attrs: attrs.replace(/\s(?:r|spans)="[^"]*"/g, ''), cells: [] };
    rows.push(row);
    const content = m[2] ?? '';
    CELL.lastIndex = 0;
    for (let c = CELL.exec(content); c; c = CELL.exec(content)) {
      const cell = readCell(c[1] ?? '', c[2]);
      if (!cell || cell.row !== row.row) throw new PatchUnsupported('cellule sans adresse');
      cells.push(cell);
      row.cells.push(cell);
      const shared = cell.f !== undefined ? sharedOf(cell.fAttrs) : null;
      if (shared?.master) masters.set(shared.si, cell);
    }
  }
  for (const cell of cells) {
    const shared = cell.f !== undefined ? sharedOf(cell.fAttrs) : null;
    if (!shared) continue;
    const master = masters.get(shared.si);
    if (!master || master.f === undefined) throw new PatchUnsupported('formule partagée sans origine');
    cell.f = shared.master ? master.f : shiftFormula(master.f, cell.row - master.row, cell.col - master.col);
    cell.fAttrs = '';
  }
  return { cells, rows };
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

interface Row {
  row: number;
  /** Attributes other than r and spans, as written. */
  attrs: string;
  cells: Cell[];
}

/** A sheet part cut around its cells. */
function splitSheet(xml: string): { before: string; data: string; after: string } {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new PatchUnsupported('feuille sans données');
  const start = open.index + open[0].length;
  if (open[1] === '/')
    return {
      before: `${xml.slice(0, open.index)}<sheetData>`,
      data: '',
      after: `</sheetData>${xml.slice(start)}`,
    };
  const end = xml.indexOf('</sheetData>', start);
  if (end < 0) throw new PatchUnsupported('feuille incomplète');
  return { before: xml.slice(0, start), data: xml.slice(start, end), after: xml.slice(end) };
}

/** A number for a cell's place (Excel has at most 16 384 columns). */
const key = (col: number, row: number): number => row * 16_384 + col;

/** The sheet that grows and receives cells, held as cells until the patch is finished. */
class Grid {
  /** Cells by `key(col, row)`. */
  readonly cells = new Map<number, Cell>();
  readonly rowAttrs = new Map<number, string>();
  before: string;
  after: string;

  constructor(
    readonly name: string,
    xml: string,
  ) {
    const { before, data, after } = splitSheet(xml);
    if (/<(?:\w+:)?(?:tableParts|drawing|legacyDrawing|legacyDrawingHF)\b/.test(after))
      throw new PatchUnsupported(`la feuille ${name} contient un tableau, un dessin ou des commentaires`);
    this.before = before;
    this.after = after;
    const { cells, rows } = readCells(data);
    for (const r of rows) this.rowAttrs.set(r.row, r.attrs);
    for (const c of cells) this.put(c);
  }

  at(col: number, row: number): Cell | undefined {
    return this.cells.get(key(col, row));
  }

  put(cell: Cell): void {
    this.cells.set(key(cell.col, cell.row), cell);
  }

  /** Excel's « Décaler les cellules vers le bas » on this sheet, with every reference of the sheet moved. */
  insert(ins: Insertion): void {
    const merges: MergedArea[] = [];
    for (const m of this.after.matchAll(/<mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const s = parseAddress(m[1] ?? '');
      const e = parseAddress(m[2] ?? '');
      merges.push({ top: s.row, left: s.col + 1, bottom: e.row, right: e.col + 1 });
    }
    const crossing = crossingMerge(merges, ins);
    if (crossing) throw new Error(crossing);
    const moved: Cell[] = [];
    for (const [k, c] of this.cells) {
      if (c.f !== undefined && c.f !== '') c.f = formulaAfterInsert(c.f, this.name, ins);
      if (c.col >= ins.c1 && c.col <= ins.c2 && c.row >= ins.row) {
        this.cells.delete(k);
        moved.push(c);
      }
    }
    for (const c of moved) {
      c.row += ins.count;
      // An array formula's range moves with its cell.
      if (/\sref="/.test(c.fAttrs))
        c.fAttrs = c.fAttrs.replace(/(\sref=")([^"]*)"/, (_m, lead: string, ref: string) => {
          return `${lead}${formulaAfterInsert(ref, this.name, ins)}"`;
        });
      this.put(c);
    }
    // The inserted cells take the style of the cell above (none where there is no cell above).
    for (let col = ins.c1; col <= ins.c2; col += 1) {
      const above = ins.row > 1 ? this.at(col, ins.row - 1) : undefined;
      if (!above) continue;
      for (let row = ins.row; row < ins.row + ins.count; row += 1)
        this.put({ col, row, s: above.s, other: '', fAttrs: '', body: '' });
    }
    this.after = rewriteSections(this.after, this.name, ins, true);
  }

  xml(): string {
    const byRow = new Map<number, Cell[]>();
    let maxRow = 0;
    let maxCol = 0;
    let minRow = Infinity;
    let minCol = Infinity;
    for (const c of this.cells.values()) {
      const list = byRow.get(c.row);
      if (list) list.push(c);
      else byRow.set(c.row, [c]);
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
      minRow = Math.min(minRow, c.row);
      minCol = Math.min(minCol, c.col);
    }
    const rows = [...new Set([...byRow.keys(), ...this.rowAttrs.keys()])].sort((a, b) => a - b);
    const out: string[] = [];
    for (const r of rows) {
      const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
      const attrs = this.rowAttrs.get(r) ?? '';
      out.push(
        cells.length === 0
          ? `<row r="${r}"${attrs}/>`
          : `<row r="${r}"${attrs}>${cells.map(cellXml).join('')}</row>`,
      );
    }
    const dimension = maxRow > 0 ? `${a1(minCol - 1, minRow)}:${a1(maxCol - 1, maxRow)}` : 'A1';
    const before = this.before.replace(/(<dimension\b[^>]*\sref=")[^"]*"/, `$1${dimension}"`);
    return before + out.join('') + this.after;
  }
}

/** Number formats Excel knows by number, as their codes. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The styles part: cell formats added as cells need a number format their style lacks. */
class Styles {
  private readonly codes = new Map<number, string>();
  private readonly xfs: string[];
  private readonly added: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly made = new Map<string, string | undefined>();

  constructor(private readonly text: string) {
    for (const m of text.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const a = attributes(m[1] ?? '');
      this.codes.set(Number(a.numFmtId), a.formatCode ?? '');
    }
    const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text);
    if (!xfs) throw new PatchUnsupported('styles sans formats de cellule');
    this.xfs = [...(xfs[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  }

  private codeOf(id: number): string | undefined {
    return this.codes.get(id) ?? BUILT_IN_FORMATS[id];
  }

  private idOf(code: string): number {
    for (const [id, c] of this.codes) if (c === code) return id;
    for (const [id, c] of Object.entries(BUILT_IN_FORMATS)) if (c === code) return Number(id);
    const id = Math.max(163, ...this.codes.keys()) + 1;
    this.codes.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  /** The number format a cell styled `base` shows. */
  formatOf(base: string | undefined): string {
    const xf = this.xfs[Number(base ?? 0)] ?? '';
    return this.codeOf(Number(/\snumFmtId="(\d+)"/.exec(xf)?.[1] ?? 0)) ?? 'General';
  }

  /** The style (cellXfs index) of a cell styled `base` once it shows `code`. */
  withFormat(base: string | undefined, code: string): string | undefined {
    const key = `${base ?? ''}\u0000${code}`;
    if (this.made.has(key)) return this.made.get(key);
    const index = Number(base ?? 0);
    const xf =
      this.xfs[index] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const current = Number(/\snumFmtId="(\d+)"/.exec(xf)?.[1] ?? 0);
    let result = base;
    if (this.codeOf(current) !== code) {
      const id = this.idOf(code);
      let clone = /\snumFmtId="/.test(xf)
        ? xf.replace(/(\snumFmtId=")\d+"/, `$1${id}"`)
        : xf.replace(/^<xf\b/, `<xf numFmtId="${id}"`);
      clone = /\sapplyNumberFormat="/.test(clone)
        ? clone.replace(/(\sapplyNumberFormat=")[^"]*"/, '$11"')
        : clone.replace(/^<xf\b/, '<xf applyNumberFormat="1"');
      result = String(this.xfs.length);
      this.xfs.push(clone);
      this.added.push(clone);
    }
    this.made.set(key, result);
    return result;
  }

  /** The part with the added formats, or null when nothing was added. */
  xml(): string | null {
    if (this.added.length === 0) return null;
    let text = this.text.replace(
      /(<cellXfs\b[^>]*>)([\s\S]*?)<\/cellXfs>/,
      (_m, open: string, inner: string) =>
        `${counted(open, this.xfs.length)}${inner}${this.added.join('')}</cellXfs>`,
    );
    if (this.addedFormats.length > 0) {
      const formats = this.addedFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${encodeXml(f.code)}"/>`)
        .join('');
      const count = (this.text.match(/<numFmt\b/g) ?? []).length + this.addedFormats.length;
      text = /<numFmts\b[^>]*[^/]>/.test(text)
        ? text.replace(
            /(<numFmts\b[^>]*>)([\s\S]*?)<\/numFmts>/,
            (_m, open: string, inner: string) => `${counted(open, count)}${inner}${formats}</numFmts>`,
          )
        : text
            .replace(/<numFmts\b[^>]*\/>/, '')
            .replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${count}">${formats}</numFmts>`);
    }
    return text;
  }
}

/** An opening tag with its `count` attribute set. */
function counted(open: string, count: number): string {
  return open.replace(/\scount="[^"]*"/, '').replace(/^(<[\w:]+)/, `$1 count="${count}"`);
}

/** The shared strings part: new strings appended, each once. */
class SharedStrings {
  private readonly next: number;
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  private uses = 0;

  constructor(private readonly text: string) {
    this.next = (text.match(/<si\b/g) ?? []).length;
  }

  ref(s: string): number {
    this.uses += 1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.next + this.added.length;
      this.index.set(s, i);
      this.added.push(`<si><t xml:space="preserve">${encodeXml(s)}</t></si>`);
    }
    return i;
  }

  xml(): string | null {
    if (this.uses === 0) return null;
    const total = this.next + this.added.length;
    const count = (open: string): string => {
      const old = Number(/\scount="(\d+)"/.exec(open)?.[1] ?? this.next);
      return open
        .replace(/\s(?:count|uniqueCount)="\d+"/g, '')
        .replace(/^<sst\b/, `<sst count="${old + this.uses}" uniqueCount="${total}"`);
    };
    const self = /<sst\b[^>]*\/>/.exec(this.text);
    if (self)
      return this.text.replace(self[0], `${count(self[0].replace(/\/>$/, '>'))}${this.added.join('')}</sst>`);
    return this.text
      .replace(/<sst\b[^>]*>/, (open) => count(open))
      .replace(/<\/sst>\s*$/, `${this.added.join('')}</sst>`);
  }
}

/** The workbook as parts: its sheets by name, the edits applied to the parts they touch. */
class Book {
  /** Sheets by lower-case name: their name as written and their part. */
  private readonly sheets = new Map<string, { name: string; path: string }>();
  private readonly grids = new Map<string, Grid>();
  private styles: Styles | null = null;
  private strings: SharedStrings | null = null;
  private readonly date1904: boolean;
  private inserted = false;

  constructor(private readonly parts: Parts) {
    const workbook = parts.text('xl/workbook.xml');
    const rels = new Map<string, string>();
    for (const m of parts.text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)>/g)) {
      const a = attributes(m[1] ?? '');
      // Worksheets only: a chart sheet holds no formula (its chart's series are read below).
      if (a.Id && a.Target && /\/worksheet$/.test(a.Type ?? '')) rels.set(a.Id, a.Target);
    }
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const a = attributes(m[1] ?? '');
      const target = rels.get(a.id ?? '');
      if (!a.name || !target) continue;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      this.sheets.set(a.name.toLowerCase(), { name: a.name, path });
    }
    const pr = /<workbookPr\b([^>]*)>/.exec(workbook);
    const d = pr ? attributes(pr[1] ?? '').date1904 : undefined;
    this.date1904 = d === '1' || d === 'true';
  }

  private path(sheet: string): string {
    const found = this.sheets.get(sheet.toLowerCase());
    if (!found) throw new Error(`Feuille introuvable : ${sheet}`);
    return found.path;
  }

  private grid(sheet: string): Grid {
    const path = this.path(sheet);
    let grid = this.grids.get(path);
    if (!grid) {
      grid = new Grid(sheet, this.parts.text(path));
      this.grids.set(path, grid);
    }
    return grid;
  }

  insert(ins: Insertion): void {
    const target = this.path(ins.sheet);
    for (const name of this.parts.names()) {
      if (!/^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/.test(name)) continue;
      const text = this.parts.text(name);
      for (const m of text.matchAll(/<worksheetSource\b([^>]*)\/?>/g))
        if (sameSheet(attributes(m[1] ?? '').sheet ?? '', ins.sheet))
          throw new PatchUnsupported(`un tableau croisé dynamique lit la feuille ${ins.sheet}`);
    }
    this.grid(ins.sheet).insert(ins);
    // Every other sheet: its formulas that name the sheet.
    for (const { name, path } of this.sheets.values()) {
      if (path === target) continue;
      const grid = this.grids.get(path);
      if (grid) {
        for (const c of grid.cells.values())
          if (c.f !== undefined && c.f !== '') c.f = formulaAfterInsert(c.f, grid.name, ins);
        grid.after = rewriteSections(grid.after, grid.name, ins, false);
        continue;
      }
      if (!this.parts.has(path)) continue;
      const xml = this.parts.text(path);
      if (!mayName(xml, ins.sheet)) continue;
      this.parts.set(path, rewriteSheet(xml, name, ins));
    }
    // Charts (their series) and tables of other sheets (their column formulas) that name the sheet.
    for (const name of this.parts.names()) {
      if (!/^xl\/(?:charts\/chart|tables\/table)\d*\.xml$/.test(name)) continue;
      const xml = this.parts.text(name);
      if (!mayName(xml, ins.sheet)) continue;
      this.parts.set(
        name,
        xml.replace(
          /<((?:\w+:)?(?:f|calculatedColumnFormula|totalsRowFormula))(\s[^>]*)?>([^<]*)<\/\1>/g,
          (_m, tag: string, attrs: string | undefined, t: string) =>
            `<${tag}${attrs ?? ''}>${encodedFormulaAfter(t, '', ins)}</${tag}>`,
        ),
      );
    }
    // Names of the workbook.
    const workbook = this.parts.text('xl/workbook.xml');
    this.parts.set(
      'xl/workbook.xml',
      workbook.replace(
        /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
        (_m, open: string, text: string, close: string) =>
          `${open}${encodedFormulaAfter(text, '', ins)}${close}`,
      ),
    );
    this.inserted = true;
  }

  write(sheet: string, cells: CellPlan[]): void {
    const grid = this.grid(sheet);
    for (const plan of cells) {
      const { col: c0, row } = parseAddress(plan.address);
      const col = c0 + 1;
      const old = grid.at(col, row);
      const cell: Cell = { col, row, s: old?.s, other: '', fAttrs: '', body: '' };
      if (plan.numFmt !== undefined) cell.s = this.styleSheet().withFormat(cell.s, plan.numFmt);
      // A date in a cell that shows numbers as they are is shown as a date once written, as exceljs does.
      else if ((plan.formula !== undefined ? plan.result : plan.value) instanceof Date) cell.date = true;
      if (plan.formula !== undefined) {
        cell.f = plan.formula;
        this.setValue(cell, plan.result ?? null, true);
      } else this.setValue(cell, plan.value ?? null, false);
      grid.put(cell);
    }
  }

  private styleSheet(): Styles {
    this.styles ??= new Styles(this.parts.text('xl/styles.xml'));
    return this.styles;
  }

  /** The shared strings; a workbook that has none yet gets the part, its relationship and its type. */
  private sharedStrings(): SharedStrings {
    if (!this.strings && !this.parts.has('xl/sharedStrings.xml')) {
      this.parts.add(
        'xl/sharedStrings.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
      );
      const rels = this.parts.text('xl/_rels/workbook.xml.rels');
      const ids = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
      let n = ids.size + 1;
      while (ids.has(`rId${n}`)) n += 1;
      this.parts.set(
        'xl/_rels/workbook.xml.rels',
        rels.replace(
          /<\/Relationships>\s*$/,
          `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
      );
      this.parts.set(
        '[Content_Types].xml',
        this.parts
          .text('[Content_Types].xml')
          .replace(
            /<\/Types>\s*$/,
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
          ),
      );
    }
    this.strings ??= new SharedStrings(this.parts.text('xl/sharedStrings.xml'));
    return this.strings;
  }

  /** A value as the cell's type and content; a formula's result as its cached value. */
  private setValue(cell: Cell, value: CellValue, cached: boolean): void {
    if (value === null) return;
    if (typeof value === 'string') {
      if (cached) {
        cell.t = 'str';
        cell.body = `<v>${encodeXml(value)}</v>`;
      } else {
        cell.t = 's';
        cell.body = `<v>${this.sharedStrings().ref(value)}</v>`;
      }
    } else if (typeof value === 'boolean') {
      cell.t = 'b';
      cell.body = `<v>${value ? 1 : 0}</v>`;
    } else if (value instanceof Date) {
      cell.body = `<v>${toExcelSerial(value) - (this.date1904 ? 1462 : 0)}</v>`;
    } else if (Number.isFinite(value)) cell.body = `<v>${value}</v>`;
    else throw new Error(`Valeur non numérique pour ${a1(cell.col - 1, cell.row)}`);
  }

  /** Writes the sheets held as cells and the parts the edits grew; the workbook recomputes on opening. */
  finish(): void {
    for (const [path, grid] of this.grids) {
      for (const c of grid.cells.values())
        if (c.date && this.styleSheet().formatOf(c.s) === 'General')
          c.s = this.styleSheet().withFormat(c.s, 'mm-dd-yy');
      this.parts.set(path, grid.xml());
    }
    const styles = this.styles?.xml();
    if (styles) this.parts.set('xl/styles.xml', styles);
    const strings = this.strings?.xml();
    if (strings) this.parts.set('xl/sharedStrings.xml', strings);
    let workbook = this.parts.text('xl/workbook.xml');
    const calc = /<calcPr\b([^>]*?)\/?>/.exec(workbook);
    if (calc)
      workbook = workbook.replace(
        calc[0],
        `<calcPr${(calc[1] ?? '').replace(/\sfullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"/>`,
      );
    else {
      const at = workbook.search(
        /<(?:\w+:)?(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:\w+:)?workbook>/,
      );
      if (at < 0) throw new PatchUnsupported('classeur sans fin');
      workbook = `${workbook.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${workbook.slice(at)}`;
    }
    this.parts.set('xl/workbook.xml', workbook);
    // The calculation chain lists formula cells by address: Excel rebuilds it.
    if (this.inserted && this.parts.has('xl/calcChain.xml')) {
      this.parts.drop('xl/calcChain.xml');
      this.parts.set(
        'xl/_rels/workbook.xml.rels',
        this.parts
          .text('xl/_rels/workbook.xml.rels')
          .replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''),
      );
      this.parts.set(
        '[Content_Types].xml',
        this.parts
          .text('[Content_Types].xml')
          .replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''),
      );
    }
  }
}

/** A sheet that does not grow: its formulas (and those of its formats and validations) that name the sheet that does. */
function rewriteSheet(xml: string, home: string, ins: Insertion): string {
  const { before, data, after } = splitSheet(xml);
  const masters = new Map<string, Cell>();
  CELL.lastIndex = 0;
  for (let c = CELL.exec(data); c; c = CELL.exec(data)) {
    if (!c[2]?.includes('<f')) continue;
    const cell = readCell(c[1] ?? '', c[2]);
    if (!cell) throw new PatchUnsupported('cellule sans adresse');
    const shared = sharedOf(cell.fAttrs);
    if (cell.f && shared?.master && mayName(cell.f, ins.sheet)) masters.set(shared.si, cell);
  }
  const cells = data.replace(CELL, (m: string, attrs: string, content: string | undefined) => {
    if (!content?.includes('<f')) return m;
    const cell = readCell(attrs, content);
    if (!cell || cell.f === undefined) return m;
    const shared = sharedOf(cell.fAttrs);
    let formula = cell.f;
    if (shared) {
      const master = masters.get(shared.si);
      if (!master) return m;
      const f = master.f ?? '';
      formula = shared.master ? f : shiftFormula(f, cell.row - master.row, cell.col - master.col);
      cell.fAttrs = '';
    } else if (!mayName(formula, ins.sheet)) return m;
    cell.f = formulaAfterInsert(formula, home, ins);
    return cell.f === formula && !shared ? m : cellXml(cell);
  });
  return before + cells + rewriteSections(after, home, ins, false);
}
