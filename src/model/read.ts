import type { Money } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { readCarbonLines } from '../sheets/carbon/reader';
import { CLOSING_FUNDING_COLUMNS, CLOSING_NAMES } from '../sheets/closing/contract';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { readMeasures } from '../sheets/cashflow/reader';
import { DEVIS_NAMES, type DevisColumn } from '../sheets/devis/contract';
import {
  devisTable,
  isGroupRow,
  isTotalRow,
  outlineOf,
  type DevisRow,
  type DevisTable,
} from '../sheets/devis/reader';
import { resolveCode } from '../domain/nomenclature/nomenclature';
import { EVENT_NAMES, EVENT_PARTNER_COLUMNS } from '../sheets/event/contract';
import { readEventRows } from '../sheets/event/reader';
import { EXPENSE_CODE_COLUMNS, EXPENSE_NAMES } from '../sheets/expenses/contract';
import { isPiece, readExpenseRows } from '../sheets/expenses/reader';
import { FINANCING_NAMES, milestoneColumn } from '../sheets/financing/contract';
import { readSources, type SourceRow } from '../sheets/financing/reader';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { readFollowUpRows } from '../sheets/followup/reader';
import { parseAddress } from '../sheets/model/plan';
import {
  at,
  readTable,
  single,
  type RangeRead,
  type Snapshot,
  type TableRow,
} from '../sheets/model/snapshot';
import { LIST_NAMES, PARAMS_NAMES } from '../sheets/params/contract';
import { readNomenclature } from '../sheets/params/reader';
import { RIGHTS_NAMES } from '../sheets/rights/contract';
import { readRightsBases, readRightsRows } from '../sheets/rights/reader';
import { MILESTONES } from '../domain/financing/types';
import {
  asDay,
  asMoney,
  asText,
  cellField,
  ownedField,
  rowField,
  type Field,
  type Owner,
  type Parse,
} from './field';
import type {
  BudgetLineModel,
  BudgetModel,
  FinancingModel,
  LedgerModel,
  ParamsModel,
  ProductionModel,
  SourceModel,
} from './model';

/** Every workbook name the model reader reads: the audit reads them in its one batch. */
export const MODEL_READS: readonly string[] = [
  PARAMS_NAMES.devStart,
  PARAMS_NAMES.prepStart,
  PARAMS_NAMES.shootStart,
  PARAMS_NAMES.shootEnd,
  PARAMS_NAMES.padDelivery,
  PARAMS_NAMES.overheadsRate,
  PARAMS_NAMES.overheadsCap,
  PARAMS_NAMES.provisionalAgreement,
  PARAMS_NAMES.contingencyRate,
  PARAMS_NAMES.taxCreditRate,
  PARAMS_NAMES.taxCreditCap,
  PARAMS_NAMES.nomenclature,
  LIST_NAMES.statuses,
  LIST_NAMES.sourceStatuses,
  LIST_NAMES.natures,
  DEVIS_NAMES.lines,
  DEVIS_NAMES.total.amount,
  DEVIS_NAMES.contingency.amount,
  DEVIS_NAMES.taxCreditBase,
  FINANCING_NAMES.table,
  FINANCING_NAMES.total,
  FINANCING_NAMES.filmCost,
  FINANCING_NAMES.taxCreditEstimate,
  FINANCING_NAMES.taxCreditInPlan,
  FINANCING_NAMES.categoryLabels,
  CASHFLOW_NAMES.measures,
  EXPENSE_NAMES.lines,
  EXPENSE_NAMES.byCode,
  EXPENSE_NAMES.statuses,
  FOLLOWUP_NAMES.lines,
  FOLLOWUP_NAMES.boardValues.devis,
  CLOSING_NAMES.funding,
  CLOSING_NAMES.devis,
  RIGHTS_NAMES.lines,
  RIGHTS_NAMES.byBase,
  EVENT_NAMES.lines,
  EVENT_NAMES.partners,
  CARBON_NAMES.lines,
];

const MODELS = new WeakMap<Snapshot, ProductionModel>();

/** The model of the production read from a snapshot, each figure with its cell; memoised per snapshot. */
export function readModel(s: Snapshot): ProductionModel {
  const known = MODELS.get(s);
  if (known) return known;
  const model: ProductionModel = {
    params: readParams(s),
    budget: readBudget(s),
    financing: readFinancing(s),
    cashflow: readCashflow(s),
    ledger: readLedger(s),
    followUp: readFollowUp(s),
    closing: readClosing(s),
    rights: readRights(s),
    event: readEvent(s),
    carbon: readCarbon(s),
  };
  MODELS.set(s, model);
  return model;
}

function readParams(s: Snapshot): ParamsModel {
  const day = (name: string): Field<number> | null => cellField(single(s, name), asDay);
  const money = (name: string): Field<Money> | null => cellField(single(s, name), asMoney);
  return {
    devStart: day(PARAMS_NAMES.devStart),
    prepStart: day(PARAMS_NAMES.prepStart),
    shootStart: day(PARAMS_NAMES.shootStart),
    shootEnd: day(PARAMS_NAMES.shootEnd),
    delivery: day(PARAMS_NAMES.padDelivery),
    overheadsRate: money(PARAMS_NAMES.overheadsRate),
    overheadsCap: money(PARAMS_NAMES.overheadsCap),
    contingencyRate: money(PARAMS_NAMES.contingencyRate),
    provisionalAgreement: cellField(single(s, PARAMS_NAMES.provisionalAgreement), asText),
    taxCreditRate: money(PARAMS_NAMES.taxCreditRate),
    taxCreditCap: money(PARAMS_NAMES.taxCreditCap),
    lists: {
      statuses: listOf(s, LIST_NAMES.statuses),
      sourceStatuses: listOf(s, LIST_NAMES.sourceStatuses),
      natures: listOf(s, LIST_NAMES.natures),
    },
  };
}

/** The texts of a one-column named list (a drop-down's values), blanks left out. */
function listOf(s: Snapshot, name: string): string[] {
  const range = s.ranges[name];
  return range
    ? range.values
        .flat()
        .map((v) => cellText(v).trim())
        .filter((t) => t !== '')
    : [];
}

function readBudget(s: Snapshot): BudgetModel | null {
  const table = devisTable(s);
  const figures = {
    total: cellField(single(s, DEVIS_NAMES.total.amount), asMoney),
    contingency: cellField(single(s, DEVIS_NAMES.contingency.amount), asMoney),
    taxCreditBase: cellField(single(s, DEVIS_NAMES.taxCreditBase), asMoney),
  };
  // The devis's named figures stand even where its table cannot be read (its header row lost).
  if (!table)
    return figures.total || figures.contingency || figures.taxCreditBase ? { lines: [], ...figures } : null;
  return { lines: budgetLines(s, table), ...figures };
}

/** The costed lines of the devis table, in its order (sous-poste totals left out). */
function budgetLines(s: Snapshot, table: DevisTable): BudgetLineModel[] {
  const nom = readNomenclature(s);
  const outline = outlineOf(table, nom);
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
  return [...inOutline, ...stray]
    .sort((a, b) => a.i - b.i)
    .filter((r) => !isGroupRow(r.formula('amount')))
    .map((r) => budgetLine(table, r));
}

function budgetLine(table: DevisTable, r: DevisRow): BudgetLineModel {
  // A devis in k€ holds its amounts in thousands: the model is in euros.
  const euros: Parse<Money> = (v) => {
    const m = asMoney(v);
    return m && table.thousands ? m.times(1000) : m;
  };
  // One owner per row: its fields find their cell through it when a finding needs it.
  const owner: Owner = { at: (f) => table.locate(r.i, f as DevisColumn) };
  const field = <T>(f: DevisColumn, parse: Parse<T>): Field<T> => {
    const j = table.columns[f];
    if (j === undefined) return { value: null, raw: null, at: null, typed: true };
    return ownedField(table.range.values[r.i]?.[j] ?? null, r.formula(f), owner, f, parse);
  };
  return {
    code: field('code', asText),
    label: field('label', asText),
    status: field('status', asText),
    quantity: field('quantity', asMoney),
    count: field('count', asMoney),
    rate: field('rate', euros),
    amount: field('amount', euros),
    france: field('france', euros),
    foreign: field('foreign', euros),
    taxCreditShare: table.columns.taxCredit === undefined ? null : field('taxCredit', asMoney),
  };
}

/** A cell of a read range at a column letter, on row i of the range. */
function letterField<T>(range: RangeRead, i: number, letter: string, parse: Parse<T>): Field<T> {
  const j = parseAddress(`${letter}1`).col - parseAddress(range.topLeft).col;
  return ownedField(
    range.values[i]?.[j] ?? null,
    range.formulas?.[i]?.[j] ?? null,
    { at: () => at(range, i, j) },
    letter,
    parse,
  );
}

function readFinancing(s: Snapshot): FinancingModel | null {
  const rows = readSources(s);
  const range = s.ranges[FINANCING_NAMES.table];
  if (!rows || !range) return null;
  const source = (r: SourceRow): SourceModel => ({
    name: rowField(r, 'source', asText),
    category: rowField(r, 'category', asText),
    nature: rowField(r, 'nature', asText),
    status: rowField(r, 'status', asText),
    amount: rowField(r, 'amount', asMoney),
    deadline: rowField(r, 'deadline', asDay),
    eligibility: rowField(r, 'eligibility', asText),
    milestones: MILESTONES.map((_, k) => letterField(range, r.i, milestoneColumn(k), asMoney)),
    scheduleTotal: rowField(r, 'scheduleTotal', asMoney),
  });
  const money = (name: string): Field<Money> | null => cellField(single(s, name), asMoney);
  const labels = s.ranges[FINANCING_NAMES.categoryLabels];
  return {
    // A source is a row with a name, a category or an amount typed; the total row is not one.
    sources: rows
      .filter((r) => (['source', 'category', 'amount'] as const).some((k) => r.text(k) !== ''))
      .filter((r) => !/^total\b/i.test(r.text('source')))
      .map(source),
    categories: labels ? listOf(s, FINANCING_NAMES.categoryLabels) : [],
    total: money(FINANCING_NAMES.total),
    filmCost: money(FINANCING_NAMES.filmCost),
    taxCreditEstimate: money(FINANCING_NAMES.taxCreditEstimate),
    taxCreditInPlan: money(FINANCING_NAMES.taxCreditInPlan),
  };
}

/** Fields of a table row, by key, each read with its parser. */
function fields<K extends string, P extends Partial<Record<K, Parse<unknown>>>>(
  row: TableRow<K>,
  parsers: P,
): { [Q in keyof P]: Field<P[Q] extends Parse<infer T> ? T : never> } {
  const out: Record<string, Field<unknown>> = {};
  for (const k in parsers) {
    const parse = parsers[k] as Parse<unknown>;
    out[k] = rowField(row, k as unknown as K, parse);
  }
  return out as { [Q in keyof P]: Field<P[Q] extends Parse<infer T> ? T : never> };
}

/** Rows of a named table that hold anything in one of the given columns. */
function filledRows<K extends string>(rows: TableRow<K>[] | null, keys: readonly K[]): TableRow<K>[] | null {
  return rows ? rows.filter((r) => keys.some((k) => r.text(k) !== '')) : null;
}

function readCashflow(s: Snapshot) {
  const rows = filledRows(readMeasures(s), ['type', 'amount']);
  if (!rows) return null;
  return {
    measures: rows.map((r) =>
      fields(r, {
        type: asText,
        amount: asMoney,
        date: asDay,
        repayment: asDay,
        rate: asMoney,
        fees: asMoney,
      }),
    ),
  };
}

function readLedger(s: Snapshot): LedgerModel | null {
  const rows = readExpenseRows(s);
  if (!rows) return null;
  const byCode = s.ranges[EXPENSE_NAMES.byCode];
  return {
    pieces: rows.filter(isPiece).map((r) =>
      fields(r, {
        date: asDay,
        piece: asText,
        code: asText,
        ht: asMoney,
        tva: asMoney,
        status: asText,
        paidOn: asDay,
        nature: asText,
      }),
    ),
    statuses: listOf(s, EXPENSE_NAMES.statuses),
    byCode: byCode
      ? readTable(byCode, EXPENSE_CODE_COLUMNS)
          .filter((r) => r.text('code') !== '')
          .map((r) => fields(r, { code: asText, engaged: asMoney, paid: asMoney }))
      : [],
  };
}

function readFollowUp(s: Snapshot) {
  const rows = filledRows(readFollowUpRows(s), ['code']);
  if (!rows) return null;
  return {
    lines: rows.map((r) =>
      fields(r, {
        code: asText,
        label: asText,
        devis: asMoney,
        engaged: asMoney,
        paid: asMoney,
        remaining: asMoney,
        final: asMoney,
      }),
    ),
    devis: cellField(single(s, FOLLOWUP_NAMES.boardValues.devis), asMoney),
  };
}

function readClosing(s: Snapshot) {
  const range = s.ranges[CLOSING_NAMES.funding];
  if (!range) return null;
  const rows = readTable(range, CLOSING_FUNDING_COLUMNS).filter((r) => r.text('source') !== '');
  return {
    devis: cellField(single(s, CLOSING_NAMES.devis), asMoney),
    funding: rows.map((r) => fields(r, { source: asText, planned: asMoney, obtained: asMoney })),
  };
}

function readRights(s: Snapshot) {
  const rows = filledRows(readRightsRows(s), ['name', 'base', 'share']);
  if (!rows) return null;
  const bases = readRightsBases(s) ?? [];
  return {
    holders: rows.map((r) => fields(r, { name: asText, base: asText, share: asMoney, mg: asMoney })),
    bases: bases.filter((b) => b.text('base') !== '').map((b) => fields(b, { base: asText, share: asMoney })),
  };
}

function readEvent(s: Snapshot) {
  const rows = filledRows(readEventRows(s), ['label', 'amount', 'rate']);
  if (!rows) return null;
  const partners = s.ranges[EVENT_NAMES.partners];
  return {
    lines: rows.map((r) => fields(r, { category: asText, label: asText, quantity: asMoney, rate: asMoney })),
    partners: partners
      ? readTable(partners, EVENT_PARTNER_COLUMNS)
          .filter((r) => r.text('name') !== '' || r.text('amount') !== '')
          .map((r) => fields(r, { name: asText, amount: asMoney }))
      : [],
  };
}

function readCarbon(s: Snapshot) {
  const rows = filledRows(readCarbonLines(s), ['key', 'quantityPrev', 'quantityDef']);
  if (!rows) return null;
  return {
    lines: rows.map((r) =>
      fields(r, {
        label: asText,
        key: asText,
        quantityPrev: asMoney,
        multiplier: asMoney,
        quantityDef: asMoney,
      }),
    ),
  };
}
