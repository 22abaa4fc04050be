/* The commands of the CLI, loaded only when one runs (`--help` answers without them). */
import { existsSync } from 'node:fs';
import { count } from '../domain/text/french';
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { FORMATS, formatLabel, isFormat, type ProductionFormat } from '../domain/facts/facts';
import { formatEuros, formatPercent, Money, ZERO, sum } from '../domain/money';
import { vatRefundFact } from '../domain/financing/categories';
import { findNomenclature, getNomenclature, rolesOf } from '../domain/nomenclature/nomenclature';
import type { NomenclatureId } from '../domain/nomenclature/types';
import { looseForm } from '../domain/text/looseForm';
import { BASE_SHEETS, SHEET_IDS, type SheetKey } from '../sheets/model/naming';
import { scaffold, type ScaffoldOutcome, type ScaffoldRequest } from '../workbook/scaffold';
import { CarbonExportError, carbonCsv } from '../workbook/carbonCsv';
import { isReferentiel, REFERENTIELS, type Referentiel } from '../audit/referentiels';
import { NOMENCLATURE_IDS, UsageError, type Io } from './usage';
import { openWorkbook, unopenedMessage, writeBytes, writeWorkbook } from './files';
import { onlyOne, readArgs, valueOf } from './options';
import type { WorkbookReader } from '../workbook/port';
import { renderJson, renderJunit, renderText } from '../audit/render';
import { rulesFor } from '../rules';
import type { BudgetInput, BudgetResult } from '../domain/budget/types';

/**
 * exceljs and the xlsx adapter, loaded only by the commands that read or write a workbook:
 * `--help` and usage errors answer without them (loading exceljs is most of a start-up).
 */
async function xlsx(): Promise<{
  ExcelJS: typeof ExcelJS;
  XlsxPort: typeof import('../workbook/xlsx/xlsxPort').XlsxPort;
}> {
  const [lib, port] = await Promise.all([import('exceljs'), import('../workbook/xlsx/xlsxPort')]);
  return { ExcelJS: lib.default, XlsxPort: port.XlsxPort };
}

export interface NewOptions {
  out: string;
  format: ProductionFormat;
  nomenclature: NomenclatureId | undefined;
  example: boolean;
  force: boolean;
  /** Only these sheets (and those they read); all when absent. */
  sheets?: SheetKey[];
}

/** « devis,cue-sheet » or « Devis, CUE sheet » → the sheets' keys; a word that names no sheet is refused. */
export function parseSheets(list: string): SheetKey[] {
  const keys = Object.keys(SHEET_IDS) as SheetKey[];
  const words = list
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  if (words.length === 0) throw new UsageError('Indiquez au moins une feuille après --feuilles.');
  return words.map((w) => {
    const key = keys.find((k) => [SHEET_IDS[k], BASE_SHEETS[k]].some((n) => looseForm(n) === looseForm(w)));
    if (!key)
      throw new UsageError(
        `Feuille inconnue « ${w} » : choisissez parmi ${keys.map((k) => SHEET_IDS[k]).join(', ')}.`,
      );
    return key;
  });
}

export function parseNew(args: string[]): NewOptions {
  const r = readArgs(args, {
    out: 'value',
    format: 'value',
    nomenclature: 'value',
    exemple: 'flag',
    force: 'flag',
    feuilles: 'value',
  });
  const [stray] = r.positionals;
  if (stray !== undefined) throw new UsageError(`Option inconnue « ${stray} ».`);
  const out = valueOf(r, 'out');
  const list = valueOf(r, 'feuilles');
  const f = valueOf(r, 'format') ?? 'long-metrage';
  if (!isFormat(f)) throw new UsageError(`Format inconnu « ${f} » : choisissez parmi ${FORMATS.join(', ')}.`);
  const format: ProductionFormat = f;
  let nomenclature: NomenclatureId | undefined;
  const id = valueOf(r, 'nomenclature');
  if (id !== undefined) {
    const nom = findNomenclature(id);
    if (!nom)
      throw new UsageError(
        `Nomenclature inconnue « ${id} » : choisissez parmi ${NOMENCLATURE_IDS.join(', ')}.`,
      );
    nomenclature = nom.id;
  }
  const example = r.values.exemple === true;
  const force = r.values.force === true;
  if (!out) throw new UsageError('Indiquez le fichier à écrire avec --out FICHIER.xlsx.');
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Le fichier de sortie doit finir par .xlsx : « ${out} ».`);
  return {
    out,
    format,
    nomenclature,
    example,
    force,
    ...(list !== undefined ? { sheets: parseSheets(list) } : {}),
  };
}

function formatTonnes(kg: Money): string {
  return kg.dividedBy(1000).toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2).replace('.', ',');
}

/** The récapitulatif as console lines (French formats), in the rows of the nomenclature's roles. */
export function recapLines(budget: BudgetInput, result: BudgetResult): string[] {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const total = result.total.amount;
  const pct = (v: typeof total): string =>
    total.isZero() ? formatPercent(ZERO) : formatPercent(v.dividedBy(total));
  const pad = (s: string, n: number): string => s.padEnd(n);
  const left = (s: string, n: number): string => s.padStart(n);
  const line = (
    code: string,
    label: string,
    amount: typeof total,
    france: typeof total,
    foreign: typeof total,
  ): string =>
    `${pad(code, 4)}${pad(label, 44)}${left(formatEuros(amount), 18)}${left(pct(amount), 9)}${left(formatEuros(france), 18)}${left(formatEuros(foreign), 16)}`;
  const out = [
    `${pad('', 4)}${pad('Poste', 44)}${left('Montant', 18)}${left('%', 9)}${left('dont France', 18)}${left('dont étranger', 16)}`,
  ];
  const chapterLine = (i: number): void => {
    const ch = budget.chapters[i];
    const r = result.chapters[i];
    if (ch && r) out.push(line(ch.code, ch.label, r.amount, r.france, r.foreign));
  };
  const indices = budget.chapters.map((_, i) => i);
  const isIndirect = (i: number): boolean => budget.chapters[i]?.code === roles.indirect.chapter;
  indices.filter((i) => !isIndirect(i)).forEach(chapterLine);
  out.push(
    line(
      '',
      roles.subtotalLabel.replace(/ \(.*\)$/, ''),
      result.subtotal.amount,
      result.subtotal.france,
      result.subtotal.foreign,
    ),
  );
  if (roles.indirect.chapter === null) {
    for (const l of roles.indirect.lines) {
      const r =
        l.role === 'overheads' ? result.overheads : l.role === 'contingency' ? result.contingency : null;
      if (r) out.push(line(l.code, l.label ?? l.code, r.amount, r.france, r.foreign));
    }
  } else indices.filter(isIndirect).forEach(chapterLine);
  out.push(line('', 'TOTAL GÉNÉRAL', result.total.amount, result.total.france, result.total.foreign));
  return out;
}

/** Our sheets scaffolded into a new in-memory workbook, ready to be written to a file. */
async function scaffoldNewWorkbook(
  request: ScaffoldRequest,
): Promise<{ wb: ExcelJS.Workbook; outcome: ScaffoldOutcome }> {
  const { ExcelJS, XlsxPort } = await xlsx();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'devis-cnc';
  wb.created = new Date();
  return { wb, outcome: await scaffold(new XlsxPort(wb), request) };
}

export async function runNew(opts: NewOptions, io: Io): Promise<number> {
  const target = resolve(opts.out);
  if (existsSync(target) && !opts.force) {
    io.err(`Le fichier « ${opts.out} » existe déjà : rien n'a été écrit. Ajoutez --force pour le remplacer.`);
    return 2;
  }
  const { wb, outcome } = await scaffoldNewWorkbook({
    format: opts.format,
    ...(opts.nomenclature ? { nomenclature: opts.nomenclature } : {}),
    example: opts.example,
    onConflict: 'refuse',
    ...(opts.sheets ? { sheets: opts.sheets } : {}),
  });
  if (outcome.status !== 'done') {
    io.err(outcome.message);
    return 2;
  }
  if (!(await writeWorkbook(wb, target, opts.out, io))) return 2;
  io.out(
    `Classeur écrit : ${opts.out} (${formatLabel(opts.format)}, nomenclature ${outcome.budget.nomenclature}${opts.example ? ', exemple rempli' : ''})`,
  );
  io.out(`Feuilles : ${outcome.sheets.join(', ')}`);
  if (outcome.added.length > 0)
    io.out(`  dont, parce que les feuilles demandées les lisent : ${outcome.added.join(', ')}`);
  for (const s of outcome.skipped) io.out(`Note : ${s}`);
  io.out('');
  io.out('Récapitulatif');
  if (opts.example) for (const l of recapLines(outcome.budget, outcome.result)) io.out(l);
  else
    io.out(
      `Devis vierge : total général ${formatEuros(outcome.result.total.amount)} (à remplir dans la feuille Devis).`,
    );
  const f = outcome.financing;
  io.out('');
  io.out('Plan de financement');
  io.out(
    `  Total ${formatEuros(f.total)} pour ${count(f.sourceCount, 'source')} ; écart avec le devis ${formatEuros(f.gap)}${f.gap.toDecimalPlaces(2).isZero() ? ' (équilibré)' : ''}`,
  );
  io.out(
    `  Aides publiques ${formatEuros(f.publicTotal)}, intensité ${formatPercent(f.intensity)} pour un plafond de ${formatPercent(f.ceiling)} (${f.ceilingRule})`,
  );
  io.out(`  Crédit d'impôt estimé ${formatEuros(f.taxCreditEstimate)}`);
  const c = outcome.cashflow;
  const month = c.lowestMonth
    ? c.lowestMonth.toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : 'dates à saisir dans Paramètres';
  io.out('');
  io.out('Trésorerie');
  io.out(
    `  ${c.months.length} colonnes mensuelles ; solde cumulé le plus bas ${formatEuros(c.summary.lowest)} (${month}) ; ${c.summary.deficitMonths} mois en déficit ; besoin à court terme ${formatEuros(c.summary.need)}`,
  );
  io.out(
    `  TVA avancée sur les décaissements ${formatEuros(sum(c.vat.paid))}, récupérée après ${count(vatRefundFact().delayMonths, 'mois', 'mois')} (Paramètres) : comprise dans les soldes`,
  );
  io.out(
    `  avec ${count(c.measureRows.length, 'mesure')} : solde cumulé le plus bas ${formatEuros(c.measures.lowestAfter)}, besoin non couvert ${formatEuros(c.measures.uncovered)} ; intérêts et frais estimés ${formatEuros(c.measures.totalCost)}`,
  );
  const b = outcome.carbon;
  io.out('');
  io.out('Bilan carbone (estimation de préparation ; bilan à déposer via un calculateur homologué)');
  io.out(
    `  Prévisionnel (mesures comprises) ${formatTonnes(b.totalPrev)} tCO2e ; sans les mesures ${formatTonnes(b.totalPrev.plus(b.totalSavings))} tCO2e (effet des mesures ${formatTonnes(b.totalSavings)} t)`,
  );
  const top = b.top3.map((i) => b.categories[i]).filter((x) => x !== undefined);
  if (top.length)
    io.out(
      `  Plus gros postes : ${top.map((x) => `${x.label} ${formatTonnes(x.prev)} t (${formatPercent(x.prevShare)})`).join(' ; ')}`,
    );
  return 0;
}

export async function runAudit(args: string[], io: Io): Promise<number> {
  const files: string[] = [];
  let referentiel: Referentiel = 'tous';
  let format: 'text' | 'json' | 'junit' = 'text';
  const limits = { timeoutMs: 300_000, memoryMb: 1536 };
  let reports: string | null = null;
  const positive = (v: string, what: string): number => {
    const n = Number(v.replace(',', '.'));
    if (!Number.isFinite(n) || n <= 0)
      throw new UsageError(`${what} attend un nombre positif, pas « ${v} ».`);
    return n;
  };
  const given = readArgs(args, {
    referentiel: 'value',
    format: 'value',
    rapport: 'value',
    delai: 'value',
    memoire: 'value',
  });
  const ref = valueOf(given, 'referentiel')?.toLowerCase();
  if (ref !== undefined) {
    if (!isReferentiel(ref))
      throw new UsageError(`Référentiel inconnu « ${ref} » : ${REFERENTIELS.join(', ')}.`);
    referentiel = ref;
  }
  const f = valueOf(given, 'format');
  if (f !== undefined) {
    if (f !== 'text' && f !== 'json' && f !== 'junit')
      throw new UsageError(`Format inconnu « ${f} » : text, json ou junit.`);
    format = f;
  }
  reports = valueOf(given, 'rapport') ?? null;
  const delai = valueOf(given, 'delai');
  if (delai !== undefined) limits.timeoutMs = positive(delai, '--delai') * 1000;
  const memoire = valueOf(given, 'memoire');
  if (memoire !== undefined) limits.memoryMb = Math.round(positive(memoire, '--memoire'));
  files.push(...given.positionals);
  if (!files.length) throw new UsageError('Indiquez au moins un classeur : devis-cnc audit FICHIER.xlsx');
  const { auditBatch, expandInputs } = await import('./batch');
  const all = expandInputs(files);
  const started = Date.now();
  const seconds = (): string => ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');
  const results = await auditBatch(all, referentiel, limits, (done, total, file) =>
    io.progress?.(`${done}/${total} · ${seconds()} s · ${file}`),
  );
  if (io.progress) io.err('');
  for (const r of results) if (r.error) io.err(`Illisible : ${r.file} — ${r.error}.`);

  if (format === 'json') io.out(renderJson(referentiel, results));
  else if (format === 'junit')
    io.out(
      renderJunit(
        results,
        rulesFor(referentiel).map((r) => r.meta.id),
      ),
    );
  else for (const r of results) if (r.report) for (const l of renderText(r.file, r.report)) io.out(l);
  if (reports !== null) {
    const { writeReports } = await import('./reports');
    if (!(await writeReports(resolve(reports), results, referentiel, io))) return 2;
    if (format === 'text') io.out(`Rapports écrits : ${reports} (synthese.xlsx et un rapport par classeur)`);
  }
  if (results.some((r) => r.error)) return 2;
  return results.some((r) => (r.report?.counts.erreur ?? 0) > 0) ? 1 : 0;
}

/**
 * Opens the workbook a command reads and checks the file it will write is free: null (said on
 * stderr, in French) when the source is missing or unreadable, or the target exists without --force.
 */
async function openSource(
  input: string,
  target: string,
  shown: string,
  force: boolean,
  io: Io,
): Promise<{ reader: WorkbookReader } | null> {
  const opened = await openWorkbook(input);
  if ('error' in opened) {
    io.err(unopenedMessage(input, opened));
    return null;
  }
  if (existsSync(target) && !force) {
    io.err(`Le fichier « ${shown} » existe déjà : rien n'a été écrit. Ajoutez --force pour le remplacer.`);
    return null;
  }
  return opened;
}

export async function runCarbon(args: string[], io: Io): Promise<number> {
  const r = readArgs(args, { out: 'value', force: 'flag' });
  const input = onlyOne(r, 'classeur');
  const out = valueOf(r, 'out');
  const force = r.values.force === true;
  if (!input) throw new UsageError('Indiquez le classeur : devis-cnc carbone FICHIER.xlsx');
  const target = resolve(out ?? input.replace(/\.xlsx$/i, '') + '.csv');
  if (resolve(input) === target) throw new UsageError('Le fichier CSV ne peut pas remplacer le classeur.');
  const opened = await openSource(input, target, target, force, io);
  if (!opened) return 2;
  try {
    const { csv, rows } = await carbonCsv(opened.reader);
    // Beside, then renamed, as every other file the commands write: never a half-written CSV.
    if (!writeBytes(Buffer.from(csv, 'utf8'), target, target, io)) return 2;
    io.out(`Bilan carbone exporté : ${count(rows, 'poste')} dans ${target}`);
    return 0;
  } catch (e) {
    if (e instanceof CarbonExportError) {
      io.err(e.message);
      return 2;
    }
    const { XlsxReadError } = await import('../workbook/xlsx/xlsxReader');
    if (e instanceof XlsxReadError) {
      io.err(`Classeur illisible « ${input} » : ${e.message}.`);
      return 2;
    }
    throw e;
  }
}

/**
 * `devis-cnc convertir SOURCE.xlsx --out NOUVEAU.xlsx [--format F] [--force]`: a hand-made devis
 * into our workbook (Paramètres, Devis, Récapitulatif…, live formulas). The source is only read.
 */
export async function runConvert(args: string[], io: Io): Promise<number> {
  const r = readArgs(args, { out: 'value', format: 'value', force: 'flag', 'ecart-accepte': 'flag' });
  const input = onlyOne(r, 'classeur');
  const out = valueOf(r, 'out');
  const f = valueOf(r, 'format');
  if (f !== undefined && !isFormat(f))
    throw new UsageError(`Format inconnu « ${f} » (attendu : ${FORMATS.join(', ')}).`);
  const format: ProductionFormat | undefined = f;
  const force = r.values.force === true;
  if (!input)
    throw new UsageError('Indiquez le classeur : devis-cnc convertir FICHIER.xlsx --out NOUVEAU.xlsx');
  if (!out)
    throw new UsageError(
      'Indiquez le nouveau classeur : --out NOUVEAU.xlsx (la source n’est jamais modifiée).',
    );
  const target = resolve(out);
  if (resolve(input) === target) throw new UsageError('Le nouveau classeur ne peut pas remplacer la source.');
  const opened = await openSource(input, target, out, force, io);
  if (!opened) return 2;
  const { convertDevis } = await import('../workbook/convert');
  const conversion = await convertDevis(opened.reader, format);
  if ('refused' in conversion) {
    io.err(conversion.refused);
    return 2;
  }
  const { conversionLines } = await import('../workbook/convert');
  // The new workbook keeps the source's total to the cent, or is not written: the difference is
  // told line by line, and written only when asked (it is then the total of the source's lines).
  if (conversion.differences.length > 0 && r.values['ecart-accepte'] !== true) {
    for (const line of conversionLines(conversion, `${input}`, `${out} (non écrit)`)) io.out(line);
    io.err(
      `Rien n’a été écrit : le total repris des lignes (${formatEuros(conversion.total)}) n’est pas celui que la source affiche. Corrigez la source, ou relancez avec --ecart-accepte pour écrire le devis recalculé depuis ses lignes.`,
    );
    return 1;
  }
  const { wb, outcome } = await scaffoldNewWorkbook({
    format: conversion.format,
    example: false,
    onConflict: 'refuse',
    budget: conversion.budget,
  });
  if (outcome.status !== 'done') {
    io.err(outcome.message);
    return 2;
  }
  if (!(await writeWorkbook(wb, target, out, io))) return 2;
  for (const line of conversionLines(conversion, `${input}`, out)) io.out(line);
  return conversion.differences.length > 0 ? 1 : 0;
}
