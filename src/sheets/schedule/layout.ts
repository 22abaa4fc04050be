import type { CostedLine } from '../../domain/budget/costedLines';
import { toCellNumber } from '../../domain/money';
import {
  DAY_NIGHT,
  INT_EXT,
  DAY_MS,
  measureLabel,
  mondayOf,
  postEnd,
  SET_KINDS,
  WORKDAYS_PER_WEEK,
  WORK_LIMITS_NOTE,
  workLimits,
  type DayResult,
  type PostStep,
  type Schedule,
  type ShootDay,
  type ShootWeek,
} from '../../domain/schedule/plan';
import { markLabel } from '../../domain/facts/facts';
import { DEVIS_NAMES, UNKNOWN_CODE, devisLookup } from '../devis/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import {
  NUMFMT,
  absolute,
  columnLetter,
  toExcelSerial,
  type CellPlan,
  type NamePlan,
  type SheetPlan,
} from '../model/plan';
import {
  DAY_COLUMNS as D,
  FIGURE_COLUMNS as FI,
  LIMIT_COLUMNS as LM,
  COUNT_COLUMNS as CO,
  LINK_COLUMNS as LK,
  POST_COLUMNS as PO,
  POST_GRID_FIRST_COLUMN,
  ROLE_COLUMNS as RO,
  SCHEDULE_FIRST_ROW,
  SCHEDULE_HEADER_ROW,
  SCHEDULE_LIMITS_FIRST_ROW,
  SCHEDULE_LIST_COLUMNS as LI,
  SCHEDULE_NAMES as S,
  WEEK_COLUMNS as WK,
} from './contract';

/** Free rows under the shooting days. */
export const FREE_DAY_ROWS = 10;

/** The formula of what a measure counts on the plan (the devis's quantity and the check both use it). */
export function measureFormula(measure: string, n: (base: string) => string): string {
  const dates = n(S.dates);
  if (measure === 'days') return `COUNT(${dates})`;
  if (measure === 'weeks') return `IF(COUNT(${dates})=0,0,ROUNDUP((MAX(${dates})-MIN(${dates})+1)/7,0))`;
  if (measure === 'extras') return `SUM(${n(S.extras)})`;
  if (measure === 'covers') return `SUM(${n(S.covers)})`;
  const [kind, value = ''] = measure.split(/:(.*)/s);
  const text = value.replace(/"/g, '""');
  const stepDays = `SUMIF(${n(S.postSteps)},"${text}",${n(S.postDays)})`;
  if (kind === 'post') return stepDays;
  if (kind === 'postweeks') return `${stepDays}/${WORKDAYS_PER_WEEK}`;
  if (kind === 'place') return `COUNTIF(${n(S.places)},"${text}")`;
  if (kind === 'kind') return `COUNTIF(${n(S.kinds)},"${text}")`;
  if (kind === 'cast')
    return `SUMPRODUCT(--ISNUMBER(SEARCH(",${text.replace(/\s+/g, '')},",","&SUBSTITUTE(${n(S.cast)}," ","")&",")))`;
  throw new Error(`Mesure du plan de travail inconnue : ${measure}`);
}

/**
 * The devis quantity of a line the plan gives: its measure's formula, plus (for weeks) the weeks
 * of preparation or wrap typed beside the link on the plan.
 */
export function linkQuantityFormula(
  link: { code: string; measure: string },
  n: (base: string) => string,
): string {
  const measure = measureFormula(link.measure, n);
  if (link.measure !== 'weeks' && !link.measure.startsWith('postweeks:')) return measure;
  const code = link.code.replace(/"/g, '""');
  return `${measure}+SUMPRODUCT(--(${n(S.linkCodes)}="${code}"),${n(S.linkPlus)})`;
}

export interface ScheduleLayoutInput {
  schedule: Schedule;
  /** The domain's figures: each day's hours, rest and days in a row; what the plan counts per link. */
  days: readonly DayResult[];
  counts: readonly number[];
  /** What each measure counts, once per measure (the counts beside the quantities). */
  measures: ReadonlyMap<string, number>;
  roles: readonly { called: number; outside: number }[];
  /** The shooting weeks' totals; the postproduction's weeks after the shoot (null without steps). */
  weeks: readonly ShootWeek[];
  shootWeeks: number;
  postWeeks: number | null;
  /** The devis's costed lines: the label and quantity of a line the plan gives. */
  lines: readonly CostedLine[];
  quantities: ReadonlyMap<string, number>;
  note?: string;
  naming: Naming;
}

type Rows = { first: number; last: number };

const time = (minutes: number): number => minutes / 1440;

/** The limits checked, each with its source, and the plan's own figures beside them. */
function limitRows(b: SheetBuilder, input: ScheduleLayoutInput): void {
  const days = input.schedule.days;
  const limits = workLimits();
  b.push({
    address: `A${SCHEDULE_LIMITS_FIRST_ROW - 1}`,
    value: 'Durées du travail contrôlées',
    style: 'section',
  });
  const names = {
    dailyMax: S.dailyMax,
    restMin: S.restMin,
    consecutiveMax: S.consecutiveMax,
    weeklyMax: S.weeklyMax,
  } as const;
  limits.forEach((l, i) => {
    const r = SCHEDULE_LIMITS_FIRST_ROW + i;
    b.push(
      { address: LM.cell('label', r), value: l.label, style: 'label' },
      { address: LM.cell('value', r), value: toCellNumber(l.value), numFmt: '0.00', style: 'input' },
      { address: LM.cell('source', r), value: `${l.source} (${markLabel(l.mark)})`, style: 'note' },
    );
    b.name(names[l.id], absolute(LM.cell('value', r)));
  });
  b.push({
    address: LM.cell('label', SCHEDULE_LIMITS_FIRST_ROW + limits.length),
    value: WORK_LIMITS_NOTE,
    style: 'note',
  });
  const dates = days.map((d) => toExcelSerial(d.date));
  const some = (x: number): number | string => (days.length ? x : '');
  const figures: [string, string, string, number | string, string][] = [
    ['Jours de tournage', S.dayCount, `COUNT(${b.n(S.dates)})`, some(days.length), NUMFMT.integer],
    [
      'Premier jour',
      S.first,
      `IF(COUNT(${b.n(S.dates)})=0,"",MIN(${b.n(S.dates)}))`,
      some(Math.min(...dates)),
      NUMFMT.date,
    ],
    [
      'Dernier jour',
      S.last,
      `IF(COUNT(${b.n(S.dates)})=0,"",MAX(${b.n(S.dates)}))`,
      some(Math.max(...dates)),
      NUMFMT.date,
    ],
    [
      'Semaines de tournage',
      S.shootWeeks,
      measureFormula('weeks', (x) => b.n(x)),
      some(input.shootWeeks),
      NUMFMT.integer,
    ],
    [
      'Semaines de postproduction après le tournage',
      S.postWeeks,
      `IF(OR(COUNT(${b.n(S.postEnds)})=0,COUNT(${b.n(S.dates)})=0),"",ROUNDUP((MAX(${b.n(S.postEnds)})-MAX(${b.n(S.dates)}))/7,0))`,
      input.postWeeks ?? '',
      NUMFMT.integer,
    ],
  ];
  figures.forEach(([label, name, formula, result, numFmt], i) => {
    const r = SCHEDULE_LIMITS_FIRST_ROW + i;
    b.push(
      { address: FI.cell('label', r), value: label, style: 'label' },
      { address: FI.cell('value', r), formula, result, numFmt, style: 'computed' },
    );
    b.name(name, absolute(FI.cell('value', r)));
  });
}

/** One shooting day (or a free row): what is typed, then hours, rest and days in a row by formula. */
function dayRow(b: SheetBuilder, d: ShootDay | null, i: number, computed: readonly DayResult[]): void {
  const r = SCHEDULE_FIRST_ROW + i;
  const at = (k: (typeof D.keys)[number], row = r): string => D.cell(k, row);
  const c = computed[i];
  const input = (
    k: (typeof D.keys)[number],
    value: string | number | Date | null,
    numFmt?: string,
  ): CellPlan => ({
    address: at(k),
    value,
    style: 'input',
    ...(numFmt ? { numFmt } : {}),
  });
  const formula = (
    k: (typeof D.keys)[number],
    f: string,
    result: number | string,
    numFmt: string,
  ): CellPlan => ({
    address: at(k),
    formula: f,
    result,
    numFmt,
    style: 'computed',
  });
  const prev = r - 1;
  const first = i === 0;
  b.push(
    formula(
      'rank',
      `IF(${at('date')}="","",COUNT(${D.cell('date', SCHEDULE_FIRST_ROW)}:${at('date')}))`,
      d ? i + 1 : '',
      NUMFMT.integer,
    ),
    input('date', d?.date ?? null, NUMFMT.date),
    input('set', d?.set || null),
    input('place', d?.place || null),
    input('kind', d?.kind || null),
    input('intExt', d?.intExt || null),
    input('dayNight', d?.dayNight || null),
    input('scenes', d?.scenes || null),
    input('cast', d?.cast || null),
    input('extras', d ? d.extras : null, NUMFMT.integer),
    input('start', d ? time(d.start) : null, 'h:mm'),
    input('end', d ? time(d.end) : null, 'h:mm'),
    input('meal', d ? toCellNumber(d.meal) : null, '0.00'),
    formula(
      'hours',
      `IF(OR(${at('start')}="",${at('end')}=""),"",ROUND((${at('end')}-${at('start')})*24-N(${at('meal')}),2))`,
      c ? c.hours : '',
      '0.00',
    ),
    first
      ? { address: at('rest'), value: null, numFmt: '0.00', style: 'computed' }
      : formula(
          'rest',
          `IF(OR(${at('date')}="",${D.cell('date', prev)}="",${at('start')}="",${D.cell('end', prev)}=""),"",ROUND((${at('date')}+${at('start')}-${D.cell('date', prev)}-${D.cell('end', prev)})*24,2))`,
          c?.rest ?? '',
          '0.00',
        ),
    input('covers', d ? d.covers : null, NUMFMT.integer),
    formula(
      'consecutive',
      first
        ? `IF(${at('date')}="","",1)`
        : `IF(${at('date')}="","",IF(${at('date')}-N(${D.cell('date', prev)})=1,N(${D.cell('consecutive', prev)})+1,1))`,
      c ? c.consecutive : '',
      NUMFMT.integer,
    ),
  );
}

/** The shooting days, their names, lists and checks. */
function dayRows(b: SheetBuilder, days: readonly ShootDay[], computed: readonly DayResult[]): Rows {
  const first = SCHEDULE_FIRST_ROW;
  const last = first + days.length + FREE_DAY_ROWS - 1;
  b.headers(D, SCHEDULE_HEADER_ROW);
  [...days, ...Array<null>(FREE_DAY_ROWS).fill(null)].forEach((d, i) => dayRow(b, d, i, computed));
  b.name(S.days, D.block(first, last))
    .name(S.dates, D.range('date', first, last))
    .name(S.places, D.range('place', first, last))
    .name(S.kinds, D.range('kind', first, last))
    .name(S.cast, D.range('cast', first, last))
    .name(S.scenes, D.range('scenes', first, last))
    .name(S.extras, D.range('extras', first, last))
    .name(S.hours, D.range('hours', first, last))
    .name(S.covers, D.range('covers', first, last));
  return { first, last };
}

/** The devis quantities the plan gives: the plan's count, the devis's quantity, the gap. */
function linkRows(
  b: SheetBuilder,
  input: ScheduleLayoutInput,
  after: number,
): { header: number; last: number } {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const links = input.schedule.links;
  const devis = b.n(DEVIS_NAMES.lines);
  b.push({
    address: LK.cell('code', title),
    value: 'Quantités du devis tirées du plan de travail',
    style: 'section',
  });
  b.headers(LK, header);
  links.forEach((l, i) => {
    const r = first + i;
    const at = (k: (typeof LK.keys)[number]): string => LK.cell(k, r);
    const line = input.lines.find((x) => x.code === l.code);
    const plan = input.counts[i] ?? 0;
    const quantity = input.quantities.get(l.code) ?? 0;
    b.push(
      { address: at('code'), value: l.code, numFmt: NUMFMT.text, style: 'label' },
      {
        address: at('label'),
        formula: devisLookup(devis, at('code'), 'label', UNKNOWN_CODE),
        result: line?.label ?? UNKNOWN_CODE,
        style: 'computed',
      },
      { address: at('measure'), value: measureLabel(l.measure), style: 'label' },
      { address: at('plus'), value: l.plus ?? null, numFmt: NUMFMT.integer, style: 'input' },
      {
        // One formula for every row: the count is read by its measure in the counts beside.
        address: at('plan'),
        formula: `IFERROR(INDEX(${b.n(S.counts)},MATCH(${at('measure')},${b.n(S.measures)},0))+N(${at('plus')}),"")`,
        result: plan,
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      {
        address: at('devis'),
        formula: devisLookup(devis, at('code'), 'quantity', ''),
        result: quantity,
        numFmt: '0.##',
        style: 'computed',
      },
      {
        address: at('gap'),
        formula: `IF(${at('devis')}="","",${at('devis')}-${at('plan')})`,
        result: quantity - plan,
        numFmt: '0.##',
        style: 'computed',
      },
    );
  });
  const last = first + Math.max(links.length, 1) - 1;
  if (links.length > 0)
    b.name(S.links, LK.block(first, last))
      .name(S.linkCodes, LK.range('code', first, last))
      .name(S.linkPlus, LK.range('plus', first, last));
  const counted = countRows(b, input, header);
  return { header, last: Math.max(last, counted) };
}

/** Free rows under the roles. */
const FREE_ROLE_ROWS = 5;

/** The roles with their contracts; the days each is called, and those outside its contract. */
function roleRows(b: SheetBuilder, input: ScheduleLayoutInput, after: number): number {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const roles = input.schedule.roles;
  const last = first + roles.length + FREE_ROLE_ROWS - 1;
  b.push({ address: RO.cell('role', title), value: 'Rôles et contrats des comédiens', style: 'section' });
  b.headers(RO, header);
  const cast = `","&SUBSTITUTE(${b.n(S.cast)}," ","")&","`;
  [...roles, ...Array<null>(FREE_ROLE_ROWS).fill(null)].forEach((r, i) => {
    const row = first + i;
    const at = (k: (typeof RO.keys)[number]): string => RO.cell(k, row);
    const called = `--ISNUMBER(SEARCH(","&SUBSTITUTE(${at('role')}," ","")&",",${cast}))`;
    const dates = b.n(S.dates);
    b.push(
      { address: at('role'), value: r?.role ?? null, style: 'input' },
      { address: at('actor'), value: r?.actor || null, style: 'input' },
      { address: at('start'), value: r?.start ?? null, numFmt: NUMFMT.date, style: 'input' },
      { address: at('end'), value: r?.end ?? null, numFmt: NUMFMT.date, style: 'input' },
      {
        address: at('called'),
        formula: `IF(${at('role')}="","",SUMPRODUCT(${called}))`,
        result: r ? (input.roles[i]?.called ?? 0) : '',
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      {
        address: at('outside'),
        formula: `IF(OR(${at('role')}="",${at('start')}="",${at('end')}=""),"",SUMPRODUCT(${called},--((${dates}<${at('start')})+(${dates}>${at('end')})>0)))`,
        result: r ? (input.roles[i]?.outside ?? 0) : '',
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
    );
  });
  b.name(S.roles, RO.block(first, last));
  return last;
}

/** Free rows under the shooting weeks. */
const FREE_WEEK_ROWS = 2;

/** The shooting weeks beside the roles: each week's days, hours of effective work and covers. */
function weekRows(b: SheetBuilder, input: ScheduleLayoutInput, after: number): number {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const last = first + input.weeks.length + FREE_WEEK_ROWS - 1;
  const dates = b.n(S.dates);
  b.push({ address: WK.cell('monday', title), value: 'Semaines de tournage', style: 'section' });
  b.headers(WK, header);
  for (let r = first; r <= last; r += 1) {
    const w = input.weeks[r - first];
    const at = (k: (typeof WK.keys)[number]): string => WK.cell(k, r);
    const prev = WK.cell('monday', r - 1);
    const within = (name: string): string =>
      `IF(${at('monday')}="","",SUMIFS(${b.n(name)},${dates},">="&${at('monday')},${dates},"<"&${at('monday')}+7))`;
    b.push(
      {
        address: at('monday'),
        formula:
          r === first
            ? `IF(COUNT(${dates})=0,"",MIN(${dates})-WEEKDAY(MIN(${dates}),3))`
            : `IF(${prev}="","",IF(${prev}+7>MAX(${dates}),"",${prev}+7))`,
        result: w ? toExcelSerial(w.monday) : '',
        numFmt: NUMFMT.date,
        style: 'computed',
      },
      {
        address: at('days'),
        formula: `IF(${at('monday')}="","",COUNTIFS(${dates},">="&${at('monday')},${dates},"<"&${at('monday')}+7))`,
        result: w ? w.days : '',
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      {
        address: at('hours'),
        formula: within(S.hours),
        result: w ? w.hours : '',
        numFmt: '0.00',
        style: 'computed',
      },
      {
        address: at('covers'),
        formula: within(S.covers),
        result: w ? w.covers : '',
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
    );
  }
  b.name(S.weeks, WK.block(first, last));
  return last;
}

/** Free rows under the postproduction steps. */
const FREE_POST_ROWS = 4;
/** Weeks drawn past the last step's; the weeks drawn for a planning without a step. */
const FREE_POST_WEEKS = 2;
const EMPTY_POST_WEEKS = 8;

/** One postproduction step: typed step, start and working days; its end and weeks by formula. */
function postRow(b: SheetBuilder, p: PostStep | null, r: number): void {
  const at = (k: (typeof PO.keys)[number]): string => PO.cell(k, r);
  b.push(
    { address: at('step'), value: p?.step ?? null, style: 'input' },
    { address: at('after'), value: p?.after || null, style: 'input' },
    { address: at('start'), value: p?.start ?? null, numFmt: NUMFMT.date, style: 'input' },
    { address: at('days'), value: p?.days ?? null, numFmt: NUMFMT.integer, style: 'input' },
    {
      address: at('end'),
      formula: `IF(OR(${at('start')}="",${at('days')}=""),"",WORKDAY(${at('start')},${at('days')}-1))`,
      result: p ? toExcelSerial(postEnd(p)) : '',
      numFmt: NUMFMT.date,
      style: 'computed',
    },
    {
      address: at('weeks'),
      formula: `IF(${at('days')}="","",${at('days')}/${WORKDAYS_PER_WEEK})`,
      result: p ? p.days / WORKDAYS_PER_WEEK : '',
      numFmt: '0.0',
      style: 'computed',
    },
  );
}

/**
 * The weeks of the postproduction, one column each, from the first start's Monday to two weeks
 * past the last end: a mark where a step runs that week (it starts by the Friday and ends on or
 * after the Monday).
 */
function postGrid(b: SheetBuilder, post: readonly PostStep[], header: number, rows: Rows): number {
  const spans = post.map((p) => ({ start: p.start.getTime(), end: postEnd(p).getTime() }));
  const firstMonday = post.length ? Math.min(...post.map((p) => mondayOf(p.start))) : null;
  const weeks =
    (firstMonday === null
      ? EMPTY_POST_WEEKS
      : Math.floor((Math.max(...spans.map((x) => x.end)) - firstMonday) / (7 * DAY_MS)) + 1) +
    FREE_POST_WEEKS;
  const starts = PO.range('start', rows.first, rows.last);
  // One formula along the header row: the first start's Monday, plus a week per column.
  const firstCol = `$${columnLetter(POST_GRID_FIRST_COLUMN)}$${header}`;
  for (let w = 0; w < weeks; w += 1) {
    const col = columnLetter(POST_GRID_FIRST_COLUMN + w);
    const monday = `${col}$${header}`;
    const date = firstMonday === null ? null : firstMonday + w * 7 * DAY_MS;
    b.push({
      address: `${col}${header}`,
      formula: `IF(COUNT(${starts})=0,"",MIN(${starts})-WEEKDAY(MIN(${starts}),3)+7*(COLUMNS(${firstCol}:${col}${header})-1))`,
      result: date === null ? '' : toExcelSerial(new Date(date)),
      numFmt: 'dd/mm',
      style: 'header',
    });
    for (let r = rows.first; r <= rows.last; r += 1) {
      const span = spans[r - rows.first];
      const [start, end] = [`$${PO.letter('start')}${r}`, `$${PO.letter('end')}${r}`];
      const runs = span !== undefined && date !== null && span.start <= date + 4 * DAY_MS && span.end >= date;
      b.push({
        address: `${col}${r}`,
        formula: `IF(OR(${start}="",${end}="",${monday}=""),"",IF(AND(${start}<=${monday}+4,${end}>=${monday}),"■",""))`,
        result: runs ? '■' : '',
        style: 'computed',
      });
    }
  }
  return weeks;
}

/** The postproduction planning by weeks, under the roles: steps, their ends, their weeks drawn. */
function postRows(b: SheetBuilder, post: readonly PostStep[], after: number): number {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const last = first + post.length + FREE_POST_ROWS - 1;
  b.push({
    address: PO.cell('step', title),
    value: 'Planning de postproduction, par semaine (jours ouvrés, du lundi au vendredi)',
    style: 'section',
  });
  b.headers(PO, header);
  for (let r = first; r <= last; r += 1) postRow(b, post[r - first] ?? null, r);
  b.name(S.post, PO.block(first, last))
    .name(S.postSteps, PO.range('step', first, last))
    .name(S.postDays, PO.range('days', first, last))
    .name(S.postEnds, PO.range('end', first, last));
  b.validations.push({
    range: PO.span('days', first, last),
    kind: 'wholeBetween',
    bounds: [1, 1000],
    error: 'Jours ouvrés : un nombre entier de jours (5 par semaine).',
  });
  return postGrid(b, post, header, { first, last });
}

/** What the plan counts, once per measure the devis uses (the quantities above read it). */
function countRows(b: SheetBuilder, input: ScheduleLayoutInput, header: number): number {
  const measures = [...new Set(input.schedule.links.map((l) => l.measure))];
  b.headers(CO, header);
  const first = header + 1;
  const rows = measures.length > 0 ? measures : ['days'];
  rows.forEach((m, i) => {
    b.push(
      { address: CO.cell('measure', first + i), value: measureLabel(m), style: 'label' },
      {
        address: CO.cell('value', first + i),
        formula: measureFormula(m, (x) => b.n(x)),
        result: input.measures.get(m) ?? 0,
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
    );
  });
  const last = first + rows.length - 1;
  b.name(S.measures, CO.range('measure', first, last)).name(S.counts, CO.range('value', first, last));
  return last;
}

/**
 * Plan de travail: the working-time limits with their source, the shooting days (set, place, cast
 * called, hours; effective work, rest since the day before and days in a row computed), and the
 * devis quantities it gives, each against the devis.
 */
export function scheduleSheet(input: ScheduleLayoutInput): { sheet: SheetPlan; names: NamePlan[] } {
  const b = new SheetBuilder(input.naming, 'schedule');
  const days = input.schedule.days;
  b.titled(
    'Plan de travail — jours de tournage',
    input.note ??
      'Une ligne par jour de tournage, dans l’ordre : date, décor, lieu, type de décor, séquences, comédiens convoqués (séparés par des virgules), figurants, heures de début et de fin, pause repas. Le travail effectif, le repos depuis la veille et les jours consécutifs se calculent et se comparent aux limites ci-dessous ; les quantités du devis qui en découlent sont des formules sur ce plan.',
  );
  limitRows(b, input);
  const rows = dayRows(b, days, input.days);
  const links = linkRows(b, input, rows.last);
  b.lists(LI, links.header, [
    ['kinds', SET_KINDS, S.kindList],
    ['intExt', INT_EXT, S.intExtList],
    ['dayNight', DAY_NIGHT, S.dayNightList],
  ]);
  const below = Math.max(links.last, links.header + 3);
  const roles = roleRows(b, input, below);
  const weeks = weekRows(b, input, below);
  const gridWeeks = postRows(b, input.schedule.post, Math.max(roles, weeks));
  const span = (k: (typeof D.keys)[number]): string => D.span(k, rows.first, rows.last);
  b.listCheck(span('kind'), S.kindList, 'Type de décor : Studio, Décor naturel ou Voie publique.')
    .listCheck(span('intExt'), S.intExtList, 'INT ou EXT.')
    .listCheck(span('dayNight'), S.dayNightList, 'Jour ou Nuit.');
  b.validations.push(
    {
      range: span('extras'),
      kind: 'wholeBetween',
      bounds: [0, 5000],
      error: 'Figurants : un nombre entier.',
    },
    { range: span('meal'), kind: 'decimalMin0', error: 'Pause repas : un nombre d’heures (1 ou 0,5).' },
  );
  return {
    sheet: b.plan({
      columnWidths: [
        ...[6, 11, 30, 12, 14, 8, 9, 14, 30, 10, 8, 8, 10, 12, 14, 12, 10, 2],
        ...Array<number>(gridWeeks).fill(6),
      ],
      freezeRows: SCHEDULE_HEADER_ROW,
      merges: [`A2:${D.last}2`],
      rowHeights: { 2: 30, [SCHEDULE_HEADER_ROW]: 30 },
      print: { orientation: 'landscape', repeatRows: SCHEDULE_HEADER_ROW },
    }),
    names: b.names,
  };
}
