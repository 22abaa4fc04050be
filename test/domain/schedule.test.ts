import { computeBudget, exampleBudget, type BudgetInput } from '../../src/domain/budget';
import { costedLines } from '../../src/domain/budget/costedLines';
import { Money } from '../../src/domain/money';
import {
  computeDays,
  exampleSchedule,
  linkValue,
  measureLabel,
  measureValue,
  postEnd,
  postWeeksAfterShoot,
  roleDays,
  shootWeekTotals,
  workLimits,
  type ShootDay,
} from '../../src/domain/schedule/plan';

/** Each typed quantity of a devis, by line code. */
function typedQuantities(budget: BudgetInput): Map<string, string> {
  const quantities = new Map<string, string>();
  for (const ch of budget.chapters)
    for (const item of ch.items)
      for (const l of item.kind === 'line' ? [item] : item.kind === 'group' ? item.lines : [])
        if (l.quantity) quantities.set(l.code, l.quantity.toString());
  return quantities;
}

describe('plan de travail', () => {
  const plan = exampleSchedule('long-metrage');

  it('gives the example devis’s quantities: each link counts on the plan what the devis line says', () => {
    const budget = exampleBudget('long-metrage');
    const lines = costedLines(budget, computeBudget(budget));
    const quantities = typedQuantities(budget);
    const weeks = (code: string, n: number): [string, string, number] => [code, 'Semaines de tournage', n];
    expect(plan.links.map((l) => [l.code, measureLabel(l.measure), linkValue(plan, l)])).toEqual([
      // The crew's weeks: the 7 calendar weeks of the shoot, plus their weeks of preparation.
      weeks('2.2.2', 10),
      weeks('2.2.3', 9),
      weeks('2.2.4', 8),
      weeks('2.3.3', 12),
      weeks('2.3.4', 8),
      weeks('2.4.1', 9),
      weeks('2.4.2', 8),
      weeks('2.4.3', 7),
      weeks('2.5.1', 8),
      weeks('2.5.2', 7),
      ['2.6.1', 'Semaines de « Montage image »', 16],
      ['2.6.2', 'Semaines de « Montage image »', 16],
      weeks('2.7.3', 8),
      weeks('2.8.1', 10),
      weeks('2.8.2', 7),
      weeks('2.8.3', 8),
      weeks('2.8.4', 7),
      weeks('2.9.1', 8),
      weeks('2.9.2', 7),
      weeks('2.9.3', 8),
      weeks('2.9.4', 7),
      ['3.4', 'Journées de figuration', 180],
      ['3.5', 'Jours où « Cascadeurs » est convoqué', 3],
      ['5.1', 'Jours en studio', 6],
      ['5.3', 'Jours en décor naturel', 28],
      weeks('6.1.1', 7),
      ['6.1.3', 'Jours à Bruxelles', 4],
      weeks('6.1.4', 7),
      ['6.2.1', 'Jours à Lille', 25],
      ['6.2.2', 'Jours à Bruxelles', 4],
      ['6.2.3', 'Jours à Lille', 25],
      ['6.3.1', 'Couverts de cantine', 2450],
      ['6.3.3', 'Jours de tournage', 35],
      ['6.3.4', 'Jours de tournage', 35],
      weeks('7.1', 7),
      weeks('7.2', 7),
      weeks('7.3.1', 7),
      weeks('7.4', 7),
      ['7.5.1', 'Semaines de « Montage image »', 16],
      ['7.5.2', 'Semaines de « Montage son »', 4],
      ['7.5.3', 'Jours ouvrés de « Mixage »', 10],
      ['7.5.5', 'Jours ouvrés de « Bruitage »', 4],
      ['8.2.1', 'Jours de tournage', 35],
      ['8.2.2', 'Jours ouvrés de « Étalonnage »', 12],
    ]);
    for (const l of plan.links) {
      expect(lines.some((x) => x.code === l.code)).toBe(true);
      expect(quantities.get(l.code)).toBe(String(linkValue(plan, l)));
    }
  });

  it('plans the postproduction by weeks: each step’s last working day, 18 weeks after the shoot', () => {
    expect(plan.post.map((p) => [p.step, postEnd(p).toISOString().slice(0, 10), p.days / 5])).toEqual([
      ['Montage image', '2027-08-27', 16],
      ['Effets visuels', '2027-08-27', 8],
      ['Montage son', '2027-09-24', 4],
      ['Bruitage', '2027-09-16', 0.8],
      ['Étalonnage', '2027-09-28', 2.4],
      ['Mixage', '2027-10-08', 2],
      ['Conformation et PAD', '2027-10-15', 1],
    ]);
    // From Friday 11 June (last shooting day) to Friday 15 October: 126 days, 18 weeks.
    expect(postWeeksAfterShoot(plan)).toBe(18);
    expect(postWeeksAfterShoot(exampleSchedule('court-metrage'))).toBe(10);
    // A step across a weekend: Thursday + 3 working days ends on Monday.
    expect(
      postEnd({ start: new Date('2027-09-16T00:00:00Z'), days: 3 })
        .toISOString()
        .slice(0, 10),
    ).toBe('2027-09-20');
    expect(postWeeksAfterShoot({ days: plan.days, post: [] })).toBeNull();
    // A step named in another case is the same step, as the sheet's SUMIF reads it.
    expect([measureValue(plan, 'post:mixage'), measureValue(plan, 'postweeks:MONTAGE IMAGE')]).toEqual([
      10, 16,
    ]);
  });

  it('totals each shooting week: days, effective work, covers', () => {
    const totals = shootWeekTotals(plan.days, computeDays(plan.days));
    expect(totals.map((w) => [w.monday.toISOString().slice(0, 10), w.days, w.hours, w.covers])).toEqual([
      ['2027-04-26', 5, 47, 380],
      ['2027-05-03', 5, 47.5, 360],
      ['2027-05-10', 5, 47.5, 320],
      ['2027-05-17', 5, 47, 360],
      ['2027-05-24', 5, 47.5, 360],
      ['2027-05-31', 5, 47, 345],
      ['2027-06-07', 5, 47.5, 325],
    ]);
    expect(totals.reduce((s, w) => s + w.covers, 0)).toBe(2450);
  });

  it('gives the short film’s devis its quantities too: 5 days in Rennes, 20 days of extras', () => {
    const court = exampleSchedule('court-metrage');
    const budget = exampleBudget('court-metrage');
    const quantities = typedQuantities(budget);
    expect(court.links.map((l) => [l.code, linkValue(court, l)])).toEqual([
      ['2.6', 3],
      ['3.4', 20],
      ['5.3', 5],
      ['6.2', 5],
      ['6.3.1', 110],
      ['6.3.2', 5],
      ['6.3.3', 5],
      ['7.1', 1],
      ['7.2', 1],
      ['7.3', 1],
      ['7.4', 1],
      ['7.5.1', 1],
      ['7.5.2', 2],
      ['8.2', 2],
    ]);
    for (const l of court.links) expect(quantities.get(l.code)).toBe(String(linkValue(court, l)));
    expect(exampleSchedule('serie')).toEqual({ days: [], links: [], roles: [], post: [] });
  });

  it('computes effective work, rest since the day before and days in a row', () => {
    const days = computeDays(plan.days);
    // Day 3 is a night (12:00–22:00, 1 h of meal): day 4 is called at 10:00, 12 h later.
    expect(days.slice(0, 4)).toEqual([
      { hours: 9.5, rest: null, consecutive: 1 },
      { hours: 9.5, rest: 13.5, consecutive: 2 },
      { hours: 9, rest: 17.5, consecutive: 3 },
      { hours: 9.5, rest: 12, consecutive: 4 },
    ]);
    // Monday after a weekend: 61 h 30 of rest, the count starts again.
    expect(days[5]).toEqual({ hours: 9.5, rest: 61.5, consecutive: 1 });
    expect(Math.max(...days.map((d) => d.hours))).toBe(9.5);
    // The day after a night ends at 20:30, the next is called at 08:00: 11 h 30, the least.
    expect(Math.min(...days.flatMap((d) => (d.rest === null ? [] : [d.rest])))).toBe(11.5);
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
      ['weeklyMax', '48', 'secondary'],
    ]);
    expect(workLimits()[3]?.source).toContain('L3121-20');
    expect(workLimits()[1]?.source).toContain('L3131-1');
  });

  it('counts a role called with or without spaces, in any case', () => {
    const d = plan.days[26]!;
    expect(measureValue({ days: [{ ...d, cast: 'Léa,cascadeurs' }], post: [] }, 'cast:Cascadeurs')).toBe(1);
    expect(
      measureValue({ days: [{ ...d, cast: 'Léa, Cascadeurs du port' }], post: [] }, 'cast:Cascadeurs'),
    ).toBe(0);
    expect(() => measureValue(plan, 'semaines')).toThrow('Mesure du plan de travail inconnue : semaines');
  });
});
