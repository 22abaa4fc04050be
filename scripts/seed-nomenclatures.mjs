// Copies the three devis nomenclatures from ../shared/reference/cnc-nomenclatures.json into
// data/nomenclatures/, keeping every confidence mark and the sources each file cites.
// Run by hand when the reference changes: `node scripts/seed-nomenclatures.mjs`.
// The product never reads ../shared at run time; it reads the files written here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const refPath = join(root, '..', 'shared', 'reference', 'cnc-nomenclatures.json');
const ref = JSON.parse(readFileSync(refPath, 'utf8'));
const seededOn = process.env.SEED_DATE ?? new Date().toISOString().slice(0, 10);

const codeStyles = { 'cnc-classique': 'dotted', 'cnc-2018': 'digits', 'cnc-audiovisuel': 'lettered' };

/** "41-46" → ["41", …, "46"]; "8x" → [] (no code known); others unchanged. */
function expandCode(code) {
  const range = /^(\d+)-(\d+)$/.exec(code);
  if (range) {
    const out = [];
    for (let n = Number(range[1]); n <= Number(range[2]); n += 1) out.push(String(n));
    return out;
  }
  if (/x$/i.test(code)) return [];
  return [code];
}

for (const nom of ref.nomenclatures) {
  // The chapter roles and the readable labels are ours (not in the reference): keep them.
  const target = join(root, 'data', 'nomenclatures', `${nom.id}.json`);
  const previous = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : null;
  const displayLabels = new Map(
    (previous?.chapters ?? []).flatMap((c) =>
      c.lines.filter((l) => l.displayLabel).map((l) => [l.code, l.displayLabel]),
    ),
  );
  const cited = new Set(nom.sources);
  const chapters = nom.chapters.map((ch) => {
    const lines = [];
    const unnumbered = [];
    for (const line of ch.lines) {
      if (/\.T$/.test(line.code)) continue; // subtotal rows of a spreadsheet, not postes
      const codes = expandCode(line.code);
      if (codes.length === 0) unnumbered.push({ ...line });
      for (const code of codes) {
        if (line.source) cited.add(line.source);
        lines.push({
          code,
          label: line.label ?? null,
          confidence: line.confidence,
          ...(line.existence ? { existence: line.existence } : {}),
          source: line.source ?? null,
          ...(line.labelHint ? { labelHint: line.labelHint } : {}),
          ...(line.note ? { note: line.note } : {}),
          ...(codes.length > 1 ? { seededFromRange: line.code } : {}),
          ...(displayLabels.has(code) ? { displayLabel: displayLabels.get(code) } : {}),
        });
      }
    }
    if (ch.labelSource) cited.add(ch.labelSource);
    return {
      code: ch.code,
      label: ch.label,
      labelConfidence: ch.labelConfidence,
      codeConfidence: ch.codeConfidence,
      labelSource: ch.labelSource ?? null,
      ...(ch.labelNote ? { note: ch.labelNote } : {}),
      lines,
      ...(unnumbered.length ? { unnumberedLines: unnumbered } : {}),
    };
  });
  for (const b of nom.belowTheLine ?? []) if (b.source) cited.add(b.source);
  const out = {
    id: nom.id,
    title: nom.title,
    codeStyle: codeStyles[nom.id],
    seededFrom: 'shared/reference/cnc-nomenclatures.json',
    seededOn,
    confidenceLegend: {
      verbatim: 'lu dans un texte primaire (gabarit CNC ou texte officiel)',
      secondary: 'lu dans une transcription ou un outil tiers — à revérifier',
      inferred: 'reconstitué d’après la pratique — non vérifié, à remplacer par le libellé officiel',
    },
    structure: nom.structure ?? null,
    openPoints: nom.openPoints ?? [],
    sources: ref.sources.filter((s) => cited.has(s.id)),
    chapters,
    belowTheLine: nom.belowTheLine ?? [],
    ...(previous?.roles ? { roles: previous.roles } : {}),
  };
  writeFileSync(target, JSON.stringify(out, null, 2) + '\n');
  console.log(
    `${nom.id}: ${chapters.length} chapitres, ${chapters.reduce((n, c) => n + c.lines.length, 0)} lignes`,
  );
}
