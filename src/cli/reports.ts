/**
 * `devis-cnc audit … --rapport DOSSIER`: a summary workbook (one row per file, each criterion's
 * state, a link to its report) and one printable HTML report per file. Written beside, then put
 * in place at once: a re-run replaces the previous reports, never leaves half of them.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { candidateOf, criteriaOf, criterionVerdicts, reportHtml } from '../audit/jury';
import type { FileResult } from '../audit/render';
import type { Referentiel } from '../audit/referentiels';
import type { Io } from './usage';

const SUMMARY = 'synthese.xlsx';
const REPORTS = 'rapports';

/** What the devis of a file is, for the summary. */
function devisOf(r: FileResult): string {
  if (!r.report) return 'illisible';
  const rec = r.report.recognition;
  if (!rec) return 'Devis CNC';
  return rec.devis ? `fait main, feuille « ${rec.devis.sheet} »` : 'aucun devis reconnu';
}

function stateOf(r: FileResult): string {
  if (!r.report) return `illisible : ${r.error ?? ''}`;
  return r.report.counts.erreur > 0 ? 'à reprendre' : 'sans erreur';
}

/** A report's file name: the workbook's, made unique when two folders hold the same name. */
function reportNames(results: FileResult[]): string[] {
  const used = new Set<string>();
  return results.map((r) => {
    const stem =
      basename(r.file)
        .replace(/\.xlsx$/i, '')
        .replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'classeur';
    let name = `${stem}.html`;
    for (let k = 2; used.has(name.toLowerCase()); k += 1) name = `${stem}-${k}.html`;
    used.add(name.toLowerCase());
    return name;
  });
}

async function summaryWorkbook(
  results: FileResult[],
  names: string[],
  referentiel: Referentiel,
  file: string,
) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Synthèse');
  const ids = criteriaOf(referentiel).map((c) => c.id);
  ws.addRow(['Candidat', 'Fichier', 'Devis', 'Erreurs', 'Avertissements', 'État', ...ids, 'Rapport']);
  results.forEach((r, k) => {
    const states = new Map((r.report ? criterionVerdicts(r.report) : []).map((v) => [v.id, v.state]));
    const row = ws.addRow([
      candidateOf(r),
      r.file,
      devisOf(r),
      r.report?.counts.erreur ?? null,
      r.report?.counts.avertissement ?? null,
      stateOf(r),
      ...ids.map((id) => states.get(id) ?? ''),
      null,
    ]);
    row.getCell(ids.length + 7).value = { text: names[k] ?? '', hyperlink: `${REPORTS}/${names[k] ?? ''}` };
  });
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  ws.columns.forEach((c, j) => (c.width = j < 6 ? 22 : 14));
  await wb.xlsx.writeFile(file);
}

/**
 * Writes the reports into `dir`, replacing the ones a previous run wrote there. A folder that
 * holds anything else is refused (false, said on stderr): the command never deletes a person's files.
 */
export async function writeReports(
  dir: string,
  results: FileResult[],
  referentiel: Referentiel,
  io: Io,
  date: Date = new Date(),
): Promise<boolean> {
  if (existsSync(dir)) {
    const foreign = readdirSync(dir).filter((n) => n !== SUMMARY && n !== REPORTS);
    if (foreign.length) {
      io.err(
        `Le dossier de rapports « ${dir} » contient d’autres fichiers (${foreign.slice(0, 3).join(', ')}) : choisissez un dossier vide ou un nouveau nom.`,
      );
      return false;
    }
  }
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(join(tmp, REPORTS), { recursive: true });
    const names = reportNames(results);
    results.forEach((r, k) =>
      writeFileSync(join(tmp, REPORTS, names[k] ?? ''), reportHtml(r, referentiel, date)),
    );
    await summaryWorkbook(results, names, referentiel, join(tmp, SUMMARY));
    const old = `${dir}.${process.pid}.old`;
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
    return true;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    io.err(`Rapports non écrits dans « ${dir} » : ${e instanceof Error ? e.message : String(e)}.`);
    return false;
  }
}
