import type { BudgetInput, BudgetResult, Split } from '../../domain/budget/types';
import {
  EXPENSE_NATURES,
  EXPENSE_STATUSES,
  expenseTtc,
  PAYMENT_MODES,
  type ExpenseInput,
  type ExpenseTotals,
} from '../../domain/expenses/expenses';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { chapterNames } from '../devis/contract';
import type { DevisLineRow } from '../devis/layout';
import { yesNo } from '../model/labels';
import type { Naming } from '../model/naming';
import { NUMFMT, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { LIST_NAMES } from '../params/contract';
import {
  EXPENSE_CHAPTER_COLUMNS as CH,
  EXPENSE_CODE_COLUMNS as CO,
  EXPENSE_COLUMNS as E,
  EXPENSE_FIRST_ROW,
  EXPENSE_HEADER_ROW,
  EXPENSE_LIST_COLUMNS as LI,
  EXPENSE_NAMES,
  expenseTtcFormula,
  FREE_EXPENSE_ROWS,
} from './contract';
import { isoDay } from '../../domain/isoDay';

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

/**
 * Dépenses: the ledger of invoices, expense claims and salaries (one row per piece, charged to a
 * devis code chosen from a list), then, right of it, the totals per devis code and per chapter —
 * engagé (every line) and payé (the lines paid), HT, against the devis — all by formula, over the
 * whole ledger including its free rows, so a row inserted inside it is counted.
 */
export function expensesSheet(input: ExpensesLayoutInput): ExpensesLayout {
  const { naming, lines } = input;
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('expenses');
  const { totals } = input;
  const codes = input.codes;
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Dépenses — factures, notes de frais et salaires', style: 'title' },
    {
      address: 'A2',
      value:
        input.note ??
        'Une ligne par pièce, imputée à un code du devis (liste). Engagé : commandé ou signé, pas encore payé ; Payé : réalisé. Montants HT comparés au devis ; le TTC se calcule (HT + TVA).',
      style: 'banner',
    },
  ];

  // ---- Ledger
  const first = EXPENSE_FIRST_ROW;
  const rows: (ExpenseInput | null)[] = [...lines, ...Array<null>(FREE_EXPENSE_ROWS).fill(null)];
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  const col = (k: (typeof E.keys)[number]): string => E.range(k, first, last);
  for (const k of E.keys)
    cells.push({ address: E.cell(k, EXPENSE_HEADER_ROW), value: E.header(k), style: 'header' });
  rows.forEach((e, i) => {
    const r = first + i;
    const ttcFormula = expenseTtcFormula(r);
    if (!e) {
      cells.push({ address: E.cell('code', r), value: null, numFmt: NUMFMT.text, style: 'input' });
      cells.push({
        address: E.cell('ttc', r),
        formula: ttcFormula,
        result: '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
      return;
    }
    cells.push({ address: E.cell('date', r), value: isoDay(e.date), numFmt: NUMFMT.date, style: 'input' });
    cells.push({ address: E.cell('piece', r), value: e.piece, style: 'input' });
    cells.push({ address: E.cell('payee', r), value: e.payee, style: 'input' });
    cells.push({ address: E.cell('nature', r), value: e.nature, style: 'input' });
    cells.push({ address: E.cell('code', r), value: e.code, numFmt: NUMFMT.text, style: 'input' });
    cells.push({ address: E.cell('label', r), value: e.label, style: 'input' });
    cells.push({ address: E.cell('ht', r), value: num(e.ht), numFmt: NUMFMT.euro, style: 'input' });
    cells.push({ address: E.cell('tva', r), value: num(e.tva), numFmt: NUMFMT.euro, style: 'input' });
    cells.push(
      e.ttc
        ? { address: E.cell('ttc', r), value: num(e.ttc), numFmt: NUMFMT.euro, style: 'input' }
        : {
            address: E.cell('ttc', r),
            formula: ttcFormula,
            result: num(expenseTtc(e)),
            numFmt: NUMFMT.euro,
            style: 'computed',
          },
    );
    cells.push({ address: E.cell('status', r), value: e.status, style: 'input' });
    cells.push({
      address: E.cell('paidOn', r),
      value: isoDay(e.paidOn),
      numFmt: NUMFMT.date,
      style: 'input',
    });
    cells.push({ address: E.cell('mode', r), value: e.mode, style: 'input' });
    cells.push({ address: E.cell('proof', r), value: yesNo(e.proof), style: 'input' });
    cells.push({ address: E.cell('proofRef', r), value: e.proofRef, style: 'input' });
  });
  cells.push({ address: E.cell('label', totalRow), value: 'Total', style: 'total' });
  const totalCell = (k: 'ht' | 'tva' | 'ttc', result: Money): void => {
    cells.push({
      address: E.cell(k, totalRow),
      formula: `SUM(${E.span(k, first, last)})`,
      result: num(result),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  };
  totalCell('ht', totals.ht);
  totalCell('tva', totals.tva);
  totalCell('ttc', totals.ttc);
  const engagedRow = totalRow + 1;
  const paidRow = totalRow + 2;
  cells.push({
    address: E.cell('label', engagedRow),
    value: 'Engagé HT (toutes les lignes)',
    style: 'label',
  });
  cells.push({
    address: E.cell('ht', engagedRow),
    formula: `SUM(${E.span('ht', first, last)})`,
    result: num(totals.engaged),
    numFmt: NUMFMT.euro,
    style: 'subtotal',
  });
  cells.push({ address: E.cell('label', paidRow), value: 'Payé HT (réalisé)', style: 'label' });
  cells.push({
    address: E.cell('ht', paidRow),
    formula: `SUMPRODUCT(--(${col('status')}="Payé"),${col('ht')})`,
    result: num(totals.paid),
    numFmt: NUMFMT.euro,
    style: 'subtotal',
  });

  // ---- Totals per devis code (short names over the ledger's columns: this table has a row per
  // devis line, so its formulas are kept short for the Office request size)
  const codeFirst = EXPENSE_FIRST_ROW;
  const codeLast = codeFirst + codes.length - 1;
  const L = {
    codes: n(EXPENSE_NAMES.lineCodes),
    ht: n(EXPENSE_NAMES.lineHT),
    status: n(EXPENSE_NAMES.lineStatus),
  };
  for (const k of CO.keys)
    cells.push({ address: CO.cell(k, EXPENSE_HEADER_ROW), value: CO.header(k), style: 'header' });
  codes.forEach((c, i) => {
    const r = codeFirst + i;
    const t = totals.byCode.get(c.code) ?? { engaged: ZERO, paid: ZERO };
    cells.push({ address: CO.cell('code', r), value: c.code, numFmt: NUMFMT.text, style: 'label' });
    cells.push({ address: CO.cell('chapter', r), value: c.chapter, numFmt: NUMFMT.text, style: 'label' });
    cells.push({ address: CO.cell('label', r), value: c.label, style: 'label' });
    cells.push({
      address: CO.cell('engaged', r),
      formula: `SUMPRODUCT(--(${L.codes}=P${r}),${L.ht})`,
      result: num(t.engaged),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    cells.push({
      address: CO.cell('paid', r),
      formula: `SUMPRODUCT(--(${L.codes}=P${r}),--(${L.status}="Payé"),${L.ht})`,
      result: num(t.paid),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
  });

  // ---- Totals per chapter
  const chapTitle = codeLast + 2;
  const chapHeader = chapTitle + 1;
  const chapFirst = chapHeader + 1;
  const chapters = input.budget.chapters;
  const chapLast = chapFirst + chapters.length - 1;
  const chapTotal = chapLast + 1;
  cells.push({ address: CH.cell('chapter', chapTitle), value: 'Par chapitre du devis', style: 'section' });
  for (const k of CH.keys)
    cells.push({ address: CH.cell(k, chapHeader), value: CH.header(k), style: 'header' });
  const chapterSum = (chapter: string, key: 'engaged' | 'paid'): Money =>
    sum(codes.filter((c) => c.chapter === chapter).map((c) => totals.byCode.get(c.code)?.[key] ?? ZERO));
  const byCodeCol = (k: (typeof CO.keys)[number]): string => CO.range(k, codeFirst, codeLast);
  chapters.forEach((c, i) => {
    const r = chapFirst + i;
    const devis: Split | undefined = input.result.chapters[i];
    const engaged = chapterSum(c.code, 'engaged');
    const paid = chapterSum(c.code, 'paid');
    cells.push({ address: CH.cell('chapter', r), value: c.code, numFmt: NUMFMT.text, style: 'label' });
    cells.push({
      address: CH.cell('label', r),
      value: c.label,
      style: 'label',
    });
    cells.push({
      address: CH.cell('devis', r),
      formula: n(chapterNames(c.code).amount),
      result: num(devis?.amount ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    for (const [k, value] of [
      ['engaged', engaged],
      ['paid', paid],
    ] as const)
      cells.push({
        address: CH.cell(k, r),
        formula: `SUMPRODUCT(--(${byCodeCol('chapter')}=${CH.cell('chapter', r)}),${byCodeCol(k)})`,
        result: num(value),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    cells.push({
      address: CH.cell('left', r),
      formula: `${CH.cell('devis', r)}-${CH.cell('engaged', r)}`,
      result: num((devis?.amount ?? ZERO).minus(engaged)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
  });
  const chapterTotal = (k: 'devis' | 'engaged' | 'paid' | 'left', value: Money): void => {
    cells.push({
      address: CH.cell(k, chapTotal),
      formula: `SUM(${CH.span(k, chapFirst, chapLast)})`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  };
  const devisChapters = sum(input.result.chapters.map((c) => c.amount));
  const engagedCodes = sum(codes.map((c) => totals.byCode.get(c.code)?.engaged ?? ZERO));
  const paidCodes = sum(codes.map((c) => totals.byCode.get(c.code)?.paid ?? ZERO));
  cells.push({ address: CH.cell('label', chapTotal), value: 'Total des chapitres', style: 'total' });
  chapterTotal('devis', devisChapters);
  chapterTotal('engaged', engagedCodes);
  chapterTotal('paid', paidCodes);
  chapterTotal('left', devisChapters.minus(engagedCodes));

  // ---- Lists of the drop-downs, under the chapters
  const listHeader = chapTotal + 2;
  const lists: [(typeof LI.keys)[number], readonly string[]][] = [
    ['natures', EXPENSE_NATURES],
    ['statuses', EXPENSE_STATUSES],
    ['modes', PAYMENT_MODES],
  ];
  for (const [k, values] of lists) {
    cells.push({ address: LI.cell(k, listHeader), value: LI.header(k), style: 'header' });
    values.forEach((v, i) =>
      cells.push({ address: LI.cell(k, listHeader + 1 + i), value: v, style: 'label' }),
    );
  }
  const listRange = (k: (typeof LI.keys)[number], count: number): string =>
    LI.range(k, listHeader + 1, listHeader + count);

  const names: NamePlan[] = [
    { name: n(EXPENSE_NAMES.lines), sheet: name, ref: E.block(first, last) },
    { name: n(EXPENSE_NAMES.lineCodes), sheet: name, ref: col('code') },
    { name: n(EXPENSE_NAMES.lineHT), sheet: name, ref: col('ht') },
    { name: n(EXPENSE_NAMES.lineStatus), sheet: name, ref: col('status') },
    { name: n(EXPENSE_NAMES.linePaidOn), sheet: name, ref: col('paidOn') },
    { name: n(EXPENSE_NAMES.totalHT), sheet: name, ref: `$${E.letter('ht')}$${totalRow}` },
    { name: n(EXPENSE_NAMES.totalTVA), sheet: name, ref: `$${E.letter('tva')}$${totalRow}` },
    { name: n(EXPENSE_NAMES.totalTTC), sheet: name, ref: `$${E.letter('ttc')}$${totalRow}` },
    { name: n(EXPENSE_NAMES.engaged), sheet: name, ref: `$${E.letter('ht')}$${engagedRow}` },
    { name: n(EXPENSE_NAMES.paid), sheet: name, ref: `$${E.letter('ht')}$${paidRow}` },
    { name: n(EXPENSE_NAMES.codes), sheet: name, ref: CO.range('code', codeFirst, codeLast) },
    { name: n(EXPENSE_NAMES.byCode), sheet: name, ref: CO.block(codeFirst, codeLast) },
    { name: n(EXPENSE_NAMES.byChapter), sheet: name, ref: CH.block(chapFirst, chapLast) },
    { name: n(EXPENSE_NAMES.natures), sheet: name, ref: listRange('natures', EXPENSE_NATURES.length) },
    { name: n(EXPENSE_NAMES.statuses), sheet: name, ref: listRange('statuses', EXPENSE_STATUSES.length) },
    { name: n(EXPENSE_NAMES.modes), sheet: name, ref: listRange('modes', PAYMENT_MODES.length) },
  ];
  const list = (k: (typeof E.keys)[number], listName: string, error: string) => ({
    range: E.span(k, first, last),
    kind: 'list' as const,
    listName: n(listName),
    error,
  });
  return {
    sheet: {
      name,
      cells,
      columnWidths: [
        11, 12, 26, 14, 10, 40, 14, 12, 14, 12, 12, 14, 11, 22, 3, 9, 9, 36, 14, 14, 14, 14, 3, 3, 14, 12, 16,
      ],
      freezeRows: EXPENSE_HEADER_ROW,
      validations: [
        list(
          'code',
          EXPENSE_NAMES.codes,
          'Choisissez un code du devis (liste : totaux par code, colonne P).',
        ),
        list(
          'nature',
          EXPENSE_NAMES.natures,
          'Nature : facture, note de frais, salaire, note de droits, acompte ou avoir.',
        ),
        list('status', EXPENSE_NAMES.statuses, 'Engagé (commandé, pas encore payé) ou Payé.'),
        list('mode', EXPENSE_NAMES.modes, 'Mode de paiement : choisissez dans la liste.'),
        {
          range: E.span('proof', first, last),
          kind: 'list',
          listName: n(LIST_NAMES.yesNo),
          error: 'Oui ou Non.',
        },
      ],
      conditionalFormats: [{ range: CH.span('left', chapFirst, chapLast), when: 'negative' }],
      merges: [`A2:${E.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: EXPENSE_HEADER_ROW },
    },
    names,
    totals,
  };
}
