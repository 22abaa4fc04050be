/**
 * The devis as the model's budget tree: every row of its table typed (chapter, line, sous-poste,
 * total) with its chapter, the chapters of its outline with their lines and totals, and the named
 * figures around it. Ours is read through its contract, a devis built by hand through the header
 * detection and outline of the recognition; a devis in k€ is turned into euros.
 */
import type { Money } from '../domain/money';
import { listNomenclatures, resolveCode } from '../domain/nomenclature/nomenclature';
import { chapterNames, DEVIS_NAMES, type DevisColumn } from '../sheets/devis/contract';
import {
  amountIn,
  chapterOfRows,
  devisTable,
  isChapterRow,
  isGroupRow,
  isTotalRow,
  outlineOf,
  type DevisOutline,
  type DevisRow,
  type DevisTable,
} from '../sheets/devis/reader';
import { isFormula, type Snapshot } from '../sheets/model/snapshot';
import { readNomenclature } from '../sheets/params/reader';
import { asMoney, asText, ownedField, type Field, type Owner, type Parse } from './field';
import type { BudgetChapterModel, BudgetLineModel, BudgetModel, BudgetRowKind } from './model';
import { moneyAt } from './readCells';
import { handmadeFigures } from './readHandmade';

/** Every chapter code of every nomenclature: the named chapter totals the model reads. */
const CHAPTER_CODES = [...new Set(listNomenclatures().flatMap((n) => n.chapters.map((c) => c.code)))];

export const BUDGET_READS: readonly string[] = [
  DEVIS_NAMES.lines,
  DEVIS_NAMES.total.amount,
  DEVIS_NAMES.contingency.amount,
  DEVIS_NAMES.overheads.amount,
  DEVIS_NAMES.taxCreditBase,
  DEVIS_NAMES.producerFee,
  DEVIS_NAMES.protocolBase,
  ...CHAPTER_CODES.map((c) => chapterNames(c).amount),
];

export function readBudget(s: Snapshot): BudgetModel | null {
  const table = devisTable(s);
  const chapterTotals = new Map<string, Field<Money>>();
  for (const code of CHAPTER_CODES) {
    const f = moneyAt(s, chapterNames(code).amount);
    if (f) chapterTotals.set(code, f);
  }
  const figures = {
    total: moneyAt(s, DEVIS_NAMES.total.amount),
    contingency: moneyAt(s, DEVIS_NAMES.contingency.amount),
    overheads: moneyAt(s, DEVIS_NAMES.overheads.amount),
    taxCreditBase: moneyAt(s, DEVIS_NAMES.taxCreditBase),
    producerFee: moneyAt(s, DEVIS_NAMES.producerFee),
    protocolBase: moneyAt(s, DEVIS_NAMES.protocolBase),
    chapterTotals,
  };
  const nomenclature = readNomenclature(s);
  // The devis's named figures stand even where its table cannot be read (its header row lost).
  if (!table) {
    const { chapterTotals: totals, ...named } = figures;
    const any = totals.size > 0 || Object.values(named).some((f) => f !== null);
    return any ? { ...emptyTree(), nomenclature, ...figures } : null;
  }
  const built = { ...tree(s, table), nomenclature, ...figures };
  if (!table.foreign) return built;
  // A devis built by hand has none of our names: its figures come from its outline.
  const hand = handmadeFigures(built);
  return {
    ...built,
    total: figures.total ?? hand.total,
    overheads: figures.overheads ?? hand.overheads,
    contingency: figures.contingency ?? hand.contingency,
    protocolBase: figures.protocolBase ?? hand.protocolBase,
    producerFee: figures.producerFee ?? hand.producerFee,
    chapterTotals: chapterTotals.size > 0 ? chapterTotals : hand.chapterTotals,
  };
}

type Tree = Pick<
  BudgetModel,
  | 'lines'
  | 'rows'
  | 'chapters'
  | 'outline'
  | 'handmade'
  | 'thousands'
  | 'audiovisual'
  | 'columns'
  | 'header'
  | 'table'
>;

function emptyTree(): Tree {
  return {
    lines: [],
    rows: [],
    chapters: [],
    outline: { overheads: null, contingency: null, grandTotal: null },
    handmade: false,
    thousands: false,
    audiovisual: false,
    columns: { status: false, taxCredit: false },
    header: null,
    table: false,
  };
}

function kindOf(table: DevisTable, r: DevisRow, headers: ReadonlySet<number>): BudgetRowKind {
  if (headers.has(r.i) || (!table.foreign && isChapterRow(r))) return 'chapter';
  if (isTotalRow(r)) return 'total';
  if (isGroupRow(r.formula('amount')) || table.groups.has(r.i)) return 'group';
  return 'row';
}

/** The chapter each row sits under: its outline's chapter from its header row on. */
function chaptersByRow(table: DevisTable, outline: DevisOutline): Map<number, string> {
  if (!table.foreign) return chapterOfRows(table);
  const starts = new Map(
    outline.chapters.map((c) => [Math.min(c.header, ...c.lines.map((l) => l.i)), c.code]),
  );
  const out = new Map<number, string>();
  let chapter = '';
  for (const r of table.rows) {
    chapter = starts.get(r.i) ?? chapter;
    out.set(r.i, chapter);
  }
  return out;
}

function tree(s: Snapshot, table: DevisTable): Tree {
  const nom = readNomenclature(s);
  const outline = outlineOf(table, nom);
  const chapterOf = chaptersByRow(table, outline);
  const headers = new Set(
    outline.chapters.filter((c) => !c.lines.some((l) => l.i === c.header)).map((c) => c.header),
  );
  const rows = new Map<DevisRow, BudgetLineModel>();
  for (const r of table.rows)
    rows.set(r, budgetRow(table, r, chapterOf.get(r.i) ?? '', kindOf(table, r, headers)));
  const of = (r: DevisRow | null): BudgetLineModel | null => (r ? (rows.get(r) ?? null) : null);
  const inOutline = new Set(outline.chapters.flatMap((c) => c.lines));
  // A line the outline left out of its chapter: one after frais généraux inside the indirect
  // chapter (audiovisuel 10.c, after 10.b), still a line of the nomenclature.
  const stray = table.rows.filter(
    (r) =>
      !inOutline.has(r) &&
      r !== outline.overheads &&
      r !== outline.contingency &&
      !isTotalRow(r) &&
      asText(r.amount) !== null &&
      ['line', 'user'].includes(resolveCode(nom, r.code).kind),
  );
  const lines = [...inOutline, ...stray]
    .sort((a, b) => a.i - b.i)
    .filter((r) => !isGroupRow(r.formula('amount')) && !table.groups.has(r.i))
    .map((r) => rows.get(r) as BudgetLineModel);
  const chapters: BudgetChapterModel[] = outline.chapters.map((c) => ({
    code: c.code,
    label: c.label,
    row: headers.has(c.header) ? of(table.rows.find((x) => x.i === c.header) ?? null) : null,
    lines: c.lines.map((r) => rows.get(r) as BudgetLineModel),
    total: of(c.total),
  }));
  return {
    lines,
    rows: [...rows.values()].filter(
      (r) => r.amount.raw !== null || r.code.value !== null || r.label.value !== null,
    ),
    chapters,
    outline: {
      overheads: of(outline.overheads),
      contingency: of(outline.contingency),
      grandTotal: of(outline.grandTotal),
    },
    handmade: table.foreign,
    thousands: table.thousands,
    audiovisual: table.foreign && table.audiovisual,
    columns: { status: table.columns.status !== undefined, taxCredit: table.columns.taxCredit !== undefined },
    header: {
      code: table.locate(table.headerIndex, 'code'),
      label: table.locate(table.headerIndex, 'label'),
    },
    table: true,
  };
}

/** The field of a column the devis does not have: one shared object, nothing in it. */
const ABSENT: Field<never> = Object.freeze({ value: null, raw: null, at: null, typed: true });

function budgetRow(table: DevisTable, r: DevisRow, chapter: string, kind: BudgetRowKind): BudgetLineModel {
  // A devis in k€ holds its amounts in thousands: the model is in euros. A devis built by hand
  // may type its amounts as text (« 1 234,50 »): read as a person reads them.
  const euros: Parse<Money> = (v) => (table.foreign ? amountIn(table, v) : asMoney(v));
  // One owner per row: its fields find their cell through it when a finding needs it.
  const owner: Owner = { at: (f) => table.locate(r.i, f as DevisColumn) };
  const field = <T>(f: DevisColumn, parse: Parse<T>): Field<T> => {
    const j = table.columns[f];
    if (j === undefined) return ABSENT;
    return ownedField(table.range.values[r.i]?.[j] ?? null, r.formula(f), owner, f, parse);
  };
  const amountFormula = r.formula('amount');
  return {
    kind,
    chapter,
    // Code and label as the devis reader split them (one cell "11 - Scénario" in some devis).
    code: ownedField(r.code, r.formula('code'), owner, 'code', asText),
    label: ownedField(r.label, r.formula('label'), owner, 'label', asText),
    status: field('status', asText),
    quantity: field('quantity', asMoney),
    count: field('count', asMoney),
    rate: field('rate', euros),
    amount: field('amount', euros),
    france: field('france', euros),
    foreign: field('foreign', euros),
    justification: field('justification', asText),
    taxCreditShare: table.columns.taxCredit === undefined ? null : field('taxCredit', asMoney),
    amountFormula: isFormula(amountFormula) ? (amountFormula as string) : null,
  };
}
