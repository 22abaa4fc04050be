import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CsvError, mapColumns, parseMapping, readCsv, readStatement } from '../domain/expenses/csv';
import { computeExpenses } from '../domain/expenses/expenses';
import { formatEuros, type Money } from '../domain/money';
import type { ExpenseInput } from '../domain/expenses/expenses';
import { looseForm } from '../domain/text/looseForm';
import { dayText } from '../model/field';
import { readModel } from '../model/read';
import { toExcelSerial } from '../sheets/model/plan';
import type { Snapshot } from '../sheets/model/snapshot';
import { count } from '../domain/text/french';
import { readZipDirectory } from '../workbook/xlsx/zipGuard';
import { PatchUnsupported, XlsxPatch } from '../workbook/xlsx/xlsxPatch';
import { XlsxReadError, type XlsxReader } from '../workbook/xlsx/xlsxReader';
import { appendExpenses, ExpensesImportError, readLedger } from '../workbook/expensesImport';
import { FREE_EXPENSE_ROWS } from '../sheets/expenses/contract';
import { openWorkbook, unopenedMessage, writeBytes } from './files';
import { onlyOne, readArgs, valueOf } from './options';
import { UsageError, type Io } from './usage';

/** Parts of an .xlsx that exceljs does not write back: rewriting the file would lose them. */
const LOST_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, 'des graphiques'],
  [/^xl\/pivotTables\//, 'des tableaux croisés dynamiques'],
  [/^xl\/vbaProject\.bin$/, 'des macros'],
  [/^xl\/slicers\//, 'des segments'],
];

/** What of the workbook a rewrite through exceljs would lose (charts…), in French. */
function lostParts(book: string): string[] {
  const dir = readZipDirectory(resolve(book));
  if (!dir || !('entries' in dir)) return [];
  return [
    ...new Set(LOST_PARTS.filter(([re]) => dir.entries.some((e) => re.test(e.name))).map(([, what]) => what)),
  ];
}

/**
 * `devis-cnc depenses importer RELEVE.csv --classeur F.xlsx [--out G.xlsx] [--colonnes …]`:
 * appends the pieces of a French CSV statement to the Dépenses ledger. Every row is read first;
 * one unreadable row refuses the whole file, with each refused line and its reasons, and nothing
 * is written. The workbook is patched where the pieces go, every other part kept as stored, and
 * written through a temporary file (never half written). When the patch cannot be made (an Excel
 * table on the ledger…), the workbook is rewritten through exceljs, and then not in place when it
 * holds parts that rewrite would lose (charts…): --out is required.
 */
/** A piece as the ledger and a statement both say it: its day, its number, its amount HT. */
function pieceKey(day: number | null, piece: string, payee: string, label: string, ht: Money | null): string {
  // Without a number, the payee and the label tell two pieces of one day apart.
  const who = piece.trim() !== '' ? looseForm(piece) : `${looseForm(payee)}|${looseForm(label)}`;
  return `${day ?? ''}|${who}|${ht?.toFixed(2) ?? ''}`;
}

/**
 * The statement's pieces already in the ledger (same day, same number — or payee and label —,
 * same amount HT): importing the same statement twice would count them twice.
 */
function alreadyInLedger(
  snapshot: Snapshot,
  expenses: ExpenseInput[],
  lines: number[],
): { line: number; text: string }[] {
  const known = new Map<string, string>();
  for (const p of readModel(snapshot).ledger?.pieces ?? []) {
    const key = pieceKey(
      p.date.value,
      p.piece.value ?? '',
      p.payee.value ?? '',
      p.label.value ?? '',
      p.ht.value,
    );
    known.set(key, p.piece.at ? `${p.piece.at.sheet}!${p.piece.at.address}` : 'au grand livre');
  }
  const out: { line: number; text: string }[] = [];
  expenses.forEach((e, k) => {
    const day = toExcelSerial(new Date(`${e.date}T00:00:00Z`));
    const where = known.get(pieceKey(day, e.piece ?? '', e.payee ?? '', e.label ?? '', e.ht));
    if (where !== undefined)
      out.push({
        line: lines[k] ?? 0,
        text: `${e.piece ? `pièce ${e.piece}` : 'pièce sans numéro'} du ${dayText(day)}, ${formatEuros(e.ht)} HT (déjà en ${where})`,
      });
  });
  return out;
}

interface ImportArgs {
  csv: string;
  book: string;
  out: string | undefined;
  mapping: string;
  /** --doublons: import the pieces already in the ledger too. */
  duplicates: boolean;
}

function parseImport(args: string[]): ImportArgs {
  const [verb, ...rest] = args;
  if (verb !== 'importer')
    throw new UsageError(`Sous-commande de « depenses » inconnue « ${verb ?? ''} » (attendu : importer).`);
  const r = readArgs(rest, { classeur: 'value', out: 'value', colonnes: 'value', doublons: 'flag' });
  const csv = onlyOne(r, 'relevé');
  const book = valueOf(r, 'classeur');
  const out = valueOf(r, 'out');
  const mapping = valueOf(r, 'colonnes') ?? '';
  const duplicates = r.values.doublons === true;
  if (!csv || !book)
    throw new UsageError(
      'Indiquez le relevé et le classeur : devis-cnc depenses importer RELEVE.csv --classeur F.xlsx',
    );
  return { csv, book, out, mapping, duplicates };
}

/** Says which pieces of the statement the ledger already holds; true when there are any. */
function refusedTwice(twice: { line: number; text: string }[], book: string, io: Io): boolean {
  if (twice.length === 0) return false;
  io.err(
    `${count(twice.length, 'pièce du relevé est déjà', 'pièces du relevé sont déjà')} au grand livre de « ${book} » (même date, même numéro, même montant HT) : rien n'a été écrit. Ajoutez --doublons pour les importer quand même.`,
  );
  for (const d of twice) io.err(`  ligne ${d.line} : ${d.text}`);
  return true;
}

/**
 * The workbook's bytes with the pieces appended, and where they went. The file is patched where
 * the pieces go; every part they do not touch is kept as stored. What the patch does not rewrite
 * (an Excel table on the ledger…) goes through exceljs, unless that would lose parts of the
 * user's own file (null, said on stderr).
 */
async function withPieces(
  book: string,
  reader: XlsxReader,
  expenses: ExpenseInput[],
  out: string | undefined,
  io: Io,
): Promise<{ written: Awaited<ReturnType<typeof appendExpenses>>; bytes: Buffer } | null> {
  try {
    const patch = await XlsxPatch.open(book, reader);
    const written = await appendExpenses(patch, expenses);
    return { written, bytes: await patch.bytes() };
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
    const lost = out ? [] : lostParts(book);
    if (lost.length > 0) {
      io.err(
        `Ce classeur contient ${lost.join(', ')} que la réécriture par la ligne de commande perdrait (${e.message}) : rien n'a été écrit. Donnez un autre fichier avec --out NOUVEAU.xlsx, ou saisissez les dépenses dans Excel (volet « Saisir une dépense »).`,
      );
      return null;
    }
    const { default: ExcelJS } = await import('exceljs');
    const { XlsxPort } = await import('../workbook/xlsx/xlsxPort');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const written = await appendExpenses(new XlsxPort(wb), expenses);
    // The totals' cached values predate the new pieces: Excel and LibreOffice recompute on opening.
    wb.calcProperties.fullCalcOnLoad = true;
    const { xlsxBuffer } = await import('../workbook/xlsx/nodeZip');
    return { written, bytes: await xlsxBuffer(wb) };
  }
}

export async function runExpensesImport(args: string[], io: Io): Promise<number> {
  const { csv, book, out, mapping, duplicates } = parseImport(args);
  const opened = await openWorkbook(book);
  if ('error' in opened) {
    io.err(unopenedMessage(book, opened));
    return 2;
  }
  const target = resolve(out ?? book);
  let text: string;
  try {
    text = readFileSync(csv, 'utf8');
  } catch {
    io.err(`Relevé introuvable ou illisible : « ${csv} ».`);
    return 2;
  }
  try {
    // The ledger's codes, read as the audit reads (only the Dépenses' names are inflated).
    const { codes, snapshot } = await readLedger(opened.reader);
    const records = readCsv(text);
    const [header, ...rows] = records;
    if (!header || rows.length === 0) {
      io.err(`Relevé « ${csv} » sans ligne de dépense (une ligne d’en-têtes, puis une pièce par ligne).`);
      return 2;
    }
    const statement = readStatement(rows, mapColumns(header.cells, parseMapping(mapping)), codes);
    if (!statement.ok) {
      io.err(
        `${count(statement.refused.length, 'ligne refusée', 'lignes refusées')} dans « ${csv} » : rien n'a été écrit.`,
      );
      for (const r of statement.refused) io.err(`  ligne ${r.line} : ${r.reasons.join(' ; ')}`);
      return 1;
    }
    if (
      !duplicates &&
      refusedTwice(
        alreadyInLedger(
          snapshot,
          statement.expenses,
          rows.map((r) => r.line),
        ),
        book,
        io,
      )
    )
      return 1;
    const packed = await withPieces(book, opened.reader, statement.expenses, out, io);
    if (!packed) return 2;
    const { written, bytes } = packed;
    if (!writeBytes(bytes, target, out ?? book, io)) return 2;
    const { sheet, rows: lines, inserted } = written;
    const t = computeExpenses(statement.expenses);
    io.out(
      `${count(lines.length, 'pièce importée', 'pièces importées')} dans la feuille ${sheet} de « ${out ?? book} » (lignes ${lines[0]} à ${lines.at(-1)}) : ${formatEuros(t.ht)} HT, dont ${formatEuros(t.paid)} payés.${inserted > 0 ? ` Le grand livre s'est agrandi de ${count(inserted, 'ligne', 'lignes')}, insérées au-dessus de sa dernière ligne : ses totaux, ses listes et le suivi budgétaire les comptent, et ${count(FREE_EXPENSE_ROWS, 'ligne libre reste', 'lignes libres restent')}.` : ''}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof CsvError) {
      io.err(`Relevé « ${csv} » illisible : ${e.message}. Rien n'a été écrit.`);
      return 2;
    }
    if (e instanceof ExpensesImportError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof XlsxReadError) {
      io.err(`Classeur illisible « ${book} » : ${e.message}. Rien n'a été écrit.`);
      return 2;
    }
    throw e;
  }
}
