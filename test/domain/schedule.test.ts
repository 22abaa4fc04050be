import { computeBudget, exampleBudget } from '../../src/domain/budget';
import { costedLines } from '../../src/domain/budget/costedLines';
import { Money } from '../../src/domain/money';
import {
  computeDays,
  exampleSchedule,
  measureLabel,
  measureValue,
  roleDays,
  workLimits,
  type ShootDay,
} from '../../src/domain/schedule/plan';

describe('plan de travail', () => {
  const plan = exampleSchedule('long-metrage');

  it('gives the example devis’s quantities: each link counts on the plan what the devis line says', () => {
    const budget = exampleBudget('long-metrage');
    const lines = costedLines(budget, computeBudget(budget));
    const quantities = new Map<string, string>();
    for (const ch of budget.chapters)
      for (const item of ch.items)
        for (const l of item.kind === 'line' ? [item] : item.kind === 'group' ? item.lines : [])
          if (l.quantity) quantities.set(l.code, l.quantity.toString());
    expect(
      plan.links.map((l) => [l.code, measureLabel(l.measure), measureValue(plan.days, l.measure)]),
    ).toEqual([
      ['3.4', 'Journées de figuration', 180],
      ['3.5', 'Jours où « Cascadeurs » est convoqué', 3],
      ['5.1', 'Jours en studio', 6],
      ['5.3', 'Jours en décor naturel', 28],
      ['6.1.3', 'Jours à Bruxelles', 4],
      ['6.2.1', 'Jours à Lille', 25],
      ['6.2.2', 'Jours à Bruxelles', 4],
      ['6.2.3', 'Jours à Lille', 25],
      ['6.3.1', 'Jours de tournage', 35],
      ['6.3.3', 'Jours de tournage', 35],
      ['6.3.4', 'Jours de tournage', 35],
      ['8.2.1', 'Jours de tournage', 35],
    ]);
    for (const l of plan.links) {
      expect(lines.some((x) => x.code === l.code)).toBe(true);
      expect(quantities.get(l.code)).toBe(String(measureValue(plan.days, l.measure)));
    }
  });

  it('gives the short film’s devis its quantities too: 5 days in Rennes, 20 days of extras', () => {
    const court = exampleSchedule('court-metrage');
    const budget = exampleBudget('court-metrage');
    const quantities = new Map<string, string>();
    for (const ch of budget.chapters)
      for (const item of ch.items)
        for (const l of item.kind === 'line' ? [item] : item.kind === 'group' ? item.lines : [])
          if (l.quantity) quantities.set(l.code, l.quantity.toString());
    expect(court.links.map((l) => [l.code, measureValue(court.days, l.measure)])).toEqual([
      ['3.4', 20],
      ['5.3', 5],
      ['6.2', 5],
      ['6.3.1', 5],
      ['6.3.2', 5],
      ['6.3.3', 5],
    ]);
    for (const l of court.links)
      expect(quantities.get(l.code)).toBe(String(measureValue(court.days, l.measure)));
    expect(exampleSchedule('serie')).toEqual({ days: [], links: [], roles: [] });
  });

  it('computes effective work, rest since the day before and days in a row', () => {
    const days = computeDays(plan.days);
    // Day 3 is a night (12:00–22:00, 1 h of meal): day 4 is called at 10:00, 12 h later.
    expect(days.slice(0, 4)).toEqual([
      { hours: 10, rest: null, consecutive: 1 },
      { hours: 10, rest: 13, consecutive: 2 },
      { hours: 9, rest: 17, consecutive: 3 },
      { hours: 10, rest: 12, consecutive: 4 },
    ]);
    // Monday after a weekend: 61 h of rest, the count starts again.
    expect(days[5]).toEqual({ hours: 10, rest: 61, consecutive: 1 });
    expect(Math.max(...days.map((d) => d.hours))).toBe(10);
    // The day after a night ends at 21:00, the next is called at 08:00: 11 h, the minimum.
    expect(Math.min(...days.flatMap((d) => (d.rest === null ? [] : [d.rest])))).toBe(11);
    expect(Math.max(...days.map((d) => d.consecutive))).toBe(5);
    const day = (date: string, start: number, end: number): ShootDay => ({
      ...plan.days[0]!,
      date: new Date(`${date}T00:00:00Z`),
      start,
      end,
      meal: new Money('0.5'),
    });
    // 07:30 to 19:15 less half an hour; then a call at 05:00: 9 h 45 of rest.
    expect(computeDays([day('2027-05-03', 450, 1155), day('2027-05-04', 300, 900)])).toEqual([
      { hours: 11.25, rest: null, consecutive: 1 },
      { hours: 9.5, rest: 9.75, consecutive: 2 },
    ]);
  });

  it('counts each role’s days called, none outside its contract in the example', () => {
    expect(
      plan.roles.map((r) => [r.role, roleDays(plan.days, r).called, roleDays(plan.days, r).outside]),
    ).toEqual([
      ['Léa', 35, 0],
      ['Paul', 9, 0],
      ['Marc', 20, 0],
      ['Yasmine', 9, 0],
      ['Henri', 9, 0],
      ['Inès', 8, 0],
      ['Cascadeurs', 3, 0],
    ]);
    const stunts = plan.roles.find((r) => r.role === 'Cascadeurs')!;
    // Their contract shortened by a day: the third stunt day falls outside.
    expect(roleDays(plan.days, { ...stunts, end: new Date('2027-06-02T00:00:00Z') })).toEqual({
      called: 3,
      outside: 1,
    });
  });

  it('states the limits with their source, from the Code du travail', () => {
    expect(workLimits().map((l) => [l.id, l.value.toString(), l.mark])).toEqual([
      ['dailyMax', '10', 'secondary'],
      ['restMin', '11', 'secondary'],
      ['consecutiveMax', '6', 'secondary'],
    ]);
    expect(workLimits()[1]?.source).toContain('L3131-1');
  });

  it('counts a role called with or without spaces, in any case', () => {
    const d = plan.days[26]!;
    expect(measureValue([{ ...d, cast: 'Léa,cascadeurs' }], 'cast:Cascadeurs')).toBe(1);
    expect(measureValue([{ ...d, cast: 'Léa, Cascadeurs du port' }], 'cast:Cascadeurs')).toBe(0);
    expect(() => measureValue(plan.days, 'semaines')).toThrow(
      'Mesure du plan de travail inconnue : semaines',
    );
  });
});
