import type { BudgetResult } from '../../domain/budget/types';
import { underCode } from '../../domain/budget/compute';
import { GAP_CAUSES, type FollowUpInput, type FollowUpResult } from '../../domain/followup/followup';
import { isoDay } from '../../domain/isoDay';
import { statusLabel } from '../../domain/facts/facts';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import type { DevisLineRow } from '../devis/layout';
import { DEVIS_COLUMNS, DEVIS_NAMES } from '../devis/contract';
import { EXPENSE_NAMES } from '../expenses/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, quoteSheet, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { PARAMS_NAMES, chargeRateOfCell } from '../params/contract';
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
  /**
   * The frais généraux at completion (the domain's), and what their formula reads: the devis's
   * base name, the fee codes whose charges move with them, the codes the base leaves out and the
   * chapter outside the base (audiovisuel 10).
   */
  overheads: {
    final: Money;
    /** The base at completion (the domain's). */
    base: Money;
    baseName: string;
    feeCodes: readonly string[];
    excludedCodes: readonly string[];
    indirectChapter: string | null;
  };
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
  baseFinal:
    'Base à l’achèvement (base du devis réestimée par les écarts ; plafonds des frais généraux et de la rémunération du producteur)',
  overheadsFinal: 'Frais généraux à l’achèvement (taux × base réestimée par les écarts)',
  final: 'Coût estimé final (lignes + frais généraux à l’achèvement)',
  gap: 'Écart au devis (€)',
  gapRate: 'Écart au devis (%)',
  consumed: 'Part du devis payée',
  elapsed: 'Part du calendrier écoulée (préparation → livraison)',
};

type Lines = { first: number; last: number; totalRow: number };
type FollowUpLine = FollowUpResult['lines'][number];

/** One costed line: linked to the Devis, engagé and payé from the Dépenses, reste, estimé final, écart. */
function lineRow(
  b: SheetBuilder,
  l: FollowUpLine,
  r: number,
  devisRow: number,
  typedRemaining: boolean,
  first: number,
  /** A charges line: what it comes to at completion (devis + its rate on what its pay moves). */
  chargesExpected: string | null,
): void {
  const devisSheet = quoteSheet(b.naming.sheet('devis'));
  const at = (k: (typeof F.keys)[number]): string => F.cell(k, r);
  const euros = (k: (typeof F.keys)[number], formula: string, v: Money): CellPlan => ({
    address: at(k),
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  const codes = b.n(EXPENSE_NAMES.lineCodes);
  const ht = b.n(EXPENSE_NAMES.lineHT);
  b.push(
    {
      address: at('code'),
      formula: `${devisSheet}!${DEVIS_COLUMNS.cell('code', devisRow)}`,
      result: l.code,
      numFmt: NUMFMT.text,
      style: 'label',
    },
    {
      address: at('label'),
      formula: `${devisSheet}!${DEVIS_COLUMNS.cell('label', devisRow)}`,
      result: l.label,
      style: 'label',
    },
    euros('devis', `${devisSheet}!${DEVIS_COLUMNS.cell('amount', devisRow)}`, l.amount),
    euros('engaged', `SUMPRODUCT(--(${codes}=${at('code')}),${ht})`, l.engaged),
    euros(
      'paid',
      `SUMPRODUCT(--(${codes}=${at('code')}),--(${b.n(EXPENSE_NAMES.lineStatus)}="Payé"),${ht})`,
      l.paid,
    ),
    // Typed by the user; empty, the estimé final takes the devis not yet committed.
    {
      address: at('remaining'),
      value: typedRemaining ? num(l.remaining) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    },
    euros(
      'final',
      `${at('engaged')}+IF(${at('remaining')}="",MAX(${chargesExpected ?? at('devis')}-${at('engaged')},0),${at('remaining')})`,
      l.final,
    ),
    euros('gap', `${at('final')}-${at('devis')}`, l.gap),
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
      formula: `IF(${at('gap')}>0,SUMPRODUCT(--(${b.n(FOLLOWUP_NAMES.gaps)}>${at('gap')}))+COUNTIF(${F.letter('gap')}$${first}:${at('gap')},${at('gap')}),"")`,
      result: l.rank ?? '',
      numFmt: NUMFMT.integer,
      style: 'note',
    },
    statusCell(at('status'), `${devisSheet}!${DEVIS_COLUMNS.cell('status', devisRow)}`, l),
  );
}

/** The line's status as the Devis gives it (T: its text, or empty): the charges lines follow it. */
function statusCell(address: string, devisStatus: string, l: FollowUpLine): CellPlan {
  return {
    address,
    formula: `T(${devisStatus})`,
    result: l.status ? statusLabel(l.status) : '',
    style: 'note',
  };
}

/**
 * What a charges line comes to at completion, as a formula: its devis, plus the Devis's rate on
 * what the pay of its status moves (estimé final − devis of each line of that status), rounded to
 * the cent. The sums skip the charges lines' own rows (runs of the other rows): no circular
 * reference, and a charges line has no status of its own.
 */
function chargesExpected(
  b: SheetBuilder,
  l: FollowUpLine,
  r: number,
  devisRow: number,
  runs: readonly [number, number][],
): string | null {
  if (!l.charges) return null;
  const label = statusLabel(l.charges.status);
  const moved = runs
    .map(
      ([a, z]) =>
        `SUMIF(${F.range('status', a, z)},"${label}",${F.range('final', a, z)})-SUMIF(${F.range('status', a, z)},"${label}",${F.range('devis', a, z)})`,
    )
    .join('+');
  const rate = `${quoteSheet(b.naming.sheet('devis'))}!${DEVIS_COLUMNS.cell('rate', devisRow)}`;
  return `(${F.cell('devis', r)}+ROUND(${rate}*(${moved || '0'}),2))`;
}

/** The runs of rows that are not charges lines, for the charges lines' sums. */
function payRuns(lines: readonly FollowUpLine[], first: number): [number, number][] {
  const runs: [number, number][] = [];
  lines.forEach((l, i) => {
    if (l.charges) return;
    const row = first + i;
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else runs.push([row, row]);
  });
  return runs;
}

/** The lines and their totals. */
function lineRows(b: SheetBuilder, input: FollowUpLayoutInput): Lines {
  const result = input.followUp;
  const first = FOLLOWUP_FIRST_ROW;
  const last = first + Math.max(result.lines.length, 1) - 1;
  const totalRow = last + 1;
  b.headers(F, FOLLOWUP_HEADER_ROW);
  const entered = new Set(input.input.lines.filter((u) => u.remaining !== undefined).map((u) => u.code));
  const runs = payRuns(result.lines, first);
  result.lines.forEach((l, i) => {
    const devisRow = input.devisLines[i]?.row ?? 0;
    lineRow(
      b,
      l,
      first + i,
      devisRow,
      entered.has(l.code),
      first,
      chargesExpected(b, l, first + i, devisRow, runs),
    );
  });
  b.push({ address: F.cell('label', totalRow), value: 'Total des lignes', style: 'total' });
  const totals: [(typeof F.keys)[number], Money][] = [
    ['devis', result.devis],
    ['engaged', result.engaged],
    ['paid', result.paid],
    ['final', result.final],
    ['gap', result.gap],
  ];
  const total = (
    k: (typeof F.keys)[number],
    formula: string,
    v: Money | null,
    numFmt: string = NUMFMT.euro,
  ): CellPlan => ({
    address: F.cell(k, totalRow),
    formula,
    result: v === null ? '' : num(v),
    numFmt,
    style: 'total',
  });
  for (const [k, value] of totals) b.push(total(k, `SUM(${F.span(k, first, last)})`, value));
  const t = (k: (typeof F.keys)[number]): string => F.cell(k, totalRow);
  b.push(
    // The reste à engager retained (typed, or the devis not yet committed): estimé final − engagé.
    total('remaining', `${t('final')}-${t('engaged')}`, result.remaining),
    total(
      'gapRate',
      `IF(${t('devis')}=0,"",${t('gap')}/${t('devis')})`,
      result.devis.isZero() ? null : result.gap.dividedBy(result.devis),
      NUMFMT.percent,
    ),
  );
  return { first, last, totalRow };
}

const boardRow = (k: BoardKey): number => FOLLOWUP_FIRST_ROW + FOLLOWUP_BOARD.indexOf(k);
const v = (k: BoardKey): string => BO.cell('value', boardRow(k));

/**
 * The frais généraux at completion: ROUND(rate × (devis base + écarts of the lines the base counts
 * − the fee's moved charges), 2), the lines named by their rows (the fee, the frais financiers,
 * the indirect chapter's lines are few).
 */
function baseFormula(b: SheetBuilder, input: FollowUpLayoutInput, lines: Lines): string {
  const o = input.overheads;
  const row = (i: number): number => FOLLOWUP_FIRST_ROW + i;
  const out = input.followUp.lines.flatMap((l, i) =>
    l.chapter === o.indirectChapter || underCode(l.code, o.excludedCodes) ? [F.cell('gap', row(i))] : [],
  );
  const rate = (r: number): string => chargeRateOfCell((x) => b.n(x), F.cell('status', r));
  const feeCharges = input.followUp.lines.flatMap((l, i) =>
    l.chapter !== o.indirectChapter && underCode(l.code, o.feeCodes)
      ? [
          `ROUND(${F.cell('final', row(i))}*${rate(row(i))},2)-ROUND(${F.cell('devis', row(i))}*${rate(row(i))},2)`,
        ]
      : [],
  );
  const minus = [...out, ...feeCharges.map((x) => `(${x})`)].map((x) => `-${x}`).join('');
  return `${b.n(o.baseName)}+${F.cell('gap', lines.totalRow)}${minus}`;
}

/** Each dashboard figure: its formula (over the lines' totals and the Devis) and its cached value. */
function boardFigures(
  b: SheetBuilder,
  input: FollowUpLayoutInput,
  lines: Lines,
): Record<BoardKey, { formula: string; result: Money | null; numFmt: string }> {
  const result = input.followUp;
  const overheads = input.result.overheads.amount;
  const contingency = input.result.contingency.amount;
  const devisTotal = input.result.total.amount;
  const gap = input.estimatedGap;
  const [start, end, date] = [PARAMS_NAMES.prepStart, PARAMS_NAMES.padDelivery, FOLLOWUP_NAMES.date].map(
    (x) => b.n(x),
  );
  const euros = (formula: string, r: Money | null) => ({ formula, result: r, numFmt: NUMFMT.euro });
  const share = (formula: string, r: Money | null) => ({ formula, result: r, numFmt: NUMFMT.percent });
  const t = (k: (typeof F.keys)[number]): string => F.cell(k, lines.totalRow);
  return {
    devis: euros(b.n(DEVIS_NAMES.total.amount), devisTotal),
    overheads: euros(b.n(DEVIS_NAMES.overheads.amount), overheads),
    contingency: euros(b.n(DEVIS_NAMES.contingency.amount), contingency),
    engaged: euros(t('engaged'), result.engaged),
    paid: euros(t('paid'), result.paid),
    remaining: euros(t('remaining'), result.remaining),
    linesFinal: euros(t('final'), result.final),
    linesGap: euros(t('gap'), result.gap),
    contingencyLeft: euros(
      `${v('contingency')}-MAX(${v('linesGap')},0)`,
      contingency.minus(Money.max(result.gap, ZERO)),
    ),
    baseFinal: euros(baseFormula(b, input, lines), input.overheads.base),
    overheadsFinal: euros(
      `ROUND(${b.n(PARAMS_NAMES.overheadsRate)}*${v('baseFinal')},2)`,
      input.overheads.final,
    ),
    final: euros(`${v('linesFinal')}+${v('overheadsFinal')}`, result.final.plus(input.overheads.final)),
    gap: euros(`${v('final')}-${v('devis')}`, gap),
    gapRate: share(
      `IF(${v('devis')}=0,"",${v('gap')}/${v('devis')})`,
      devisTotal.isZero() ? null : gap.dividedBy(devisTotal),
    ),
    consumed: share(
      `IF(${v('devis')}=0,"",${v('paid')}/${v('devis')})`,
      devisTotal.isZero() ? null : result.paid.dividedBy(devisTotal),
    ),
    elapsed: share(
      `IF(OR(${date}="",${start}="",${end}=""),"",IF(${end}<=${start},"",MIN(1,MAX(0,(${date}-${start})/(${end}-${start})))))`,
      input.elapsed,
    ),
  };
}

/** The dashboard, right of the lines; its last row. */
function boardRows(b: SheetBuilder, input: FollowUpLayoutInput, lines: Lines): number {
  const board = boardFigures(b, input, lines);
  b.headers(BO, FOLLOWUP_HEADER_ROW);
  for (const k of FOLLOWUP_BOARD) {
    const f = board[k];
    const key = k === 'final' || k === 'gap' ? 'total' : 'computed';
    b.push(
      {
        address: BO.cell('label', boardRow(k)),
        value: BOARD_LABELS[k],
        style: key === 'total' ? 'total' : 'label',
      },
      {
        address: v(k),
        formula: f.formula,
        result: f.result === null ? '' : num(f.result),
        numFmt: f.numFmt,
        style: key,
      },
    );
  }
  return boardRow(FOLLOWUP_BOARD[FOLLOWUP_BOARD.length - 1] ?? 'elapsed');
}

/** The five largest overruns, read from the lines by their rank; the first row. */
function topRows(b: SheetBuilder, result: FollowUpResult, boardLast: number): number {
  const topTitle = boardLast + 2;
  const topFirst = topTitle + 2;
  b.push({ address: TO.cell('rank', topTitle), value: 'Les cinq plus gros dépassements', style: 'section' });
  b.headers(TO, topTitle + 1);
  const ranked = result.lines.filter((l) => l.rank !== null).sort((a, c) => (a.rank ?? 0) - (c.rank ?? 0));
  for (let k = 1; k <= 5; k += 1) {
    const row = topFirst + k - 1;
    const line = ranked[k - 1];
    const match = `MATCH(${TO.cell('rank', row)},${b.n(FOLLOWUP_NAMES.ranks)},0)`;
    const pick = (name: string): string => `IFERROR(INDEX(${b.n(name)},${match}),"")`;
    b.push(
      { address: TO.cell('rank', row), value: k, numFmt: NUMFMT.integer, style: 'label' },
      {
        address: TO.cell('code', row),
        formula: pick(FOLLOWUP_NAMES.codes),
        result: line?.code ?? '',
        numFmt: NUMFMT.text,
        style: 'computed',
      },
      {
        address: TO.cell('label', row),
        formula: pick(FOLLOWUP_NAMES.labels),
        result: line?.label ?? '',
        style: 'computed',
      },
      {
        address: TO.cell('gap', row),
        formula: pick(FOLLOWUP_NAMES.gaps),
        result: line ? num(line.gap) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: TO.cell('cause', row),
        formula: `IFERROR(INDEX(${b.n(FOLLOWUP_NAMES.causes)},${match})&"","")`,
        result: line?.cause ?? '',
        style: 'computed',
      },
    );
  }
  return topFirst;
}

type Chapters = { chapFirst: number; chapLast: number; chapterRows: FollowUpLayout['chapterRows'] };

/** One chapter: the sums of its lines (contiguous in the table above). */
function chapterRow(
  b: SheetBuilder,
  result: FollowUpResult,
  c: { code: string; label: string },
  row: number,
  first: number,
): FollowUpLayout['chapterRows'][number] {
  const idx = result.lines.flatMap((l, j) => (l.chapter === c.code ? [j] : []));
  const from = first + (idx[0] ?? 0);
  const to = first + (idx[idx.length - 1] ?? 0);
  const lines = result.lines.filter((l) => l.chapter === c.code);
  const total = (key: 'amount' | 'engaged' | 'paid' | 'final' | 'gap'): Money =>
    sum(lines.map((l) => l[key]));
  b.push(
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
    b.push({
      address: CH.cell(k, row),
      formula: `SUM(${F.span(src, from, to)})`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
  const devis = total('amount');
  b.push({
    address: CH.cell('gapRate', row),
    formula: `IF(${CH.cell('devis', row)}=0,"",${CH.cell('gap', row)}/${CH.cell('devis', row)})`,
    result: devis.isZero() ? '' : num(total('gap').dividedBy(devis)),
    numFmt: NUMFMT.percent,
    style: 'computed',
  });
  return { code: c.code, label: c.label, row, devis, final: total('final') };
}

/** The totals per chapter, under the five overruns. */
function chapterRows(b: SheetBuilder, input: FollowUpLayoutInput, topFirst: number, first: number): Chapters {
  const result = input.followUp;
  const chapTitle = topFirst + 4 + 2;
  const chapFirst = chapTitle + 2;
  const chapters = input.chapters.filter((c) => result.lines.some((l) => l.chapter === c.code));
  const chapLast = chapFirst + Math.max(chapters.length, 1) - 1;
  b.push({ address: CH.cell('chapter', chapTitle), value: 'Par chapitre du devis', style: 'section' });
  b.headers(CH, chapTitle + 1);
  const rows = chapters.map((c, i) => chapterRow(b, result, c, chapFirst + i, first));
  return { chapFirst, chapLast, chapterRows: rows };
}

function followUpNames(
  b: SheetBuilder,
  lines: Lines,
  boardLast: number,
  topFirst: number,
  chap: Chapters,
  listHeader: number,
): void {
  const col = (k: (typeof F.keys)[number]): string => F.range(k, lines.first, lines.last);
  b.name(FOLLOWUP_NAMES.lines, F.block(lines.first, lines.last))
    .name(FOLLOWUP_NAMES.codes, col('code'))
    .name(FOLLOWUP_NAMES.labels, col('label'))
    .name(FOLLOWUP_NAMES.gaps, col('gap'))
    .name(FOLLOWUP_NAMES.causes, col('cause'))
    .name(FOLLOWUP_NAMES.ranks, col('rank'))
    .name(FOLLOWUP_NAMES.date, absolute(FOLLOWUP_DATE_CELL))
    .name(FOLLOWUP_NAMES.arbitrage, absolute(FOLLOWUP_ARBITRAGE_CELL))
    .name(FOLLOWUP_NAMES.board, BO.block(lines.first, boardLast))
    .name(FOLLOWUP_NAMES.top, TO.block(topFirst, topFirst + 4))
    .name(FOLLOWUP_NAMES.byChapter, CH.block(chap.chapFirst, chap.chapLast))
    .name(FOLLOWUP_NAMES.causeList, TO.range('rank', listHeader + 1, listHeader + GAP_CAUSES.length));
  for (const k of FOLLOWUP_BOARD) b.name(FOLLOWUP_NAMES.boardValues[k], absolute(v(k)));
}

function followUpChecks(b: SheetBuilder, lines: Lines, chap: Chapters): void {
  b.validations.push(
    {
      range: F.span('cause', lines.first, lines.last),
      kind: 'list',
      listName: b.n(FOLLOWUP_NAMES.causeList),
      error: 'Cause : Interne (choix de la production) ou Externe (hors de son fait).',
    },
    {
      range: F.span('remaining', lines.first, lines.last),
      kind: 'decimalMin0',
      error: 'Reste à engager : un montant positif ou nul, en euros HT.',
    },
  );
  b.conditionalFormats.push(
    { range: F.span('gap', lines.first, lines.totalRow), when: 'overrun' },
    { range: CH.span('gap', chap.chapFirst, chap.chapLast), when: 'overrun' },
    { range: `${v('gap')}:${v('gap')}`, when: 'overrun' },
  );
}

/**
 * Suivi budgétaire: every costed devis line with its devis amount (linked to the Devis), engagé and
 * payé (summed from the Dépenses by code), a reste à engager the user estimates (by default the
 * devis not yet committed), the estimé final, the écart in € and %, its cause and explanation;
 * right of it a dashboard (estimated final cost against the devis, imprévus left, share paid
 * against share of the schedule elapsed), the five largest overruns and the totals per chapter.
 * Every figure is a formula whose cached result is the domain's value.
 */
export function followUpSheet(input: FollowUpLayoutInput): FollowUpLayout {
  const b = new SheetBuilder(input.naming, 'followup');
  const situation = input.input.situationDate ? isoDay(input.input.situationDate) : null;
  b.titled(
    'Suivi budgétaire — estimé final et écarts au devis',
    input.note ??
      'Engagé et payé viennent de la feuille Dépenses (par code). Reste à engager : votre estimation ; vide, l’estimé final retient le devis non encore engagé. Estimé final = engagé + reste à engager. Un écart au-delà des seuils de la feuille Paramètres s’explique (cause et explication).',
  ).push(
    { address: 'A4', value: 'Situation au', style: 'label' },
    { address: FOLLOWUP_DATE_CELL, value: situation, numFmt: NUMFMT.date, style: 'input' },
    { address: 'A5', value: 'Arbitrage proposé', style: 'label' },
    { address: FOLLOWUP_ARBITRAGE_CELL, value: input.input.arbitrage || null, style: 'input' },
  );
  const lines = lineRows(b, input);
  const boardLast = boardRows(b, input, lines);
  const topFirst = topRows(b, input.followUp, boardLast);
  const chap = chapterRows(b, input, topFirst, lines.first);
  // The causes' list, under the chapters.
  const listHeader = chap.chapLast + 2;
  b.push({ address: TO.cell('rank', listHeader), value: 'Causes', style: 'header' });
  GAP_CAUSES.forEach((c, i) =>
    b.push({ address: TO.cell('rank', listHeader + 1 + i), value: c, style: 'label' }),
  );
  followUpNames(b, lines, boardLast, topFirst, chap, listHeader);
  followUpChecks(b, lines, chap);
  return {
    sheet: b.plan({
      columnWidths: [9, 40, 14, 14, 14, 14, 14, 13, 10, 10, 48, 10, 3, 52, 16, 36, 14, 14, 14, 14, 12],
      freezeRows: FOLLOWUP_HEADER_ROW,
      freezeCols: 2,
      merges: [`A2:${F.last}2`, `${FOLLOWUP_ARBITRAGE_CELL}:${F.letter('explanation')}5`],
      rowHeights: { 2: 30, 5: 30 },
      print: { orientation: 'landscape', repeatRows: FOLLOWUP_HEADER_ROW },
    }),
    names: b.names,
    result: input.followUp,
    chapterRows: chap.chapterRows,
    estimatedGap: input.estimatedGap,
  };
}
