import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Limits checked on an .xlsx (a zip) before anything is inflated, from its central directory:
 * the declared size of each entry, its compression ratio, the number of entries and their total.
 * A genuine 50 000-line workbook stays far below them; a "zip bomb" (5 MB on disk, a sheet that
 * inflates to 1.2 GB) is refused at once, without reading it. The streaming reader
 * (xlsxReader.ts) holds each entry to its declared size while inflating, and counts cells, so a
 * zip that lies in its directory is stopped too.
 */
export interface ZipLimits {
  /** Largest uncompressed entry (one sheet's XML), in bytes. */
  maxEntryBytes: number;
  /** Largest total uncompressed size, in bytes. */
  maxTotalBytes: number;
  /** Largest compression ratio of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny files compress oddly). */
  ratioFloorBytes: number;
  /** Most entries. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

/** One file of the archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressed: number;
  uncompressed: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** CRC-32 of the uncompressed bytes. */
  crc: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MIB = 1024 * 1024;

const mib = (n: number): string => `${Math.round(n / MIB).toLocaleString('fr-FR')} Mio`;

export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/**
 * The bytes of an entry as stored in the archive (deflated or not), found through its local
 * header; null when the header is not where the directory says.
 */
export function storedBytes(fd: number, entry: ZipEntry): Buffer | null {
  const local = readAt(fd, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return null;
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = readAt(fd, start, entry.compressed);
  return data.length === entry.compressed ? data : null;
}

/**
 * The central directory of a zip, read from the end of the file (a few kilobytes), or a one-line
 * French reason to refuse it (ZIP64, too many entries), or null when no directory is found (the
 * reader then reports the file as corrupt).
 */
export function readZipDirectory(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { entries: ZipEntry[] } | { problem: string } | null {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff)
      return { problem: 'classeur trop volumineux (archive ZIP64) : refusé par prudence' };
    if (count > limits.maxEntries)
      return {
        problem: `classeur refusé : ${count.toLocaleString('fr-FR')} fichiers dans l’archive (limite ${limits.maxEntries.toLocaleString('fr-FR')})`,
      };
    if (dirOffset + dirSize > size) return null;
    const dir = readAt(fd, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    for (let p = 0, k = 0; k < count && p + 46 <= dir.length; k += 1) {
      if (dir.readUInt32LE(p) !== CENTRAL) return null;
      const nameLength = dir.readUInt16LE(p + 28);
      const extra = dir.readUInt16LE(p + 30);
      const comment = dir.readUInt16LE(p + 32);
      entries.push({
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        compressed: dir.readUInt32LE(p + 20),
        uncompressed: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        crc: dir.readUInt32LE(p + 16),
      });
      p += 46 + nameLength + extra + comment;
    }
    return { entries };
  } finally {
    closeSync(fd);
  }
}

/** The first entry of a directory that breaks a limit, as a one-line French reason; or null. */
export function entriesProblem(entries: readonly ZipEntry[], limits: ZipLimits): string | null {
  let total = 0;
  for (const { name, compressed, uncompressed } of entries) {
    if (uncompressed === 0xffffffff || compressed === 0xffffffff)
      return `classeur trop volumineux (${name} dépasse 4 Gio) : refusé par prudence`;
    if (uncompressed > limits.maxEntryBytes) {
      return `classeur refusé : ${name} se décompresse en ${mib(uncompressed)} (limite ${mib(limits.maxEntryBytes)})`;
    }
    if (uncompressed >= limits.ratioFloorBytes && uncompressed > limits.maxRatio * Math.max(1, compressed)) {
      return `classeur refusé : ${name} est comprimé ${Math.round(uncompressed / Math.max(1, compressed)).toLocaleString('fr-FR')} fois (limite ${limits.maxRatio} fois), signe d’une archive piégée`;
    }
    total += uncompressed;
    if (total > limits.maxTotalBytes)
      return `classeur refusé : plus de ${mib(limits.maxTotalBytes)} une fois décompressé`;
  }
  return null;
}

/**
 * Checks a zip's central directory against the limits; returns a one-line French reason to
 * refuse the file, or null. Reads only the end of the file and the directory (a few kilobytes).
 * A zip whose directory cannot be found is left to the reader (which reports it as corrupt).
 */
export function zipProblem(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const dir = readZipDirectory(file, limits);
  if (!dir) return null;
  if ('problem' in dir) return dir.problem;
  return entriesProblem(dir.entries, limits);
}
