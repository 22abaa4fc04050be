import type { CostedLine } from '../../domain/budget/costedLines';
import { type Money, toCellNumber, ZERO } from '../../domain/money';
import { CUE_ORIGINS, CUE_RIGHTS, CUE_USAGES, type Cue, type CueSheetResult } from '../../domain/music/cues';
import { DEVIS_NAMES, UNKNOWN_CODE, devisLookup } from '../devis/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { PARAMS_NAMES } from '../params/contract';
import {
  CUE_COLUMNS as C,
  CUE_FIRST_ROW,
  CUE_HEADER_ROW,
  CUE_LIST_COLUMNS as LI,
  CUE_NAMES,
  CUE_ORIGIN_COLUMNS as O,
} from './contract';

/** Free rows under the cues. */
export const FREE_CUE_ROWS = 10;

const DAY_SECONDS = 86_400;
const num = (m: Money): number => toCellNumber(m);

export interface CueLayoutInput {
  cues: readonly Cue[];
  result: CueSheetResult;
  /** The devis's costed lines: the label and amount of the line a cue is charged to. */
  lines: readonly CostedLine[];
  /** The film's title and duration in minutes (Paramètres), for the share of music. */
  title: string;
  minutes: number | null;
  note?: string;
  naming: Naming;
}

export interface CueLayout {
  sheet: SheetPlan;
  names: NamePlan[];
}

type Rows = { first: number; last: number; total: number };

/** One cue (or a free row): what is typed, its duration, and the devis line it is charged to. */
function cueRow(b: SheetBuilder, input: CueLayoutInput, c: Cue | null, i: number, rows: Rows): void {
  const r = rows.first + i;
  const at = (k: (typeof C.keys)[number]): string => C.cell(k, r);
  const devis = b.n(DEVIS_NAMES.lines);
  const line = c ? input.lines.find((l) => l.code === c.code) : undefined;
  const computed = (
    k: (typeof C.keys)[number],
    formula: string,
    result: number | string,
    numFmt?: string,
  ): CellPlan => ({
    address: at(k),
    formula: `IF(${k === 'seconds' ? `OR(${at('in')}="",${at('out')}="")` : `${at('code')}=""`},"",${formula})`,
    result,
    style: 'computed',
    ...(numFmt ? { numFmt } : {}),
  });
  const time = (s: number | undefined): number | null => (s === undefined ? null : s / DAY_SECONDS);
  const text = (k: (typeof C.keys)[number], v: string | undefined): CellPlan => ({
    address: at(k),
    value: v || null,
    style: 'input',
  });
  b.push(
    { address: at('number'), value: c?.number ?? null, numFmt: NUMFMT.text, style: 'input' },
    text('title', c?.title),
    { address: at('in'), value: time(c?.in), numFmt: NUMFMT.timecode, style: 'input' },
    { address: at('out'), value: time(c?.out), numFmt: NUMFMT.timecode, style: 'input' },
    computed(
      'seconds',
      `ROUND((${at('out')}-${at('in')})*${DAY_SECONDS},0)`,
      c ? (input.result.durations[i] ?? '') : '',
      NUMFMT.integer,
    ),
    text('usage', c?.usage),
    text('origin', c?.origin),
    text('authors', c?.authors),
    text('publisher', c?.publisher),
    text('performers', c?.performers),
    text('rights', c?.rights),
    { address: at('cost'), value: c?.cost ? num(c.cost) : null, numFmt: NUMFMT.euro, style: 'input' },
    { address: at('code'), value: c?.code || null, numFmt: NUMFMT.text, style: 'input' },
    computed(
      'devisLabel',
      devisLookup(devis, at('code'), 'label', UNKNOWN_CODE),
      c?.code ? (line?.label ?? UNKNOWN_CODE) : '',
    ),
    computed(
      'devisAmount',
      devisLookup(devis, at('code'), 'amount', ''),
      c?.code && line ? num(line.amount) : '',
      NUMFMT.euro,
    ),
    computed(
      'charged',
      `SUMIF(${C.range('code', rows.first, rows.last)},${at('code')},${C.range('cost', rows.first, rows.last)})`,
      c?.code ? num(input.result.byCode.get(c.code) ?? ZERO) : '',
      NUMFMT.euro,
    ),
  );
}

/** The cue table: headers, a row per cue and free row, the totals of durations and costs. */
function cueRows(b: SheetBuilder, input: CueLayoutInput): Rows {
  const first = CUE_FIRST_ROW;
  const last = first + input.cues.length + FREE_CUE_ROWS - 1;
  const rows: Rows = { first, last, total: last + 1 };
  b.headers(C, CUE_HEADER_ROW);
  [...input.cues, ...Array<null>(FREE_CUE_ROWS).fill(null)].forEach((c, i) => cueRow(b, input, c, i, rows));
  b.push(
    { address: C.cell('number', rows.total), value: 'Total', style: 'total' },
    {
      address: C.cell('seconds', rows.total),
      formula: `SUM(${C.span('seconds', first, last)})`,
      result: input.result.seconds,
      numFmt: NUMFMT.integer,
      style: 'total',
    },
    {
      address: C.cell('cost', rows.total),
      formula: `SUM(${C.span('cost', first, last)})`,
      result: num(input.result.cost),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  b.name(CUE_NAMES.lines, C.block(first, last))
    .name(CUE_NAMES.seconds, absolute(C.cell('seconds', rows.total)))
    .name(CUE_NAMES.cost, absolute(C.cell('cost', rows.total)));
  return rows;
}

/** The totals per origin under the cues, the share of music in the film, and the lists. */
function originRows(b: SheetBuilder, input: CueLayoutInput, rows: Rows): void {
  const title = rows.total + 2;
  const header = title + 1;
  const first = header + 1;
  const col = (k: (typeof C.keys)[number]): string => C.range(k, rows.first, rows.last);
  b.push({ address: O.cell('origin', title), value: 'Par origine', style: 'section' });
  b.headers(O, header);
  input.result.byOrigin.forEach((o, i) => {
    const r = first + i;
    const at = (k: (typeof O.keys)[number]): string => O.cell(k, r);
    b.push(
      { address: at('origin'), value: o.origin, style: 'label' },
      {
        address: at('count'),
        formula: `COUNTIF(${col('origin')},${at('origin')})`,
        result: o.count,
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      {
        address: at('seconds'),
        formula: `SUMIF(${col('origin')},${at('origin')},${col('seconds')})`,
        result: o.seconds,
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      {
        address: at('minutes'),
        formula: `ROUND(${at('seconds')}/60,2)`,
        result: Math.round((o.seconds / 60) * 100) / 100,
        numFmt: '0.00',
        style: 'computed',
      },
      {
        address: at('cost'),
        formula: `SUMIF(${col('origin')},${at('origin')},${col('cost')})`,
        result: num(o.cost),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  });
  const last = first + input.result.byOrigin.length - 1;
  b.name(CUE_NAMES.byOrigin, O.block(first, last));
  const share = last + 2;
  const film = input.minutes ? input.minutes * 60 : 0;
  b.push(
    { address: O.cell('origin', share), value: 'Durée des musiques rapportée au film', style: 'label' },
    {
      address: O.cell('count', share),
      formula: `IF(N(${b.n(CUE_NAMES.filmSeconds)})=0,0,${b.n(CUE_NAMES.seconds)}/${b.n(CUE_NAMES.filmSeconds)})`,
      result: film === 0 ? 0 : input.result.seconds / film,
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
  );
  b.name(CUE_NAMES.musicShare, absolute(O.cell('count', share)));
  b.lists(LI, header, [
    ['usages', CUE_USAGES, CUE_NAMES.usages],
    ['origins', CUE_ORIGINS, CUE_NAMES.origins],
    ['rights', CUE_RIGHTS, CUE_NAMES.rights],
  ]);
}

/**
 * CUE sheet (cpca C.3.3.1): each music of the film timed in and out, with its authors, publisher,
 * performers, origin, rights and cost on the devis line that pays it; the totals per origin and
 * the share of music in the film.
 */
export function cueSheet(input: CueLayoutInput): CueLayout {
  const b = new SheetBuilder(input.naming, 'cues');
  b.titled(
    'CUE sheet — relevé des musiques du film',
    input.note ??
      'Une ligne par musique, dans l’ordre du film : entrée et sortie (h:mm:ss), utilisation, origine, auteurs, éditeur, interprètes, état des droits et coût, et la ligne du devis qui le paie. La durée, le libellé et le montant de la ligne du devis, et ce que le CUE sheet y impute se calculent.',
  ).push(
    { address: 'A4', value: 'Film', style: 'label' },
    {
      address: 'B4',
      formula: `IF(${b.n(PARAMS_NAMES.title)}="","",${b.n(PARAMS_NAMES.title)})`,
      result: input.title,
      style: 'computed',
    },
    { address: 'A5', value: 'Durée du film (s)', style: 'label' },
    {
      address: 'B5',
      formula: `N(${b.n(PARAMS_NAMES.duration)})*60`,
      result: input.minutes ? input.minutes * 60 : 0,
      numFmt: NUMFMT.integer,
      style: 'computed',
    },
  );
  b.name(CUE_NAMES.filmSeconds, '$B$5');
  const rows = cueRows(b, input);
  originRows(b, input, rows);
  const span = (k: (typeof C.keys)[number]): string => C.span(k, rows.first, rows.last);
  b.listCheck(span('usage'), CUE_NAMES.usages, 'Utilisation : choisissez-la dans la liste (sous le tableau).')
    .listCheck(span('origin'), CUE_NAMES.origins, 'Origine : Originale, Préexistante ou Archive.')
    .listCheck(span('rights'), CUE_NAMES.rights, 'Droits : choisissez l’état des droits dans la liste.');
  b.validations.push(
    { range: span('cost'), kind: 'decimalMin0', error: 'Coût des droits : un montant positif en euros.' },
    { range: span('in'), kind: 'decimalMin0', error: 'Entrée : un minutage h:mm:ss (par exemple 0:12:30).' },
    { range: span('out'), kind: 'decimalMin0', error: 'Sortie : un minutage h:mm:ss (par exemple 0:14:05).' },
  );
  return {
    sheet: b.plan({
      columnWidths: [8, 34, 12, 12, 10, 16, 14, 32, 24, 30, 20, 14, 10, 36, 16, 16],
      freezeRows: CUE_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30, [CUE_HEADER_ROW]: 30 },
      print: { orientation: 'landscape', repeatRows: CUE_HEADER_ROW },
    }),
    names: b.names,
  };
}
