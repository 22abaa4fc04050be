import { audit } from '../audit/audit';
import { rememberedSuffix } from '../audit/state';
import type { FileResult } from '../audit/render';
import type { Referentiel } from '../audit/referentiels';
import { openWorkbook } from './files';

/** The audit of one file, as the command reports it: its report, or why it could not be read. */
export async function auditFile(file: string, referentiel: Referentiel): Promise<FileResult> {
  const opened = await openWorkbook(file);
  if ('error' in opened) return { file, error: opened.error };
  const { XlsxReadError } = await import('../workbook/xlsx/xlsxReader');
  try {
    // The sheets the pane works on (converted or written beside), as it remembered them.
    const suffix = await rememberedSuffix(opened.reader);
    return { file, report: await audit(opened.reader, referentiel, suffix) };
  } catch (e) {
    // A sheet over the reader's limits, met while streaming: an error for this file only.
    if (e instanceof XlsxReadError) return { file, error: e.message };
    throw e;
  }
}
