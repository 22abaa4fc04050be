import { closeSync, createReadStream, openSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { a1, boundingReference, parseAddress } from '../../sheets/model/plan';
import { shiftFormula } from '../../sheets/model/formula';
import type { RangeRead, WorkbookInventory, WorkbookReader } from '../port';
import { attribute, attributes, decodeXml, XmlScanner, type XmlHandler } from './xmlScan';
import {
  DEFAULT_ZIP_LIMITS,
  entriesProblem,
  readAt,
  readZipDirectory,
  type ZipEntry,
  type ZipLimits,
} from './zipGuard';

/**
 * Limits of the streaming reader, on top of the zip's (checked on its directory before anything
 * is inflated). Cells are counted as they stream: a sheet that lies in the zip's directory, or
 * that holds millions of cells in a few megabytes, is stopped as soon as it passes the limit.
 */
export interface ReadLimits extends ZipLimits {
  /** Most cells (and shared strings) read from the whole workbook. */
  maxCells: number;
  /**
   * Most bytes one sheet may inflate to, as its zip directory declares: a sheet past it is refused
   * before anything is inflated. Set from the cell budget (see BYTES_PER_CELL).
   */
  maxSheetBytes: number;
}

/**
 * What a cell weighs in a sheet's XML, for the byte cap: the smallest (`<c r="A1"><v>1</v></c>`)
 * is 23 bytes, ours 40 to 80 (a formula, a style); at 48 bytes, the cell budget's 4 million cells
 * make 183 Mio, more than three times the largest sheet of a 50 000-line workbook (about 45 Mio,
 * the Suivi budgétaire).
 */
export const BYTES_PER_CELL = 48;

const MAX_CELLS = 4_000_000;

export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  // A 50 000-line devis with its other sheets is about 2.4 million cells.
  maxCells: MAX_CELLS,
  maxSheetBytes: MAX_CELLS * BYTES_PER_CELL,
};

/** A workbook the reader refuses or cannot read; its message is one line of French. */
export class XlsxReadError extends Error {}

export const CORRUPT =
  'classeur .xlsx incomplet ou corrompu (est-il encore en cours d’écriture par un autre programme ?)';

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, and East Asian ones). */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** As exceljs decides it: a format showing y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * A string of its own. Text handed over by the scanner is a slice of a whole chunk of the part;
 * kept as is, one short formula would keep its 256 KiB chunk alive, and the whole sheet with it.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface SheetInfo {
  name: string;
  path: string;
  state: string;
}

/** A sheet as read: rows of values and of formulas-or-constants, 0-based, ragged, with holes for empty rows. */
interface SheetCells {
  values: unknown[][];
  formulas: unknown[][];
  rows: number;
  cols: number;
}

/**
 * Reads an .xlsx without loading it whole: the workbook part, the styles' date formats, the
 * shared strings, then each sheet a rule asks for, inflated and scanned as a stream, once. What it
 * returns is what the exceljs adapter returns for the same file (values, formula results, dates
 * as Date, shared formulas moved to their cell), so the rules cannot tell them apart.
 */
export class XlsxReader implements WorkbookReader {
  private readonly sheetCache = new Map<string, SheetCells>();
  private cells = 0;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, ZipEntry>,
    private readonly limits: ReadLimits,
    private readonly sheets: SheetInfo[],
    private readonly definedNames: { name: string; ref: string; local: number | null }[],
    private readonly date1904: boolean,
    private readonly dateStyles: boolean[],
    private readonly strings: string[],
  ) {}

  /** Opens a workbook: reads its directory, workbook part, styles and shared strings. */
  static async open(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<XlsxReader> {
    const dir = readZipDirectory(file, limits);
    if (!dir) throw new XlsxReadError(CORRUPT);
    if ('problem' in dir) throw new XlsxReadError(dir.problem);
    const problem = entriesProblem(dir.entries, limits);
    if (problem) throw new XlsxReadError(problem);
    const entries = new Map(dir.entries.map((e) => [e.name.replace(/^\//, ''), e]));
    const budget = { cells: 0 };
    const part = async (name: string, handler: XmlHandler): Promise<boolean> => {
      const entry = entries.get(name);
      if (!entry) return false;
      await streamEntry(file, entry, handler);
      return true;
    };

    // Workbook: sheets in tab order, defined names, date system.
    const sheetRefs: { name: string; rid: string; state: string }[] = [];
    const definedNames: { name: string; ref: string; local: number | null }[] = [];
    let date1904 = false;
    let nameOpen: { name: string; local: number | null } | null = null;
    let nameText = '';
    const found = await part('xl/workbook.xml', {
      open(tag, attrs, selfClosing) {
        if (tag === 'sheet') {
          const a = attributes(attrs);
          sheetRefs.push({ name: a.name ?? '', rid: a.id ?? '', state: a.state ?? 'visible' });
        } else if (tag === 'workbookPr') {
          const v = attribute(attrs, 'date1904');
          date1904 = v === '1' || v === 'true';
        } else if (tag === 'definedName' && !selfClosing) {
          const a = attributes(attrs);
          nameOpen = {
            name: a.name ?? '',
            local: a.localSheetId !== undefined ? Number(a.localSheetId) : null,
          };
          nameText = '';
        }
      },
      close(tag) {
        if (tag === 'definedName' && nameOpen) {
          definedNames.push({ ...nameOpen, ref: decodeXml(nameText).trim() });
          nameOpen = null;
        }
      },
      text(t) {
        if (nameOpen) nameText += t;
      },
    });
    if (!found) throw new XlsxReadError(CORRUPT);

    // Relationships: where each sheet's part is.
    const targets = new Map<string, { target: string; type: string }>();
    await part('xl/_rels/workbook.xml.rels', {
      open(tag, attrs) {
        if (tag !== 'Relationship') return;
        const a = attributes(attrs);
        targets.set(a.Id ?? '', { target: a.Target ?? '', type: a.Type ?? '' });
      },
      close() {},
      text() {},
    });
    const sheets: SheetInfo[] = [];
    for (const s of sheetRefs) {
      const rel = targets.get(s.rid);
      if (!rel || !/\/worksheet$/.test(rel.type)) continue;
      const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target.replace(/^\.\//, '')}`;
      sheets.push({ name: s.name, path, state: s.state });
    }
    // A sheet larger than the cell budget can hold is refused now, from the directory's word.
    for (const s of sheets) {
      const size = entries.get(s.path)?.uncompressed ?? 0;
      if (size > limits.maxSheetBytes) throw new XlsxReadError(sheetTooLarge(s.name, size, limits));
    }

    // Styles: which cell formats show dates.
    const formats = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    await part('xl/styles.xml', {
      open(tag, attrs, selfClosing) {
        if (tag === 'numFmt') {
          const a = attributes(attrs);
          formats.set(Number(a.numFmtId), a.formatCode ?? '');
        } else if (tag === 'cellXfs') inCellXfs = !selfClosing;
        else if (tag === 'xf' && inCellXfs) xfFormats.push(Number(attribute(attrs, 'numFmtId') ?? 0));
      },
      close(tag) {
        if (tag === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
    const dateStyles = xfFormats.map((id) => {
      const code = formats.get(id);
      return code !== undefined ? isDateFormat(code) : builtInDate(id);
    });

    // Shared strings: rich text runs joined, phonetic runs left out.
    const strings: string[] = [];
    let text = '';
    let inT = false;
    let phonetic = 0;
    await part('xl/sharedStrings.xml', {
      open(tag, _attrs, selfClosing) {
        if (tag === 'si') text = '';
        else if (tag === 'rPh' && !selfClosing) phonetic += 1;
        else if (tag === 't' && !selfClosing) inT = phonetic === 0;
      },
      close(tag) {
        if (tag === 't') inT = false;
        else if (tag === 'rPh') phonetic -= 1;
        else if (tag === 'si') {
          strings.push(own(text));
          budget.cells += 1;
          if (budget.cells > limits.maxCells) throw new XlsxReadError(tooManyCells(limits));
        }
      },
      text(t) {
        if (inT) text += decodeXml(t);
      },
    });

    const reader = new XlsxReader(file, entries, limits, sheets, definedNames, date1904, dateStyles, strings);
    reader.cells = budget.cells;
    return reader;
  }

  async inventory(): Promise<WorkbookInventory> {
    const sheets = [];
    for (const s of this.sheets) {
      const cells = await this.sheet(s);
      sheets.push({ name: s.name, empty: cells.rows === 0 });
    }
    return {
      sheets,
      names: this.definedNames.filter((n) => n.local === null).map((n) => n.name),
      localNames: this.definedNames
        .filter((n) => n.local !== null)
        .map((n) => ({ sheet: this.sheets[n.local ?? -1]?.name ?? '', name: n.name })),
    };
  }

  async readName(name: string): Promise<RangeRead | null> {
    const lower = name.toLowerCase();
    const defined =
      this.definedNames.find((n) => n.local === null && n.name.toLowerCase() === lower) ??
      this.definedNames.find((n) => n.name.toLowerCase() === lower);
    const parts = defined ? boundingReference(defined.ref) : null;
    const info = parts ? this.sheets.find((s) => s.name === parts.sheet) : undefined;
    if (!parts || !info) return null;
    const start = parseAddress(parts.start);
    const end = parseAddress(parts.end);
    const cells = await this.sheet(info);
    return block(info.name, cells, start.row, start.col + 1, end.row, end.col + 1);
  }

  async readNames(names: string[]): Promise<Record<string, RangeRead | null>> {
    const out: Record<string, RangeRead | null> = {};
    for (const n of names) out[n] = await this.readName(n);
    return out;
  }

  async readSheets(names: string[]): Promise<Record<string, RangeRead | null>> {
    const out: Record<string, RangeRead | null> = {};
    for (const name of names) {
      const info = this.sheets.find((s) => s.name === name);
      const cells = info ? await this.sheet(info) : null;
      if (!cells || cells.rows === 0) {
        out[name] = null;
        continue;
      }
      // The used range, capped to the cell budget: a sheet with a stray cell at row 1 048 576 is
      // read up to where the budget allows, and says so.
      const cols = Math.max(1, cells.cols);
      const rows = Math.min(cells.rows, Math.max(1, Math.floor(this.limits.maxCells / cols)));
      const read = whole(name, cells, rows, cols);
      if (rows < cells.rows) read.truncated = true;
      out[name] = read;
    }
    return out;
  }

  private async sheet(info: SheetInfo): Promise<SheetCells> {
    const cached = this.sheetCache.get(info.name);
    if (cached) return cached;
    const entry = this.entries.get(info.path);
    const parser = new SheetParser(this.strings, this.dateStyles, this.date1904, () => {
      this.cells += 1;
      if (this.cells > this.limits.maxCells) throw new XlsxReadError(tooManyCells(this.limits));
    });
    if (entry) await streamEntry(this.file, entry, parser);
    const cells = parser.result();
    this.sheetCache.set(info.name, cells);
    return cells;
  }
}

function sheetTooLarge(name: string, size: number, limits: ReadLimits): string {
  const mib = (n: number): string =>
    n < 2 ** 20
      ? `${Math.round(n / 1024).toLocaleString('fr-FR')} Kio`
      : `${Math.round(n / 2 ** 20).toLocaleString('fr-FR')} Mio`;
  return `classeur refusé : la feuille « ${name} » se décompresse en ${mib(size)}, au-delà de ${mib(limits.maxSheetBytes)} (${limits.maxCells.toLocaleString('fr-FR')} cellules)`;
}

function tooManyCells(limits: ReadLimits): string {
  return `classeur refusé : plus de ${limits.maxCells.toLocaleString('fr-FR')} cellules`;
}

/** The rectangle r1..r2 × c1..c2 (1-based) of a sheet as a range read; rows past the last stored one are left out. */
function block(sheet: string, cells: SheetCells, r1: number, c1: number, r2: number, c2: number): RangeRead {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  // A name may cover whole columns: what lies past the last used row or column is empty.
  const lastRow = Math.min(r2, Math.max(cells.rows, r1));
  const lastCol = Math.min(c2, Math.max(cells.cols, c1));
  for (let r = r1; r <= lastRow; r += 1) {
    const vr = cells.values[r - 1];
    const fr = cells.formulas[r - 1];
    const row: unknown[] = [];
    const frow: unknown[] = [];
    for (let c = c1; c <= lastCol; c += 1) {
      row.push(vr?.[c - 1] ?? null);
      frow.push(fr?.[c - 1] ?? null);
    }
    values.push(row);
    formulas.push(frow);
  }
  return { sheet, topLeft: a1(c1 - 1, r1), values, formulas };
}

/**
 * The first `rows` rows of a sheet from A1, `cols` wide, sharing the cached rows (padded in
 * place) rather than copying them: reading every sheet for the generic checks costs no second
 * copy of a 50 000-line devis.
 */
function whole(sheet: string, cells: SheetCells, rows: number, cols: number): RangeRead {
  const values: unknown[][] = [];
  const formulas: unknown[][] = [];
  for (let r = 0; r < rows; r += 1) {
    const vr = (cells.values[r] ??= []);
    const fr = (cells.formulas[r] ??= []);
    while (vr.length < cols) vr.push(null);
    while (fr.length < cols) fr.push(null);
    values.push(vr);
    formulas.push(fr);
  }
  return { sheet, topLeft: 'A1', values, formulas };
}

/** Inflates one zip entry as a stream into an XML handler, held to the entry's declared size. */
async function streamEntry(file: string, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const fd = openSync(file, 'r');
  let start: number;
  try {
    const local = readAt(fd, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new XlsxReadError(CORRUPT);
    start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxReadError(CORRUPT);
  const scanner = new XmlScanner(handler);
  const decoder = new StringDecoder('utf8');
  const raw = createReadStream(file, {
    start,
    end: start + Math.max(0, entry.compressed) - 1,
    highWaterMark: 1 << 20,
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 16 })) : raw;
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.uncompressed)
        throw new XlsxReadError(
          `classeur refusé : ${entry.name} se décompresse au-delà de la taille annoncée par l’archive, signe d’une archive piégée`,
        );
      scanner.write(decoder.write(chunk));
    }
    scanner.write(decoder.end());
    scanner.end();
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError(CORRUPT);
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
  }
}

/** Builds a sheet's rows from the tags of its part, one cell at a time. */
class SheetParser implements XmlHandler {
  private readonly values: unknown[][] = [];
  private readonly formulas: unknown[][] = [];
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  private maxCol = 0;
  private row = 0;
  private col = 0;
  private inSheetData = false;
  private inCell = false;
  private type = '';
  private style = 0;
  private v = '';
  private f = '';
  private fShared: { si: string; master: boolean } | null = null;
  private hasF = false;
  private target: 'v' | 'f' | 't' | null = null;
  private phonetic = 0;
  private inline = '';

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly count: () => void,
  ) {}

  open(tag: string, attrs: string, selfClosing: boolean): void {
    if (tag === 'sheetData') {
      this.inSheetData = !selfClosing;
      return;
    }
    if (!this.inSheetData) return;
    switch (tag) {
      case 'row': {
        const r = attribute(attrs, 'r');
        this.row = r ? Number(r) : this.row + 1;
        this.col = 0;
        return;
      }
      case 'c': {
        const r = attribute(attrs, 'r');
        const col = r ? cellColumn(r) : 0;
        if (col > 0) {
          this.col = col;
          this.row = Number(r?.slice(columnEnd(r)));
        } else this.col += 1;
        this.type = attribute(attrs, 't') ?? 'n';
        this.style = Number(attribute(attrs, 's') ?? 0);
        this.v = '';
        this.f = '';
        this.inline = '';
        this.hasF = false;
        this.fShared = null;
        this.inCell = true;
        if (selfClosing) this.commit();
        return;
      }
      case 'v':
        if (this.inCell && !selfClosing) this.target = 'v';
        return;
      case 'f': {
        if (!this.inCell) return;
        this.hasF = true;
        if (attribute(attrs, 't') === 'shared') {
          const si = attribute(attrs, 'si') ?? '';
          this.fShared = { si, master: attribute(attrs, 'ref') !== undefined && !selfClosing };
        }
        if (!selfClosing) this.target = 'f';
        return;
      }
      case 'rPh':
        if (!selfClosing) this.phonetic += 1;
        return;
      case 't':
        if (this.inCell && !selfClosing && this.phonetic === 0) this.target = 't';
        return;
      default:
        return;
    }
  }

  close(tag: string): void {
    if (tag === 'sheetData') this.inSheetData = false;
    else if (tag === 'c') {
      if (this.inCell) this.commit();
    } else if (tag === 'rPh') this.phonetic -= 1;
    else if (tag === 'v' || tag === 'f' || tag === 't') this.target = null;
  }

  text(t: string): void {
    if (this.target === 'v') this.v += t;
    else if (this.target === 'f') this.f += t;
    else if (this.target === 't') this.inline += t;
  }

  private commit(): void {
    this.inCell = false;
    this.target = null;
    const row = this.row;
    const col = this.col;
    if (row < 1 || col < 1) return;
    let formula: string | null = null;
    if (this.hasF) {
      const f = decodeXml(this.f).trim();
      if (this.fShared) {
        if (f) {
          if (this.fShared.master || !this.shared.has(this.fShared.si))
            this.shared.set(this.fShared.si, { formula: f, row, col });
          formula = f;
        } else {
          const master = this.shared.get(this.fShared.si);
          if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
        }
      } else if (f) formula = f;
    }
    const value = this.value();
    if (formula === null && value === null) return;
    this.count();
    let vr = this.values[row - 1];
    let fr = this.formulas[row - 1];
    if (!vr || !fr) {
      vr = [];
      fr = [];
      this.values[row - 1] = vr;
      this.formulas[row - 1] = fr;
    }
    while (vr.length < col - 1) {
      vr.push(null);
      fr.push(null);
      this.count();
    }
    vr[col - 1] = value;
    fr[col - 1] = formula !== null ? own(`=${formula}`) : value;
    if (col > this.maxCol) this.maxCol = col;
  }

  private value(): unknown {
    const raw = this.type === 'inlineStr' ? this.inline : this.v;
    switch (this.type) {
      case 's': {
        const s = this.strings[Number(raw)];
        return s ?? null;
      }
      case 'str':
        // A formula whose text result is empty: no value, as exceljs reads it.
        return raw === '' ? null : own(decodeXml(raw));
      case 'inlineStr':
        return own(decodeXml(raw));
      case 'b':
        return raw === '' ? null : raw === '1' || raw === 'true';
      case 'e':
        return raw === '' ? null : { error: own(decodeXml(raw)) };
      case 'd': {
        const d = new Date(raw);
        return raw === '' || Number.isNaN(d.getTime()) ? null : d;
      }
      default: {
        if (raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return own(decodeXml(raw));
        return this.dateStyles[this.style] ? excelToDate(n, this.date1904) : n;
      }
    }
  }

  /** Rows skipped in the part stay holes (read as empty). */
  result(): SheetCells {
    return { values: this.values, formulas: this.formulas, rows: this.values.length, cols: this.maxCol };
  }
}

/** Where the letters of a cell reference ("AB12") end. */
function columnEnd(r: string): number {
  let k = 0;
  for (;;) {
    const c = r.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return k;
    k += 1;
  }
}

/**
 * The 1-based column of a cell reference as a sheet stores it ("AB12", in any case), read over
 * its character codes (every cell of a sheet has one); 0 when it is not letters then digits.
 */
function cellColumn(r: string): number {
  const end = columnEnd(r);
  if (end === 0 || end > 3 || end === r.length) return 0;
  for (let k = end; k < r.length; k += 1) {
    const c = r.charCodeAt(k);
    if (c < 48 || c > 57) return 0;
  }
  let col = 0;
  for (let k = 0; k < end; k += 1) col = col * 26 + ((r.charCodeAt(k) | 32) - 96);
  return col;
}
