import type { BudgetInput, BudgetResult, Split } from '../../domain/budget/types';
import {
  EXPENSE_NATURES,
  EXPENSE_PLACES,
  EXPENSE_STATUSES,
  PAYMENT_MODES,
  type ExpenseInput,
  type ExpenseTotals,
} from '../../domain/expenses/expenses';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { chapterNames } from '../devis/contract';
import type { DevisLineRow } from '../devis/layout';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, type CellPlan, type NamePlan, type SheetPlan, type ValidationPlan } from '../model/plan';
import { LIST_NAMES } from '../params/contract';
import {
  EXPENSE_CHAPTER_COLUMNS as CH,
  EXPENSE_CODE_COLUMNS as CO,
  EXPENSE_COLUMNS as E,
  EXPENSE_FIRST_ROW,
  EXPENSE_HEADER_ROW,
  EXPENSE_LIST_COLUMNS as LI,
  EXPENSE_NAMES,
  FREE_EXPENSE_ROWS,
  pieceCells,
} from './contract';

const num = (m: Money): number => toCellNumber(m);

export interface ExpensesLayoutInput {
  lines: ExpenseInput[];
  /** The ledger's totals per code, computed by the domain. */
  totals: ExpenseTotals;
  /** Every costed row of the Devis, in order: the codes the ledger may charge. */
  codes: DevisLineRow[];
  budget: BudgetInput;
  result: BudgetResult;
  naming: Naming;
  /** Shown under the title (the example's note), or the default explanation. */
  note?: string;
}

export interface ExpensesLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  totals: ExpenseTotals;
}

type Ledger = { first: number; last: number; totalRow: number; engagedRow: number; paidRow: number };
type ByCode = { codeFirst: number; codeLast: number };
type ByChapter = { chapFirst: number; chapLast: number; chapTotal: number };

/** The ledger (pieces, then free rows), its totals, the engagé and the payé. */
function ledgerRows(b: SheetBuilder, lines: ExpenseInput[], totals: ExpenseTotals): Ledger {
  const first = EXPENSE_FIRST_ROW;
  const rows: (ExpenseInput | null)[] = [...lines, ...Array<null>(FREE_EXPENSE_ROWS).fill(null)];
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  b.headers(E, EXPENSE_HEADER_ROW);
  rows.forEach((e, i) => b.push(...pieceCells(e, first + i)));
  b.push({ address: E.cell('label', totalRow), value: 'Total', style: 'total' });
  for (const k of ['ht', 'tva', 'ttc'] as const)
    b.push({
      address: E.cell(k, totalRow),
      formula: `SUM(${E.span(k, first, last)})`,
      result: num(totals[k]),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  const engagedRow = totalRow + 1;
  const paidRow = totalRow + 2;
  b.push(
    { address: E.cell('label', engagedRow), value: 'Engagé HT (toutes les lignes)', style: 'label' },
    {
      address: E.cell('ht', engagedRow),
      formula: `SUM(${E.span('ht', first, last)})`,
      result: num(totals.engaged),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    },
    { address: E.cell('label', paidRow), value: 'Payé HT (réalisé)', style: 'label' },
    {
      address: E.cell('ht', paidRow),
      formula: `SUMPRODUCT(--(${E.range('status', first, last)}="Payé"),${E.range('ht', first, last)})`,
      result: num(totals.paid),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    },
  );
  return { first, last, totalRow, engagedRow, paidRow };
}

/**
 * Totals per devis code (short names over the ledger's columns: this table has a row per devis
 * line, so its formulas are kept short for the Office request size).
 */
function codeRows(b: SheetBuilder, codes: DevisLineRow[], totals: ExpenseTotals): ByCode {
  const codeFirst = EXPENSE_FIRST_ROW;
  const codeLast = codeFirst + codes.length - 1;
  const L = {
    codes: b.n(EXPENSE_NAMES.lineCodes),
    ht: b.n(EXPENSE_NAMES.lineHT),
    status: b.n(EXPENSE_NAMES.lineStatus),
  };
  b.headers(CO, EXPENSE_HEADER_ROW);
  codes.forEach((c, i) => {
    const r = codeFirst + i;
    const t = totals.byCode.get(c.code) ?? { engaged: ZERO, paid: ZERO };
    b.push(
      { address: CO.cell('code', r), value: c.code, numFmt: NUMFMT.text, style: 'label' },
      { address: CO.cell('chapter', r), value: c.chapter, numFmt: NUMFMT.text, style: 'label' },
      { address: CO.cell('label', r), value: c.label, style: 'label' },
      {
        address: CO.cell('engaged', r),
        formula: `SUMPRODUCT(--(${L.codes}=${CO.cell('code', r)}),${L.ht})`,
        result: num(t.engaged),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: CO.cell('paid', r),
        formula: `SUMPRODUCT(--(${L.codes}=${CO.cell('code', r)}),--(${L.status}="Payé"),${L.ht})`,
        result: num(t.paid),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  });
  return { codeFirst, codeLast };
}

/** One chapter's devis, engagé, payé and devis − engagé, from the totals per code. */
function chapterRow(b: SheetBuilder, input: ExpensesLayoutInput, i: number, r: number, byCode: ByCode): void {
  const c = input.budget.chapters[i];
  if (!c) return;
  const chapterSum = (key: 'engaged' | 'paid'): Money =>
    sum(
      input.codes
        .filter((x) => x.chapter === c.code)
        .map((x) => input.totals.byCode.get(x.code)?.[key] ?? ZERO),
    );
  const byCodeCol = (k: (typeof CO.keys)[number]): string => CO.range(k, byCode.codeFirst, byCode.codeLast);
  const devis: Split | undefined = input.result.chapters[i];
  const engaged = chapterSum('engaged');
  const euros = (k: (typeof CH.keys)[number], formula: string, v: Money): CellPlan => ({
    address: CH.cell(k, r),
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  const sumBy = (k: 'engaged' | 'paid'): string =>
    `SUMPRODUCT(--(${byCodeCol('chapter')}=${CH.cell('chapter', r)}),${byCodeCol(k)})`;
  b.push(
    { address: CH.cell('chapter', r), value: c.code, numFmt: NUMFMT.text, style: 'label' },
    { address: CH.cell('label', r), value: c.label, style: 'label' },
    euros('devis', b.n(chapterNames(c.code).amount), devis?.amount ?? ZERO),
    euros('engaged', sumBy('engaged'), engaged),
    euros('paid', sumBy('paid'), chapterSum('paid')),
    euros('left', `${CH.cell('devis', r)}-${CH.cell('engaged', r)}`, (devis?.amount ?? ZERO).minus(engaged)),
  );
}

/** The totals per chapter of the devis, under the totals per code. */
function chapterRows(b: SheetBuilder, input: ExpensesLayoutInput, byCode: ByCode): ByChapter {
  const chapTitle = byCode.codeLast + 2;
  const chapHeader = chapTitle + 1;
  const chapFirst = chapHeader + 1;
  const chapters = input.budget.chapters;
  const chapLast = chapFirst + chapters.length - 1;
  const chapTotal = chapLast + 1;
  b.push({ address: CH.cell('chapter', chapTitle), value: 'Par chapitre du devis', style: 'section' });
  b.headers(CH, chapHeader);
  chapters.forEach((_, i) => chapterRow(b, input, i, chapFirst + i, byCode));
  const devisChapters = sum(input.result.chapters.map((c) => c.amount));
  const engagedCodes = sum(input.codes.map((c) => input.totals.byCode.get(c.code)?.engaged ?? ZERO));
  const paidCodes = sum(input.codes.map((c) => input.totals.byCode.get(c.code)?.paid ?? ZERO));
  b.push({ address: CH.cell('label', chapTotal), value: 'Total des chapitres', style: 'total' });
  for (const [k, value] of [
    ['devis', devisChapters],
    ['engaged', engagedCodes],
    ['paid', paidCodes],
    ['left', devisChapters.minus(engagedCodes)],
  ] as const)
    b.push({
      address: CH.cell(k, chapTotal),
      formula: `SUM(${CH.span(k, chapFirst, chapLast)})`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  return { chapFirst, chapLast, chapTotal };
}

const LISTS: [(typeof LI.keys)[number], readonly string[]][] = [
  ['natures', EXPENSE_NATURES],
  ['statuses', EXPENSE_STATUSES],
  ['modes', PAYMENT_MODES],
  ['places', EXPENSE_PLACES],
];

/** The lists of the drop-downs, under the chapters; their header row. */
function listRows(b: SheetBuilder, chap: ByChapter): number {
  const listHeader = chap.chapTotal + 2;
  for (const [k, values] of LISTS) {
    b.push({ address: LI.cell(k, listHeader), value: LI.header(k), style: 'header' });
    values.forEach((v, i) => b.push({ address: LI.cell(k, listHeader + 1 + i), value: v, style: 'label' }));
  }
  return listHeader;
}

function expensesNames(
  b: SheetBuilder,
  l: Ledger,
  byCode: ByCode,
  chap: ByChapter,
  listHeader: number,
): void {
  const col = (k: (typeof E.keys)[number]): string => E.range(k, l.first, l.last);
  const listRange = (k: (typeof LI.keys)[number], count: number): string =>
    LI.range(k, listHeader + 1, listHeader + count);
  b.name(EXPENSE_NAMES.lines, E.block(l.first, l.last))
    .name(EXPENSE_NAMES.lineCodes, col('code'))
    .name(EXPENSE_NAMES.lineHT, col('ht'))
    .name(EXPENSE_NAMES.lineTVA, col('tva'))
    .name(EXPENSE_NAMES.lineStatus, col('status'))
    .name(EXPENSE_NAMES.linePaidOn, col('paidOn'))
    .name(EXPENSE_NAMES.linePlace, col('place'))
    .name(EXPENSE_NAMES.linePayees, col('payee'))
    .name(EXPENSE_NAMES.lineNatures, col('nature'))
    .name(EXPENSE_NAMES.totalHT, `$${E.letter('ht')}$${l.totalRow}`)
    .name(EXPENSE_NAMES.totalTVA, `$${E.letter('tva')}$${l.totalRow}`)
    .name(EXPENSE_NAMES.totalTTC, `$${E.letter('ttc')}$${l.totalRow}`)
    .name(EXPENSE_NAMES.engaged, `$${E.letter('ht')}$${l.engagedRow}`)
    .name(EXPENSE_NAMES.paid, `$${E.letter('ht')}$${l.paidRow}`)
    .name(EXPENSE_NAMES.codes, CO.range('code', byCode.codeFirst, byCode.codeLast))
    .name(EXPENSE_NAMES.byCode, CO.block(byCode.codeFirst, byCode.codeLast))
    .name(EXPENSE_NAMES.byChapter, CH.block(chap.chapFirst, chap.chapLast))
    .name(EXPENSE_NAMES.natures, listRange('natures', EXPENSE_NATURES.length))
    .name(EXPENSE_NAMES.statuses, listRange('statuses', EXPENSE_STATUSES.length))
    .name(EXPENSE_NAMES.modes, listRange('modes', PAYMENT_MODES.length))
    .name(EXPENSE_NAMES.places, listRange('places', EXPENSE_PLACES.length));
}

function expensesChecks(b: SheetBuilder, l: Ledger, chap: ByChapter): void {
  const list = (k: (typeof E.keys)[number], listName: string, error: string): ValidationPlan => ({
    range: E.span(k, l.first, l.last),
    kind: 'list',
    listName: b.n(listName),
    error,
  });
  b.validations.push(
    list(
      'code',
      EXPENSE_NAMES.codes,
      `Choisissez un code du devis (liste : totaux par code, colonne ${CO.letter('code')}).`,
    ),
    list(
      'nature',
      EXPENSE_NAMES.natures,
      'Nature : facture, note de frais, salaire, note de droits, acompte ou avoir.',
    ),
    list('status', EXPENSE_NAMES.statuses, 'Engagé (commandé, pas encore payé) ou Payé.'),
    list('mode', EXPENSE_NAMES.modes, 'Mode de paiement : choisissez dans la liste.'),
    list('proof', LIST_NAMES.yesNo, 'Oui ou Non.'),
    list('place', EXPENSE_NAMES.places, 'France ou Étranger : où la dépense est faite (coût définitif).'),
  );
  b.conditionalFormats.push({ range: CH.span('left', chap.chapFirst, chap.chapLast), when: 'negative' });
}

/**
 * Dépenses: the ledger of invoices, expense claims and salaries (one row per piece, charged to a
 * devis code chosen from a list), then, right of it, the totals per devis code and per chapter —
 * engagé (every line) and payé (the lines paid), HT, against the devis — all by formula, over the
 * whole ledger including its free rows, so a row inserted inside it is counted.
 */
export function expensesSheet(input: ExpensesLayoutInput): ExpensesLayout {
  const { totals } = input;
  const b = new SheetBuilder(input.naming, 'expenses');
  b.titled(
    'Dépenses — factures, notes de frais et salaires',
    input.note ??
      'Une ligne par pièce, imputée à un code du devis (liste). Engagé : commandé ou signé, pas encore payé ; Payé : réalisé. Montants HT comparés au devis ; le TTC se calcule (HT + TVA).',
  );
  const ledger = ledgerRows(b, input.lines, totals);
  const byCode = codeRows(b, input.codes, totals);
  const chap = chapterRows(b, input, byCode);
  expensesNames(b, ledger, byCode, chap, listRows(b, chap));
  expensesChecks(b, ledger, chap);
  return {
    sheet: b.plan({
      columnWidths: [
        11, 12, 26, 14, 10, 40, 14, 12, 14, 12, 12, 14, 11, 22, 12, 3, 9, 9, 36, 14, 14, 14, 14, 3, 3, 14, 12,
        16,
      ],
      freezeRows: EXPENSE_HEADER_ROW,
      merges: [`A2:${E.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: EXPENSE_HEADER_ROW },
    }),
    names: b.names,
    totals,
  };
}
