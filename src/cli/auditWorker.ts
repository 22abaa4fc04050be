/**
 * One workbook audited in a worker thread of the batch audit (`devis-cnc audit DOSSIER/`): opens
 * the file, audits it, returns what the command prints. A file that cannot be read is an error
 * for this file only; the pool gives each worker a time and a memory limit.
 */
import type { FileResult } from '../audit/render';
import type { Referentiel } from '../audit/referentiels';
import { auditFile } from './auditFile';

export interface AuditTask {
  file: string;
  referentiel: Referentiel;
}

export default async function auditTask(task: AuditTask): Promise<FileResult> {
  return auditFile(task.file, task.referentiel);
}
