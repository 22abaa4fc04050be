/**
 * `devis-cnc comparer AVANT.xlsx APRES.xlsx [--format text|json] [--sortie F.xlsx] [--force]`:
 * what changed from one version of a production to the next (devis initial and révisé,
 * prévisionnel and définitif), on the model of the production — lines added, removed and changed
 * by code, chapter and total deltas, financing sources changed. Neither file is modified.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Money } from '../domain/money';
import { compareModels, type ModelComparison } from '../model/compare';
import { comparisonJson, comparisonText, FIELD_WORDS, place } from '../model/compareRender';
import type { ProductionModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import { readWorkbookSnapshot } from '../workbook/snapshot';
import { openWorkbook, unopenedMessage, writeWorkbook, type Unopened } from './files';
import { readArgs, valueOf } from './options';
import { UsageError, type Io } from './usage';

interface CompareArgs {
  before: string;
  after: string;
  format: 'text' | 'json';
  out: string | null;
  force: boolean;
}

function parseCompare(args: string[]): CompareArgs {
  const r = readArgs(args, { format: 'value', sortie: 'value', force: 'flag' });
  const f = valueOf(r, 'format') ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`Format inconnu « ${f} » : text ou json.`);
  const format: 'text' | 'json' = f;
  const out = valueOf(r, 'sortie') ?? null;
  const force = r.values.force === true;
  const files = r.positionals;
  const [before, after, extra] = files;
  if (before === undefined || after === undefined || extra !== undefined)
    throw new UsageError('Indiquez deux classeurs : devis-cnc comparer AVANT.xlsx APRES.xlsx');
  return { before, after, format, out, force };
}

/** The model of a workbook, or the French reason it cannot be compared. */
async function modelOf(file: string): Promise<{ model: ProductionModel } | Unopened> {
  const opened = await openWorkbook(file);
  if ('error' in opened) return opened;
  const snapshot = await readWorkbookSnapshot(opened.reader, { names: MODEL_READS, wholeWorkbook: false });
  const model = readModel(snapshot);
  if (!model.budget?.lines.length)
    return { error: 'aucun devis lisible (ni le nôtre, ni un devis fait main reconnu)', code: 'unreadable' };
  return { model };
}

export async function runCompare(args: string[], io: Io): Promise<number> {
  const a = parseCompare(args);
  const target = a.out ? resolve(a.out) : null;
  if (target && existsSync(target) && !a.force) {
    io.err(`Le fichier « ${a.out ?? ''} » existe déjà : ajoutez --force pour le remplacer.`);
    return 2;
  }
  const models: ProductionModel[] = [];
  for (const file of [a.before, a.after]) {
    const read = await modelOf(file);
    if ('error' in read) {
      io.err(unopenedMessage(file, read));
      return 2;
    }
    models.push(read.model);
  }
  const [m1, m2] = models as [ProductionModel, ProductionModel];
  const c = compareModels(m1, m2);
  if (a.format === 'json') io.out(JSON.stringify(comparisonJson(a.before, a.after, c), null, 2));
  else for (const line of comparisonText(a.before, a.after, c)) io.out(line);
  if (target && a.out) {
    const written = await writeWorkbook(await comparisonWorkbook(a.before, a.after, c), target, a.out, io);
    if (!written) return 2;
    if (a.format === 'text') io.out(`Comparaison écrite : ${a.out}`);
  }
  return 0;
}

// ── Workbook ─────────────────────────────────────────────────────────────────────────────────

const CHANGE_WORDS = { added: 'Ajoutée', removed: 'Supprimée', changed: 'Modifiée' } as const;
const EUROS = '#,##0.00 "€";-#,##0.00 "€"';

/** The comparison as a workbook a producer keeps: a summary, the lines, the sources. */
async function comparisonWorkbook(before: string, after: string, c: ModelComparison) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const n = (m: Money | null): number | null => (m === null ? null : m.toNumber());
  const summary = wb.addWorksheet('Comparaison');
  summary.addRow(['Comparaison de deux versions']);
  summary.addRow(['Avant', before]);
  summary.addRow(['Après', after]);
  summary.addRow([]);
  summary.addRow(['Poste', 'Avant', 'Après', 'Écart']);
  for (const d of [...c.chapters, c.total, c.financingTotal])
    summary.addRow([
      `${/^\d/.test(d.code) ? `${d.code} ` : ''}${d.label}`,
      n(d.before),
      n(d.after),
      n(d.delta),
    ]);
  const lines = wb.addWorksheet('Lignes');
  lines.addRow([
    'Changement',
    'Code',
    'Libellé',
    'Champs',
    'Quantité avant',
    'Quantité après',
    'Taux avant',
    'Taux après',
    'Montant avant',
    'Montant après',
    'Écart',
    'Cellule',
  ]);
  for (const l of c.lines)
    lines.addRow([
      l.computed ? 'Recalculée' : CHANGE_WORDS[l.change],
      l.code,
      (l.after ?? l.before)?.label ?? '',
      l.fields.map((k) => FIELD_WORDS[k]).join(', '),
      n(l.before?.quantity ?? null),
      n(l.after?.quantity ?? null),
      n(l.before?.rate ?? null),
      n(l.after?.rate ?? null),
      n(l.before?.amount ?? null),
      n(l.after?.amount ?? null),
      n(l.delta),
      place((l.after ?? l.before)?.at ?? null),
    ]);
  const sources = wb.addWorksheet('Sources');
  sources.addRow(['Changement', 'Source', 'Champs', 'Montant avant', 'Montant après', 'Écart', 'Cellule']);
  for (const s of c.sources)
    sources.addRow([
      CHANGE_WORDS[s.change],
      s.name,
      s.fields.join(', '),
      n(s.before?.amount ?? null),
      n(s.after?.amount ?? null),
      n(s.delta),
      place((s.after ?? s.before)?.at ?? null),
    ]);
  for (const [sheet, cols] of [
    [summary, [2, 3, 4]],
    [lines, [7, 8, 9, 10, 11]],
    [sources, [4, 5, 6]],
  ] as const) {
    for (const col of cols) sheet.getColumn(col).numFmt = EUROS;
    sheet.getRow(sheet === summary ? 5 : 1).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 18));
  }
  summary.getColumn(1).width = 40;
  return wb;
}
