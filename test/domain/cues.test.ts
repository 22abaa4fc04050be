import { computeBudget, exampleBudget } from '../../src/domain/budget';
import { costedLines } from '../../src/domain/budget/costedLines';
import {
  boughtCue,
  computeCueSheet,
  exampleCues,
  timecodeSeconds,
  timecodeText,
} from '../../src/domain/music/cues';

describe('CUE sheet', () => {
  const cues = exampleCues('long-metrage');
  const result = computeCueSheet(cues);

  it('reads and writes timecodes in whole seconds', () => {
    expect(timecodeSeconds('01:02:03')).toBe(3723);
    expect(timecodeSeconds('0:00:12')).toBe(12);
    expect(timecodeSeconds('00:61:00')).toBeNull();
    expect(timecodeSeconds('12 min')).toBeNull();
    expect(timecodeText(3723)).toBe('01:02:03');
    expect(timecodeText(6300)).toBe('01:45:00');
  });

  it('times the example’s cues and totals them per origin', () => {
    expect(result.durations).toEqual([130, 145, 192, 275, 12, 255, 200, 345, 165, 280, 240]);
    expect(result.byOrigin.map((o) => [o.origin, o.count, o.seconds, o.cost.toFixed(2)])).toEqual([
      ['Originale', 7, 1670, '0.00'],
      ['Préexistante', 3, 557, '18000.00'],
      ['Archive', 1, 12, '600.00'],
    ]);
    expect([result.seconds, result.cost.toFixed(2)]).toEqual([2239, '18600.00']);
    // The last cue ends with the 105-minute film.
    expect(cues.at(-1)?.out).toBe(105 * 60);
    expect(cues.filter((c) => boughtCue(c.origin)).map((c) => c.number)).toEqual([
      '2M1',
      '3M1',
      '4M1',
      '5M2',
    ]);
  });

  it('charges each cue to a line of the example’s devis that covers it', () => {
    const budget = exampleBudget('long-metrage');
    const lines = costedLines(budget, computeBudget(budget));
    const charged = [...result.byCode].map(([code, cost]) => {
      const line = lines.find((l) => l.code === code);
      return [code, cost.toFixed(2), line?.amount.toFixed(2)];
    });
    expect(charged).toEqual([
      ['1.4.1', '0.00', '35000.00'],
      ['1.4.2', '18000.00', '18000.00'],
      ['1.5', '600.00', '4500.00'],
    ]);
  });

  it('has no cue for the formats whose example has none', () => {
    expect(exampleCues('serie')).toEqual([]);
  });
});
