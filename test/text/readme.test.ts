import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_SHEETS } from '../../src/sheets/model/naming';

/*
 * The README is the front door: short, every sheet named, every page it points to there, and
 * the reference pages it moved to docs/ each reachable from it.
 */
const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('stays within 150 lines', () => {
  expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
});

it('names every sheet the workbook has', () => {
  const plain = readme.replace(/\*\*/g, '').replace(/\s+/g, ' ');
  expect(Object.values(BASE_SHEETS).filter((s) => !plain.includes(s))).toEqual([]);
});

it('points only at files that exist, and reaches every reference page of docs/', () => {
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)|src="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((l) => !/^https?:/.test(l));
  expect(links.filter((l) => !existsSync(join(ROOT, l)))).toEqual([]);
  for (const page of [
    'classeur',
    'ligne-de-commande',
    'fonctions',
    'donnees',
    'deploiement',
    'developper',
    'architecture',
    'verification',
    'mesures',
  ])
    expect(links).toContain(`docs/${page}.md`);
  expect(links).toContain('docs/rules/README.md');
});
