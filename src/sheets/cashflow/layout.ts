import { milestoneLabels } from '../../domain/financing/categories';
import { PHASE_LABELS } from '../../domain/cashflow/months';
import type { CashflowModel } from '../../domain/cashflow/model';
import type { CashMeasure } from '../../domain/cashflow/measures';
import { taxCreditCategoryLabels } from '../../domain/financing/categories';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { DEVIS_NAMES, chapterNames } from '../devis/contract';
import { FINANCING_NAMES, milestoneColumn } from '../financing/contract';
import { MILESTONES } from '../../domain/financing/types';
import { LIST_NAMES, PARAMS_NAMES as P } from '../params/contract';
import {
  CASHFLOW_COLUMNS as CC,
  CASHFLOW_NAMES as T,
  FIRST_MONTH_COL,
  JALON_ROW,
  MEASURE_COLUMNS as MC,
  MONTH_FORMAT,
  MONTH_ROW,
  PHASE_ROW,
} from './contract';

import {
  NUMFMT,
  a1,
  absolute,
  columnLetter,
  type ChartPlan,
  type NamePlan,
  type SheetPlan,
  figureRows,
  type NamedFigure,
} from '../model/plan';

const num = (m: Money): number => toCellNumber(m);
const FREE_MEASURE_ROWS = 3;
export { MONTH_FORMAT };

export interface CashflowLayoutInput {
  model: CashflowModel;
  naming: Naming;
  /** Whether the devis has a named frais-financiers base (Devis_FraisFinanciers) to compare costs with. */
  financialCosts: boolean;
  /** The devis's frais financiers, as the sheet computes them (zero without the base). */
  financialCostsAmount: Money;
  /** Where the default payment profiles come from (the nomenclature's roles), shown under them. */
  profileNote: string;
  /** Where the default VAT rates come from (the nomenclature's roles), shown under the profiles. */
  vatNote: string;
}

/** Where each block of the Trésorerie sits, decided before writing (formulas refer forward). */
interface Rows {
  payFirst: number;
  payLast: number;
  payTotal: number;
  vatPaidRow: number;
  vatBackRow: number;
  balanceRow: number;
  cumRow: number;
  drawnRow: number;
  repaidRow: number;
  afterRow: number;
  refundRow: number | null;
  critTitle: number;
  crit: number;
  measTitle: number;
  measHeader: number;
  measFirst: number;
  measLast: number;
  summaryFirst: number;
  summaryRows: number;
  profTitle: number;
  profHeader: number;
  profFirst: number;
  recTotal: number;
}

function rowPlan(model: CashflowModel, financialCosts: boolean): Rows {
  const payFirst = PHASE_ROW + 2 + model.receipts.length + 3;
  const payLast = payFirst + model.payments.length - 1;
  const payTotal = payLast + 1;
  const vatPaidRow = payTotal + 2;
  const vatBackRow = vatPaidRow + 1;
  const balanceRow = vatBackRow + 2;
  const cumRow = balanceRow + 1;
  const afterRow = cumRow + 3;
  const refundRow = model.refunded ? cumRow + 4 : null;
  const critTitle = (refundRow ?? afterRow) + 2;
  const crit = critTitle + 1; // six rows
  const measTitle = crit + 7;
  const measFirst = measTitle + 2;
  const measLast = measFirst + model.measureRows.length + FREE_MEASURE_ROWS - 1;
  const summaryFirst = measLast + 1;
  // Total, lowest balance after measures, uncovered need, cost; with a protocol base, the devis's
  // frais financiers and their gap (checked against the lines written below).
  const summaryRows = financialCosts ? 6 : 4;
  const profTitle = summaryFirst + summaryRows + 2;
  return {
    payFirst,
    payLast,
    payTotal,
    vatPaidRow,
    vatBackRow,
    balanceRow,
    cumRow,
    drawnRow: cumRow + 1,
    repaidRow: cumRow + 2,
    afterRow,
    refundRow,
    critTitle,
    crit,
    measTitle,
    measHeader: measTitle + 1,
    measFirst,
    measLast,
    summaryFirst,
    summaryRows,
    profTitle,
    profHeader: profTitle + 1,
    profFirst: profTitle + 2,
    recTotal: PHASE_ROW + 2 + model.receipts.length,
  };
}

/** What every block refers to: the builder, the model, the month columns and the row plan. */
interface Treso {
  b: SheetBuilder;
  input: CashflowLayoutInput;
  model: CashflowModel;
  M: number;
  mc: (k: number) => string;
  firstCol: string;
  lastCol: string;
  monthRange: (row: number) => string;
  /** "$E$12:$Q$12". */
  across: (row: number) => string;
  rows: Rows;
}

const dateOrBlank = (d: Date | null): Date | string => d ?? '';
const at = (k: (typeof CC.keys)[number], row: number): string => CC.cell(k, row);
const atAbsCol = (k: (typeof CC.keys)[number]): string => `$${CC.letter(k)}`;
const mAt = (k: (typeof MC.keys)[number], row: number): string => MC.cell(k, row);
const J = (x: Treso, i: number): string => `$${x.mc(i)}$${JALON_ROW}`;

function tresoContext(b: SheetBuilder, input: CashflowLayoutInput): Treso {
  const M = input.model.months.length;
  const mc = (k: number): string => columnLetter(FIRST_MONTH_COL + k);
  const firstCol = mc(0);
  const lastCol = mc(M - 1);
  return {
    b,
    input,
    model: input.model,
    M,
    mc,
    firstCol,
    lastCol,
    monthRange: (row) => `${firstCol}${row}:${lastCol}${row}`,
    across: (row) => `$${firstCol}$${row}:$${lastCol}$${row}`,
    rows: rowPlan(input.model, input.financialCosts),
  };
}

/** The milestone months (row 4), named Treso_Jalons. */
function jalonRows(x: Treso): void {
  const { b, mc } = x;
  b.push({ address: at('label', JALON_ROW - 1), value: 'Jalons de versement (mois)', style: 'section' });
  const monthOf = (name: string): string =>
    `IF(N(${b.n(name)})=0,"",DATE(YEAR(${b.n(name)}),MONTH(${b.n(name)}),1))`;
  const jalonFormulas = [
    `${x.firstCol}${MONTH_ROW}`,
    monthOf(P.prepStart),
    monthOf(P.shootStart),
    monthOf(P.shootEnd),
    monthOf(P.padDelivery),
    `IF(${mc(4)}${JALON_ROW}="","",EDATE(${mc(4)}${JALON_ROW},1))`,
  ];
  milestoneLabels().forEach((label, i) => {
    b.push(
      { address: `${mc(i)}${JALON_ROW - 1}`, value: label, style: 'header' },
      {
        address: `${mc(i)}${JALON_ROW}`,
        formula: jalonFormulas[i] ?? '',
        result: dateOrBlank(x.model.jalons[i] ?? null),
        numFmt: MONTH_FORMAT,
        style: 'computed',
      },
    );
  });
  b.name(T.jalons, `$${mc(0)}$${JALON_ROW}:$${mc(5)}$${JALON_ROW}`);
}

/** The months (from the Paramètres dates) and their phase. */
function monthHeaders(x: Treso): void {
  const { b, mc } = x;
  b.headers(CC, MONTH_ROW);
  b.push({ address: at('label', PHASE_ROW), value: 'Phase', style: 'header' });
  const [dev, prep] = [b.n(P.devStart), b.n(P.prepStart)];
  const start = `IF(AND(N(${dev})>0,N(${dev})<N(${prep})),${dev},${prep})`;
  const PH = PHASE_LABELS;
  for (let k = 0; k < x.M; k += 1) {
    const c = mc(k);
    const m = `${c}$${MONTH_ROW}`;
    b.push(
      {
        address: `${c}${MONTH_ROW}`,
        formula:
          k === 0
            ? `IF(N(${prep})=0,"",DATE(YEAR(${start}),MONTH(${start}),1))`
            : `IF(${mc(k - 1)}${MONTH_ROW}="","",EDATE(${mc(k - 1)}${MONTH_ROW},1))`,
        result: dateOrBlank(x.model.months[k] ?? null),
        numFmt: MONTH_FORMAT,
        style: 'header',
      },
      {
        address: `${c}${PHASE_ROW}`,
        formula: `IF(${m}="","",IF(${m}<${J(x, 1)},"${PH[0]}",IF(${m}<${J(x, 2)},"${PH[1]}",IF(${m}<=${J(x, 3)},"${PH[2]}",IF(${m}<=${J(x, 4)},"${PH[3]}","${PH[4]}")))))`,
        result: x.model.phases[k] ?? '',
        style: 'computed',
      },
    );
  }
  b.name(T.months, x.across(MONTH_ROW)).name(T.phases, x.across(PHASE_ROW));
}

/** Total scheduled over the months, and its gap to the row's amount. */
function rowTotals(x: Treso, row: number, parts: Money[], amount: Money): void {
  x.b.push(
    {
      address: at('scheduled', row),
      formula: `SUM(${x.monthRange(row)})`,
      result: num(sum(parts)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    {
      address: at('gap', row),
      formula: `${at('scheduled', row)}-${at('amount', row)}`,
      result: num(sum(parts).minus(amount)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
  );
}

/** A total row over a block: amount, scheduled and gap, then each month. */
function blockTotal(
  x: Treso,
  row: number,
  label: string,
  first: number,
  last: number,
  amount: Money,
  scheduled: Money,
  byMonth: Money[],
): void {
  x.b.push({ address: at('label', row), value: label, style: 'subtotal' });
  for (const [k, v] of [
    ['amount', amount],
    ['scheduled', scheduled],
    ['gap', scheduled.minus(amount)],
  ] as const)
    x.b.push({
      address: at(k, row),
      formula:
        k === 'gap' ? `${at('scheduled', row)}-${at('amount', row)}` : `SUM(${CC.span(k, first, last)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  for (let k = 0; k < x.M; k += 1)
    x.b.push({
      address: `${x.mc(k)}${row}`,
      formula: `SUM(${x.mc(k)}${first}:${x.mc(k)}${last})`,
      result: num(byMonth[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
}

/** One source of the plan, paid by its milestones (a tax credit's last share after the fiscal year). */
function receiptRow(x: Treso, r: CashflowModel['receipts'][number], i: number, row: number): void {
  const { b, mc } = x;
  const refundRow = x.rows.refundRow;
  const rank = `${atAbsCol('rank')}${row}`;
  b.push(
    { address: at('rank', row), value: i + 1, numFmt: NUMFMT.integer, style: 'label' },
    {
      address: at('label', row),
      formula: `INDEX(${b.n(FINANCING_NAMES.sources)},${rank})&""`,
      result: r.label,
      style: 'computed',
    },
    {
      address: at('amount', row),
      formula: `N(INDEX(${b.n(FINANCING_NAMES.amounts)},${rank}))`,
      result: num(r.amount),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
  );
  rowTotals(x, row, r.parts, r.amount);
  const jalonCount = milestoneLabels().length;
  const profile = `INDEX(${b.n(FINANCING_NAMES.schedule)},${rank},0)`;
  // A tax credit's "après livraison" share follows the fiscal-year refund row instead.
  const category = `INDEX(${b.n(FINANCING_NAMES.categories)},${rank})`;
  const isTaxCredit = `OR(${taxCreditCategoryLabels()
    .map((l) => `${category}="${l}"`)
    .join(',')})`;
  const afterShare = `INDEX(${b.n(FINANCING_NAMES.schedule)},${rank},${jalonCount})`;
  // Cumulative refunded share at column `col`, less what the milestones already place after delivery.
  const refundTerm = (col: number, m: string, op: '<=' | '<'): string =>
    refundRow === null
      ? ''
      : `+IF(${isTaxCredit},${afterShare}*(${mc(col)}$${refundRow}-(${J(x, jalonCount - 1)}${op}${m})),0)`;
  const amount = `${atAbsCol('amount')}${row}`;
  for (let k = 0; k < x.M; k += 1) {
    const m = `${mc(k)}$${MONTH_ROW}`;
    const upTo = `ROUND(${amount}*(SUMPRODUCT(${profile}*(${b.n(T.jalons)}<=${m}))${refundTerm(k, m, '<=')}),2)`;
    const before = `ROUND(${amount}*(SUMPRODUCT(${profile}*(${b.n(T.jalons)}<${m}))${k === 0 ? '' : refundTerm(k - 1, m, '<')}),2)`;
    b.push({
      address: `${mc(k)}${row}`,
      formula: k === 0 ? `IF(${m}="",0,${upTo})` : `IF(${m}="",0,${upTo}-${before})`,
      result: num(r.parts[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
  }
}

/** The receipts: one row per source of the plan, in its order, and their total. */
function receiptRows(x: Treso): Money {
  const { b, model } = x;
  b.push({
    address: at('label', PHASE_ROW + 1),
    value: 'ENCAISSEMENTS — sources du plan de financement, dans l’ordre du plan',
    style: 'chapter',
  });
  const recFirst = PHASE_ROW + 2;
  model.receipts.forEach((r, i) => receiptRow(x, r, i, recFirst + i));
  const recTotal = x.rows.recTotal;
  const amount = sum(model.receipts.map((r) => r.amount));
  blockTotal(
    x,
    recTotal,
    'Total encaissements',
    recFirst,
    recTotal - 1,
    amount,
    model.summary.totalReceipts,
    model.summary.receipts,
  );
  return amount;
}

/** The payments: one row per devis chapter, spread by its monthly profile at the bottom; their total. */
function paymentRows(x: Treso): Money {
  const { b, model, mc, rows } = x;
  if (rows.recTotal + 3 !== rows.payFirst) throw new Error('Trésorerie : plan de lignes incohérent');
  b.push({
    address: at('label', rows.payFirst - 1),
    value: 'DÉCAISSEMENTS — postes du devis',
    style: 'chapter',
  });
  const devisName = (p: CashflowModel['payments'][number]): string =>
    p.role ? DEVIS_NAMES[p.role].amount : chapterNames(p.code).amount;
  model.payments.forEach((p, i) => {
    const r = rows.payFirst + i;
    const pr = rows.profFirst + i;
    b.push(
      { address: at('rank', r), value: p.code, numFmt: NUMFMT.text, style: 'label' },
      { address: at('label', r), value: p.label, style: 'label' },
      {
        address: at('amount', r),
        formula: b.n(devisName(p)),
        result: num(p.amount),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
    rowTotals(x, r, p.parts, p.amount);
    for (let k = 0; k < x.M; k += 1) {
      const m = `${mc(k)}$${MONTH_ROW}`;
      const upTo = `ROUND(${atAbsCol('amount')}${r}*SUM($${x.firstCol}${pr}:${mc(k)}${pr}),2)`;
      const before =
        k === 0 ? '' : `-ROUND(${atAbsCol('amount')}${r}*SUM($${x.firstCol}${pr}:${mc(k - 1)}${pr}),2)`;
      b.push({
        address: `${mc(k)}${r}`,
        formula: `IF(${m}="",0,${upTo}${before})`,
        result: num(p.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    }
  });
  const amount = sum(model.payments.map((p) => p.amount));
  blockTotal(
    x,
    rows.payTotal,
    'Total décaissements',
    rows.payFirst,
    rows.payLast,
    amount,
    model.summary.totalPayments,
    model.summary.payments,
  );
  return amount;
}

/**
 * The VAT advanced on the payments (each line's payments × its rate in the profiles block) and
 * recovered after the Paramètres delay: what was paid up to the month less the delay, cumulated,
 * less what came back before; the last column takes what is still due.
 */
function vatRows(x: Treso): void {
  const { b, mc, rows, model } = x;
  const rates = `$${CC.letter('amount')}$${rows.profFirst}:$${CC.letter('amount')}$${rows.profFirst + model.payments.length - 1}`;
  const paid = x.across(rows.vatPaidRow);
  const delay = `N(${b.n(P.vatDelay)})`;
  const flows: { row: number; label: string; parts: Money[]; formula: (k: number) => string }[] = [
    {
      row: rows.vatPaidRow,
      label: 'TVA payée sur les décaissements (taux par poste, bloc des profils)',
      parts: model.vat.paid,
      formula: (k) =>
        `IF(${mc(k)}$${MONTH_ROW}="",0,ROUND(SUMPRODUCT(${mc(k)}${rows.payFirst}:${mc(k)}${rows.payLast},${rates}),2))`,
    },
    {
      row: rows.vatBackRow,
      label: 'TVA récupérée (crédit de TVA, délai des Paramètres ; le reste à la dernière colonne)',
      parts: model.vat.recovered,
      formula: (k) => {
        const m = `${mc(k)}$${MONTH_ROW}`;
        const before = k === 0 ? '' : `-SUM($${x.firstCol}${rows.vatBackRow}:${mc(k - 1)}${rows.vatBackRow})`;
        const months = b.n(T.months);
        const upTo = `IF(${m}=MAX(${months}),SUM(${paid}),SUMPRODUCT(${paid}*(${months}<=EDATE(${m},-${delay}))))`;
        return `IF(${m}="",0,${upTo}${before})`;
      },
    },
  ];
  for (const f of flows) {
    b.push(
      { address: at('label', f.row), value: f.label, style: 'label' },
      {
        address: at('scheduled', f.row),
        formula: `SUM(${x.monthRange(f.row)})`,
        result: num(sum(f.parts)),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
    for (let k = 0; k < x.M; k += 1)
      b.push({
        address: `${mc(k)}${f.row}`,
        formula: f.formula(k),
        result: num(f.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
  }
  b.name(T.vatPaid, x.across(rows.vatPaidRow)).name(T.vatRecovered, x.across(rows.vatBackRow));
}

/** The balance of each month and the cumulative balance; the totals' names. */
function balanceRows(x: Treso): void {
  const { b, model, mc, rows } = x;
  b.push(
    { address: at('label', rows.balanceRow), value: 'Solde du mois', style: 'total' },
    { address: at('label', rows.cumRow), value: 'Solde cumulé', style: 'total' },
    {
      address: at('scheduled', rows.balanceRow),
      formula: `SUM(${x.monthRange(rows.balanceRow)})`,
      result: num(sum(model.summary.balance)),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  for (let k = 0; k < x.M; k += 1) {
    const c = mc(k);
    b.push(
      {
        address: `${c}${rows.balanceRow}`,
        formula: `ROUND(${c}${rows.recTotal}-${c}${rows.payTotal}-${c}${rows.vatPaidRow}+${c}${rows.vatBackRow},2)`,
        result: num(model.summary.balance[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'total',
      },
      {
        address: `${c}${rows.cumRow}`,
        // Rounded to the cent: a balance back to zero stays zero (not −2E-12) for the deficit count.
        formula:
          k === 0 ? `${c}${rows.balanceRow}` : `ROUND(${mc(k - 1)}${rows.cumRow}+${c}${rows.balanceRow},2)`,
        result: num(model.summary.cumulative[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'total',
      },
    );
  }
  b.name(T.totalReceipts, absolute(at('scheduled', rows.recTotal)))
    .name(T.receiptsByMonth, x.across(rows.recTotal))
    .name(T.paymentsByMonth, x.across(rows.payTotal))
    .name(T.totalPayments, absolute(at('scheduled', rows.payTotal)))
    .name(T.cumulative, x.across(rows.cumRow));
}

/** The measures in the grid: money in at its date, back out at its repayment, balance after them. */
function measureGridRows(x: Treso): void {
  const { b, mc, rows } = x;
  const ms = x.model.measures;
  const measCol = (k: (typeof MC.keys)[number]): string =>
    `${absolute(mAt(k, rows.measFirst))}:${absolute(mAt(k, rows.measLast))}`;
  const inMonth = (col: (typeof MC.keys)[number], k: number): string => {
    const m = `${mc(k)}$${MONTH_ROW}`;
    const upper = `${measCol(col)},"<"&EDATE(${m},1)`;
    return k === 0
      ? `SUMIFS(${measCol('amount')},${upper})`
      : `SUMIFS(${measCol('amount')},${measCol(col)},">="&${m},${upper})`;
  };
  const gridRows: { row: number; label: string; parts: Money[]; formula: (k: number) => string }[] = [
    {
      row: rows.drawnRow,
      label: 'Mesures : mises en place (+)',
      parts: ms.drawn,
      formula: (k) => `IF(${mc(k)}$${MONTH_ROW}="",0,${inMonth('date', k)})`,
    },
    {
      row: rows.repaidRow,
      label: 'Mesures : remboursements (−)',
      parts: ms.repaid,
      formula: (k) => `IF(${mc(k)}$${MONTH_ROW}="",0,-${inMonth('repayment', k)})`,
    },
    {
      row: rows.afterRow,
      label: 'Solde cumulé après mesures',
      parts: ms.after,
      formula: (k) => `${mc(k)}${rows.cumRow}+SUM($${x.firstCol}${rows.drawnRow}:${mc(k)}${rows.repaidRow})`,
    },
  ];
  for (const g of gridRows) {
    const after = g.row === rows.afterRow;
    const style = after ? 'total' : 'computed';
    b.push({ address: at('label', g.row), value: g.label, style: after ? 'total' : 'label' });
    if (!after)
      b.push({
        address: at('scheduled', g.row),
        formula: `SUM(${x.monthRange(g.row)})`,
        result: num(sum(g.parts)),
        numFmt: NUMFMT.euro,
        style,
      });
    for (let k = 0; k < x.M; k += 1)
      b.push({
        address: `${mc(k)}${g.row}`,
        formula: g.formula(k),
        result: num(g.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style,
      });
  }
  b.name(T.afterMeasures, x.across(rows.afterRow));
}

/** The tax credit's cumulative refunded share per month (fiscal years closed + the delay). */
function refundRows(x: Treso): void {
  const { b, mc, model } = x;
  const refundRow = x.rows.refundRow;
  if (refundRow === null || !model.refunded) return;
  b.push({
    address: at('label', refundRow),
    value: 'Crédit d’impôt : part remboursée (cumul, exercices clos + délai des Paramètres)',
    style: 'label',
  });
  const pay = x.across(x.rows.payTotal);
  for (let k = 0; k < x.M; k += 1) {
    const m = `${mc(k)}$${MONTH_ROW}`;
    const t = `EDATE(${m},-N(${b.n(P.taxRefundDelay)}))`;
    const close = `DATE(YEAR(${t})-IF(MONTH(${t})<N(${b.n(P.fiscalYearEnd)}),1,0),N(${b.n(P.fiscalYearEnd)}),1)`;
    b.push({
      address: `${mc(k)}${refundRow}`,
      formula: `IF(OR(${m}="",SUM(${pay})=0),0,SUMPRODUCT(${pay}*(${b.n(T.months)}<=${close}))/SUM(${pay}))`,
      result: num(model.refunded[k] ?? ZERO),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
  }
  b.name(T.taxRefunded, x.across(refundRow));
}

/** The critical period: lowest balance, its month, deficit months, need, and the two checks. */
function criticalRows(x: Treso, receiptsAmount: Money, paymentsAmount: Money): void {
  const { b, rows } = x;
  const s = x.model.summary;
  const cum = x.monthRange(rows.cumRow);
  b.push({ address: at('rank', rows.critTitle), value: 'PÉRIODE CRITIQUE', style: 'section' });
  const critical: NamedFigure[] = [
    {
      label: 'Solde cumulé le plus bas',
      name: T.lowest,
      formula: `MIN(${cum})`,
      result: num(s.lowest),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Mois du solde le plus bas',
      name: T.criticalMonth,
      formula: `INDEX(${b.n(T.months)},MATCH(${b.n(T.lowest)},${cum},0))`,
      result: x.model.lowestMonth ?? '',
      numFmt: MONTH_FORMAT,
    },
    {
      label: 'Nombre de mois en déficit (solde cumulé négatif)',
      name: T.deficitMonths,
      formula: `COUNTIF(${cum},"<0")`,
      result: s.deficitMonths,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Besoin de financement à court terme',
      name: T.need,
      formula: `MAX(0,-${b.n(T.lowest)})`,
      result: num(s.need),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart total encaissements − plan de financement (doit être nul)',
      name: T.planGap,
      formula: `${at('scheduled', rows.recTotal)}-${b.n(FINANCING_NAMES.total)}`,
      result: num(s.totalReceipts.minus(receiptsAmount)),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart total décaissements − devis (doit être nul)',
      name: T.devisGap,
      formula: `${at('scheduled', rows.payTotal)}-${b.n(DEVIS_NAMES.total.amount)}`,
      result: num(s.totalPayments.minus(paymentsAmount)),
      numFmt: NUMFMT.euro,
    },
  ];
  const place = {
    firstRow: rows.crit,
    labelCol: CC.letter('label'),
    valueCol: CC.letter('amount'),
    sheet: b.sheet,
    emphasised: 4,
  };
  const figures = figureRows(critical, place, (n) => b.n(n));
  b.push(...figures.cells);
  b.names.push(...figures.names);
}

/** One measure of the table (or a free row): type, amount, dates, rate, fees and its cost. */
function measureRow(x: Treso, m: CashMeasure | null, i: number): void {
  const r = x.rows.measFirst + i;
  const [amt, from, to] = [mAt('amount', r), mAt('date', r), mAt('repayment', r)];
  x.b.push(
    { address: mAt('rank', r), value: i + 1, numFmt: NUMFMT.integer, style: 'label' },
    { address: mAt('type', r), value: m?.type ?? null, style: 'input' },
    { address: amt, value: m ? num(m.amount) : null, numFmt: NUMFMT.euro, style: 'input' },
    { address: from, value: m?.date ?? null, numFmt: NUMFMT.date, style: 'input' },
    { address: to, value: m?.repayment ?? null, numFmt: NUMFMT.date, style: 'input' },
    { address: mAt('rate', r), value: m?.rate ? num(m.rate) : null, numFmt: NUMFMT.rate, style: 'input' },
    { address: mAt('fees', r), value: m?.fees ? num(m.fees) : null, numFmt: NUMFMT.euro, style: 'input' },
    {
      address: mAt('cost', r),
      formula: `IF(AND(N(${amt})>0,N(${from})>0,N(${to})>N(${from})),ROUND(N(${amt})*N(${mAt('rate', r)})*(N(${to})-N(${from}))/365,2),0)+N(${mAt('fees', r)})`,
      result: num(x.model.measures.costs[i] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    { address: mAt('description', r), value: m?.description ?? null, style: 'input' },
  );
}

/** The measures' table and what they leave: total, low point after them, need uncovered, cost. */
function measureRows(x: Treso): void {
  const { b, rows } = x;
  b.push({
    address: mAt('rank', rows.measTitle),
    value: 'MESURES pour sécuriser la période critique',
    style: 'section',
  });
  b.headers(MC, rows.measHeader);
  [...x.model.measureRows, ...Array<null>(FREE_MEASURE_ROWS).fill(null)].forEach((m, i) =>
    measureRow(x, m, i),
  );
  b.name(
    T.measures,
    `${absolute(mAt('type', rows.measFirst))}:${absolute(mAt('description', rows.measLast))}`,
  );
  measureSummary(x);
}

function measureSummary(x: Treso): void {
  const { b, rows, input } = x;
  const ms = x.model.measures;
  const span = (k: (typeof MC.keys)[number]): string => `${mAt(k, rows.measFirst)}:${mAt(k, rows.measLast)}`;
  type Line = {
    label: string;
    name?: string;
    formula: string;
    result: Money;
    style: 'subtotal' | 'total' | 'computed';
  };
  const lines: Line[] = [
    { label: 'Total des mesures', formula: `SUM(${span('amount')})`, result: ms.total, style: 'subtotal' },
    {
      label: 'Solde cumulé le plus bas après mesures',
      name: T.lowestAfterMeasures,
      formula: `MIN(${x.monthRange(rows.afterRow)})`,
      result: ms.lowestAfter,
      style: 'total',
    },
    {
      label: 'Besoin non couvert par les mesures',
      name: T.uncoveredNeed,
      formula: `MAX(0,0-${b.n(T.lowestAfterMeasures)})`,
      result: ms.uncovered,
      style: 'total',
    },
    {
      label: 'Coût estimé des mesures (intérêts et frais)',
      name: T.measuresCost,
      formula: `SUM(${span('cost')})`,
      result: ms.totalCost,
      style: 'subtotal',
    },
    ...(input.financialCosts
      ? [
          {
            label: 'Frais financiers prévus au devis (Protocole du 16/12/2010 art. 2.13)',
            formula: b.n(DEVIS_NAMES.financialCosts),
            result: input.financialCostsAmount,
            style: 'computed' as const,
          },
          {
            label: 'Frais financiers du devis − coût des mesures (négatif : à budgéter)',
            name: T.financialCostsGap,
            formula: `ROUND(${mAt('amount', rows.summaryFirst + 4)}-${b.n(T.measuresCost)},2)`,
            result: input.financialCostsAmount.minus(ms.totalCost),
            style: 'total' as const,
          },
        ]
      : []),
  ];
  if (lines.length !== rows.summaryRows) throw new Error('Trésorerie : plan de lignes incohérent');
  lines.forEach((l, i) => {
    const r = rows.summaryFirst + i;
    b.push(
      { address: mAt('type', r), value: l.label, style: l.style === 'computed' ? 'label' : l.style },
      {
        address: mAt('amount', r),
        formula: l.formula,
        result: num(l.result),
        numFmt: NUMFMT.euro,
        style: l.style,
      },
    );
    if (l.name) b.name(l.name, absolute(mAt('amount', r)));
  });
}

/** The monthly payment profiles (inputs, % of each chapter per month); the last row. */
function profileRows(x: Treso): number {
  const { b, mc, rows, model } = x;
  b.push(
    {
      address: at('rank', rows.profTitle),
      value: 'PROFILS DE DÉCAISSEMENT (% du montant par mois, modifiables)',
      style: 'section',
    },
    { address: at('label', rows.profHeader), value: 'Poste', style: 'header' },
    { address: at('amount', rows.profHeader), value: 'Taux de TVA', style: 'header' },
    { address: at('scheduled', rows.profHeader), value: 'Total %', style: 'header' },
    { address: at('gap', rows.profHeader), value: 'Écart à 100 %', style: 'header' },
  );
  for (let k = 0; k < x.M; k += 1)
    b.push({
      address: `${mc(k)}${rows.profHeader}`,
      formula: `${mc(k)}$${MONTH_ROW}`,
      result: dateOrBlank(model.months[k] ?? null),
      numFmt: MONTH_FORMAT,
      style: 'header',
    });
  model.payments.forEach((p, i) => {
    const r = rows.profFirst + i;
    const total = sum(p.shares);
    b.push(
      { address: at('rank', r), value: p.code, numFmt: NUMFMT.text, style: 'label' },
      { address: at('label', r), value: p.label, style: 'label' },
      { address: at('amount', r), value: num(p.vatRate), numFmt: NUMFMT.rate, style: 'input' },
      {
        address: at('scheduled', r),
        formula: `SUM(${x.monthRange(r)})`,
        result: num(total),
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
      {
        address: at('gap', r),
        formula: `${at('scheduled', r)}-1`,
        result: num(total.minus(1)),
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
    );
    p.shares.forEach((sh, k) =>
      b.push({
        address: `${mc(k)}${r}`,
        value: sh.isZero() ? null : num(sh),
        numFmt: NUMFMT.rate,
        style: 'input',
      }),
    );
  });
  const profLast = rows.profFirst + model.payments.length - 1;
  b.push(
    { address: at('label', profLast + 1), value: x.input.profileNote, style: 'note' },
    { address: at('label', profLast + 2), value: x.input.vatNote, style: 'note' },
  );
  b.name(T.vatRates, `${absolute(at('amount', rows.profFirst))}:${absolute(at('amount', profLast))}`);
  return profLast;
}

function cashflowChecks(x: Treso, profLast: number): void {
  const { b, rows } = x;
  const span = (k: (typeof MC.keys)[number]): string => `${mAt(k, rows.measFirst)}:${mAt(k, rows.measLast)}`;
  b.validations.push(
    {
      range: span('type'),
      kind: 'list',
      listName: b.n(LIST_NAMES.measures),
      error: 'Choisissez un type de mesure de la liste (feuille Paramètres).',
    },
    ...(['amount', 'rate', 'fees'] as const).map((k) => ({
      range: span(k),
      kind: 'decimalMin0' as const,
      error: 'Saisissez un nombre positif (pas de texte).',
    })),
    {
      range: `${x.firstCol}${rows.profFirst}:${x.lastCol}${profLast}`,
      kind: 'decimalMin0',
      error: 'Saisissez un pourcentage positif (pas de texte).',
    },
    {
      range: `${at('amount', rows.profFirst)}:${at('amount', profLast)}`,
      kind: 'decimalMin0',
      error: 'Taux de TVA : un pourcentage positif ou nul (20 %, 10 %, 5,5 % ou 0 %).',
    },
  );
  const bal = x.monthRange(rows.balanceRow);
  const cum = x.monthRange(rows.cumRow);
  b.conditionalFormats.push(
    { range: bal, when: 'negative' },
    { range: bal, when: 'positive' },
    { range: cum, when: 'negative' },
    { range: cum, when: 'positive' },
    { range: at('amount', rows.crit), when: 'negative' },
    { range: x.monthRange(rows.afterRow), when: 'negative' },
    { range: mAt('amount', rows.summaryFirst + 2), when: 'positive' },
    ...(x.input.financialCosts
      ? [{ range: mAt('amount', rows.summaryFirst + 5), when: 'negative' as const }]
      : []),
  );
}

/**
 * Trésorerie: month columns from the first month (development or preparation) to PAD delivery,
 * then "après livraison", derived from the Paramètres dates; receipts per plan row (by position,
 * so a source inserted in the plan keeps its own milestones), payments per devis chapter spread by
 * editable monthly percentages, balances, the critical period and the measures.
 */
export function cashflowSheet(input: CashflowLayoutInput): {
  sheet: SheetPlan;
  names: NamePlan[];
  charts: ChartPlan[];
} {
  const b = new SheetBuilder(input.naming, 'cashflow');
  const x = tresoContext(b, input);
  b.titled(
    'Trésorerie prévisionnelle',
    `Encaissements : une ligne par source du plan de financement, versée selon ses jalons (colonnes ${milestoneColumn(0)} à ${milestoneColumn(MILESTONES.length - 1)} du plan). Décaissements : une ligne par poste du devis, répartie par les pourcentages mensuels du bas de feuille (modifiables). Mois et phases découlent des dates de la feuille Paramètres. Le crédit d’impôt est encaissé après la clôture de chaque exercice (Paramètres), pas à la livraison. La TVA payée sur les décaissements (taux par poste, modifiables) revient après le délai des Paramètres : l’écart pèse sur le solde. Les mesures (crédit relais, préfinancement) entrent dans la grille à leur mise en place et en sortent à leur remboursement.`,
  );
  jalonRows(x);
  monthHeaders(x);
  const receipts = receiptRows(x);
  const payments = paymentRows(x);
  vatRows(x);
  balanceRows(x);
  measureGridRows(x);
  refundRows(x);
  criticalRows(x, receipts, payments);
  measureRows(x);
  const profLast = profileRows(x);
  cashflowChecks(x, profLast);
  return {
    sheet: b.plan({
      columnWidths: [7, 50, 16, 16, 12, ...Array<number>(x.M).fill(16)],
      freezeRows: PHASE_ROW,
      freezeCols: 2,
      merges: [`A2:${x.lastCol}2`],
      rowHeights: { 2: 30, [JALON_ROW - 1]: 30, [x.rows.profHeader]: 30 },
      print: { orientation: 'landscape', repeatRows: MONTH_ROW },
    }),
    names: b.names,
    charts: [cashflowChart(b.sheet, x.M, x.rows.cumRow, profLast + 4)],
  };
}

/** The chart of the cumulative balance (drawn by the Office adapter). */
function cashflowChart(
  sheet: string,
  monthCount: number,
  cumulativeRow: number,
  anchorRow: number,
): ChartPlan {
  const last = columnLetter(FIRST_MONTH_COL + monthCount - 1);
  return {
    sheet,
    kind: 'line',
    title: 'Solde de trésorerie cumulé',
    source: `${a1(FIRST_MONTH_COL, cumulativeRow)}:${last}${cumulativeRow}`,
    seriesBy: 'rows',
    categories: `${a1(FIRST_MONTH_COL, MONTH_ROW)}:${last}${MONTH_ROW}`,
    anchor: CC.cell('label', anchorRow),
  };
}
