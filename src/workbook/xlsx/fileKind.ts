import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DEFAULT_ZIP_LIMITS, zipProblem, type ZipLimits } from './zipGuard';

/** Why a file given as a workbook cannot be read as an .xlsx, found before handing it to exceljs. */
export interface FileProblem {
  code: 'missing' | 'folder' | 'empty' | 'encrypted' | 'xls' | 'ods' | 'text' | 'limits' | 'unknown';
  /** One line of French, for the user. */
  message: string;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An encrypted Office file is a compound file holding these streams (MS-OFFCRYPTO). */
const ENCRYPTION_STREAMS = [
  Buffer.from('EncryptionInfo', 'utf16le'),
  Buffer.from('EncryptedPackage', 'utf16le'),
];
/** How much of a compound file is scanned for the encryption streams' names. */
const CFB_SCAN_BYTES = 64 * 1024 * 1024;

function head(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function looksLikeText(buf: Buffer): boolean {
  if (buf.length === 0 || buf.includes(0)) return false;
  let printable = 0;
  for (const b of buf) if (b === 9 || b === 10 || b === 13 || b >= 32) printable += 1;
  return printable / buf.length > 0.95;
}

/**
 * Tells, from the file's first bytes, what a file that is not an .xlsx is: a folder, an empty
 * file, a workbook protected by a password (an encrypted compound file), an .xls (Excel 97-2003),
 * an .ods (LibreOffice), a text or CSV file, a zip over the limits of zipGuard.ts (checked before
 * anything is inflated). Null for a zip within them, as an .xlsx is.
 */
export function inspectWorkbookFile(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): FileProblem | null {
  if (!existsSync(file)) return { code: 'missing', message: 'fichier introuvable' };
  const st = statSync(file);
  if (st.isDirectory())
    return { code: 'folder', message: 'c’est un dossier, pas un classeur : indiquez un fichier .xlsx' };
  if (st.size === 0) return { code: 'empty', message: 'fichier vide' };
  const start = head(file, 4096);
  if (start.subarray(0, 8).equals(CFB)) {
    const body = st.size <= CFB_SCAN_BYTES ? head(file, st.size) : head(file, CFB_SCAN_BYTES);
    if (ENCRYPTION_STREAMS.some((name) => body.includes(name))) {
      return {
        code: 'encrypted',
        message: 'classeur protégé par mot de passe : enregistrez-le sans mot de passe',
      };
    }
    return { code: 'xls', message: 'format .xls (Excel 97-2003) : enregistrez-le en .xlsx' };
  }
  if (start.subarray(0, 4).equals(ZIP)) {
    if (start.subarray(0, 200).includes('application/vnd.oasis.opendocument')) {
      return { code: 'ods', message: 'format OpenDocument (.ods, LibreOffice) : enregistrez-le en .xlsx' };
    }
    const tooBig = zipProblem(file, limits);
    return tooBig ? { code: 'limits', message: tooBig } : null;
  }
  if (looksLikeText(start)) {
    return {
      code: 'text',
      message: 'fichier texte (CSV ?) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx',
    };
  }
  return { code: 'unknown', message: 'ce n’est pas un classeur .xlsx (format inconnu)' };
}
