import * as zlib from 'node:zlib';
import type ExcelJS from 'exceljs';

/**
 * Writing an .xlsx in Node with Node's own zlib. exceljs packs its parts with JSZip, which
 * encodes, checksums and deflates in JavaScript: on a large workbook that is most of the write
 * (the ledger grown by 5 000 pieces spends about 0,7 s there). exceljs still renders every part;
 * only the packing changes. Node only: the taskpane never writes a file this way.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of the zip format: Node's own (20.15 and later), else `crc32ByTable`. */
export function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  return native ? native(data) >>> 0 : crc32ByTable(data);
}

/** CRC-32 computed in JavaScript, for a Node without `zlib.crc32`. */
export function crc32ByTable(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry's bytes as stored: deflated (method 8) or not (0), with its CRC and inflated size. */
export interface StoredEntry {
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** Bytes deflated as a zip entry stores them, with their CRC and size. */
export function deflated(raw: Buffer): StoredEntry {
  return { method: 8, crc: crc32(raw), size: raw.length, data: zlib.deflateRawSync(raw) };
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  packed: Buffer;
  method: number;
  offset: number;
}

/** The ZipWriter shape exceljs's part writers call: `append(data, { name, base64? })`. */
export class NodeZip {
  private readonly entries: Entry[] = [];
  private readonly chunks: Buffer[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly date: number;

  constructor(now = new Date()) {
    this.time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
    this.date =
      ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  append(data: string | Buffer | Uint8Array, options: { name: string; base64?: boolean }): void {
    const raw =
      typeof data === 'string'
        ? Buffer.from(data, options.base64 ? 'base64' : 'utf8')
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.add(options.name, deflated(raw));
  }

  /** An entry already packed (copied as stored from another archive, or deflated here). */
  add(name: string, stored: StoredEntry): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry: Entry = {
      name: nameBytes,
      crc: stored.crc,
      size: stored.size,
      packed: stored.data,
      method: stored.method,
      offset: this.offset,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(stored.method, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(stored.data.length, 18);
    header.writeUInt32LE(stored.size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.push(header, nameBytes, stored.data);
    this.entries.push(entry);
  }

  private push(...parts: Buffer[]): void {
    for (const p of parts) {
      this.chunks.push(p);
      this.offset += p.length;
    }
  }

  /** The whole archive: the parts, then the central directory. */
  finish(): Buffer {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(e.method, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.packed.length, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.push(h, e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }
}

/** The steps of exceljs 4's `XLSX.write`, in its order, minus the packing (see above). */
const PART_WRITERS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

type XlsxInternals = Record<(typeof PART_WRITERS)[number], (zip: NodeZip, model: unknown) => unknown> & {
  prepareModel(model: unknown, options: object): void;
};

/** Whether this exceljs has the part writers the Node packing calls (else it falls back). */
export function canPackWithNode(wb: ExcelJS.Workbook): boolean {
  const x = wb.xlsx as unknown as Partial<XlsxInternals>;
  return typeof x.prepareModel === 'function' && PART_WRITERS.every((m) => typeof x[m] === 'function');
}

/**
 * The .xlsx bytes of a workbook: exceljs renders the parts, Node's zlib packs them. Falls back to
 * exceljs's own `writeBuffer` when its internals are not the ones this was written against.
 */
export async function xlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  if (!canPackWithNode(wb)) return Buffer.from(await wb.xlsx.writeBuffer());
  const x = wb.xlsx as unknown as XlsxInternals;
  const model = (wb as unknown as { model: unknown }).model;
  const zip = new NodeZip();
  x.prepareModel(model, {});
  for (const step of PART_WRITERS) await x[step](zip, model);
  return zip.finish();
}
