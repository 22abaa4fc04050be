import examples from '../../../data/exemples/plan-de-travail.json';
import limitsData from '../../../data/finance/temps-de-travail.json';
import type { FactMark, ProductionFormat } from '../facts/facts';
import { isoDay } from '../isoDay';
import { Money } from '../money';

/*
 * The plan de travail (rncp40642 C1.4, C1.5): the shooting days in order, each with its set, its
 * place, the cast called and its hours; the devis quantities that follow from it (shooting days,
 * studio and location days, nights in each place, extras, stunt days) are formulas on it.
 */

/** What kind of set a day is shot in: a studio, a natural set (an indemnity to its owner), the street. */
export const SET_KINDS = ['Studio', 'Décor naturel', 'Voie publique'] as const;
export const INT_EXT = ['INT', 'EXT'] as const;
export const DAY_NIGHT = ['Jour', 'Nuit'] as const;

export interface ShootDay {
  date: Date;
  set: string;
  place: string;
  kind: string;
  intExt: string;
  dayNight: string;
  scenes: string;
  /** The roles called, separated by commas. */
  cast: string;
  extras: number;
  /** Call and wrap, in minutes from midnight; the meal break in hours. */
  start: number;
  end: number;
  meal: Money;
  /** Covers the cantine serves that day (crew, cast and extras). */
  covers: number;
}

/** A devis line whose quantity the plan gives: what it counts. */
export interface ScheduleLink {
  code: string;
  /**
   * 'days', 'weeks' (calendar weeks from the first to the last day), 'extras', 'covers',
   * 'place:Lille', 'kind:Studio', 'cast:Cascadeurs', 'post:Mixage' (working days of a
   * postproduction step), 'postweeks:Montage image' (its weeks).
   */
  measure: string;
  /** Added to the plan's count: weeks of preparation or wrap around the shoot. */
  plus?: number;
}

/** A postproduction step, planned by weeks: its start and its length in working days. */
export interface PostStep {
  step: string;
  /** The step it follows (starts after its end); '' when none. */
  after: string;
  start: Date;
  days: number;
}

/** A role and the period its contract covers. */
export interface RoleContract {
  role: string;
  actor: string;
  start: Date;
  end: Date;
}

export interface Schedule {
  days: ShootDay[];
  links: ScheduleLink[];
  roles: RoleContract[];
  post: PostStep[];
}

/** A role's days called, and those outside its contract. */
export function roleDays(days: readonly ShootDay[], r: RoleContract): { called: number; outside: number } {
  const called = days.filter((d) => castOf(d).some((c) => sameName(c, r.role)));
  return { called: called.length, outside: called.filter((d) => d.date < r.start || d.date > r.end).length };
}

/** A role, a set or a sequence as the sheet's formulas compare them: spaces left out, in any case. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The roles called on a day. */
export function castOf(day: Pick<ShootDay, 'cast'>): string[] {
  return day.cast
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export const DAY_MS = 86_400_000;

/** The Monday of a date's week (UTC midnight), in milliseconds. */
export function mondayOf(d: Date): number {
  return d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS;
}
/** Working days in a week of postproduction. */
export const WORKDAYS_PER_WEEK = 5;

/** Calendar weeks from the first to the last shooting day (a week begun counts). */
export function shootWeeks(days: readonly ShootDay[]): number {
  if (days.length === 0) return 0;
  const t = days.map((d) => d.date.getTime());
  return Math.ceil((Math.max(...t) - Math.min(...t) + DAY_MS) / (7 * DAY_MS));
}

/** The last working day of a step: as Excel's WORKDAY(start, days − 1), weekends left out. */
export function postEnd(step: Pick<PostStep, 'start' | 'days'>): Date {
  const d = new Date(step.start.getTime());
  const weekday = (x: Date): boolean => x.getUTCDay() !== 0 && x.getUTCDay() !== 6;
  let left = step.days - 1;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (weekday(d)) left -= 1;
  }
  return d;
}

/** Weeks of postproduction after the shoot: from the last shooting day to the last step's end. */
export function postWeeksAfterShoot(schedule: Pick<Schedule, 'days' | 'post'>): number | null {
  if (schedule.days.length === 0 || schedule.post.length === 0) return null;
  const last = Math.max(...schedule.days.map((d) => d.date.getTime()));
  const end = Math.max(...schedule.post.map((p) => postEnd(p).getTime()));
  return Math.ceil((end - last) / (7 * DAY_MS));
}

/** What a measure counts on the plan (the link's weeks of preparation not included). */
export function measureValue(schedule: Pick<Schedule, 'days' | 'post'>, measure: string): number {
  const days = schedule.days;
  if (measure === 'days') return days.length;
  if (measure === 'weeks') return shootWeeks(days);
  if (measure === 'extras') return days.reduce((s, d) => s + d.extras, 0);
  if (measure === 'covers') return days.reduce((s, d) => s + d.covers, 0);
  const [kind, value = ''] = measure.split(/:(.*)/s);
  if (kind === 'place') return days.filter((d) => d.place === value).length;
  if (kind === 'kind') return days.filter((d) => d.kind === value).length;
  if (kind === 'cast') return days.filter((d) => castOf(d).some((c) => sameName(c, value))).length;
  // As the sheet's SUMIF compares them: in any case.
  const step = value.toLowerCase();
  const stepDays = schedule.post.filter((p) => p.step.toLowerCase() === step).reduce((s, p) => s + p.days, 0);
  if (kind === 'post') return stepDays;
  if (kind === 'postweeks') return stepDays / WORKDAYS_PER_WEEK;
  throw new Error(`Mesure du plan de travail inconnue : ${measure}`);
}

/** What the plan gives a devis line: its measure, plus the weeks around the shoot. */
export function linkValue(schedule: Pick<Schedule, 'days' | 'post'>, link: ScheduleLink): number {
  return measureValue(schedule, link.measure) + (link.plus ?? 0);
}

/** A week of shooting (Monday to Sunday): its days and its hours of effective work. */
export interface ShootWeek {
  monday: Date;
  days: number;
  hours: number;
  covers: number;
}

/** The shooting weeks, from the first day's Monday to the last day's (empty weeks included). */
export function shootWeekTotals(days: readonly ShootDay[], results: readonly DayResult[]): ShootWeek[] {
  if (days.length === 0) return [];
  const first = Math.min(...days.map((d) => mondayOf(d.date)));
  const weeks: ShootWeek[] = Array.from({ length: shootCalendarWeeks(days) }, (_, i) => ({
    monday: new Date(first + i * 7 * DAY_MS),
    days: 0,
    hours: 0,
    covers: 0,
  }));
  days.forEach((d, i) => {
    const w = weeks[Math.round((mondayOf(d.date) - first) / (7 * DAY_MS))];
    if (!w) return;
    w.days += 1;
    w.hours = hundredths(w.hours + (results[i]?.hours ?? 0));
    w.covers += d.covers;
  });
  return weeks;
}

/** Weeks from the first day's Monday to the last day's Sunday. */
export function shootCalendarWeeks(days: readonly ShootDay[]): number {
  if (days.length === 0) return 0;
  const m = days.map((d) => mondayOf(d.date));
  return Math.round((Math.max(...m) - Math.min(...m)) / (7 * DAY_MS)) + 1;
}

/** How the sheet says what a measure counts. */
export function measureLabel(measure: string): string {
  if (measure === 'days') return 'Jours de tournage';
  if (measure === 'weeks') return 'Semaines de tournage';
  if (measure === 'extras') return 'Journées de figuration';
  if (measure === 'covers') return 'Couverts de cantine';
  const [kind, value = ''] = measure.split(/:(.*)/s);
  if (kind === 'place') return `Jours à ${value}`;
  if (kind === 'kind') return `Jours en ${value.toLowerCase()}`;
  if (kind === 'cast') return `Jours où « ${value} » est convoqué`;
  if (kind === 'post') return `Jours ouvrés de « ${value} »`;
  if (kind === 'postweeks') return `Semaines de « ${value} »`;
  throw new Error(`Mesure du plan de travail inconnue : ${measure}`);
}

export interface DayResult {
  /** Hours of effective work: wrap − call − meal, to the hundredth. */
  hours: number;
  /** Hours of rest since the previous day's wrap; null on the first day. */
  rest: number | null;
  /** Days worked in a row up to this one (1 after a day off). */
  consecutive: number;
}

const DAY_MINUTES = 1440;
const hundredths = (x: number): number => Math.round(x * 100) / 100;

export function computeDays(days: readonly ShootDay[]): DayResult[] {
  const out: DayResult[] = [];
  days.forEach((d, i) => {
    const prev = i > 0 ? days[i - 1] : undefined;
    const gapDays = prev ? Math.round((d.date.getTime() - prev.date.getTime()) / DAY_MS) : null;
    out.push({
      hours: hundredths((d.end - d.start) / 60 - d.meal.toNumber()),
      rest: prev && gapDays !== null ? hundredths((gapDays * DAY_MINUTES + d.start - prev.end) / 60) : null,
      consecutive: gapDays === 1 ? (out[i - 1]?.consecutive ?? 0) + 1 : 1,
    });
  });
  return out;
}

/** A working-time limit with its public source. */
export interface WorkLimit {
  id: 'dailyMax' | 'restMin' | 'consecutiveMax' | 'weeklyMax';
  label: string;
  value: Money;
  mark: FactMark;
  source: string;
}

export function workLimits(): WorkLimit[] {
  return limitsData.limits.map((l) => ({
    id: l.id as WorkLimit['id'],
    label: l.label,
    value: new Money(l.value),
    mark: l.mark as FactMark,
    source: l.source,
  }));
}

export const WORK_LIMITS_NOTE: string = limitsData.note;

/** « 08:30 » → 510 minutes. */
function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

type ExampleRole = Omit<RoleContract, 'start' | 'end'> & { start: string; end: string };

type ExamplePost = Omit<PostStep, 'start'> & { start: string };

type ExampleDay = Omit<ShootDay, 'date' | 'start' | 'end' | 'meal'> & {
  date: string;
  start: string;
  end: string;
  meal: string;
};

/** The example's plan de travail (data/exemples/plan-de-travail.json); empty where it has none. */
export function exampleSchedule(format: ProductionFormat): Schedule {
  const e = (
    examples.formats as Partial<
      Record<
        ProductionFormat,
        { days: ExampleDay[]; links: ScheduleLink[]; roles: ExampleRole[]; post: ExamplePost[] }
      >
    >
  )[format];
  const day = (iso: string): Date => {
    const d = isoDay(iso);
    if (!d) throw new Error(`Date d’exemple illisible : ${iso}`);
    return d;
  };
  return {
    days: (e?.days ?? []).map((d) => {
      const date = isoDay(d.date);
      if (!date) throw new Error(`Jour de tournage d’exemple illisible : ${d.date}`);
      return { ...d, date, start: minutesOf(d.start), end: minutesOf(d.end), meal: new Money(d.meal) };
    }),
    links: e?.links ?? [],
    roles: (e?.roles ?? []).map((r) => ({ ...r, start: day(r.start), end: day(r.end) })),
    post: (e?.post ?? []).map((p) => ({ ...p, start: day(p.start) })),
  };
}

export const SCHEDULE_EXAMPLE_NOTE: string = examples.note;
