import { OTHER_RECEIPT_ROWS, type ActualCashflow, type ActualReceipt } from '../../domain/cashflow/actual';
import type { CashflowModel } from '../../domain/cashflow/model';
import type { ExpenseInput } from '../../domain/expenses/expenses';
import { isoDay } from '../../domain/isoDay';
import { type Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { CASHFLOW_NAMES } from '../cashflow/contract';
import { MONTH_FORMAT } from '../cashflow/contract';
import { EXPENSE_NAMES } from '../expenses/contract';
import { FINANCING_NAMES } from '../financing/contract';
import { FOLLOWUP_NAMES } from '../followup/contract';
import type { Naming } from '../model/naming';
import {
  NUMFMT,
  absolute,
  columnLetter,
  figureRows,
  type CellPlan,
  type NamedFigure,
  type NamePlan,
  type SheetPlan,
} from '../model/plan';
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

/**
 * Trésorerie réelle: the Trésorerie's months, and under each, what was really cashed (typed per
 * source of the plan, plus other receipts such as a crédit relais) and paid (the pieces paid in
 * the Dépenses, HT like the forecast, by month of payment) next to the forecast, with the gaps;
 * the real cumulative balance up to the Suivi's "Situation au", then the forecast's balances from
 * there: the updated cumulative balance and its critical period.
 */
export function actualCashflowSheet(input: ActualLayoutInput): ActualLayout {
  const { cashflow, naming } = input;
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('actualCashflow');
  const M = cashflow.months.length;
  const sources = cashflow.receipts.map((r) => r.label);
  const result = input.actual;
  const mc = (k: number): string => columnLetter(ACTUAL_FIRST_MONTH_INDEX + k);
  const first = mc(0);
  const last = mc(M - 1);
  const across = (row: number): string => `${first}${row}:${last}${row}`;
  const absAcross = (row: number): string => `$${first}$${row}:$${last}$${row}`;
  const blank = (v: Money | null, real: boolean): number | string => (real && v ? num(v) : '');
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Trésorerie réelle — le réel à côté du prévisionnel', style: 'title' },
    {
      address: 'A2',
      value:
        input.note ??
        'Encaissements reçus : saisis par mois, une ligne par source du plan, puis les autres encaissements hors plan (remboursement de TVA, recette imprévue) ; les mesures de trésorerie (crédit relais, préfinancement) restent dans la feuille Trésorerie. Décaissements payés : les pièces payées de la feuille Dépenses, HT comme le prévisionnel, au mois de leur paiement. Les mois jusqu’à la date de situation du suivi budgétaire sont réels ; ensuite le solde actualisé suit le prévisionnel (avant mesures) : ce qui était prévu avant la situation et n’a pas eu lieu est rattrapé le mois suivant, avec le dépassement estimé par le suivi budgétaire.',
      style: 'banner',
    },
    { address: 'A4', value: 'Situation au', style: 'label' },
    {
      address: ACTUAL_SITUATION_CELL,
      formula: `IF(N(${n(FOLLOWUP_NAMES.date)})=0,"",${n(FOLLOWUP_NAMES.date)})`,
      result: isoDay(input.situation) ?? '',
      numFmt: NUMFMT.date,
      style: 'computed',
    },
    { address: 'C4', value: '(date du suivi budgétaire)', style: 'note' },
    { address: `${A}${ACTUAL_MONTH_ROW}`, value: 'Mois', style: 'header' },
    { address: `${B}${ACTUAL_MONTH_ROW}`, value: 'Total', style: 'header' },
    { address: `${A}${ACTUAL_KIND_ROW}`, value: 'Réel ou prévisionnel', style: 'header' },
  ];
  const sit = absolute(ACTUAL_SITUATION_CELL);
  const month = (k: number): string => `${mc(k)}$${ACTUAL_MONTH_ROW}`;
  const kind = (k: number): string => `${mc(k)}$${ACTUAL_KIND_ROW}`;
  const isReal = (k: number): string => `${kind(k)}="${ACTUAL_KINDS.real}"`;
  for (let k = 0; k < M; k += 1) {
    const m = cashflow.months[k] ?? null;
    const months = n(CASHFLOW_NAMES.months);
    cells.push({
      address: `${mc(k)}${ACTUAL_MONTH_ROW}`,
      formula: `IF(INDEX(${months},1,${k + 1})="","",INDEX(${months},1,${k + 1}))`,
      result: m ?? '',
      numFmt: MONTH_FORMAT,
      style: 'header',
    });
    cells.push({
      address: `${mc(k)}${ACTUAL_KIND_ROW}`,
      formula: `IF(${month(k)}="","",IF(AND(N(${sit})>0,${month(k)}<=${sit}),"${ACTUAL_KINDS.real}","${ACTUAL_KINDS.forecast}"))`,
      result: m === null ? '' : result.past[k] ? ACTUAL_KINDS.real : ACTUAL_KINDS.forecast,
      style: 'computed',
    });
  }
  const totalOf = (row: number, value: Money, style: CellPlan['style'] = 'computed'): void => {
    cells.push({
      address: `${B}${row}`,
      formula: `SUM(${across(row)})`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style,
    });
  };
  const monthRow = (
    row: number,
    label: string,
    formula: (k: number) => string,
    value: (k: number) => number | string,
    style: CellPlan['style'] = 'computed',
  ): void => {
    cells.push({ address: `${A}${row}`, value: label, style: style === 'computed' ? 'label' : style });
    for (let k = 0; k < M; k += 1)
      cells.push({
        address: `${mc(k)}${row}`,
        formula: formula(k),
        result: value(k),
        numFmt: NUMFMT.euro,
        style,
      });
  };

  // ---- Receipts: typed per source of the plan, then other receipts.
  let row = ACTUAL_KIND_ROW + 2;
  cells.push({
    address: `${A}${row}`,
    value: 'ENCAISSEMENTS REÇUS — par source du plan de financement (à saisir au mois de réception)',
    style: 'chapter',
  });
  row += 1;
  /** A row of receipts typed month by month (blank where none), with its total; then the next row. */
  const typedMonths = (parts: readonly Money[]): void => {
    totalOf(row, sum(parts));
    for (let k = 0; k < M; k += 1) {
      const v = parts[k] ?? ZERO;
      cells.push({
        address: `${mc(k)}${row}`,
        value: v.isZero() ? null : num(v),
        numFmt: NUMFMT.euro,
        style: 'input',
      });
    }
    row += 1;
  };
  const recFirst = row;
  result.bySource.forEach((parts, i) => {
    cells.push({
      address: `${A}${row}`,
      formula: `INDEX(${n(FINANCING_NAMES.sources)},${i + 1})&""`,
      result: sources[i] ?? '',
      style: 'computed',
    });
    typedMonths(parts);
  });
  const others = [
    ...result.others,
    ...Array.from({ length: OTHER_RECEIPT_ROWS }, () => ({ label: '', parts: [] as Money[] })),
  ];
  others.forEach((o) => {
    cells.push({ address: `${A}${row}`, value: o.label || null, style: 'input' });
    typedMonths(o.parts);
  });
  const recLast = row - 1;
  const recTotal = row;
  monthRow(
    recTotal,
    'Total des encaissements reçus',
    (k) => `SUM(${mc(k)}${recFirst}:${mc(k)}${recLast})`,
    (k) => num(result.receipts[k] ?? ZERO),
    'subtotal',
  );
  totalOf(recTotal, sum(result.receipts), 'subtotal');
  /** Under a real row: the forecast row of the Trésorerie (and its total), then the gap of the real months. */
  const againstForecast = (
    realRow: number,
    what: 'Encaissements' | 'Décaissements',
    forecastName: string,
    forecast: Money[],
    real: Money[],
    gapLabel: string,
  ): { forecastRow: number; gapRow: number } => {
    const forecastRow = realRow + 1;
    monthRow(
      forecastRow,
      `${what} prévus (Trésorerie)`,
      (k) => `INDEX(${n(forecastName)},1,${k + 1})`,
      (k) => num(forecast[k] ?? ZERO),
    );
    totalOf(forecastRow, sum(forecast));
    const gapRow = forecastRow + 1;
    monthRow(
      gapRow,
      gapLabel,
      (k) => `IF(${isReal(k)},${mc(k)}${realRow}-${mc(k)}${forecastRow},"")`,
      (k) => blank((real[k] ?? ZERO).minus(forecast[k] ?? ZERO), result.past[k] ?? false),
    );
    return { forecastRow, gapRow };
  };
  const { forecastRow: recForecast, gapRow: recGap } = againstForecast(
    recTotal,
    'Encaissements',
    CASHFLOW_NAMES.receiptsByMonth,
    cashflow.summary.receipts,
    result.receipts,
    'Écart reçu − prévu (mois réels)',
  );

  // ---- Payments: the pieces paid in the Dépenses, by month of payment.
  const payTitle = recGap + 2;
  cells.push({
    address: `${A}${payTitle}`,
    value: 'DÉCAISSEMENTS PAYÉS — pièces payées de la feuille Dépenses (HT), au mois de leur paiement',
    style: 'chapter',
  });
  const payReal = payTitle + 1;
  const L = {
    ht: n(EXPENSE_NAMES.lineHT),
    status: n(EXPENSE_NAMES.lineStatus),
    paidOn: n(EXPENSE_NAMES.linePaidOn),
  };
  monthRow(
    payReal,
    'Décaissements payés',
    (k) => {
      const from = k === 0 ? '' : `,${L.paidOn},">="&${month(k)}`;
      const to = k === M - 1 ? '' : `,${L.paidOn},"<"&EDATE(${month(k)},1)`;
      return `IF(${isReal(k)},SUMIFS(${L.ht},${L.status},"Payé"${from}${to}),"")`;
    },
    (k) => blank(result.payments[k] ?? ZERO, result.past[k] ?? false),
    'subtotal',
  );
  totalOf(payReal, sum(result.payments.filter((_, k) => result.past[k])), 'subtotal');
  const { forecastRow: payForecast, gapRow: payGap } = againstForecast(
    payReal,
    'Décaissements',
    CASHFLOW_NAMES.paymentsByMonth,
    cashflow.summary.payments,
    result.payments,
    'Écart payé − prévu (mois réels)',
  );

  // ---- Balances: real up to the situation, then the forecast's months.
  const balTitle = payGap + 2;
  cells.push({ address: `${A}${balTitle}`, value: 'SOLDES', style: 'chapter' });
  const balReal = balTitle + 1;
  monthRow(
    balReal,
    'Solde du mois réel',
    (k) => `IF(${isReal(k)},${mc(k)}${recTotal}-${mc(k)}${payReal},"")`,
    (k) => blank((result.receipts[k] ?? ZERO).minus(result.payments[k] ?? ZERO), result.past[k] ?? false),
  );
  const cumReal = balReal + 1;
  monthRow(
    cumReal,
    'Solde cumulé réel',
    (k) =>
      k === 0
        ? `IF(${isReal(k)},${mc(k)}${balReal},"")`
        : `IF(${isReal(k)},N(${mc(k - 1)}${cumReal})+${mc(k)}${balReal},"")`,
    (k) => blank(result.cumulative[k] ?? null, result.past[k] ?? false),
    'total',
  );
  const cumForecast = cumReal + 1;
  monthRow(
    cumForecast,
    'Solde cumulé prévisionnel (avant mesures)',
    (k) => `INDEX(${n(CASHFLOW_NAMES.cumulative)},1,${k + 1})`,
    (k) => num(cashflow.summary.cumulative[k] ?? ZERO),
  );
  // The first forecast month (after the real ones, or the first when none is): the catch-up and
  // the overrun go there.
  const firstForecast = (k: number): string =>
    k === 0
      ? `${kind(k)}="${ACTUAL_KINDS.forecast}"`
      : `AND(${kind(k)}="${ACTUAL_KINDS.forecast}",${kind(k - 1)}="${ACTUAL_KINDS.real}")`;
  const forecastValue = (xs: Money[], k: number): number | string =>
    result.past[k] ? '' : num(xs[k] ?? ZERO);
  const catchUp = cumForecast + 1;
  monthRow(
    catchUp,
    'Rattrapage : encaissements en retard et paiements encore dus (mois suivant la situation)',
    (k) =>
      k === 0
        ? `IF(${isReal(k)},"",0)`
        : `IF(${isReal(k)},"",IF(${firstForecast(k)},${mc(k - 1)}${cumForecast}-${mc(k - 1)}${cumReal},0))`,
    (k) => forecastValue(result.catchUp, k),
  );
  const overrun = catchUp + 1;
  monthRow(
    overrun,
    'Dépassement estimé par le suivi budgétaire (coût estimé final au-delà du devis)',
    (k) => `IF(${isReal(k)},"",IF(${firstForecast(k)},-MAX(0,${n(FOLLOWUP_NAMES.boardValues.gap)}),0))`,
    (k) => forecastValue(result.overrun, k),
  );
  const updated = overrun + 1;
  monthRow(
    updated,
    'Solde cumulé actualisé (réel, puis prévisionnel rattrapé)',
    (k) =>
      `IF(${isReal(k)},${mc(k)}${cumReal},${k === 0 ? '' : `${mc(k - 1)}${updated}+`}${mc(k)}${recForecast}-${mc(k)}${payForecast}+N(${mc(k)}${catchUp})+N(${mc(k)}${overrun}))`,
    (k) => num(result.updated[k] ?? ZERO),
    'total',
  );

  // ---- The updated critical period.
  const critTitle = updated + 2;
  cells.push({ address: `${A}${critTitle}`, value: 'PÉRIODE CRITIQUE ACTUALISÉE', style: 'section' });
  const realCount = `COUNTIF(${absAcross(ACTUAL_KIND_ROW)},"${ACTUAL_KINDS.real}")`;
  const realMonths = result.past.filter(Boolean).length;
  const critical: NamedFigure[] = [
    {
      label: 'Solde cumulé actualisé le plus bas',
      name: ACTUAL_NAMES.lowest,
      formula: `MIN(${across(updated)})`,
      result: num(result.lowest),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Mois du solde le plus bas',
      name: ACTUAL_NAMES.criticalMonth,
      formula: `INDEX(${n(ACTUAL_NAMES.months)},1,MATCH(${n(ACTUAL_NAMES.lowest)},${across(updated)},0))`,
      result: cashflow.months[result.lowestIndex] ?? '',
      numFmt: MONTH_FORMAT,
    },
    {
      label: 'Nombre de mois en déficit (solde actualisé négatif)',
      name: ACTUAL_NAMES.deficitMonths,
      formula: `COUNTIF(${across(updated)},"<0")`,
      result: result.deficitMonths,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Besoin de financement actualisé',
      name: ACTUAL_NAMES.need,
      formula: `MAX(0,-${n(ACTUAL_NAMES.lowest)})`,
      result: num(result.need),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart du solde cumulé à la date de situation (réel − prévu)',
      name: ACTUAL_NAMES.gapAtSituation,
      formula: `IF(${realCount}=0,0,INDEX(${across(cumReal)},1,${realCount})-INDEX(${across(cumForecast)},1,${realCount}))`,
      result: num(realMonths === 0 ? ZERO : result.gapAtSituation),
      numFmt: NUMFMT.euro,
    },
  ];
  const names: NamePlan[] = [
    { name: n(ACTUAL_NAMES.situation), sheet: name, ref: absolute(ACTUAL_SITUATION_CELL) },
    { name: n(ACTUAL_NAMES.months), sheet: name, ref: absAcross(ACTUAL_MONTH_ROW) },
    { name: n(ACTUAL_NAMES.receipts), sheet: name, ref: absAcross(recTotal) },
    { name: n(ACTUAL_NAMES.payments), sheet: name, ref: absAcross(payReal) },
    { name: n(ACTUAL_NAMES.cumulative), sheet: name, ref: absAcross(cumReal) },
    { name: n(ACTUAL_NAMES.updated), sheet: name, ref: absAcross(updated) },
  ];
  const figures = figureRows(
    critical,
    { firstRow: critTitle + 1, labelCol: A, valueCol: B, sheet: name, emphasised: 4 },
    n,
  );
  cells.push(...figures.cells);
  names.push(...figures.names);
  const prevNeed = critTitle + 1 + critical.length;
  cells.push({
    address: `${A}${prevNeed}`,
    value: 'Besoin prévu (Trésorerie), pour comparer',
    style: 'label',
  });
  cells.push({
    address: `${B}${prevNeed}`,
    formula: n(CASHFLOW_NAMES.need),
    result: num(cashflow.summary.need),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });

  return {
    sheet: {
      name,
      cells,
      columnWidths: [52, 15, ...Array<number>(M).fill(13)],
      freezeRows: ACTUAL_KIND_ROW,
      validations: [],
      conditionalFormats: [
        { range: across(cumReal), when: 'negative' },
        { range: across(updated), when: 'negative' },
      ],
      merges: [`A2:${last}2`],
      rowHeights: { 2: 45 },
      print: { orientation: 'landscape', repeatRows: ACTUAL_KIND_ROW },
    },
    names,
    result,
  };
}
