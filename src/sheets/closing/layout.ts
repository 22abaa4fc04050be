import type { BudgetResult } from '../../domain/budget/types';
import type { FinancingSource } from '../../domain/financing/types';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { DEVIS_NAMES } from '../devis/contract';
import { SOURCE_COLUMNS } from '../financing/contract';
import { FOLLOWUP_CHAPTER_COLUMNS } from '../followup/contract';
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

/**
 * Bilan financier, the shape of a rendu de comptes: the coût définitif of each chapter against its
 * devis (from the Suivi budgétaire: once nothing is left to engage, the estimé final is the cost),
 * frais généraux and imprévus, with the écart explained; the financement définitif of each source
 * of the plan (obtained, or as planned), and the balance between the two.
 */
export function closingSheet(input: ClosingLayoutInput): ClosingLayout {
  const { naming } = input;
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('closing');
  const suivi = quoteSheet(naming.sheet('followup'));
  const plan = quoteSheet(naming.sheet('financing'));
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Bilan financier — coût définitif et financement définitif', style: 'title' },
    {
      address: 'A2',
      value:
        'Le coût définitif de chaque chapitre vient du Suivi budgétaire (estimé final : un coût définitif une fois qu’il ne reste rien à engager). Chaque écart notable s’explique ; le financement définitif reprend chaque source du plan, obtenue ou comme prévue.',
      style: 'banner',
    },
  ];

  // ---- Coût définitif per chapter
  for (const k of C.keys)
    cells.push({ address: C.cell(k, CLOSING_HEADER_ROW), value: C.header(k), style: 'header' });
  const first = CLOSING_HEADER_ROW + 1;
  const rows: {
    label: string;
    code: string;
    devis: Money;
    final: Money;
    devisF: string;
    finalF: string;
    explanation?: string;
  }[] = [
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
      devisF: n(DEVIS_NAMES.overheads.amount),
      finalF: n(DEVIS_NAMES.overheads.amount),
    },
    {
      // The imprévus are spent through the lines' overruns: nothing is left on them at closing.
      code: '',
      label: 'Imprévus (consommés dans les lignes)',
      devis: input.result.contingency.amount,
      final: ZERO,
      devisF: n(DEVIS_NAMES.contingency.amount),
      finalF: '0',
      explanation:
        'Consommés par les écarts des lignes (voir le Suivi budgétaire) ; ce qui en reste est dans le solde.',
    },
  ];
  const last = first + rows.length - 1;
  const total = last + 1;
  rows.forEach((x, i) => {
    const r = first + i;
    const gap = x.final.minus(x.devis);
    cells.push(
      {
        address: C.cell('chapter', r),
        value: x.code || null,
        ...(x.code ? { numFmt: NUMFMT.text } : {}),
        style: 'label',
      },
      { address: C.cell('label', r), value: x.label, style: 'label' },
      {
        address: C.cell('devis', r),
        formula: x.devisF,
        result: num(x.devis),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: C.cell('final', r),
        formula: x.finalF,
        result: num(x.final),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: C.cell('gap', r),
        formula: `${C.cell('final', r)}-${C.cell('devis', r)}`,
        result: num(gap),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: C.cell('gapRate', r),
        formula: `IF(${C.cell('devis', r)}=0,"",${C.cell('gap', r)}/${C.cell('devis', r)})`,
        result: x.devis.isZero() ? '' : num(gap.dividedBy(x.devis)),
        numFmt: NUMFMT.percent,
        style: 'computed',
      },
      { address: C.cell('explanation', r), value: x.explanation ?? null, style: 'input' },
    );
  });
  const devisTotal = sum(rows.map((x) => x.devis));
  const finalTotal = sum(rows.map((x) => x.final));
  cells.push({ address: C.cell('label', total), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['devis', devisTotal],
    ['final', finalTotal],
    ['gap', finalTotal.minus(devisTotal)],
  ] as const)
    cells.push({
      address: C.cell(k, total),
      formula: `SUM(${C.span(k, first, last)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });

  // ---- Financement définitif per source of the plan
  const fundTitle = total + 2;
  const fundHeader = fundTitle + 1;
  const fundFirst = fundHeader + 1;
  const sources = input.sources;
  const fundLast = fundFirst + sources.length - 1;
  const fundTotal = fundLast + 1;
  cells.push({ address: FU.cell('source', fundTitle), value: 'Financement définitif', style: 'section' });
  for (const k of FU.keys)
    cells.push({ address: FU.cell(k, fundHeader), value: FU.header(k), style: 'header' });
  sources.forEach((s, i) => {
    const r = fundFirst + i;
    const p = input.sourcesFirstRow + i;
    const at = (k: (typeof FU.keys)[number]): string => FU.cell(k, r);
    cells.push(
      {
        address: at('source'),
        formula: `IF(${plan}!${SOURCE_COLUMNS.cell('source', p)}="","",${plan}!${SOURCE_COLUMNS.cell('source', p)})`,
        result: s?.label ?? '',
        style: 'label',
      },
      {
        address: at('planned'),
        formula: `N(${plan}!${SOURCE_COLUMNS.cell('amount', p)})`,
        result: s ? num(s.amount) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      { address: at('obtained'), value: null, numFmt: NUMFMT.euro, style: 'input' },
      {
        address: at('kept'),
        formula: `IF(${at('obtained')}="",${at('planned')},${at('obtained')})`,
        result: s ? num(s.amount) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('gap'),
        formula: `${at('kept')}-${at('planned')}`,
        result: 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      { address: at('explanation'), value: null, style: 'input' },
    );
  });
  const funding = sum(sources.map((s) => s?.amount ?? ZERO));
  cells.push({ address: FU.cell('source', fundTotal), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['planned', funding],
    ['kept', funding],
    ['gap', ZERO],
  ] as const)
    cells.push({
      address: FU.cell(k, fundTotal),
      formula: `SUM(${FU.span(k, fundFirst, fundLast)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });

  // ---- Result
  const resultRow = (k: (typeof CLOSING_RESULT_ROWS)[number]): number =>
    CLOSING_HEADER_ROW + 1 + CLOSING_RESULT_ROWS.indexOf(k);
  const rv = (k: (typeof CLOSING_RESULT_ROWS)[number]): string => RE.cell('value', resultRow(k));
  const values: Record<(typeof CLOSING_RESULT_ROWS)[number], { formula: string; result: Money }> = {
    cost: { formula: C.cell('final', total), result: finalTotal },
    devis: { formula: n(DEVIS_NAMES.total.amount), result: input.result.total.amount },
    costGap: { formula: `${rv('cost')}-${rv('devis')}`, result: finalTotal.minus(input.result.total.amount) },
    funding: { formula: FU.cell('kept', fundTotal), result: funding },
    balance: { formula: `${rv('funding')}-${rv('cost')}`, result: funding.minus(finalTotal) },
  };
  cells.push(
    { address: RE.cell('label', CLOSING_HEADER_ROW), value: RE.header('label'), style: 'header' },
    { address: RE.cell('value', CLOSING_HEADER_ROW), value: RE.header('value'), style: 'header' },
  );
  for (const k of CLOSING_RESULT_ROWS)
    cells.push(
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

  const names: NamePlan[] = [
    { name: n(CLOSING_NAMES.costs), sheet: name, ref: C.block(first, last) },
    { name: n(CLOSING_NAMES.funding), sheet: name, ref: FU.block(fundFirst, fundLast) },
    { name: n(CLOSING_NAMES.cost), sheet: name, ref: absolute(rv('cost')) },
    { name: n(CLOSING_NAMES.devis), sheet: name, ref: absolute(rv('devis')) },
    { name: n(CLOSING_NAMES.costGap), sheet: name, ref: absolute(rv('costGap')) },
    { name: n(CLOSING_NAMES.fundingTotal), sheet: name, ref: absolute(rv('funding')) },
    { name: n(CLOSING_NAMES.balance), sheet: name, ref: absolute(rv('balance')) },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [36, 40, 16, 16, 14, 10, 48, 3, 52, 16],
      freezeRows: CLOSING_HEADER_ROW,
      validations: [
        {
          range: FU.span('obtained', fundFirst, fundLast),
          kind: 'decimalMin0',
          error: 'Obtenu : un montant positif ou nul, en euros.',
        },
      ],
      conditionalFormats: [
        { range: C.span('gap', first, total), when: 'overrun' },
        { range: `${rv('balance')}:${rv('balance')}`, when: 'negative' },
      ],
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: CLOSING_HEADER_ROW },
    },
    names,
  };
}
