// Copies the emission factors from ../shared/reference/carbon-factors.json into
// data/carbon/facteurs.json, keeping value, unit, source, year and the verified flag.
// Run by hand when the reference changes: `node scripts/seed-carbon.mjs`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ref = JSON.parse(readFileSync(join(root, '..', 'shared', 'reference', 'carbon-factors.json'), 'utf8'));
const seededOn = process.env.SEED_DATE ?? new Date().toISOString().slice(0, 10);
const target = join(root, 'data', 'carbon', 'facteurs.json');
const previousTitles = existsSync(target)
  ? new Map(JSON.parse(readFileSync(target, 'utf8')).sources.map((s) => [s.id, s.publicTitle]))
  : new Map();
// Base Carbone car factors are the defaults (carbon-facts.md §5: the NGC-computed car values embed
// ecoinvent data whose reuse is restricted).
const excluded = new Set(
  ref.factors.filter((f) => f.key.endsWith('.ngc') && f.key.startsWith('car.')).map((f) => f.key),
);
const out = {
  seededFrom: 'shared/reference/carbon-factors.json',
  referenceVersion: ref.version,
  seededOn,
  note: ref.note,
  excluded: [...excluded].map((k) => ({
    key: k,
    why: 'Valeur Nos Gestes Climat intégrant des données ecoinvent à réutilisation restreinte : le facteur Base Carbone® correspondant est utilisé.',
  })),
  // publicTitle is ours (what a user reads as the source): kept from the previous file.
  sources: ref.sources.map((s) => ({
    id: s.id,
    title: s.title,
    publicTitle: previousTitles.get(s.id) ?? s.title,
    url: s.url ?? null,
  })),
  factors: ref.factors
    .filter((f) => !excluded.has(f.key))
    .map((f) => ({
      key: f.key,
      category: f.category,
      label: f.label_fr,
      unit: f.unit,
      value: String(f.value),
      source: f.source,
      year: f.year ?? null,
      verified: f.verified === true,
      ...(f.ademe_id ? { ademeId: String(f.ademe_id) } : {}),
      // A note cites public sources only, never the team's reference notes.
      ...(f.note ? { note: f.note.replace(/\s*\(carbon-facts\.md[^)]*\)/g, '') } : {}),
    })),
};
writeFileSync(join(root, 'data', 'carbon', 'facteurs.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${out.factors.length} facteurs, ${out.excluded.length} exclus`);
