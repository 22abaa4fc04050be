import type { BudgetResult } from '../../domain/budget/types';
import type { FinancingSource } from '../../domain/financing/types';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { DEVIS_NAMES } from '../devis/contract';
import { SOURCE_COLUMNS } from '../financing/contract';
import { FOLLOWUP_CHAPTER_COLUMNS } from '../followup/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, quoteSheet, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import {
  CLOSING_COST_COLUMNS as C,
  CLOSING_FUNDING_COLUMNS as FU,
  CLOSING_HEADER_ROW,
  CLOSING_NAMES,
  CLOSING_RESULT_COLUMNS as RE,
  CLOSING_RESULT_ROWS,
} from './contract';

const num = (m: Money): number => toCellNumber(m);

export interface ClosingLayoutInput {
  result: BudgetResult;
  /** The Suivi budgétaire's chapter rows, with the devis and estimé final of each chapter's lines. */
  chapterRows: { code: string; label: string; row: number; devis: Money; final: Money }[];
  /** The plan's source rows, sources first (free rows null), from `firstRow`. */
  sources: (FinancingSource | null)[];
  sourcesFirstRow: number;
  naming: Naming;
}

export interface ClosingLayout {
  sheet: SheetPlan;
  names: NamePlan[];
}

const RESULT_LABELS: Record<(typeof CLOSING_RESULT_ROWS)[number], string> = {
  cost: 'Coût définitif',
  devis: 'Devis (total général)',
  costGap: 'Écart au devis',
  funding: 'Financement définitif',
  balance: 'Solde (financement − coût) ; négatif : besoin non couvert',
};

/** A row of the coût définitif: a chapter, the frais généraux or the imprévus. */
interface CostRow {
  label: string;
  code: string;
  devis: Money;
  final: Money;
  devisF: string;
  finalF: string;
  explanation?: string;
}
type Costs = { first: number; last: number; total: number; finalTotal: Money };
type Funding = { fundFirst: number; fundLast: number; fundTotal: number; funding: Money };
type ResultKey = (typeof CLOSING_RESULT_ROWS)[number];

/** The chapters from the Suivi's chapter rows, then frais généraux and imprévus. */
function costRowsOf(b: SheetBuilder, input: ClosingLayoutInput): CostRow[] {
  const suivi = quoteSheet(b.naming.sheet('followup'));
  const fg = b.n(DEVIS_NAMES.overheads.amount);
  return [
    ...input.chapterRows.map((c) => ({
      code: c.code,
      label: c.label,
      devis: c.devis,
      final: c.final,
      devisF: `${suivi}!${FOLLOWUP_CHAPTER_COLUMNS.cell('devis', c.row)}`,
      finalF: `${suivi}!${FOLLOWUP_CHAPTER_COLUMNS.cell('final', c.row)}`,
    })),
    {
      code: '',
      label: 'Frais généraux (forfait)',
      devis: input.result.overheads.amount,
      final: input.result.overheads.amount,
      devisF: fg,
      finalF: fg,
    },
    {
      // The imprévus are spent through the lines' overruns: nothing is left on them at closing.
      code: '',
      label: 'Imprévus (consommés dans les lignes)',
      devis: input.result.contingency.amount,
      final: ZERO,
      devisF: b.n(DEVIS_NAMES.contingency.amount),
      finalF: '0',
      explanation:
        'Consommés par les écarts des lignes (voir le Suivi budgétaire) ; ce qui en reste est dans le solde.',
    },
  ];
}

function costRow(b: SheetBuilder, x: CostRow, r: number): void {
  const gap = x.final.minus(x.devis);
  const money = (k: 'devis' | 'final' | 'gap', formula: string, v: Money): CellPlan => ({
    address: C.cell(k, r),
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  b.push(
    {
      address: C.cell('chapter', r),
      value: x.code || null,
      ...(x.code ? { numFmt: NUMFMT.text } : {}),
      style: 'label',
    },
    { address: C.cell('label', r), value: x.label, style: 'label' },
    money('devis', x.devisF, x.devis),
    money('final', x.finalF, x.final),
    money('gap', `${C.cell('final', r)}-${C.cell('devis', r)}`, gap),
    {
      address: C.cell('gapRate', r),
      formula: `IF(${C.cell('devis', r)}=0,"",${C.cell('gap', r)}/${C.cell('devis', r)})`,
      result: x.devis.isZero() ? '' : num(gap.dividedBy(x.devis)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
    { address: C.cell('explanation', r), value: x.explanation ?? null, style: 'input' },
  );
}

/** Coût définitif per chapter against its devis, with the total. */
function costRows(b: SheetBuilder, input: ClosingLayoutInput): Costs {
  b.headers(C, CLOSING_HEADER_ROW);
  const rows = costRowsOf(b, input);
  const first = CLOSING_HEADER_ROW + 1;
  const last = first + rows.length - 1;
  const total = last + 1;
  rows.forEach((x, i) => costRow(b, x, first + i));
  const devisTotal = sum(rows.map((x) => x.devis));
  const finalTotal = sum(rows.map((x) => x.final));
  b.push({ address: C.cell('label', total), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['devis', devisTotal],
    ['final', finalTotal],
    ['gap', finalTotal.minus(devisTotal)],
  ] as const)
    b.push({
      address: C.cell(k, total),
      formula: `SUM(${C.span(k, first, last)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  return { first, last, total, finalTotal };
}

/** Financement définitif per source of the plan (obtained, or as planned). */
function fundingRows(b: SheetBuilder, input: ClosingLayoutInput, costs: Costs): Funding {
  const plan = quoteSheet(b.naming.sheet('financing'));
  const fundTitle = costs.total + 2;
  const fundHeader = fundTitle + 1;
  const fundFirst = fundHeader + 1;
  const sources = input.sources;
  const fundLast = fundFirst + sources.length - 1;
  const fundTotal = fundLast + 1;
  b.push({ address: FU.cell('source', fundTitle), value: 'Financement définitif', style: 'section' });
  b.headers(FU, fundHeader);
  sources.forEach((s, i) => {
    const r = fundFirst + i;
    const p = input.sourcesFirstRow + i;
    const at = (k: (typeof FU.keys)[number]): string => FU.cell(k, r);
    const euros = (k: 'planned' | 'kept' | 'gap', formula: string, v: number): CellPlan => ({
      address: at(k),
      formula,
      result: v,
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    b.push(
      {
        address: at('source'),
        formula: `IF(${plan}!${SOURCE_COLUMNS.cell('source', p)}="","",${plan}!${SOURCE_COLUMNS.cell('source', p)})`,
        result: s?.label ?? '',
        style: 'label',
      },
      euros('planned', `N(${plan}!${SOURCE_COLUMNS.cell('amount', p)})`, s ? num(s.amount) : 0),
      { address: at('obtained'), value: null, numFmt: NUMFMT.euro, style: 'input' },
      euros('kept', `IF(${at('obtained')}="",${at('planned')},${at('obtained')})`, s ? num(s.amount) : 0),
      euros('gap', `${at('kept')}-${at('planned')}`, 0),
      { address: at('explanation'), value: null, style: 'input' },
    );
  });
  const funding = sum(sources.map((s) => s?.amount ?? ZERO));
  b.push({ address: FU.cell('source', fundTotal), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['planned', funding],
    ['kept', funding],
    ['gap', ZERO],
  ] as const)
    b.push({
      address: FU.cell(k, fundTotal),
      formula: `SUM(${FU.span(k, fundFirst, fundLast)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  return { fundFirst, fundLast, fundTotal, funding };
}

const resultRow = (k: ResultKey): number => CLOSING_HEADER_ROW + 1 + CLOSING_RESULT_ROWS.indexOf(k);
const rv = (k: ResultKey): string => RE.cell('value', resultRow(k));

/** The result, right of the tables: coût définitif, devis, écart, financement définitif, solde. */
function resultRows(b: SheetBuilder, budget: BudgetResult, costs: Costs, fund: Funding): void {
  const { finalTotal } = costs;
  const values: Record<ResultKey, { formula: string; result: Money }> = {
    cost: { formula: C.cell('final', costs.total), result: finalTotal },
    devis: { formula: b.n(DEVIS_NAMES.total.amount), result: budget.total.amount },
    costGap: { formula: `${rv('cost')}-${rv('devis')}`, result: finalTotal.minus(budget.total.amount) },
    funding: { formula: FU.cell('kept', fund.fundTotal), result: fund.funding },
    balance: { formula: `${rv('funding')}-${rv('cost')}`, result: fund.funding.minus(finalTotal) },
  };
  b.headers(RE, CLOSING_HEADER_ROW);
  for (const k of CLOSING_RESULT_ROWS)
    b.push(
      {
        address: RE.cell('label', resultRow(k)),
        value: RESULT_LABELS[k],
        style: k === 'balance' ? 'total' : 'label',
      },
      {
        address: rv(k),
        formula: values[k].formula,
        result: num(values[k].result),
        numFmt: NUMFMT.euro,
        style: k === 'balance' ? 'total' : 'computed',
      },
    );
}

/**
 * Bilan financier, the shape of a rendu de comptes: the coût définitif of each chapter against its
 * devis (from the Suivi budgétaire: once nothing is left to engage, the estimé final is the cost),
 * frais généraux and imprévus, with the écart explained; the financement définitif of each source
 * of the plan (obtained, or as planned), and the balance between the two.
 */
export function closingSheet(input: ClosingLayoutInput): ClosingLayout {
  const b = new SheetBuilder(input.naming, 'closing');
  b.titled(
    'Bilan financier — coût définitif et financement définitif',
    'Le coût définitif de chaque chapitre vient du Suivi budgétaire (estimé final : un coût définitif une fois qu’il ne reste rien à engager). Chaque écart notable s’explique ; le financement définitif reprend chaque source du plan, obtenue ou comme prévue.',
  );
  const costs = costRows(b, input);
  const fund = fundingRows(b, input, costs);
  resultRows(b, input.result, costs, fund);
  b.name(CLOSING_NAMES.costs, C.block(costs.first, costs.last))
    .name(CLOSING_NAMES.funding, FU.block(fund.fundFirst, fund.fundLast))
    .name(CLOSING_NAMES.cost, absolute(rv('cost')))
    .name(CLOSING_NAMES.devis, absolute(rv('devis')))
    .name(CLOSING_NAMES.costGap, absolute(rv('costGap')))
    .name(CLOSING_NAMES.fundingTotal, absolute(rv('funding')))
    .name(CLOSING_NAMES.balance, absolute(rv('balance')));
  b.validations.push({
    range: FU.span('obtained', fund.fundFirst, fund.fundLast),
    kind: 'decimalMin0',
    error: 'Obtenu : un montant positif ou nul, en euros.',
  });
  b.conditionalFormats.push(
    { range: C.span('gap', costs.first, costs.total), when: 'overrun' },
    { range: `${rv('balance')}:${rv('balance')}`, when: 'negative' },
  );
  return {
    sheet: b.plan({
      columnWidths: [36, 40, 16, 16, 14, 10, 48, 3, 52, 16],
      freezeRows: CLOSING_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: CLOSING_HEADER_ROW },
    }),
    names: b.names,
  };
}
