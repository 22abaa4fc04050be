import type { Scene } from '../../domain/schedule/breakdown';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { SCHEDULE_NAMES } from '../schedule/contract';
import {
  BREAKDOWN_FIRST_ROW,
  BREAKDOWN_HEADER_ROW,
  BREAKDOWN_NAMES as N,
  SCENE_COLUMNS as C,
} from './contract';

/** Free rows under the sequences. */
export const FREE_SCENE_ROWS = 15;

export interface BreakdownLayoutInput {
  scenes: readonly Scene[];
  /** For each sequence, the plan days that shoot it (the domain's count). */
  days: readonly number[];
  note?: string;
  naming: Naming;
}

/** One sequence (or a free row): what the breakdown lists, and the plan days that shoot it. */
function sceneRow(b: SheetBuilder, s: Scene | null, days: number | undefined, r: number): void {
  const at = (k: (typeof C.keys)[number]): string => C.cell(k, r);
  const text = (k: (typeof C.keys)[number], v: string | undefined): CellPlan => ({
    address: at(k),
    value: v || null,
    style: 'input',
  });
  const plan = b.n(SCHEDULE_NAMES.scenes);
  b.push(
    { address: at('number'), value: s?.number ?? null, numFmt: NUMFMT.text, style: 'input' },
    text('set', s?.set),
    text('intExt', s?.intExt),
    text('dayNight', s?.dayNight),
    { address: at('eighths'), value: s ? s.eighths : null, numFmt: NUMFMT.integer, style: 'input' },
    {
      address: at('pages'),
      formula: `IF(${at('eighths')}="","",ROUND(N(${at('eighths')})/8,2))`,
      result: s ? Math.round((s.eighths / 8) * 100) / 100 : '',
      numFmt: '0.00',
      style: 'computed',
    },
    text('cast', s?.cast),
    { address: at('extras'), value: s ? s.extras : null, numFmt: NUMFMT.integer, style: 'input' },
    text('props', s?.props),
    text('vehicles', s?.vehicles),
    text('special', s?.special),
    text('environment', s?.environment),
    {
      address: at('days'),
      formula: `IF(${at('number')}="","",SUMPRODUCT(--ISNUMBER(SEARCH(","&SUBSTITUTE(${at('number')}," ","")&",",","&SUBSTITUTE(${plan}," ","")&","))))`,
      result: s ? (days ?? 0) : '',
      numFmt: NUMFMT.integer,
      style: 'computed',
    },
  );
}

/**
 * Dépouillement de mise en scène (cpca C1.3.1): each sequence with its set, INT / EXT, day / night,
 * length, cast, extras, props, vehicles, special equipment and environmental impact, and the plan
 * de travail's days that shoot it.
 */
export function breakdownSheet(input: BreakdownLayoutInput): { sheet: SheetPlan; names: NamePlan[] } {
  const b = new SheetBuilder(input.naming, 'breakdown');
  b.titled(
    'Dépouillement de mise en scène',
    input.note ??
      'Une ligne par séquence du scénario : décor, intérieur ou extérieur, jour ou nuit, longueur en huitièmes de page, rôles, figurants, accessoires, véhicules, matériel spécial, impact environnemental et la mesure prise. La dernière colonne compte les jours du plan de travail qui tournent la séquence.',
  );
  const first = BREAKDOWN_FIRST_ROW;
  const last = first + input.scenes.length + FREE_SCENE_ROWS - 1;
  b.headers(C, BREAKDOWN_HEADER_ROW);
  [...input.scenes, ...Array<null>(FREE_SCENE_ROWS).fill(null)].forEach((s, i) =>
    sceneRow(b, s, input.days[i], first + i),
  );
  const eighths = input.scenes.reduce((sum, s) => sum + s.eighths, 0);
  b.push(
    { address: 'A3', value: 'Séquences', style: 'label' },
    {
      address: 'B3',
      formula: `COUNTA(${C.span('number', first, last)})`,
      result: input.scenes.length,
      numFmt: NUMFMT.integer,
      style: 'computed',
    },
    { address: 'D3', value: 'Pages', style: 'label' },
    {
      address: 'E3',
      formula: `ROUND(SUM(${C.span('eighths', first, last)})/8,2)`,
      result: Math.round((eighths / 8) * 100) / 100,
      numFmt: '0.00',
      style: 'computed',
    },
  );
  b.name(N.scenes, C.block(first, last))
    .name(N.numbers, C.range('number', first, last))
    .name(N.count, absolute('B3'))
    .name(N.pages, absolute('E3'));
  b.validations.push(
    {
      range: C.span('eighths', first, last),
      kind: 'wholeBetween',
      bounds: [1, 400],
      error: 'Longueur : un nombre entier de huitièmes de page (8 = une page).',
    },
    {
      range: C.span('extras', first, last),
      kind: 'wholeBetween',
      bounds: [0, 5000],
      error: 'Figurants : un nombre entier.',
    },
  );
  return {
    sheet: b.plan({
      columnWidths: [9, 30, 8, 9, 12, 10, 24, 10, 24, 24, 24, 40, 12],
      freezeRows: BREAKDOWN_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30, [BREAKDOWN_HEADER_ROW]: 30 },
      print: { orientation: 'landscape', repeatRows: BREAKDOWN_HEADER_ROW },
    }),
    names: b.names,
  };
}
