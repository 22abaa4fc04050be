import criteria from '../../data/referentiels/criteres.json';
import { RULES } from '../../src/rules';

/*
 * What the pane and the report show of the référentiels and the rules is read by juries: French
 * typography (typographic apostrophe, no « (s) » plurals, no hyphen-minus as a dash).
 */
const faults = (text: string): string[] =>
  [
    /'/.test(text) ? 'apostrophe droite' : null,
    /\(s\)/.test(text) ? '« (s) »' : null,
    / - /.test(text) ? 'trait d’union pour un tiret' : null,
  ].filter((f): f is string => f !== null);

describe('French typography of the texts a jury reads', () => {
  it('criteria wordings', () => {
    const bad = criteria.criteria.flatMap((c) => faults(c.text).map((f) => `${c.id} : ${f}`));
    expect(bad).toEqual([]);
    expect(criteria.criteria.length).toBeGreaterThanOrEqual(30);
  });

  it('rule titles, reasons and fixes', () => {
    const bad = RULES.flatMap((r) =>
      [r.meta.title, r.meta.why, r.meta.fix].flatMap((t) =>
        faults(t ?? '').map((f) => `${r.meta.id} : ${f}`),
      ),
    );
    expect(bad).toEqual([]);
    expect(RULES.length).toBe(51);
  });
});
