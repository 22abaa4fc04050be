import { milestoneLabels } from '../../domain/financing/categories';
import { PHASE_LABELS } from '../../domain/cashflow/months';
import type { CashflowModel } from '../../domain/cashflow/model';
import { taxCreditCategoryLabels } from '../../domain/financing/categories';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import type { Naming } from '../model/naming';
import { DEVIS_NAMES, chapterNames } from '../devis/contract';
import { FINANCING_NAMES } from '../financing/contract';
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

const PH = PHASE_LABELS;
import {
  NUMFMT,
  a1,
  absolute,
  columnLetter,
  type CellPlan,
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
  const { model, naming } = input;
  const n = (base: string): string => naming.name(base);
  const sheetName = naming.sheet('cashflow');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const M = model.months.length;
  const mc = (k: number): string => columnLetter(FIRST_MONTH_COL + k);
  const firstCol = mc(0);
  const lastCol = mc(M - 1);
  const monthRange = (row: number): string => `${firstCol}${row}:${lastCol}${row}`;
  const dateOrBlank = (d: Date | null): Date | string => d ?? '';
  const at = (k: (typeof CC.keys)[number], row: number): string => CC.cell(k, row);
  const atAbsCol = (k: (typeof CC.keys)[number]): string => `$${CC.letter(k)}`;
  const mAt = (k: (typeof MC.keys)[number], row: number): string => MC.cell(k, row);

  cells.push({ address: 'A1', value: 'Trésorerie prévisionnelle', style: 'title' });
  cells.push({
    address: 'A2',
    value:
      'Encaissements : une ligne par source du plan de financement, versée selon ses jalons (colonnes M à R du plan). Décaissements : une ligne par poste du devis, répartie par les pourcentages mensuels du bas de feuille (modifiables). Mois et phases découlent des dates de la feuille Paramètres. Le crédit d’impôt est encaissé après la clôture de chaque exercice (Paramètres), pas à la livraison. Les mesures (crédit relais, préfinancement) entrent dans la grille à leur mise en place et en sortent à leur remboursement.',
    style: 'banner',
  });

  // Milestone months (row 4), named Treso_Jalons.
  cells.push({ address: at('label', JALON_ROW - 1), value: 'Jalons de versement (mois)', style: 'section' });
  const monthOf = (name: string): string =>
    `IF(N(${n(name)})=0,"",DATE(YEAR(${n(name)}),MONTH(${n(name)}),1))`;
  const jalonFormulas = [
    `${firstCol}${MONTH_ROW}`,
    monthOf(P.prepStart),
    monthOf(P.shootStart),
    monthOf(P.shootEnd),
    monthOf(P.padDelivery),
    `IF(${mc(4)}${JALON_ROW}="","",EDATE(${mc(4)}${JALON_ROW},1))`,
  ];
  milestoneLabels().forEach((label, i) => {
    cells.push({ address: `${mc(i)}${JALON_ROW - 1}`, value: label, style: 'header' });
    cells.push({
      address: `${mc(i)}${JALON_ROW}`,
      formula: jalonFormulas[i] ?? '',
      result: dateOrBlank(model.jalons[i] ?? null),
      numFmt: MONTH_FORMAT,
      style: 'computed',
    });
  });
  names.push({ name: n(T.jalons), sheet: sheetName, ref: `$${mc(0)}$${JALON_ROW}:$${mc(5)}$${JALON_ROW}` });
  const J = (i: number): string => `$${mc(i)}$${JALON_ROW}`;

  // Month and phase headers.
  for (const k of CC.keys) cells.push({ address: at(k, MONTH_ROW), value: CC.header(k), style: 'header' });
  cells.push({ address: at('label', PHASE_ROW), value: 'Phase', style: 'header' });
  const start = `IF(AND(N(${n(P.devStart)})>0,N(${n(P.devStart)})<N(${n(P.prepStart)})),${n(P.devStart)},${n(P.prepStart)})`;
  for (let k = 0; k < M; k += 1) {
    const c = mc(k);
    const formula =
      k === 0
        ? `IF(N(${n(P.prepStart)})=0,"",DATE(YEAR(${start}),MONTH(${start}),1))`
        : `IF(${mc(k - 1)}${MONTH_ROW}="","",EDATE(${mc(k - 1)}${MONTH_ROW},1))`;
    cells.push({
      address: `${c}${MONTH_ROW}`,
      formula,
      result: dateOrBlank(model.months[k] ?? null),
      numFmt: MONTH_FORMAT,
      style: 'header',
    });
    const m = `${c}$${MONTH_ROW}`;
    cells.push({
      address: `${c}${PHASE_ROW}`,
      formula: `IF(${m}="","",IF(${m}<${J(1)},"${PH[0]}",IF(${m}<${J(2)},"${PH[1]}",IF(${m}<=${J(3)},"${PH[2]}",IF(${m}<=${J(4)},"${PH[3]}","${PH[4]}")))))`,
      result: model.phases[k] ?? '',
      style: 'computed',
    });
  }
  names.push({
    name: n(T.months),
    sheet: sheetName,
    ref: `$${firstCol}$${MONTH_ROW}:$${lastCol}$${MONTH_ROW}`,
  });
  names.push({
    name: n(T.phases),
    sheet: sheetName,
    ref: `$${firstCol}$${PHASE_ROW}:$${lastCol}$${PHASE_ROW}`,
  });

  const rowTotals = (row: number, parts: Money[], amount: Money): void => {
    cells.push({
      address: at('scheduled', row),
      formula: `SUM(${monthRange(row)})`,
      result: num(sum(parts)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    cells.push({
      address: at('gap', row),
      formula: `${at('scheduled', row)}-${at('amount', row)}`,
      result: num(sum(parts).minus(amount)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
  };

  // ---- Row plan: receipts, payments, balances, measures in the grid, critical period, measures, profiles.
  const jalonCount = milestoneLabels().length;
  const payFirst = PHASE_ROW + 2 + model.receipts.length + 3;
  const payLast = payFirst + model.payments.length - 1;
  const payTotal = payLast + 1;
  const balanceRow = payTotal + 2;
  const cumRow = balanceRow + 1;
  const drawnRow = cumRow + 1;
  const repaidRow = cumRow + 2;
  const afterRow = cumRow + 3;
  const refundRow = model.refunded ? cumRow + 4 : null;
  const critTitle = (refundRow ?? afterRow) + 2;
  const crit = critTitle + 1; // six rows
  const measTitle = crit + 7;
  const measHeader = measTitle + 1;
  const measRows = [...model.measureRows, ...Array<null>(FREE_MEASURE_ROWS).fill(null)];
  const measFirst = measHeader + 1;
  const measLast = measFirst + measRows.length - 1;
  const summaryFirst = measLast + 1;
  // Total, lowest balance after measures, uncovered need, cost; with a protocol base, the devis's
  // frais financiers and their gap (checked against the lines written below).
  const summaryRows = input.financialCosts ? 6 : 4;
  const profTitle = summaryFirst + summaryRows + 2;
  const profHeader = profTitle + 1;
  const profFirst = profHeader + 1;

  // ---- Receipts
  let row = PHASE_ROW + 1;
  cells.push({
    address: at('label', row),
    value: 'ENCAISSEMENTS — sources du plan de financement, dans l’ordre du plan',
    style: 'chapter',
  });
  row += 1;
  const recFirst = row;
  model.receipts.forEach((r, i) => {
    cells.push({ address: at('rank', row), value: i + 1, numFmt: NUMFMT.integer, style: 'label' });
    cells.push({
      address: at('label', row),
      formula: `INDEX(${n(FINANCING_NAMES.sources)},${atAbsCol('rank')}${row})&""`,
      result: r.label,
      style: 'computed',
    });
    cells.push({
      address: at('amount', row),
      formula: `N(INDEX(${n(FINANCING_NAMES.amounts)},${atAbsCol('rank')}${row}))`,
      result: num(r.amount),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    rowTotals(row, r.parts, r.amount);
    const profile = `INDEX(${n(FINANCING_NAMES.schedule)},${atAbsCol('rank')}${row},0)`;
    // A tax credit's "après livraison" share follows the fiscal-year refund row instead.
    const category = `INDEX(${n(FINANCING_NAMES.categories)},${atAbsCol('rank')}${row})`;
    const isTaxCredit = `OR(${taxCreditCategoryLabels()
      .map((l) => `${category}="${l}"`)
      .join(',')})`;
    const afterShare = `INDEX(${n(FINANCING_NAMES.schedule)},${atAbsCol('rank')}${row},${jalonCount})`;
    // Cumulative refunded share at column `col`, less what the milestones already place after delivery.
    const refundTerm = (col: number, m: string, op: '<=' | '<'): string =>
      refundRow === null
        ? ''
        : `+IF(${isTaxCredit},${afterShare}*(${mc(col)}$${refundRow}-(${J(jalonCount - 1)}${op}${m})),0)`;
    for (let k = 0; k < M; k += 1) {
      const m = `${mc(k)}$${MONTH_ROW}`;
      const upTo = `ROUND(${atAbsCol('amount')}${row}*(SUMPRODUCT(${profile}*(${n(T.jalons)}<=${m}))${refundTerm(k, m, '<=')}),2)`;
      const before = `ROUND(${atAbsCol('amount')}${row}*(SUMPRODUCT(${profile}*(${n(T.jalons)}<${m}))${k === 0 ? '' : refundTerm(k - 1, m, '<')}),2)`;
      cells.push({
        address: `${mc(k)}${row}`,
        formula: k === 0 ? `IF(${m}="",0,${upTo})` : `IF(${m}="",0,${upTo}-${before})`,
        result: num(r.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    }
    row += 1;
  });
  const recLast = row - 1;
  const recTotal = row;
  cells.push({ address: at('label', recTotal), value: 'Total encaissements', style: 'subtotal' });
  const totalReceiptsAmount = sum(model.receipts.map((r) => r.amount));
  for (const [k, v] of [
    ['amount', totalReceiptsAmount],
    ['scheduled', model.summary.totalReceipts],
    ['gap', model.summary.totalReceipts.minus(totalReceiptsAmount)],
  ] as const) {
    cells.push({
      address: at(k, recTotal),
      formula:
        k === 'gap'
          ? `${at('scheduled', recTotal)}-${at('amount', recTotal)}`
          : `SUM(${CC.span(k, recFirst, recLast)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  }
  for (let k = 0; k < M; k += 1) {
    cells.push({
      address: `${mc(k)}${recTotal}`,
      formula: `SUM(${mc(k)}${recFirst}:${mc(k)}${recLast})`,
      result: num(model.summary.receipts[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  }

  // ---- Payments (amounts above, monthly % profiles at the bottom of the sheet)
  if (recTotal + 3 !== payFirst) throw new Error('Trésorerie : plan de lignes incohérent');
  cells.push({
    address: at('label', payFirst - 1),
    value: 'DÉCAISSEMENTS — postes du devis',
    style: 'chapter',
  });

  const devisName = (p: CashflowModel['payments'][number]): string =>
    p.role ? DEVIS_NAMES[p.role].amount : chapterNames(p.code).amount;
  model.payments.forEach((p, i) => {
    const r = payFirst + i;
    const pr = profFirst + i;
    cells.push({ address: at('rank', r), value: p.code, numFmt: NUMFMT.text, style: 'label' });
    cells.push({ address: at('label', r), value: p.label, style: 'label' });
    cells.push({
      address: at('amount', r),
      formula: n(devisName(p)),
      result: num(p.amount),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    rowTotals(r, p.parts, p.amount);
    for (let k = 0; k < M; k += 1) {
      const m = `${mc(k)}$${MONTH_ROW}`;
      const upTo = `ROUND(${atAbsCol('amount')}${r}*SUM($${firstCol}${pr}:${mc(k)}${pr}),2)`;
      const before =
        k === 0 ? '' : `-ROUND(${atAbsCol('amount')}${r}*SUM($${firstCol}${pr}:${mc(k - 1)}${pr}),2)`;
      cells.push({
        address: `${mc(k)}${r}`,
        formula: `IF(${m}="",0,${upTo}${before})`,
        result: num(p.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    }
  });
  cells.push({ address: at('label', payTotal), value: 'Total décaissements', style: 'subtotal' });
  const totalPaymentsAmount = sum(model.payments.map((p) => p.amount));
  for (const [k, v] of [
    ['amount', totalPaymentsAmount],
    ['scheduled', model.summary.totalPayments],
    ['gap', model.summary.totalPayments.minus(totalPaymentsAmount)],
  ] as const) {
    cells.push({
      address: at(k, payTotal),
      formula:
        k === 'gap'
          ? `${at('scheduled', payTotal)}-${at('amount', payTotal)}`
          : `SUM(${CC.span(k, payFirst, payLast)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  }
  for (let k = 0; k < M; k += 1) {
    cells.push({
      address: `${mc(k)}${payTotal}`,
      formula: `SUM(${mc(k)}${payFirst}:${mc(k)}${payLast})`,
      result: num(model.summary.payments[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  }

  // ---- Balances
  cells.push({ address: at('label', balanceRow), value: 'Solde du mois', style: 'total' });
  cells.push({ address: at('label', cumRow), value: 'Solde cumulé', style: 'total' });
  cells.push({
    address: at('scheduled', balanceRow),
    formula: `SUM(${monthRange(balanceRow)})`,
    result: num(model.summary.totalReceipts.minus(model.summary.totalPayments)),
    numFmt: NUMFMT.euro,
    style: 'total',
  });
  for (let k = 0; k < M; k += 1) {
    const c = mc(k);
    cells.push({
      address: `${c}${balanceRow}`,
      formula: `${c}${recTotal}-${c}${payTotal}`,
      result: num(model.summary.balance[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
    cells.push({
      address: `${c}${cumRow}`,
      formula: k === 0 ? `${c}${balanceRow}` : `${mc(k - 1)}${cumRow}+${c}${balanceRow}`,
      result: num(model.summary.cumulative[k] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  }
  names.push({ name: n(T.totalReceipts), sheet: sheetName, ref: absolute(at('scheduled', recTotal)) });
  names.push({
    name: n(T.receiptsByMonth),
    sheet: sheetName,
    ref: `$${firstCol}$${recTotal}:$${lastCol}$${recTotal}`,
  });
  names.push({
    name: n(T.paymentsByMonth),
    sheet: sheetName,
    ref: `$${firstCol}$${payTotal}:$${lastCol}$${payTotal}`,
  });
  names.push({ name: n(T.totalPayments), sheet: sheetName, ref: absolute(at('scheduled', payTotal)) });
  names.push({
    name: n(T.cumulative),
    sheet: sheetName,
    ref: `$${firstCol}$${cumRow}:$${lastCol}$${cumRow}`,
  });

  // ---- Measures in the grid: money in at its date, back out at its repayment, balance after them.
  const ms = model.measures;
  const measCol = (k: (typeof MC.keys)[number]): string =>
    `${absolute(mAt(k, measFirst))}:${absolute(mAt(k, measLast))}`;
  const inMonth = (col: (typeof MC.keys)[number], k: number): string => {
    const m = `${mc(k)}$${MONTH_ROW}`;
    const upper = `${measCol(col)},"<"&EDATE(${m},1)`;
    return k === 0
      ? `SUMIFS(${measCol('amount')},${upper})`
      : `SUMIFS(${measCol('amount')},${measCol(col)},">="&${m},${upper})`;
  };
  const gridRows: { row: number; label: string; parts: Money[]; formula: (k: number) => string }[] = [
    {
      row: drawnRow,
      label: 'Mesures : mises en place (+)',
      parts: ms.drawn,
      formula: (k) => `IF(${mc(k)}$${MONTH_ROW}="",0,${inMonth('date', k)})`,
    },
    {
      row: repaidRow,
      label: 'Mesures : remboursements (−)',
      parts: ms.repaid,
      formula: (k) => `IF(${mc(k)}$${MONTH_ROW}="",0,-${inMonth('repayment', k)})`,
    },
    {
      row: afterRow,
      label: 'Solde cumulé après mesures',
      parts: ms.after,
      formula: (k) => `${mc(k)}${cumRow}+SUM($${firstCol}${drawnRow}:${mc(k)}${repaidRow})`,
    },
  ];
  for (const g of gridRows) {
    const style = g.row === afterRow ? 'total' : 'computed';
    cells.push({
      address: at('label', g.row),
      value: g.label,
      style: g.row === afterRow ? 'total' : 'label',
    });
    if (g.row !== afterRow)
      cells.push({
        address: at('scheduled', g.row),
        formula: `SUM(${monthRange(g.row)})`,
        result: num(sum(g.parts)),
        numFmt: NUMFMT.euro,
        style,
      });
    for (let k = 0; k < M; k += 1)
      cells.push({
        address: `${mc(k)}${g.row}`,
        formula: g.formula(k),
        result: num(g.parts[k] ?? ZERO),
        numFmt: NUMFMT.euro,
        style,
      });
  }
  names.push({
    name: n(T.afterMeasures),
    sheet: sheetName,
    ref: `$${firstCol}$${afterRow}:$${lastCol}$${afterRow}`,
  });
  if (refundRow !== null && model.refunded) {
    cells.push({
      address: at('label', refundRow),
      value: 'Crédit d’impôt : part remboursée (cumul, exercices clos + délai des Paramètres)',
      style: 'label',
    });
    const pay = `$${firstCol}$${payTotal}:$${lastCol}$${payTotal}`;
    for (let k = 0; k < M; k += 1) {
      const m = `${mc(k)}$${MONTH_ROW}`;
      const t = `EDATE(${m},-N(${n(P.taxRefundDelay)}))`;
      const close = `DATE(YEAR(${t})-IF(MONTH(${t})<N(${n(P.fiscalYearEnd)}),1,0),N(${n(P.fiscalYearEnd)}),1)`;
      cells.push({
        address: `${mc(k)}${refundRow}`,
        formula: `IF(OR(${m}="",SUM(${pay})=0),0,SUMPRODUCT(${pay}*(${n(T.months)}<=${close}))/SUM(${pay}))`,
        result: num(model.refunded[k] ?? ZERO),
        numFmt: NUMFMT.rate,
        style: 'computed',
      });
    }
    names.push({
      name: n(T.taxRefunded),
      sheet: sheetName,
      ref: `$${firstCol}$${refundRow}:$${lastCol}$${refundRow}`,
    });
  }

  // ---- Critical period
  cells.push({ address: at('rank', critTitle), value: 'PÉRIODE CRITIQUE', style: 'section' });
  const s = model.summary;
  const critical: NamedFigure[] = [
    {
      label: 'Solde cumulé le plus bas',
      name: T.lowest,
      formula: `MIN(${monthRange(cumRow)})`,
      result: num(s.lowest),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Mois du solde le plus bas',
      name: T.criticalMonth,
      formula: `INDEX(${n(T.months)},MATCH(${n(T.lowest)},${monthRange(cumRow)},0))`,
      result: model.lowestMonth ?? '',
      numFmt: MONTH_FORMAT,
    },
    {
      label: 'Nombre de mois en déficit (solde cumulé négatif)',
      name: T.deficitMonths,
      formula: `COUNTIF(${monthRange(cumRow)},"<0")`,
      result: s.deficitMonths,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Besoin de financement à court terme',
      name: T.need,
      formula: `MAX(0,-${n(T.lowest)})`,
      result: num(s.need),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart total encaissements − plan de financement (doit être nul)',
      name: T.planGap,
      formula: `${at('scheduled', recTotal)}-${n(FINANCING_NAMES.total)}`,
      result: num(s.totalReceipts.minus(totalReceiptsAmount)),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart total décaissements − devis (doit être nul)',
      name: T.devisGap,
      formula: `${at('scheduled', payTotal)}-${n(DEVIS_NAMES.total.amount)}`,
      result: num(s.totalPayments.minus(totalPaymentsAmount)),
      numFmt: NUMFMT.euro,
    },
  ];
  const figures = figureRows(
    critical,
    {
      firstRow: crit,
      labelCol: CC.letter('label'),
      valueCol: CC.letter('amount'),
      sheet: sheetName,
      emphasised: 4,
    },
    n,
  );
  cells.push(...figures.cells);
  names.push(...figures.names);

  // ---- Measures
  cells.push({
    address: mAt('rank', measTitle),
    value: 'MESURES pour sécuriser la période critique',
    style: 'section',
  });
  for (const k of MC.keys) cells.push({ address: mAt(k, measHeader), value: MC.header(k), style: 'header' });
  measRows.forEach((m, i) => {
    const r = measFirst + i;
    cells.push({ address: mAt('rank', r), value: i + 1, numFmt: NUMFMT.integer, style: 'label' });
    cells.push({ address: mAt('type', r), value: m?.type ?? null, style: 'input' });
    cells.push({
      address: mAt('amount', r),
      value: m ? num(m.amount) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    });
    cells.push({ address: mAt('date', r), value: m?.date ?? null, numFmt: NUMFMT.date, style: 'input' });
    cells.push({
      address: mAt('repayment', r),
      value: m?.repayment ?? null,
      numFmt: NUMFMT.date,
      style: 'input',
    });
    cells.push({
      address: mAt('rate', r),
      value: m?.rate ? num(m.rate) : null,
      numFmt: NUMFMT.rate,
      style: 'input',
    });
    cells.push({
      address: mAt('fees', r),
      value: m?.fees ? num(m.fees) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    });
    const [amt, from, to] = [mAt('amount', r), mAt('date', r), mAt('repayment', r)];
    cells.push({
      address: mAt('cost', r),
      formula: `IF(AND(N(${amt})>0,N(${from})>0,N(${to})>N(${from})),ROUND(N(${amt})*N(${mAt('rate', r)})*(N(${to})-N(${from}))/365,2),0)+N(${mAt('fees', r)})`,
      result: num(ms.costs[i] ?? ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    cells.push({ address: mAt('description', r), value: m?.description ?? null, style: 'input' });
  });
  names.push({
    name: n(T.measures),
    sheet: sheetName,
    ref: `${absolute(mAt('type', measFirst))}:${absolute(mAt('description', measLast))}`,
  });
  const summaryLines: {
    label: string;
    name?: string;
    formula: string;
    result: Money;
    style: 'subtotal' | 'total' | 'computed';
  }[] = [
    {
      label: 'Total des mesures',
      formula: `SUM(${mAt('amount', measFirst)}:${mAt('amount', measLast)})`,
      result: ms.total,
      style: 'subtotal',
    },
    {
      label: 'Solde cumulé le plus bas après mesures',
      name: T.lowestAfterMeasures,
      formula: `MIN(${monthRange(afterRow)})`,
      result: ms.lowestAfter,
      style: 'total',
    },
    {
      label: 'Besoin non couvert par les mesures',
      name: T.uncoveredNeed,
      formula: `MAX(0,0-${n(T.lowestAfterMeasures)})`,
      result: ms.uncovered,
      style: 'total',
    },
    {
      label: 'Coût estimé des mesures (intérêts et frais)',
      name: T.measuresCost,
      formula: `SUM(${mAt('cost', measFirst)}:${mAt('cost', measLast)})`,
      result: ms.totalCost,
      style: 'subtotal',
    },
    ...(input.financialCosts
      ? [
          {
            label: 'Frais financiers prévus au devis (Protocole du 16/12/2010 art. 2.13)',
            formula: n(DEVIS_NAMES.financialCosts),
            result: input.financialCostsAmount,
            style: 'computed' as const,
          },
          {
            label: 'Frais financiers du devis − coût des mesures (négatif : à budgéter)',
            name: T.financialCostsGap,
            formula: `ROUND(${mAt('amount', summaryFirst + 4)}-${n(T.measuresCost)},2)`,
            result: input.financialCostsAmount.minus(ms.totalCost),
            style: 'total' as const,
          },
        ]
      : []),
  ];
  if (summaryLines.length !== summaryRows) throw new Error('Trésorerie : plan de lignes incohérent');
  summaryLines.forEach((l, i) => {
    const r = summaryFirst + i;
    cells.push({
      address: mAt('type', r),
      value: l.label,
      style: l.style === 'computed' ? 'label' : l.style,
    });
    cells.push({
      address: mAt('amount', r),
      formula: l.formula,
      result: num(l.result),
      numFmt: NUMFMT.euro,
      style: l.style,
    });
    if (l.name) names.push({ name: n(l.name), sheet: sheetName, ref: absolute(mAt('amount', r)) });
  });

  // ---- Monthly payment profiles (inputs)
  cells.push({
    address: at('rank', profTitle),
    value: 'PROFILS DE DÉCAISSEMENT (% du montant par mois, modifiables)',
    style: 'section',
  });
  cells.push({ address: at('label', profHeader), value: 'Poste', style: 'header' });
  cells.push({ address: at('scheduled', profHeader), value: 'Total %', style: 'header' });
  cells.push({ address: at('gap', profHeader), value: 'Écart à 100 %', style: 'header' });
  for (let k = 0; k < M; k += 1) {
    cells.push({
      address: `${mc(k)}${profHeader}`,
      formula: `${mc(k)}$${MONTH_ROW}`,
      result: dateOrBlank(model.months[k] ?? null),
      numFmt: MONTH_FORMAT,
      style: 'header',
    });
  }
  model.payments.forEach((p, i) => {
    const r = profFirst + i;
    cells.push({ address: at('rank', r), value: p.code, numFmt: NUMFMT.text, style: 'label' });
    cells.push({ address: at('label', r), value: p.label, style: 'label' });
    const total = sum(p.shares);
    cells.push({
      address: at('scheduled', r),
      formula: `SUM(${monthRange(r)})`,
      result: num(total),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
    cells.push({
      address: at('gap', r),
      formula: `${at('scheduled', r)}-1`,
      result: num(total.minus(1)),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
    p.shares.forEach((sh, k) =>
      cells.push({
        address: `${mc(k)}${r}`,
        value: sh.isZero() ? null : num(sh),
        numFmt: NUMFMT.rate,
        style: 'input',
      }),
    );
  });
  const profLast = profFirst + model.payments.length - 1;
  cells.push({ address: at('label', profLast + 1), value: input.profileNote, style: 'note' });

  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [7, 50, 16, 16, 12, ...Array<number>(M).fill(16)],
      freezeRows: PHASE_ROW,
      freezeCols: 2,
      validations: [
        {
          range: `${mAt('type', measFirst)}:${mAt('type', measLast)}`,
          kind: 'list',
          listName: n(LIST_NAMES.measures),
          error: 'Choisissez un type de mesure de la liste (feuille Paramètres).',
        },
        ...(['amount', 'rate', 'fees'] as const).map((k) => ({
          range: `${mAt(k, measFirst)}:${mAt(k, measLast)}`,
          kind: 'decimalMin0' as const,
          error: 'Saisissez un nombre positif (pas de texte).',
        })),
        {
          range: `${firstCol}${profFirst}:${lastCol}${profLast}`,
          kind: 'decimalMin0',
          error: 'Saisissez un pourcentage positif (pas de texte).',
        },
      ],
      conditionalFormats: [
        { range: monthRange(balanceRow), when: 'negative' },
        { range: monthRange(balanceRow), when: 'positive' },
        { range: monthRange(cumRow), when: 'negative' },
        { range: monthRange(cumRow), when: 'positive' },
        { range: at('amount', crit), when: 'negative' },
        { range: monthRange(afterRow), when: 'negative' },
        { range: mAt('amount', summaryFirst + 2), when: 'positive' },
        ...(input.financialCosts
          ? [{ range: mAt('amount', summaryFirst + 5), when: 'negative' as const }]
          : []),
      ],
      merges: [`A2:${lastCol}2`],
      rowHeights: { 2: 30, [JALON_ROW - 1]: 30, [profHeader]: 30 },
      print: { orientation: 'landscape', repeatRows: MONTH_ROW },
    },
    names,
    charts: [cashflowChart(sheetName, M, cumRow, profLast + 3)],
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
