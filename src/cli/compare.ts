/**
 * `devis-cnc comparer AVANT.xlsx APRES.xlsx [--format text|json] [--sortie F.xlsx] [--force]`:
 * what changed from one version of a production to the next (devis initial and révisé,
 * prévisionnel and définitif), on the model of the production — lines added, removed and changed
 * by code, chapter and total deltas, financing sources changed. Neither file is modified.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatAmount, formatEuros, type Money } from '../domain/money';
import { agree, count } from '../domain/text/french';
import {
  compareModels,
  type AmountDelta,
  type LineChange,
  type LineFigures,
  type ModelComparison,
  type SourceChange,
} from '../model/compare';
import type { ProductionModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import type { Location } from '../sheets/model/snapshot';
import { readWorkbookSnapshot } from '../workbook/snapshot';
import { openWorkbook, writeWorkbook } from './files';
import { UsageError, type Io } from './usage';

interface CompareArgs {
  before: string;
  after: string;
  format: 'text' | 'json';
  out: string | null;
  force: boolean;
}

function parseCompare(args: string[]): CompareArgs {
  const files: string[] = [];
  let format: 'text' | 'json' = 'text';
  let out: string | null = null;
  let force = false;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    const value = (): string => {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`L'option ${a} attend une valeur.`);
      i += 1;
      return v;
    };
    if (a === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`Format inconnu « ${v} » : text ou json.`);
      format = v;
    } else if (a === '--sortie') out = value();
    else if (a === '--force') force = true;
    else if (a.startsWith('--')) throw new UsageError(`Option inconnue « ${a} ».`);
    else files.push(a);
  }
  const [before, after, extra] = files;
  if (before === undefined || after === undefined || extra !== undefined)
    throw new UsageError('Indiquez deux classeurs : devis-cnc comparer AVANT.xlsx APRES.xlsx');
  return { before, after, format, out, force };
}

/** The model of a workbook, or the French reason it cannot be compared. */
async function modelOf(file: string): Promise<{ model: ProductionModel } | { error: string }> {
  const opened = await openWorkbook(file);
  if ('error' in opened) return { error: opened.error };
  const snapshot = await readWorkbookSnapshot(opened.reader, { names: MODEL_READS, wholeWorkbook: false });
  const model = readModel(snapshot);
  if (!model.budget?.lines.length)
    return { error: 'aucun devis lisible (ni le nôtre, ni un devis fait main reconnu)' };
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
      io.err(
        read.error === 'fichier introuvable'
          ? `Classeur introuvable : « ${file} ».`
          : `Classeur illisible « ${file} » : ${read.error}.`,
      );
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

// ── Text ─────────────────────────────────────────────────────────────────────────────────────

const euros = (m: Money | null): string => (m === null ? '—' : formatEuros(m));
const signed = (m: Money): string => (m.gt(0) ? `+${formatEuros(m)}` : formatEuros(m));
const place = (at: Location | null): string => (at ? `${at.sheet}!${at.address}` : 'sans cellule');

/** « 3 035 291,62 € → 3 041 691,62 € (+6 400,00 €) ». */
function move(d: AmountDelta): string {
  return `${euros(d.before)} → ${euros(d.after)} (${d.delta.isZero() ? 'inchangé' : signed(d.delta)})`;
}

type Figure = Exclude<keyof LineFigures, 'at' | 'computed'>;

const FIELD_WORDS: Record<Figure, string> = {
  label: 'libellé',
  status: 'statut',
  quantity: 'quantité',
  count: 'nombre',
  rate: 'taux',
  amount: 'montant',
};

function figure(f: LineFigures, k: Figure): string {
  const v = f[k];
  if (typeof v === 'string') return v === '' ? '(vide)' : `« ${v} »`;
  if (v === null) return '(vide)';
  return k === 'rate' || k === 'amount' ? formatEuros(v) : formatAmount(v).replace(/,00$/, '');
}

function lineText(l: LineChange): string {
  const label = (l.after ?? l.before)?.label ?? '';
  const head = `${l.code} ${label}`.trim();
  if (l.change === 'changed' && l.before && l.after && l.computed) {
    // Charges and the like: their base is the lines they sum; what matters is where they land.
    const gap = l.delta.isZero() ? '' : ` (${signed(l.delta)})`;
    return `    recalculée ${head} : montant ${euros(l.before.amount)} → ${euros(l.after.amount)}${gap} — ${place(l.after.at)}`;
  }
  if (l.change === 'changed' && l.before && l.after) {
    const { before, after } = l;
    const parts = l.fields.map((k) => `${FIELD_WORDS[k]} ${figure(before, k)} → ${figure(after, k)}`);
    const gap = l.delta.isZero() ? '' : ` (${signed(l.delta)})`;
    return `    modifiée  ${head} : ${parts.join(' ; ')}${gap} — ${place(after.at)}`;
  }
  if (l.change === 'added' && l.after)
    return `    ajoutée   ${head} : ${euros(l.after.amount)} — ${place(l.after.at)}`;
  return `    supprimée ${head} : ${euros(l.before?.amount ?? null)} — était en ${place(l.before?.at ?? null)}`;
}

function sourceText(s: SourceChange): string {
  if (s.change === 'changed' && s.before && s.after) {
    const { before, after } = s;
    const parts = s.fields.map((k) =>
      k === 'amount'
        ? `montant ${euros(before.amount)} → ${euros(after.amount)}`
        : `${k === 'status' ? 'statut' : 'catégorie'} « ${before[k]} » → « ${after[k]} »`,
    );
    const gap = s.delta.isZero() ? '' : ` (${signed(s.delta)})`;
    return `    modifiée  ${s.name} : ${parts.join(' ; ')}${gap} — ${place(after.at)}`;
  }
  if (s.change === 'added' && s.after)
    return `    ajoutée   ${s.name} : ${euros(s.after.amount)} — ${place(s.after.at)}`;
  return `    supprimée ${s.name} : ${euros(s.before?.amount ?? null)} — était en ${place(s.before?.at ?? null)}`;
}

/** « 1 modifiée, 1 ajoutée, 0 supprimée, 2 recalculées, 52 inchangées ». */
function tally(changes: { change: string; computed?: boolean }[], unchanged: number): string {
  const n = (k: string): number => changes.filter((x) => x.change === k && !x.computed).length;
  const computed = changes.filter((x) => x.computed).length;
  return [
    `${count(n('changed'), 'modifiée')}`,
    `${count(n('added'), 'ajoutée')}`,
    `${count(n('removed'), 'supprimée')}`,
    ...(computed ? [`${count(computed, 'recalculée')}`] : []),
    `${unchanged} ${agree(unchanged, 'inchangée')}`,
  ].join(', ');
}

export function comparisonText(before: string, after: string, c: ModelComparison): string[] {
  const out = [`Comparaison de « ${before} » (avant) et « ${after} » (après)`, ''];
  out.push(`Devis : ${move(c.total)}`);
  out.push(`  Lignes : ${tally(c.lines, c.unchangedLines)}`);
  const moved = c.chapters.filter((d) => !d.delta.isZero());
  if (moved.length) {
    out.push('  Par chapitre (ceux qui changent) :');
    for (const d of moved)
      out.push(`    ${d.code === 'FG' || d.code === 'IMP' ? '' : `${d.code} `}${d.label} : ${move(d)}`);
  }
  if (c.lines.length) {
    out.push('  Lignes qui changent :');
    for (const l of c.lines) out.push(lineText(l));
  }
  out.push('');
  out.push(`Plan de financement : ${move(c.financingTotal)}`);
  out.push(`  Sources : ${tally(c.sources, c.unchangedSources)}`);
  for (const s of c.sources) out.push(sourceText(s));
  if (!c.lines.length && !c.sources.length && c.total.delta.isZero() && c.financingTotal.delta.isZero()) {
    out.push('');
    out.push('Aucune différence dans le devis ni dans le plan de financement.');
  }
  return out;
}

// ── JSON ─────────────────────────────────────────────────────────────────────────────────────

/** An amount as an exact decimal string, to the cent ("17550.00"); null when absent. */
const amount = (m: Money | null): string | null => (m === null ? null : m.toFixed(2));
const where = (at: Location | null): { sheet: string; address: string } | null =>
  at ? { sheet: at.sheet, address: at.address } : null;

function lineFiguresJson(f: LineFigures | null): object | null {
  return f
    ? {
        label: f.label,
        status: f.status,
        quantity: f.quantity?.toString() ?? null,
        count: f.count?.toString() ?? null,
        // Exact: a charges line's rate is a share (0.555), not a price.
        rate: f.rate?.toString() ?? null,
        amount: amount(f.amount),
        at: where(f.at),
      }
    : null;
}

const deltaJson = (d: AmountDelta): object => ({
  code: d.code,
  label: d.label,
  before: amount(d.before),
  after: amount(d.after),
  delta: amount(d.delta),
});

export function comparisonJson(before: string, after: string, c: ModelComparison): object {
  return {
    version: 1,
    before,
    after,
    devis: {
      total: deltaJson(c.total),
      chapters: c.chapters.map(deltaJson),
      unchangedLines: c.unchangedLines,
      lines: c.lines.map((l) => ({
        code: l.code,
        change: l.change,
        computed: l.computed,
        fields: l.fields,
        delta: amount(l.delta),
        before: lineFiguresJson(l.before),
        after: lineFiguresJson(l.after),
      })),
    },
    financing: {
      total: deltaJson(c.financingTotal),
      unchangedSources: c.unchangedSources,
      sources: c.sources.map((s) => ({
        name: s.name,
        change: s.change,
        fields: s.fields,
        delta: amount(s.delta),
        before: s.before && { ...s.before, amount: amount(s.before.amount), at: where(s.before.at) },
        after: s.after && { ...s.after, amount: amount(s.after.amount), at: where(s.after.at) },
      })),
    },
  };
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
