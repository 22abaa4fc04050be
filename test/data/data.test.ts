import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { exampleData } from '../../src/domain/examples/examples';
import { FORMATS } from '../../src/domain/facts/facts';
import { financingCategories, SOURCE_STATUSES } from '../../src/domain/financing/categories';
import { factorByKey } from '../../src/domain/carbon/factors';
import { carbonCategories } from '../../src/domain/carbon/bilan';
import { findNomenclature, isValidCode, rolesOf, scaffoldProblem } from '../../src/domain/nomenclature/nomenclature';
import data from '../../data/finance/financement.json';
import { EXAMPLE, SCHEMAS } from './schemas';

const DATA = join(__dirname, '..', '..', 'data');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : f.endsWith('.json') ? [relative(DATA, p)] : [];
  });
}

const ajv = new Ajv({ allErrors: true, strict: false });
const errorsOf = (schema: Record<string, unknown>, value: unknown): string[] => {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
};

describe('every data file matches its schema', () => {
  const files = jsonFiles(DATA).sort();

  it('has a schema for each file in data/', () => {
    expect(files).toEqual(Object.keys(SCHEMAS).sort());
  });

  it.each(files)('%s', (file) => {
    const schema = SCHEMAS[file];
    if (!schema) throw new Error(`Pas de schéma pour ${file}`);
    expect(errorsOf(schema, JSON.parse(readFileSync(join(DATA, file), 'utf8')))).toEqual([]);
  });

  it('fails, with the path, on an amount typed as a number and a status that does not exist', () => {
    const broken = JSON.parse(readFileSync(join(DATA, 'exemples', 'serie.json'), 'utf8')) as { chapters: { items: Record<string, unknown>[] }[] };
    const first = broken.chapters[1]?.items[0];
    if (!first) throw new Error('no line');
    first.rate = 2800;
    first.status = 'intermittent';
    expect(errorsOf(EXAMPLE, broken)).toEqual(
      expect.arrayContaining(['/chapters/1/items/0/rate must be string', '/chapters/1/items/0/status must be equal to one of the allowed values']),
    );
  });
});

describe('the examples agree with the other data files', () => {
  it.each(FORMATS)('%s: codes of its grid, known categories, statuses, measure types and factor keys', (format) => {
    const ex = exampleData(format);
    expect(ex.format).toBe(format);
    const nom = findNomenclature(ex.nomenclature);
    if (!nom) throw new Error(ex.nomenclature);
    expect(scaffoldProblem(nom)).toBeNull();
    const roles = rolesOf(nom);
    for (const ch of ex.chapters) {
      expect([ch.code, ch.code === roles.chargesChapter]).toEqual([ch.code, false]);
      for (const item of ch.items) {
        const codes = 'lines' in item ? [item.code, ...item.lines.map((l) => l.code)] : [item.code];
        for (const code of codes) expect([code, isValidCode(nom, code)]).toEqual([code, true]);
      }
    }
    const categories = new Set(financingCategories().map((c) => c.label));
    const ids = new Set((data.categories as { id: string; label: string }[]).map((c) => c.id));
    for (const s of ex.financing.sources) {
      expect([s.category, ids.has(s.category)]).toEqual([s.category, true]);
      expect(SOURCE_STATUSES).toContain(s.status);
    }
    expect(categories.size).toBeGreaterThan(0);
    for (const m of ex.financing.measures) expect(data.measureTypes).toContain(m.type);
    const carbon = new Set(carbonCategories().map((c) => c.id));
    for (const l of ex.carbon.lines) {
      expect([l.key, factorByKey(l.key) !== undefined]).toEqual([l.key, true]);
      expect(carbon).toContain(l.category);
    }
    for (const m of ex.carbon.measures) expect(carbon).toContain(m.category);
  });
});
