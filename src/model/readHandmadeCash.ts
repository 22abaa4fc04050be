/**
 * A trésorerie built by hand, read into the model: its months (a header row of three or more
 * months), its blocks of rows each closed by a total row (encaissements, décaissements), the
 * month's balance and the running balance. The model's gaps with the plan and the devis are
 * computed from it, as our own Trésorerie computes them.
 */
import { Money } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import { at, type Location, type RangeRead, type Snapshot } from '../sheets/model/snapshot';
import { asAmount, fieldOf, type Field } from './field';
import type { CashflowModel, CashTableLine, CashTableModel } from './model';
import { computed } from './readHandmade';

const MONTH_WORD =
  /^(janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)[a-z]{0,6}\s?\d{0,4}$|^\d{1,2}\s\d{2,4}$|^(m|mois)\s?\d{1,2}$/;

/** A header cell naming a month: a date, « janv. 2027 », « 03/2027 », « M1 », « Mois 1 ». */
function isMonth(v: unknown): boolean {
  return v instanceof Date || MONTH_WORD.test(looseForm(cellText(v)));
}

const HEADER_ROWS = 15;

/** The header row: the first with three months or more; their columns, and a « Total » column. */
function monthHeader(range: RangeRead): { i: number; months: number[]; total: number | null } | null {
  for (let i = 0; i < Math.min(range.values.length, HEADER_ROWS); i += 1) {
    const row = range.values[i] ?? [];
    const months = row.map((v, j) => (isMonth(v) ? j : -1)).filter((j) => j >= 0);
    if (months.length < 3) continue;
    const total = row.findIndex((v) => /^total/.test(looseForm(cellText(v))));
    return { i, months, total: total >= 0 ? total : null };
  }
  return null;
}

const RECEIPTS = /encaissement|recette|ressource/;
const PAYMENTS = /decaissement|depense|emploi/;
const BALANCE = /^solde (du mois|mensuel|de la periode)|^solde$/;
const RUNNING = /^solde cumule|^tresorerie (cumulee|fin de mois)|^cumul/;

type Line = CashTableLine;

function lineOf(range: RangeRead, i: number, months: number[], totalColumn: number | null): Line {
  const cell = (j: number): Field<Money> =>
    fieldOf(range.values[i]?.[j], range.formulas?.[i]?.[j], at(range, i, j), asAmount);
  const label = (range.values[i] ?? [])
    .slice(0, months[0] ?? 1)
    .map((v) => cellText(v).trim())
    .find((t) => t !== '');
  return {
    label: label ?? '',
    cells: months.map(cell),
    total: totalColumn === null ? null : cell(totalColumn),
  };
}

/** The trésorerie table of a sheet built by hand; null when the sheet has no row of months. */
export function readCashTable(range: RangeRead): CashTableModel | null {
  const header = monthHeader(range);
  if (!header) return null;
  const months = header.months.map((j) => ({
    label: cellText(range.values[header.i]?.[j]).trim(),
    at: at(range, header.i, j),
  }));
  const blocks: CashTableModel['blocks'] = [];
  let title = '';
  let rows: Line[] = [];
  let balance: Line | null = null;
  let running: Line | null = null;
  for (let i = header.i + 1; i < range.values.length; i += 1) {
    const line = lineOf(range, i, header.months, header.total);
    const word = looseForm(line.label);
    const figures = line.cells.some((c) => c.value !== null);
    if (BALANCE.test(word)) balance = line;
    else if (RUNNING.test(word)) running = line;
    else if (/^total/.test(word) && figures) {
      blocks.push({ title, total: line, rows });
      rows = [];
      title = '';
    } else if (figures && word !== '') rows.push(line);
    else if (word !== '') title = line.label;
  }
  const kind = (re: RegExp): number =>
    blocks.findIndex((b) => re.test(looseForm(`${b.total.label} ${b.title}`)));
  const r = kind(RECEIPTS);
  const p = kind(PAYMENTS);
  return {
    months,
    blocks,
    balance: balance?.cells ?? null,
    running: running?.cells ?? null,
    receipts: r >= 0 ? r : null,
    payments: p >= 0 ? p : null,
  };
}

/** What a block's total row comes to over the months: its « Total » cell, else the sum of its months. */
function overall(line: Line): { value: Money; at: Location | null } {
  if (line.total?.value) return { value: line.total.value, at: line.total.at };
  const value = line.cells.reduce((n, c) => n.plus(c.value ?? 0), new Money(0));
  return { value, at: line.cells.at(-1)?.at ?? null };
}

/**
 * A trésorerie built by hand as the model's cash flow: its table, and the gaps of its receipts
 * with the plan's total and of its payments with the devis's total, each at its total's cell.
 */
export function readHandmadeCashflow(
  s: Snapshot,
  devisTotal: Money | null,
  planTotal: Money | null,
): CashflowModel | null {
  const range = s.sheets.cashflow;
  const table = range ? readCashTable(range) : null;
  if (!table) return null;
  const gap = (block: number | null, against: Money | null): Field<Money> | null => {
    const line = block === null ? null : table.blocks[block]?.total;
    if (!line || !against) return null;
    const { value, at: where } = overall(line);
    return computed(value.minus(against), where);
  };
  return {
    measures: [],
    months: [],
    planGap: gap(table.receipts, planTotal),
    devisGap: gap(table.payments, devisTotal),
    deficitMonths: null,
    need: null,
    uncoveredNeed: null,
    lowestAfterMeasures: null,
    measuresCost: null,
    financialCostsGap: null,
    table,
  };
}
