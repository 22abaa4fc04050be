/* Opening and writing workbook files for the CLI commands, without the audit or the scaffold. */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import type { XlsxReader } from '../workbook/xlsx/xlsxReader';
import { inspectWorkbookFile, type FileProblem } from '../workbook/xlsx/fileKind';
import type { Io } from './usage';

/** Writes an exceljs workbook beside, then renames (see `writeBytes`). */
export async function writeWorkbook(
  wb: ExcelJS.Workbook,
  target: string,
  shown: string,
  io: Io,
): Promise<boolean> {
  const { xlsxBuffer } = await import('../workbook/xlsx/nodeZip');
  return writeBytes(await xlsxBuffer(wb), target, shown, io);
}

/** Writes beside, then renames: a failed write never leaves a half-written file. False (said on stderr) on failure. */
export function writeBytes(buffer: Buffer, target: string, shown: string, io: Io): boolean {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, buffer);
    renameSync(tmp, target);
    return true;
  } catch (e) {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why: Record<string, string> = {
      EACCES: 'permission refusée',
      EPERM: 'permission refusée',
      ENOTDIR: 'un élément du chemin n’est pas un dossier',
      EEXIST: 'un élément du chemin n’est pas un dossier',
      EROFS: 'système de fichiers en lecture seule',
      ENOSPC: 'disque plein',
      EISDIR: 'le chemin désigne un dossier',
    };
    io.err(
      `Impossible d'écrire « ${shown} » : ${why[code] ?? (e instanceof Error ? e.message : String(e))}. Rien n'a été écrit.`,
    );
    return false;
  }
}

/**
 * Opens an .xlsx for reading, streaming (only the parts and sheets asked for are inflated, held
 * to the reader's limits), with a one-line French reason when it cannot be read. Never writes.
 */
export async function openWorkbook(file: string): Promise<{ reader: XlsxReader } | Unopened> {
  const problem = inspectWorkbookFile(file);
  if (problem) return { error: problem.message, code: problem.code };
  const { XlsxReader, XlsxReadError } = await import('../workbook/xlsx/xlsxReader');
  try {
    const reader = await XlsxReader.open(file);
    if ((await reader.inventory()).sheets.length === 0)
      return { error: 'classeur sans feuille', code: 'unreadable' };
    return { reader };
  } catch (e) {
    if (e instanceof XlsxReadError) return { error: e.message, code: 'unreadable' };
    throw e;
  }
}

/** Why a workbook could not be opened: the French reason, and what kind of failure it is. */
export interface Unopened {
  error: string;
  code: FileProblem['code'] | 'unreadable';
}

/** The line a command prints for a workbook it cannot open, told apart by code, never by text. */
export function unopenedMessage(file: string, u: Unopened): string {
  return u.code === 'missing'
    ? `Classeur introuvable : « ${file} ».`
    : `Classeur illisible « ${file} » : ${u.error}.`;
}
