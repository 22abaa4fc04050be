import { castOf, nameKey, sameName } from '../domain/schedule/plan';
import { dayText } from '../model/field';
import type { ScheduleModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule, RuleContext } from './types';

const figure = (m: { toString(): string }): string => m.toString().replace('.', ',');

/** Each day within the working-time limits the plan states. */
function checkDays(plan: ScheduleModel, ctx: RuleContext): void {
  const [max, rest, row] = [plan.dailyMax?.value, plan.restMin?.value, plan.consecutiveMax?.value];
  for (const d of plan.days) {
    const day = d.date.value === null ? '?' : dayText(d.date.value);
    if (max && d.hours.value?.gt(max) && d.hours.at)
      ctx.report('schedule-daily-hours', { day, hours: figure(d.hours.value), max: figure(max) }, d.hours.at);
    if (rest && d.rest.value?.lt(rest) && d.rest.at)
      ctx.report('schedule-rest', { day, rest: figure(d.rest.value), min: figure(rest) }, d.rest.at);
    if (row && d.consecutive.value?.gt(row) && d.consecutive.at)
      ctx.report(
        'schedule-consecutive',
        { day, days: figure(d.consecutive.value), max: figure(row) },
        d.consecutive.at,
      );
  }
}

/** Each shooting week within the weekly limit. */
function checkWeeks(plan: ScheduleModel, ctx: RuleContext): void {
  const max = plan.weeklyMax?.value;
  if (!max) return;
  for (const w of plan.weeks)
    if (w.hours.value?.gt(max) && w.hours.at && w.monday.value !== null)
      ctx.report(
        'schedule-weekly-hours',
        { monday: dayText(w.monday.value), hours: figure(w.hours.value), max: figure(max) },
        w.hours.at,
      );
}

/** The postproduction: after the shoot has begun, each step after the one it follows, all before the delivery. */
function checkPost(plan: ScheduleModel, delivery: number | null, ctx: RuleContext): void {
  const ends = new Map<string, number | null>();
  for (const p of plan.post) if (p.step.value) ends.set(nameKey(p.step.value), p.end.value);
  const warn = { severity: 'avertissement' } as const;
  for (const p of plan.post) {
    const [step, start, end] = [p.step.value ?? '', p.start.value, p.end.value];
    if (delivery !== null && end !== null && end > delivery && p.end.at)
      ctx.report('post-after-delivery', { step, end: dayText(end), delivery: dayText(delivery) }, p.end.at);
    const first = plan.first?.value;
    if (first !== null && first !== undefined && start !== null && start < first && p.start.at)
      ctx.report(
        'post-before-shoot',
        { step, start: dayText(start), first: dayText(first) },
        p.start.at,
        warn,
      );
    const after = p.after.value;
    if (!after) continue;
    if (!ends.has(nameKey(after))) {
      if (p.after.at) ctx.report('post-after-unknown', { step, after }, p.after.at, warn);
      continue;
    }
    const afterEnd = ends.get(nameKey(after));
    if (afterEnd !== null && afterEnd !== undefined && start !== null && start <= afterEnd && p.start.at)
      ctx.report(
        'post-before-dependency',
        { step, start: dayText(start), after, afterEnd: dayText(afterEnd) },
        p.start.at,
        warn,
      );
  }
}

/** A set's days together: a set left then taken back is set up twice (and often rented twice). */
function checkSets(plan: ScheduleModel, ctx: RuleContext): void {
  const left = new Map<string, number>();
  let previous: string | null = null;
  let previousDay: number | null = null;
  for (const d of plan.days) {
    const set = d.set.value;
    if (!set) continue;
    const key = nameKey(set);
    const leftOn = left.get(key);
    if (key !== previous && leftOn !== undefined && d.set.at && d.date.value !== null)
      ctx.report(
        'schedule-set-return',
        { set, day: dayText(d.date.value), left: dayText(leftOn) },
        d.set.at,
        {
          severity: 'avertissement',
        },
      );
    if (previous !== null && previous !== key && previousDay !== null) left.set(previous, previousDay);
    previous = key;
    previousDay = d.date.value;
  }
}

/** No role called on a day outside its contract. */
function checkRoles(plan: ScheduleModel, ctx: RuleContext): void {
  for (const r of plan.roles) {
    const [role, start, end] = [r.role.value, r.start.value, r.end.value];
    if (!role || start === null || end === null) continue;
    for (const d of plan.days) {
      const date = d.date.value;
      const called = castOf({ cast: d.cast.value ?? '' }).some((c) => sameName(c, role));
      if (!called || date === null || (date >= start && date <= end) || !d.cast.at) continue;
      ctx.report(
        'schedule-role-contract',
        { role, day: dayText(date), start: dayText(start), end: dayText(end) },
        d.cast.at,
      );
    }
  }
}

/**
 * The plan de travail (rncp40642 C1.4, C1.5): each shooting day and week within the working-time
 * limits (effective work per day and per week, rest since the day before, days in a row), the
 * postproduction planned by weeks before the delivery, each devis quantity the plan gives equal to
 * the plan's count, and the dates and weeks of Paramètres (which date the Trésorerie) those of the plan.
 */
export const rule: Rule = {
  meta: {
    id: 'schedule-plan',
    title:
      'Plan de travail : durées du travail tenues, postproduction livrée à temps, quantités du devis et dates tirées du plan',
    criteria: ['rncp40642:C1.4', 'rncp40642:C1.5'],
    why: 'Le plan de travail fonde le devis : une journée ou une semaine trop longue, un repos trop court ou une semaine sans repos exposent la production (heures majorées, inspection du travail), une étape de postproduction qui finit après la livraison retarde le PAD, et une quantité du devis ou une date de tournage qui ne suit pas le plan chiffre un autre tournage que celui qui est prévu.',
    fix: 'Dans la feuille Plan de travail, raccourcissez la journée ou décalez l’heure de convocation, insérez un jour de repos, avancez ou raccourcissez l’étape de postproduction ; dans le Devis, remettez la formule du plan dans la quantité (ou corrigez le plan) ; dans Paramètres, reprenez les dates et les semaines du plan.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.schedule,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const plan = m.schedule;
    if (!plan || plan.days.length === 0) return;
    checkDays(plan, ctx);
    checkWeeks(plan, ctx);
    checkPost(plan, m.params.delivery?.value ?? null, ctx);
    checkRoles(plan, ctx);
    checkSets(plan, ctx);
    for (const l of plan.links) {
      const [count, quantity] = [l.plan.value, l.devis.value];
      if (!count || !quantity || quantity.eq(count) || !l.devis.at) continue;
      ctx.report(
        'schedule-devis-quantity',
        {
          code: l.code.value ?? '',
          label: l.label.value ?? '',
          quantity: figure(quantity),
          count: figure(count),
          measure: l.measure.value ?? '',
        },
        l.devis.at,
      );
    }
    const dates: [typeof plan.first, typeof m.params.shootStart, 'début' | 'fin'][] = [
      [plan.first, m.params.shootStart, 'début'],
      [plan.last, m.params.shootEnd, 'fin'],
    ];
    for (const [fromPlan, param, which] of dates) {
      const [a, b] = [fromPlan?.value, param?.value];
      if (a === null || a === undefined || b === null || b === undefined || a === b || !param?.at) continue;
      ctx.report('schedule-params-dates', { which, param: dayText(b), plan: dayText(a) }, param.at, {
        severity: 'avertissement',
      });
    }
    const [post, param] = [plan.postWeeks?.value, m.params.postWeeks];
    if (post && param?.value && !param.value.eq(post) && param.at)
      ctx.report('schedule-params-post-weeks', { param: figure(param.value), plan: figure(post) }, param.at, {
        severity: 'avertissement',
      });
  },
};
