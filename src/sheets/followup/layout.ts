import type { BudgetResult } from '../../domain/budget/types';
import { GAP_CAUSES, type FollowUpInput, type FollowUpResult } from '../../domain/followup/followup';
import { isoDay } from '../../domain/isoDay';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import type { DevisLineRow } from '../devis/layout';
import { DEVIS_COLUMNS, DEVIS_NAMES } from '../devis/contract';
import { EXPENSE_NAMES } from '../expenses/contract';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, quoteSheet, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { PARAMS_NAMES } from '../params/contract';
import {
  FOLLOWUP_ARBITRAGE_CELL,
  FOLLOWUP_BOARD,
  FOLLOWUP_BOARD_COLUMNS as BO,
  FOLLOWUP_CHAPTER_COLUMNS as CH,
  FOLLOWUP_COLUMNS as F,
  FOLLOWUP_DATE_CELL,
  FOLLOWUP_FIRST_ROW,
  FOLLOWUP_HEADER_ROW,
  FOLLOWUP_NAMES,
  FOLLOWUP_TOP_COLUMNS as TO,
  type BoardKey,
} from './contract';

const num = (m: Money): number => toCellNumber(m);

export interface FollowUpLayoutInput {
  /** The costed rows of the Devis, where its layout wrote them. */
  devisLines: DevisLineRow[];
  result: BudgetResult;
  chapters: { code: string; label: string }[];
  input: FollowUpInput;
  /** The follow-up computed by the domain (engagé, payé, reste à engager, estimé final of each line). */
  followUp: FollowUpResult;
  /** Coût estimé final − devis, computed with it. */
  estimatedGap: Money;
  /** Share of the schedule (preparation → delivery) elapsed at the situation date; null without dates. */
  elapsed: Money | null;
  naming: Naming;
  note?: string;
}

export interface FollowUpLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: FollowUpResult;
  /** Where each chapter's totals sit, and their devis and estimé final (the Bilan financier links to them). */
  chapterRows: { code: string; label: string; row: number; devis: Money; final: Money }[];
  /** Coût estimé final − devis, as the dashboard computes it (Suivi_EcartDevis). */
  estimatedGap: Money;
}

const BOARD_LABELS: Record<BoardKey, string> = {
  devis: 'Devis (total général)',
  overheads: 'dont frais généraux (forfait)',
  contingency: 'dont imprévus',
  engaged: 'Engagé HT (lignes)',
  paid: 'Payé HT — réalisé',
  remaining: 'Reste à engager',
  linesFinal: 'Estimé final des lignes',
  linesGap: 'Écart des lignes (+ : dépassement à couvrir par les imprévus)',
  contingencyLeft: 'Imprévus restants',
  final: 'Coût estimé final (lignes + frais généraux)',
  gap: 'Écart au devis (€)',
  gapRate: 'Écart au devis (%)',
  consumed: 'Part du devis payée',
  elapsed: 'Part du calendrier écoulée (préparation → livraison)',
};

/**
 * Suivi budgétaire: every costed devis line with its devis amount (linked to the Devis), engagé and
 * payé (summed from the Dépenses by code), a reste à engager the user estimates (by default the
 * devis not yet committed), the estimé final, the écart in € and %, its cause and explanation;
 * right of it a dashboard (estimated final cost against the devis, imprévus left, share paid
 * against share of the schedule elapsed), the five largest overruns and the totals per chapter.
 * Every figure is a formula whose cached result is the domain's value.
 */
export function followUpSheet(input: FollowUpLayoutInput): FollowUpLayout {
  const { naming } = input;
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('followup');
  const devisSheet = quoteSheet(naming.sheet('devis'));
  const result = input.followUp;
  const situation = input.input.situationDate ? isoDay(input.input.situationDate) : null;
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Suivi budgétaire — estimé final et écarts au devis', style: 'title' },
    {
      address: 'A2',
      value:
        input.note ??
        'Engagé et payé viennent de la feuille Dépenses (par code). Reste à engager : votre estimation ; vide, l’estimé final retient le devis non encore engagé. Estimé final = engagé + reste à engager. Un écart au-delà des seuils de la feuille Paramètres s’explique (cause et explication).',
      style: 'banner',
    },
    { address: 'A4', value: 'Situation au', style: 'label' },
    {
      address: FOLLOWUP_DATE_CELL,
      value: situation,
      numFmt: NUMFMT.date,
      style: 'input',
    },
    { address: 'A5', value: 'Arbitrage proposé', style: 'label' },
    { address: FOLLOWUP_ARBITRAGE_CELL, value: input.input.arbitrage || null, style: 'input' },
  ];

  // ---- Lines
  const first = FOLLOWUP_FIRST_ROW;
  const last = first + Math.max(result.lines.length, 1) - 1;
  const totalRow = last + 1;
  const gapsName = n(FOLLOWUP_NAMES.gaps);
  for (const k of F.keys)
    cells.push({ address: F.cell(k, FOLLOWUP_HEADER_ROW), value: F.header(k), style: 'header' });
  const entered = new Set(input.input.lines.filter((u) => u.remaining !== undefined).map((u) => u.code));
  result.lines.forEach((l, i) => {
    const r = first + i;
    const d = input.devisLines[i]?.row ?? 0;
    const at = (k: (typeof F.keys)[number]): string => F.cell(k, r);
    cells.push(
      {
        address: at('code'),
        formula: `${devisSheet}!${DEVIS_COLUMNS.cell('code', d)}`,
        result: l.code,
        numFmt: NUMFMT.text,
        style: 'label',
      },
      {
        address: at('label'),
        formula: `${devisSheet}!${DEVIS_COLUMNS.cell('label', d)}`,
        result: l.label,
        style: 'label',
      },
      {
        address: at('devis'),
        formula: `${devisSheet}!${DEVIS_COLUMNS.cell('amount', d)}`,
        result: num(l.amount),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('engaged'),
        formula: `SUMPRODUCT(--(${n(EXPENSE_NAMES.lineCodes)}=${at('code')}),${n(EXPENSE_NAMES.lineHT)})`,
        result: num(l.engaged),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('paid'),
        formula: `SUMPRODUCT(--(${n(EXPENSE_NAMES.lineCodes)}=${at('code')}),--(${n(EXPENSE_NAMES.lineStatus)}="Payé"),${n(EXPENSE_NAMES.lineHT)})`,
        result: num(l.paid),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        // Typed by the user; empty, the estimé final takes the devis not yet committed.
        address: at('remaining'),
        value: entered.has(l.code) ? num(l.remaining) : null,
        numFmt: NUMFMT.euro,
        style: 'input',
      },
      {
        address: at('final'),
        formula: `${at('engaged')}+IF(${at('remaining')}="",MAX(${at('devis')}-${at('engaged')},0),${at('remaining')})`,
        result: num(l.final),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('gap'),
        formula: `${at('final')}-${at('devis')}`,
        result: num(l.gap),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('gapRate'),
        formula: `IF(${at('devis')}=0,"",${at('gap')}/${at('devis')})`,
        result: l.gapRate === null ? '' : num(l.gapRate),
        numFmt: NUMFMT.percent,
        style: 'computed',
      },
      { address: at('cause'), value: l.cause, style: 'input' },
      { address: at('explanation'), value: l.explanation || null, style: 'input' },
      {
        // Unique rank of an overrun: larger ones, then equal ones above it (the five largest read it).
        address: at('rank'),
        formula: `IF(${at('gap')}>0,SUMPRODUCT(--(${gapsName}>${at('gap')}))+COUNTIF(${F.letter('gap')}$${first}:${at('gap')},${at('gap')}),"")`,
        result: l.rank ?? '',
        numFmt: NUMFMT.integer,
        style: 'note',
      },
    );
  });
  cells.push({ address: F.cell('label', totalRow), value: 'Total des lignes', style: 'total' });
  const totals: [(typeof F.keys)[number], Money][] = [
    ['devis', result.devis],
    ['engaged', result.engaged],
    ['paid', result.paid],
    ['final', result.final],
    ['gap', result.gap],
  ];
  for (const [k, value] of totals)
    cells.push({
      address: F.cell(k, totalRow),
      formula: `SUM(${F.span(k, first, last)})`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  // The reste à engager retained (typed, or the devis not yet committed): estimé final − engagé.
  cells.push({
    address: F.cell('remaining', totalRow),
    formula: `${F.cell('final', totalRow)}-${F.cell('engaged', totalRow)}`,
    result: num(result.remaining),
    numFmt: NUMFMT.euro,
    style: 'total',
  });
  const totalGapRate = result.devis.isZero() ? null : result.gap.dividedBy(result.devis);
  cells.push({
    address: F.cell('gapRate', totalRow),
    formula: `IF(${F.cell('devis', totalRow)}=0,"",${F.cell('gap', totalRow)}/${F.cell('devis', totalRow)})`,
    result: totalGapRate === null ? '' : num(totalGapRate),
    numFmt: NUMFMT.percent,
    style: 'total',
  });

  // ---- Dashboard
  const r = input.result;
  const overheads = r.overheads.amount;
  const contingency = r.contingency.amount;
  const devisTotal = r.total.amount;
  const final = result.final.plus(overheads);
  const gap = input.estimatedGap;
  const elapsed = input.elapsed;
  const boardRow = (k: BoardKey): number => first + FOLLOWUP_BOARD.indexOf(k);
  const v = (k: BoardKey): string => BO.cell('value', boardRow(k));
  const start = n(PARAMS_NAMES.prepStart);
  const end = n(PARAMS_NAMES.padDelivery);
  const date = n(FOLLOWUP_NAMES.date);
  const board: Record<BoardKey, { formula: string; result: Money | null; numFmt: string }> = {
    devis: { formula: n(DEVIS_NAMES.total.amount), result: devisTotal, numFmt: NUMFMT.euro },
    overheads: { formula: n(DEVIS_NAMES.overheads.amount), result: overheads, numFmt: NUMFMT.euro },
    contingency: { formula: n(DEVIS_NAMES.contingency.amount), result: contingency, numFmt: NUMFMT.euro },
    engaged: { formula: F.cell('engaged', totalRow), result: result.engaged, numFmt: NUMFMT.euro },
    paid: { formula: F.cell('paid', totalRow), result: result.paid, numFmt: NUMFMT.euro },
    remaining: { formula: F.cell('remaining', totalRow), result: result.remaining, numFmt: NUMFMT.euro },
    linesFinal: { formula: F.cell('final', totalRow), result: result.final, numFmt: NUMFMT.euro },
    linesGap: { formula: F.cell('gap', totalRow), result: result.gap, numFmt: NUMFMT.euro },
    contingencyLeft: {
      formula: `${v('contingency')}-MAX(${v('linesGap')},0)`,
      result: contingency.minus(Money.max(result.gap, ZERO)),
      numFmt: NUMFMT.euro,
    },
    final: { formula: `${v('linesFinal')}+${v('overheads')}`, result: final, numFmt: NUMFMT.euro },
    gap: { formula: `${v('final')}-${v('devis')}`, result: gap, numFmt: NUMFMT.euro },
    gapRate: {
      formula: `IF(${v('devis')}=0,"",${v('gap')}/${v('devis')})`,
      result: devisTotal.isZero() ? null : gap.dividedBy(devisTotal),
      numFmt: NUMFMT.percent,
    },
    consumed: {
      formula: `IF(${v('devis')}=0,"",${v('paid')}/${v('devis')})`,
      result: devisTotal.isZero() ? null : result.paid.dividedBy(devisTotal),
      numFmt: NUMFMT.percent,
    },
    elapsed: {
      formula: `IF(OR(${date}="",${start}="",${end}=""),"",IF(${end}<=${start},"",MIN(1,MAX(0,(${date}-${start})/(${end}-${start})))))`,
      result: elapsed,
      numFmt: NUMFMT.percent,
    },
  };
  cells.push(
    { address: BO.cell('label', FOLLOWUP_HEADER_ROW), value: BO.header('label'), style: 'header' },
    { address: BO.cell('value', FOLLOWUP_HEADER_ROW), value: BO.header('value'), style: 'header' },
  );
  for (const k of FOLLOWUP_BOARD) {
    const b = board[k];
    const key = k === 'final' || k === 'gap' ? 'total' : 'computed';
    cells.push(
      {
        address: BO.cell('label', boardRow(k)),
        value: BOARD_LABELS[k],
        style: key === 'total' ? 'total' : 'label',
      },
      {
        address: v(k),
        formula: b.formula,
        result: b.result === null ? '' : num(b.result),
        numFmt: b.numFmt,
        style: key,
      },
    );
  }
  const boardLast = boardRow(FOLLOWUP_BOARD[FOLLOWUP_BOARD.length - 1] ?? 'elapsed');

  // ---- Five largest overruns
  const topTitle = boardLast + 2;
  const topHeader = topTitle + 1;
  const topFirst = topHeader + 1;
  cells.push({
    address: TO.cell('rank', topTitle),
    value: 'Les cinq plus gros dépassements',
    style: 'section',
  });
  for (const k of TO.keys)
    cells.push({ address: TO.cell(k, topHeader), value: TO.header(k), style: 'header' });
  const ranked = result.lines.filter((l) => l.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  for (let k = 1; k <= 5; k += 1) {
    const row = topFirst + k - 1;
    const line = ranked[k - 1];
    const match = `MATCH(${TO.cell('rank', row)},${n(FOLLOWUP_NAMES.ranks)},0)`;
    cells.push(
      { address: TO.cell('rank', row), value: k, numFmt: NUMFMT.integer, style: 'label' },
      {
        address: TO.cell('code', row),
        formula: `IFERROR(INDEX(${n(FOLLOWUP_NAMES.codes)},${match}),"")`,
        result: line?.code ?? '',
        numFmt: NUMFMT.text,
        style: 'computed',
      },
      {
        address: TO.cell('label', row),
        formula: `IFERROR(INDEX(${n(FOLLOWUP_NAMES.labels)},${match}),"")`,
        result: line?.label ?? '',
        style: 'computed',
      },
      {
        address: TO.cell('gap', row),
        formula: `IFERROR(INDEX(${gapsName},${match}),"")`,
        result: line ? num(line.gap) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: TO.cell('cause', row),
        formula: `IFERROR(INDEX(${n(FOLLOWUP_NAMES.causes)},${match})&"","")`,
        result: line?.cause ?? '',
        style: 'computed',
      },
    );
  }
  const topLast = topFirst + 4;

  // ---- Per chapter: the chapter's lines are contiguous in the table above
  const chapTitle = topLast + 2;
  const chapHeader = chapTitle + 1;
  const chapFirst = chapHeader + 1;
  const chapters = input.chapters.filter((c) => result.lines.some((l) => l.chapter === c.code));
  const chapterRows: FollowUpLayout['chapterRows'] = [];
  const chapLast = chapFirst + Math.max(chapters.length, 1) - 1;
  cells.push({ address: CH.cell('chapter', chapTitle), value: 'Par chapitre du devis', style: 'section' });
  for (const k of CH.keys)
    cells.push({ address: CH.cell(k, chapHeader), value: CH.header(k), style: 'header' });
  chapters.forEach((c, i) => {
    const row = chapFirst + i;
    const idx = result.lines.flatMap((l, j) => (l.chapter === c.code ? [j] : []));
    const from = first + (idx[0] ?? 0);
    const to = first + (idx[idx.length - 1] ?? 0);
    const lines = result.lines.filter((l) => l.chapter === c.code);
    const total = (key: 'amount' | 'engaged' | 'paid' | 'final' | 'gap'): Money =>
      sum(lines.map((l) => l[key]));
    cells.push(
      { address: CH.cell('chapter', row), value: c.code, numFmt: NUMFMT.text, style: 'label' },
      { address: CH.cell('label', row), value: c.label, style: 'label' },
    );
    const cols: [(typeof CH.keys)[number], (typeof F.keys)[number], Money][] = [
      ['devis', 'devis', total('amount')],
      ['engaged', 'engaged', total('engaged')],
      ['paid', 'paid', total('paid')],
      ['final', 'final', total('final')],
      ['gap', 'gap', total('gap')],
    ];
    for (const [k, src, value] of cols)
      cells.push({
        address: CH.cell(k, row),
        formula: `SUM(${F.span(src, from, to)})`,
        result: num(value),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    const devis = total('amount');
    chapterRows.push({ code: c.code, label: c.label, row, devis, final: total('final') });
    cells.push({
      address: CH.cell('gapRate', row),
      formula: `IF(${CH.cell('devis', row)}=0,"",${CH.cell('gap', row)}/${CH.cell('devis', row)})`,
      result: devis.isZero() ? '' : num(total('gap').dividedBy(devis)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
  });

  // ---- The causes' list, under the chapters
  const listHeader = chapLast + 2;
  cells.push({ address: TO.cell('rank', listHeader), value: 'Causes', style: 'header' });
  GAP_CAUSES.forEach((c, i) =>
    cells.push({ address: TO.cell('rank', listHeader + 1 + i), value: c, style: 'label' }),
  );

  const col = (k: (typeof F.keys)[number]): string => F.range(k, first, last);
  const names: NamePlan[] = [
    { name: n(FOLLOWUP_NAMES.lines), sheet: name, ref: F.block(first, last) },
    { name: n(FOLLOWUP_NAMES.codes), sheet: name, ref: col('code') },
    { name: n(FOLLOWUP_NAMES.labels), sheet: name, ref: col('label') },
    { name: gapsName, sheet: name, ref: col('gap') },
    { name: n(FOLLOWUP_NAMES.causes), sheet: name, ref: col('cause') },
    { name: n(FOLLOWUP_NAMES.ranks), sheet: name, ref: col('rank') },
    { name: date, sheet: name, ref: absolute(FOLLOWUP_DATE_CELL) },
    { name: n(FOLLOWUP_NAMES.arbitrage), sheet: name, ref: absolute(FOLLOWUP_ARBITRAGE_CELL) },
    { name: n(FOLLOWUP_NAMES.board), sheet: name, ref: BO.block(first, boardLast) },
    { name: n(FOLLOWUP_NAMES.top), sheet: name, ref: TO.block(topFirst, topLast) },
    { name: n(FOLLOWUP_NAMES.byChapter), sheet: name, ref: CH.block(chapFirst, chapLast) },
    {
      name: n(FOLLOWUP_NAMES.causeList),
      sheet: name,
      ref: TO.range('rank', listHeader + 1, listHeader + GAP_CAUSES.length),
    },
    ...FOLLOWUP_BOARD.map((k) => ({
      name: n(FOLLOWUP_NAMES.boardValues[k]),
      sheet: name,
      ref: absolute(v(k)),
    })),
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [9, 40, 14, 14, 14, 14, 14, 13, 10, 10, 48, 10, 3, 52, 16, 36, 14, 14, 14, 14, 12],
      freezeRows: FOLLOWUP_HEADER_ROW,
      freezeCols: 2,
      validations: [
        {
          range: F.span('cause', first, last),
          kind: 'list',
          listName: n(FOLLOWUP_NAMES.causeList),
          error: 'Cause : Interne (choix de la production) ou Externe (hors de son fait).',
        },
        {
          range: F.span('remaining', first, last),
          kind: 'decimalMin0',
          error: 'Reste à engager : un montant positif ou nul, en euros HT.',
        },
      ],
      conditionalFormats: [
        { range: F.span('gap', first, totalRow), when: 'overrun' },
        { range: CH.span('gap', chapFirst, chapLast), when: 'overrun' },
        { range: `${v('gap')}:${v('gap')}`, when: 'overrun' },
      ],
      merges: [`A2:${F.last}2`, `${FOLLOWUP_ARBITRAGE_CELL}:${F.letter('explanation')}5`],
      rowHeights: { 2: 30, 5: 30 },
      print: { orientation: 'landscape', repeatRows: FOLLOWUP_HEADER_ROW },
    },
    names,
    result,
    chapterRows,
    estimatedGap: gap,
  };
}
