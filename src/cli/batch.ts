/**
 * The batch audit: folders, wildcards and many files turned into a list of workbooks, audited on
 * a pool of worker threads (piscina), each file with a time limit and a memory limit, so that one
 * hostile file cannot stop or starve the others. The results come back in the order of the files,
 * whatever finishes first.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { FileResult } from '../audit/render';
import type { Referentiel } from '../audit/referentiels';
import { auditFile } from './auditFile';
import { UsageError } from './usage';

const byPath = new Intl.Collator('fr', { numeric: true }).compare;
const isWorkbook = (name: string): boolean =>
  /\.xlsx$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');

/** Every workbook below a folder, in path order (Excel's « ~$ » lock files left out). */
function workbooksIn(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => byPath(a.name, b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...workbooksIn(path));
    else if (entry.isFile() && isWorkbook(entry.name)) out.push(path);
  }
  return out;
}

/** « *.xlsx », « candidat-??.xlsx »: the last part of a path with wildcards, as a shell reads it. */
function matching(pattern: string): string[] {
  const dir = dirname(pattern);
  const re = new RegExp(
    `^${basename(pattern)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => re.test(name) && isWorkbook(name))
    .sort(byPath)
    .map((name) => join(dir, name));
}

/**
 * The workbooks the command line names: a file as given (a missing one is reported on its own
 * line), a folder's workbooks, a wildcard's matches. A folder or a wildcard that holds none is a
 * usage error, said in French.
 */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(basename(input))) {
      const found = matching(input);
      if (!found.length) throw new UsageError(`Aucun classeur .xlsx ne correspond à « ${input} ».`);
      files.push(...found);
    } else if (existsSync(input) && statSync(input).isDirectory()) {
      const found = workbooksIn(input);
      if (!found.length) throw new UsageError(`Aucun classeur .xlsx dans le dossier « ${input} ».`);
      files.push(...found);
    } else files.push(input);
  }
  return files;
}

export interface BatchLimits {
  /** Per file, from the moment its audit starts. */
  timeoutMs: number;
  /** The V8 heap of each worker. */
  memoryMb: number;
}

/** Where the batch is: files done, total, the file just finished. */
export type BatchProgress = (done: number, total: number, file: string) => void;

/** The compiled worker beside this module (dist/ or the packed lib/); absent under ts-jest. */
const WORKER = join(__dirname, 'auditWorker.js');

/** Why a worker gave no report, in French. */
function failure(e: unknown, limits: BatchLimits): string {
  const err = e as { name?: string; code?: string; message?: string };
  if (err.name === 'AbortError' || err.name === 'TimeoutError')
    return `délai dépassé (${String(limits.timeoutMs / 1000).replace('.', ',')} s par classeur)`;
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return `mémoire dépassée (${limits.memoryMb} Mo par classeur)`;
  return `contrôle interrompu : ${err.message ?? String(e)}`;
}

/**
 * Audits the files, several at a time on worker threads (one per core, at most one per file);
 * one file, or no compiled worker, runs here in turn. Never throws for a file: its result says
 * why it has no report.
 */
export async function auditBatch(
  files: readonly string[],
  referentiel: Referentiel,
  limits: BatchLimits,
  progress: BatchProgress = () => undefined,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array<FileResult>(files.length);
  let done = 0;
  const finish = (k: number, r: FileResult): void => {
    results[k] = r;
    done += 1;
    progress(done, files.length, r.file);
  };
  if (files.length < 2 || !existsSync(WORKER)) {
    for (const [k, file] of files.entries()) {
      try {
        finish(k, await auditFile(file, referentiel));
      } catch (e) {
        finish(k, { file, error: failure(e, limits) });
      }
    }
    return results;
  }
  const { Piscina } = await import('piscina');
  const threads = Math.max(1, Math.min(files.length, availableParallelism()));
  const pool = new Piscina({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
  });
  // A worker that dies in a task fails that task, which says why. One that dies before taking
  // any (a memory limit too small to start) breaks the pool: every file left says so.
  let broken: unknown = null;
  let breakPool: (e: unknown) => void = () => undefined;
  const whenBroken = new Promise<never>((_, reject) => (breakPool = reject));
  whenBroken.catch(() => undefined);
  pool.on('error', (e: unknown) => {
    broken ??= e;
    breakPool(e);
  });
  // As many files in flight as threads: a file's time limit runs from its start, not from its
  // place in a queue.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const k = next;
      next += 1;
      const file = files[k] ?? '';
      try {
        if (broken !== null)
          throw broken instanceof Error ? broken : new Error('le groupe de contrôle s’est arrêté');
        const run = pool.run({ file, referentiel }, { signal: AbortSignal.timeout(limits.timeoutMs) });
        run.catch(() => undefined);
        finish(k, (await Promise.race([run, whenBroken])) as FileResult);
      } catch (e) {
        finish(k, { file, error: failure(e, limits) });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    await pool.destroy();
  }
  return results;
}
