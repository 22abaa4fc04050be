import {
  OTHER_RECEIPT_ROWS,
  PAYMENT_DELAY_MEASURES,
  type ActualCashflow,
  type ActualReceipt,
} from '../../domain/cashflow/actual';
import type { CashflowModel } from '../../domain/cashflow/model';
import type { ExpenseInput } from '../../domain/expenses/expenses';
import { isoDay } from '../../domain/isoDay';
import { type Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { CASHFLOW_NAMES } from '../cashflow/contract';
import { MONTH_FORMAT } from '../cashflow/contract';
import { PARAMS_NAMES } from '../params/contract';
import { EXPENSE_NAMES } from '../expenses/contract';
import { FINANCING_NAMES } from '../financing/contract';
import { FOLLOWUP_NAMES } from '../followup/contract';
import { SheetBuilder } from '../model/builder';
import { MonthGrid } from '../model/monthGrid';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, figureRows, type NamedFigure, type NamePlan, type SheetPlan } from '../model/plan';
import {
  ACTUAL_FIRST_MONTH_INDEX,
  ACTUAL_KIND_ROW,
  ACTUAL_KINDS,
  ACTUAL_LABEL_COL as A,
  ACTUAL_MONTH_ROW,
  ACTUAL_NAMES,
  ACTUAL_SITUATION_CELL,
  ACTUAL_TOTAL_COL as B,
} from './contract';

const num = (m: Money): number => toCellNumber(m);

export interface ActualLayoutInput {
  cashflow: CashflowModel;
  receipts: ActualReceipt[];
  expenses: readonly ExpenseInput[];
  /** The Suivi budgétaire's "Situation au" (ISO day), which this sheet links to. */
  situation: string | null;
  /** The real and updated cash flow computed by the domain. */
  actual: ActualCashflow;
  naming: Naming;
  note?: string;
}

export interface ActualLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: ActualCashflow;
}

/** What every block of the sheet refers to: the month grid, the domain's figures, the kind row. */
interface Actual {
  g: MonthGrid;
  b: SheetBuilder;
  result: ActualCashflow;
  cashflow: CashflowModel;
  month: (k: number) => string;
  kind: (k: number) => string;
  isReal: (k: number) => string;
}

const blank = (v: Money | null, real: boolean): number | string => (real && v ? num(v) : '');

function actualContext(b: SheetBuilder, input: ActualLayoutInput): Actual {
  const g = new MonthGrid(b, input.cashflow.months.length, ACTUAL_FIRST_MONTH_INDEX, A, B);
  const kind = (k: number): string => `${g.col(k)}$${ACTUAL_KIND_ROW}`;
  return {
    g,
    b,
    result: input.actual,
    cashflow: input.cashflow,
    month: (k) => `${g.col(k)}$${ACTUAL_MONTH_ROW}`,
    kind,
    isReal: (k) => `${kind(k)}="${ACTUAL_KINDS.real}"`,
  };
}

/** The situation date, then the months (from the Trésorerie) and whether each is real or forecast. */
function monthHeader(x: Actual, situation: string | null): void {
  const { b, g, result } = x;
  b.push(
    { address: 'A4', value: 'Situation au', style: 'label' },
    {
      address: ACTUAL_SITUATION_CELL,
      formula: `IF(N(${b.n(FOLLOWUP_NAMES.date)})=0,"",${b.n(FOLLOWUP_NAMES.date)})`,
      result: isoDay(situation) ?? '',
      numFmt: NUMFMT.date,
      style: 'computed',
    },
    { address: 'C4', value: '(date du suivi budgétaire)', style: 'note' },
    { address: `${A}${ACTUAL_MONTH_ROW}`, value: 'Mois', style: 'header' },
    { address: `${B}${ACTUAL_MONTH_ROW}`, value: 'Total', style: 'header' },
    { address: `${A}${ACTUAL_KIND_ROW}`, value: 'Réel ou prévisionnel', style: 'header' },
  );
  const sit = absolute(ACTUAL_SITUATION_CELL);
  const months = b.n(CASHFLOW_NAMES.months);
  for (let k = 0; k < g.months; k += 1) {
    const m = x.cashflow.months[k] ?? null;
    b.push(
      {
        address: `${g.col(k)}${ACTUAL_MONTH_ROW}`,
        formula: `IF(INDEX(${months},1,${k + 1})="","",INDEX(${months},1,${k + 1}))`,
        result: m ?? '',
        numFmt: MONTH_FORMAT,
        style: 'header',
      },
      {
        address: `${g.col(k)}${ACTUAL_KIND_ROW}`,
        formula: `IF(${x.month(k)}="","",IF(AND(N(${sit})>0,${x.month(k)}<=${sit}),"${ACTUAL_KINDS.real}","${ACTUAL_KINDS.forecast}"))`,
        result: m === null ? '' : result.past[k] ? ACTUAL_KINDS.real : ACTUAL_KINDS.forecast,
        style: 'computed',
      },
    );
  }
}

/** Under a real row: the forecast row of the Trésorerie (and its total), then the gap of the real months. */
function againstForecast(
  x: Actual,
  realRow: number,
  what: 'Encaissements' | 'Décaissements',
  forecastName: string,
  forecast: Money[],
  real: Money[],
  gapLabel: string,
): { forecastRow: number; gapRow: number } {
  const { g, b } = x;
  const forecastRow = realRow + 1;
  g.monthRow(
    forecastRow,
    `${what} prévus (Trésorerie)`,
    (k) => `INDEX(${b.n(forecastName)},1,${k + 1})`,
    (k) => num(forecast[k] ?? ZERO),
  );
  g.totalOf(forecastRow, sum(forecast));
  const gapRow = forecastRow + 1;
  g.monthRow(
    gapRow,
    gapLabel,
    (k) => `IF(${x.isReal(k)},${g.col(k)}${realRow}-${g.col(k)}${forecastRow},"")`,
    (k) => blank((real[k] ?? ZERO).minus(forecast[k] ?? ZERO), x.result.past[k] ?? false),
  );
  return { forecastRow, gapRow };
}

type Receipts = {
  recTotal: number;
  recForecast: number;
  recGap: number;
  /** The rows of the plan's sources (none: srcLast < srcFirst). */
  srcFirst: number;
  srcLast: number;
};

/** Receipts typed per source of the plan, then other receipts; their total against the forecast. */
function receiptRows(x: Actual): Receipts {
  const { g, b, result } = x;
  let row = ACTUAL_KIND_ROW + 2;
  b.push({
    address: `${A}${row}`,
    value: 'ENCAISSEMENTS REÇUS — par source du plan de financement (à saisir au mois de réception)',
    style: 'chapter',
  });
  row += 1;
  const recFirst = row;
  const sources = x.cashflow.receipts.map((r) => r.label);
  result.bySource.forEach((parts, i) => {
    b.push({
      address: `${A}${row}`,
      formula: `INDEX(${b.n(FINANCING_NAMES.sources)},${i + 1})&""`,
      result: sources[i] ?? '',
      style: 'computed',
    });
    g.typedRow(row++, parts);
  });
  const srcLast = row - 1;
  const others = [
    ...result.others,
    ...Array.from({ length: OTHER_RECEIPT_ROWS }, () => ({ label: '', parts: [] as Money[] })),
  ];
  for (const o of others) {
    b.push({ address: `${A}${row}`, value: o.label || null, style: 'input' });
    g.typedRow(row++, o.parts);
  }
  const recLast = row - 1;
  const recTotal = row;
  g.monthRow(
    recTotal,
    'Total des encaissements reçus',
    (k) => `SUM(${g.col(k)}${recFirst}:${g.col(k)}${recLast})`,
    (k) => num(result.receipts[k] ?? ZERO),
    'subtotal',
  );
  g.totalOf(recTotal, sum(result.receipts), 'subtotal');
  const { forecastRow, gapRow } = againstForecast(
    x,
    recTotal,
    'Encaissements',
    CASHFLOW_NAMES.receiptsByMonth,
    x.cashflow.summary.receipts,
    result.receipts,
    'Écart reçu − prévu (mois réels)',
  );
  return { recTotal, recForecast: forecastRow, recGap: gapRow, srcFirst: recFirst, srcLast };
}

/**
 * What the pieces paid in month k come to in a ledger column (HT or TVA): the first month also
 * takes earlier payments, the last one later payments.
 */
function paidInMonth(x: Actual, column: string, k: number): string {
  const { b, g } = x;
  const paidOn = b.n(EXPENSE_NAMES.linePaidOn);
  const from = k === 0 ? '' : `,${paidOn},">="&${x.month(k)}`;
  const to = k === g.months - 1 ? '' : `,${paidOn},"<"&EDATE(${x.month(k)},1)`;
  return `SUMIFS(${b.n(column)},${b.n(EXPENSE_NAMES.lineStatus)},"Payé"${from}${to})`;
}

type Payments = { payReal: number; payForecast: number; payGap: number; vatPaid: number; vatBack: number };

/** The pieces paid in the Dépenses, by month of payment, against the forecast. */
function paymentRows(x: Actual, after: number): Payments {
  const { g, b, result } = x;
  const payTitle = after + 2;
  b.push({
    address: `${A}${payTitle}`,
    value: 'DÉCAISSEMENTS PAYÉS — pièces payées de la feuille Dépenses (HT), au mois de leur paiement',
    style: 'chapter',
  });
  const payReal = payTitle + 1;
  g.monthRow(
    payReal,
    'Décaissements payés',
    (k) => `IF(${x.isReal(k)},${paidInMonth(x, EXPENSE_NAMES.lineHT, k)},"")`,
    (k) => blank(result.payments[k] ?? ZERO, result.past[k] ?? false),
    'subtotal',
  );
  g.totalOf(payReal, sum(result.payments.filter((_, k) => result.past[k])), 'subtotal');
  const { forecastRow, gapRow } = againstForecast(
    x,
    payReal,
    'Décaissements',
    CASHFLOW_NAMES.paymentsByMonth,
    x.cashflow.summary.payments,
    result.payments,
    'Écart payé − prévu (mois réels)',
  );
  return { payReal, payForecast: forecastRow, payGap: gapRow, ...vatRows(x, gapRow + 1) };
}

/**
 * The VAT of the pieces paid (real months) and what comes back of it after the Paramètres delay;
 * in the forecast months, the Trésorerie's VAT rows.
 */
function vatRows(x: Actual, vatPaid: number): { vatPaid: number; vatBack: number } {
  const { g, b, result } = x;
  const forecast = (name: string, k: number): string => `INDEX(${b.n(name)},1,${k + 1})`;
  g.monthRow(
    vatPaid,
    'TVA payée (pièces payées ; mois prévisionnels : Trésorerie)',
    (k) =>
      `IF(${x.isReal(k)},${paidInMonth(x, EXPENSE_NAMES.lineTVA, k)},${forecast(CASHFLOW_NAMES.vatPaid, k)})`,
    (k) => num(result.vat.paid[k] ?? ZERO),
  );
  g.totalOf(vatPaid, sum(result.vat.paid));
  const vatBack = vatPaid + 1;
  const paid = g.absAcross(vatPaid);
  const months = b.n(ACTUAL_NAMES.months);
  g.monthRow(
    vatBack,
    'TVA récupérée (délai des Paramètres, sur la TVA payée ci-dessus ; le dernier mois prend le reste)',
    (k) => {
      const m = x.month(k);
      const before = k === 0 ? '' : `-SUM(${g.col(0)}${vatBack}:${g.col(k - 1)}${vatBack})`;
      const upTo = `IF(${m}=MAX(${months}),SUM(${paid}),SUMPRODUCT(${paid}*(${months}<=EDATE(${m},-N(${b.n(PARAMS_NAMES.vatDelay)})))))`;
      return `IF(${m}="",0,${upTo}${before})`;
    },
    (k) => num(result.vat.recovered[k] ?? ZERO),
  );
  g.totalOf(vatBack, sum(result.vat.recovered));
  b.name(ACTUAL_NAMES.vatPaid, g.absAcross(vatPaid)).name(ACTUAL_NAMES.vatRecovered, g.absAcross(vatBack));
  return { vatPaid, vatBack };
}

type Balances = { cumReal: number; cumForecast: number; updated: number };

/** The real balances up to the situation, the forecast's, the catch-up and the overrun. */
function realBalanceRows(x: Actual, rec: Receipts, pay: Payments): Balances {
  const { g, b, result } = x;
  const balTitle = pay.vatBack + 2;
  b.push({ address: `${A}${balTitle}`, value: 'SOLDES', style: 'chapter' });
  const balReal = balTitle + 1;
  g.monthRow(
    balReal,
    'Solde du mois réel',
    (k) =>
      `IF(${x.isReal(k)},ROUND(${g.col(k)}${rec.recTotal}-${g.col(k)}${pay.payReal}-${g.col(k)}${pay.vatPaid}+${g.col(k)}${pay.vatBack},2),"")`,
    (k) =>
      blank(
        (result.receipts[k] ?? ZERO)
          .minus(result.payments[k] ?? ZERO)
          .minus(result.vat.paid[k] ?? ZERO)
          .plus(result.vat.recovered[k] ?? ZERO),
        result.past[k] ?? false,
      ),
  );
  const cumReal = balReal + 1;
  g.monthRow(
    cumReal,
    'Solde cumulé réel',
    (k) =>
      k === 0
        ? `IF(${x.isReal(k)},${g.col(k)}${balReal},"")`
        : `IF(${x.isReal(k)},ROUND(N(${g.col(k - 1)}${cumReal})+${g.col(k)}${balReal},2),"")`,
    (k) => blank(result.cumulative[k] ?? null, result.past[k] ?? false),
    'total',
  );
  const cumForecast = cumReal + 1;
  g.monthRow(
    cumForecast,
    'Solde cumulé prévisionnel (avant mesures)',
    (k) => `INDEX(${b.n(CASHFLOW_NAMES.cumulative)},1,${k + 1})`,
    (k) => num(x.cashflow.summary.cumulative[k] ?? ZERO),
  );
  return { cumReal, cumForecast, updated: updatedRows(x, rec, pay, cumReal, cumForecast) };
}

/** Whether month k is the first to come (after the real ones, or the very first when none is). */
function firstToCome(x: Actual, k: number): string {
  return k === 0
    ? `${x.kind(k)}="${ACTUAL_KINDS.forecast}"`
    : `AND(${x.kind(k)}="${ACTUAL_KINDS.forecast}",${x.kind(k - 1)}="${ACTUAL_KINDS.real}")`;
}

/** A month to come's formula: blank in the real months, zero under a month without a date. */
const comingOnly = (x: Actual, k: number, f: string): string =>
  `IF(${x.isReal(k)},"",IF(${x.month(k)}="",0,${f}))`;

/** In the months to come, the domain's figure; blank in the real ones. */
const toCome = (x: Actual, xs: readonly Money[], k: number): number | string =>
  x.result.past[k] ? '' : num(xs[k] ?? ZERO);

/**
 * Receipts expected in the months to come: the plan's schedule, and in the first of them what the
 * schedule placed in the real months and the plan's sources did not bring (late; early: less).
 */
function expectedRow(x: Actual, row: number, rec: Receipts): void {
  const { g } = x;
  g.monthRow(
    row,
    'Encaissements attendus : échéances du plan (en retard : au premier mois à venir)',
    (k) => {
      const late =
        k === 0 || rec.srcLast < rec.srcFirst
          ? ''
          : `+IF(${firstToCome(x, k)},SUM(${g.col(0)}${rec.recForecast}:${g.col(k - 1)}${rec.recForecast})-SUM(${g.col(0)}${rec.srcFirst}:${g.col(k - 1)}${rec.srcLast}),0)`;
      return comingOnly(x, k, `${g.col(k)}${rec.recForecast}${late}`);
    },
    (k) => toCome(x, x.result.expected, k),
  );
  g.totalOf(row, sum(x.result.expected));
  x.b.name(ACTUAL_NAMES.expected, g.absAcross(row));
}

/**
 * The pieces committed and not paid (Engagé), HT, at their payment date: the first month to come
 * takes those without a date or due before it, the last month those after the grid.
 */
function committedRow(x: Actual, row: number): void {
  const { g, b } = x;
  const engaged = `${b.n(EXPENSE_NAMES.lineHT)},${b.n(EXPENSE_NAMES.lineStatus)},"Engagé"`;
  const from = (m: string): string => `SUMIFS(${engaged},${b.n(EXPENSE_NAMES.linePaidOn)},">="&${m})`;
  g.monthRow(
    row,
    'Engagements à payer : pièces engagées, à leur date de paiement (sans date ou échues : au premier mois à venir)',
    (k) => {
      const upTo = k === g.months - 1 ? '' : `-${from(`EDATE(${x.month(k)},1)`)}`;
      return comingOnly(x, k, `IF(${firstToCome(x, k)},SUMIFS(${engaged}),${from(x.month(k))})${upTo}`);
    },
    (k) => toCome(x, x.result.committed, k),
  );
  g.totalOf(row, sum(x.result.committed));
  b.name(ACTUAL_NAMES.committed, g.absAcross(row));
}

/**
 * What is still to commit — the forecast payments and the Suivi's estimated overrun, less what the
 * real months paid and what is committed — in the total column, spread over the months to come as
 * the forecast payments are (each month the difference of the rounded cumulative shares, so the
 * months add up to the cent); all in the first month to come when the forecast has none left.
 */
function toCommitRow(x: Actual, row: number, pay: Payments, committed: number): void {
  const { g, b, result } = x;
  const total = `$${B}$${row}`;
  const kinds = (k: number): string => `$${g.col(0)}$${ACTUAL_KIND_ROW}:${g.col(k)}$${ACTUAL_KIND_ROW}`;
  const weights = (k: number): string => `$${g.col(0)}$${pay.payForecast}:${g.col(k)}$${pay.payForecast}`;
  const cum = (k: number): string => `SUMIF(${kinds(k)},"${ACTUAL_KINDS.forecast}",${weights(k)})`;
  const all = cum(g.months - 1);
  const share = (k: number): string => `ROUND(${total}*${cum(k)}/${all},2)`;
  g.monthRow(
    row,
    'Reste à engager : décaissements prévus + dépassement estimé − payé − engagé (au profil des décaissements prévus)',
    (k) =>
      comingOnly(
        x,
        k,
        `IF(${all}=0,IF(${firstToCome(x, k)},${total},0),${share(k)}${k === 0 ? '' : `-${share(k - 1)}`})`,
      ),
    (k) => toCome(x, result.toCommit, k),
  );
  b.push({
    address: `${B}${row}`,
    formula: `MAX(0,${B}${pay.payForecast}+MAX(0,${b.n(FOLLOWUP_NAMES.boardValues.gap)})-${B}${pay.payReal}-${B}${committed})`,
    result: num(result.toCommitTotal),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  b.name(ACTUAL_NAMES.toCommit, g.absAcross(row));
}

/**
 * The months to come rebuilt from what is known at the situation — receipts still expected,
 * pieces committed at their dates, what is still to commit at the forecast's pace — then the
 * updated cumulative balance; its row.
 */
function updatedRows(x: Actual, rec: Receipts, pay: Payments, cumReal: number, cumForecast: number): number {
  const { g, b, result } = x;
  const title = cumForecast + 2;
  b.push({
    address: `${A}${title}`,
    value: 'MOIS À VENIR — réestimés à la date de situation',
    style: 'chapter',
  });
  const expected = title + 1;
  expectedRow(x, expected, rec);
  const committed = expected + 1;
  committedRow(x, committed);
  const toCommit = committed + 1;
  toCommitRow(x, toCommit, pay, committed);
  const updated = toCommit + 1;
  const c = (k: number, row: number): string => `${g.col(k)}${row}`;
  g.monthRow(
    updated,
    'Solde cumulé actualisé (réel, puis mois à venir réestimés)',
    (k) =>
      `IF(${x.isReal(k)},${c(k, cumReal)},ROUND(${k === 0 ? '' : `${c(k - 1, updated)}+`}${c(k, expected)}-${c(k, committed)}-${c(k, toCommit)}-${c(k, pay.vatPaid)}+${c(k, pay.vatBack)},2))`,
    (k) => num(result.updated[k] ?? ZERO),
    'total',
  );
  return updated;
}

/**
 * The cash measures: what was really drawn and repaid, typed in the real months; in the months to
 * come the Trésorerie's schedule of the measures that bring money (drawn at its date, repaid at
 * its repayment) — a payment delay is in the ledger's payment dates; the balance after them.
 */
function measureRows(x: Actual, updated: number): { after: number } {
  const { g, b, result } = x;
  const title = updated + 2;
  b.push({
    address: `${A}${title}`,
    value: 'MESURES DE TRÉSORERIE — tirées et remboursées (réel à saisir ; à venir : Trésorerie)',
    style: 'chapter',
  });
  const drawn = title + 1;
  const repaid = drawn + 1;
  const real = (xs: readonly Money[]): Money[] => xs.map((v, k) => (result.past[k] ? v : ZERO));
  b.push({ address: `${A}${drawn}`, value: 'Mesures tirées (réel, au mois du tirage)', style: 'label' });
  g.typedRow(drawn, real(result.measuresDrawn));
  b.push({
    address: `${A}${repaid}`,
    value: 'Mesures remboursées (réel, au mois du remboursement)',
    style: 'label',
  });
  g.typedRow(repaid, real(result.measuresRepaid));
  const moved = repaid + 1;
  const t = b.n(CASHFLOW_NAMES.measures);
  const col = (i: number): string => `INDEX(${t},0,${i})`;
  const inMonth = (dates: string, k: number): string =>
    `${dates},">="&${x.month(k)},${dates},"<"&EDATE(${x.month(k)},1)`;
  // Only the measures that bring money: a payment delay is in the ledger's payment dates.
  const money = PAYMENT_DELAY_MEASURES.map((type) => `,${col(1)},"<>${type}"`).join('');
  g.monthRow(
    moved,
    'Mouvement des mesures (réel ; à venir : échéancier de la Trésorerie, hors délais de paiement, que les dates des pièces montrent)',
    (k) => {
      const scheduled = `SUMIFS(${col(2)},${inMonth(col(3), k)}${money})-SUMIFS(${col(2)},${inMonth(col(4), k)}${money})`;
      return `IF(${x.isReal(k)},N(${g.col(k)}${drawn})-N(${g.col(k)}${repaid}),IF(${x.month(k)}="",0,${scheduled}))`;
    },
    (k) => num(result.measuresMoved[k] ?? ZERO),
  );
  g.totalOf(moved, sum(result.measuresMoved));
  const after = moved + 1;
  g.monthRow(
    after,
    'Solde cumulé actualisé après mesures',
    (k) => `${g.col(k)}${updated}+SUM($${g.col(0)}$${moved}:${g.col(k)}${moved})`,
    (k) => num(result.afterMeasures[k] ?? ZERO),
    'total',
  );
  return { after };
}

/** The updated critical period, and the forecast need beside it to compare. */
function criticalRows(x: Actual, bal: Balances, after: number): void {
  const { g, b, result } = x;
  const critTitle = after + 2;
  b.push({ address: `${A}${critTitle}`, value: 'PÉRIODE CRITIQUE ACTUALISÉE', style: 'section' });
  const realCount = `COUNTIF(${g.absAcross(ACTUAL_KIND_ROW)},"${ACTUAL_KINDS.real}")`;
  const realMonths = result.past.filter(Boolean).length;
  const updated = g.across(bal.updated);
  const critical: NamedFigure[] = [
    {
      label: 'Solde cumulé actualisé le plus bas',
      name: ACTUAL_NAMES.lowest,
      formula: `MIN(${updated})`,
      result: num(result.lowest),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Mois du solde le plus bas',
      name: ACTUAL_NAMES.criticalMonth,
      formula: `INDEX(${b.n(ACTUAL_NAMES.months)},1,MATCH(${b.n(ACTUAL_NAMES.lowest)},${updated},0))`,
      result: x.cashflow.months[result.lowestIndex] ?? '',
      numFmt: MONTH_FORMAT,
    },
    {
      label: 'Nombre de mois en déficit (solde actualisé négatif)',
      name: ACTUAL_NAMES.deficitMonths,
      formula: `COUNTIF(${updated},"<0")`,
      result: result.deficitMonths,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Besoin de financement actualisé',
      name: ACTUAL_NAMES.need,
      formula: `MAX(0,-${b.n(ACTUAL_NAMES.lowest)})`,
      result: num(result.need),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Solde actualisé après mesures le plus bas',
      name: ACTUAL_NAMES.lowestAfterMeasures,
      formula: `MIN(${g.across(after)})`,
      result: num(result.lowestAfter),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Besoin non couvert par les mesures (actualisé)',
      name: ACTUAL_NAMES.uncoveredNeed,
      formula: `MAX(0,-${b.n(ACTUAL_NAMES.lowestAfterMeasures)})`,
      result: num(result.uncovered),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart du solde cumulé à la date de situation (réel − prévu)',
      name: ACTUAL_NAMES.gapAtSituation,
      formula: `IF(${realCount}=0,0,INDEX(${g.across(bal.cumReal)},1,${realCount})-INDEX(${g.across(bal.cumForecast)},1,${realCount}))`,
      result: num(realMonths === 0 ? ZERO : result.gapAtSituation),
      numFmt: NUMFMT.euro,
    },
  ];
  const figures = figureRows(
    critical,
    { firstRow: critTitle + 1, labelCol: A, valueCol: B, sheet: b.sheet, emphasised: 6 },
    (n) => b.n(n),
  );
  b.push(...figures.cells);
  b.names.push(...figures.names);
  const prevNeed = critTitle + 1 + critical.length;
  b.push(
    { address: `${A}${prevNeed}`, value: 'Besoin prévu (Trésorerie), pour comparer', style: 'label' },
    {
      address: `${B}${prevNeed}`,
      formula: b.n(CASHFLOW_NAMES.need),
      result: num(x.cashflow.summary.need),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
  );
}

/**
 * Trésorerie réelle: the Trésorerie's months, and under each, what was really cashed (typed per
 * source of the plan, plus other receipts such as a crédit relais) and paid (the pieces paid in
 * the Dépenses, HT like the forecast, by month of payment) next to the forecast, with the gaps;
 * the real cumulative balance up to the Suivi's "Situation au", then the forecast's balances from
 * there: the updated cumulative balance and its critical period.
 */
export function actualCashflowSheet(input: ActualLayoutInput): ActualLayout {
  const b = new SheetBuilder(input.naming, 'actualCashflow');
  b.titled(
    'Trésorerie réelle — le réel à côté du prévisionnel',
    input.note ??
      'Encaissements reçus : saisis par mois, une ligne par source du plan, puis les autres encaissements hors plan (remboursement de TVA, recette imprévue). Décaissements payés : les pièces payées de la feuille Dépenses, HT comme le prévisionnel, au mois de leur paiement. Les mois jusqu’à la date de situation du suivi budgétaire sont réels. Les mois à venir sont réestimés : les échéances du plan encore attendues (en retard : au premier mois à venir), les pièces engagées à leur date de paiement prévue (colonne « Date de paiement » des Dépenses), et le reste à engager (prévu + dépassement estimé par le suivi − payé − engagé) au rythme des décaissements prévus. Les mesures (crédit relais, avance, préfinancement) tirées et remboursées se saisissent au réel ; ensuite l’échéancier de la Trésorerie s’applique.',
  );
  const x = actualContext(b, input);
  const { g } = x;
  monthHeader(x, input.situation);
  const rec = receiptRows(x);
  const pay = paymentRows(x, rec.recGap);
  const bal = realBalanceRows(x, rec, pay);
  b.name(ACTUAL_NAMES.situation, absolute(ACTUAL_SITUATION_CELL))
    .name(ACTUAL_NAMES.months, g.absAcross(ACTUAL_MONTH_ROW))
    .name(ACTUAL_NAMES.receipts, g.absAcross(rec.recTotal))
    .name(ACTUAL_NAMES.payments, g.absAcross(pay.payReal))
    .name(ACTUAL_NAMES.cumulative, g.absAcross(bal.cumReal))
    .name(ACTUAL_NAMES.updated, g.absAcross(bal.updated));
  const { after } = measureRows(x, bal.updated);
  b.name(ACTUAL_NAMES.afterMeasures, g.absAcross(after));
  criticalRows(x, bal, after);
  b.conditionalFormats.push(
    { range: g.across(bal.cumReal), when: 'negative' },
    { range: g.across(bal.updated), when: 'negative' },
    { range: g.across(after), when: 'negative' },
  );
  return {
    sheet: b.plan({
      columnWidths: [52, 15, ...Array<number>(g.months).fill(13)],
      freezeRows: ACTUAL_KIND_ROW,
      merges: [`A2:${g.last}2`],
      rowHeights: { 2: 45 },
      print: { orientation: 'landscape', repeatRows: ACTUAL_KIND_ROW },
    }),
    names: b.names,
    result: input.actual,
  };
}
