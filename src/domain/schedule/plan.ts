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
}

/** A devis line whose quantity the plan gives: what it counts. */
export interface ScheduleLink {
  code: string;
  /** 'days', 'extras', 'place:Lille', 'kind:Studio', 'cast:Cascadeurs'. */
  measure: string;
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

/** What a measure counts on the plan. */
export function measureValue(days: readonly ShootDay[], measure: string): number {
  if (measure === 'days') return days.length;
  if (measure === 'extras') return days.reduce((s, d) => s + d.extras, 0);
  const [kind, value = ''] = measure.split(/:(.*)/s);
  if (kind === 'place') return days.filter((d) => d.place === value).length;
  if (kind === 'kind') return days.filter((d) => d.kind === value).length;
  if (kind === 'cast') return days.filter((d) => castOf(d).some((c) => sameName(c, value))).length;
  throw new Error(`Mesure du plan de travail inconnue : ${measure}`);
}

/** How the sheet says what a measure counts. */
export function measureLabel(measure: string): string {
  if (measure === 'days') return 'Jours de tournage';
  if (measure === 'extras') return 'Journées de figuration';
  const [kind, value = ''] = measure.split(/:(.*)/s);
  if (kind === 'place') return `Jours à ${value}`;
  if (kind === 'kind') return `Jours en ${value.toLowerCase()}`;
  if (kind === 'cast') return `Jours où « ${value} » est convoqué`;
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
    const gapDays = prev ? Math.round((d.date.getTime() - prev.date.getTime()) / 86_400_000) : null;
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
  id: 'dailyMax' | 'restMin' | 'consecutiveMax';
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
      Record<ProductionFormat, { days: ExampleDay[]; links: ScheduleLink[]; roles: ExampleRole[] }>
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
  };
}

export const SCHEDULE_EXAMPLE_NOTE: string = examples.note;
