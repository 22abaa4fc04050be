import { MODEL_READS, readModel } from '../model/read';
import {
  isValidCode,
  listNomenclatures,
  rolesOf,
  scaffoldProblem,
} from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** Codes our own rows carry that are not postes (subtotal and total rows). */
const ROW_CODES = /^(st|total)$/i;

/** The labels a chapter code has in any of our nomenclatures (loose form). */
function chapterLabelsOf(code: string): Set<string> {
  return new Set(
    listNomenclatures()
      .flatMap((n) => n.chapters)
      .filter((c) => c.code === code)
      .map((c) => looseForm(c.label)),
  );
}

export const rule: Rule = {
  meta: {
    id: 'devis-nine-chapters',
    title:
      'Devis : tous les chapitres de la nomenclature CNC (les neuf postes du cinéma, dix chapitres de l’audiovisuel), codes valides',
    criteria: ['cpca:C1.3.3', 'rncp40642:C1.5', 'cefpf:C1.5', 'cpacp:C3'],
    why: 'La nomenclature CNC est la grille commune des financeurs : un chapitre manquant ou un code inconnu empêche la comparaison et la lecture du devis.',
    fix: 'Ajoutez le chapitre manquant, même à zéro, et remplacez chaque code inconnu par un code de la nomenclature (la liste déroulante de la colonne Code les donne).',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
    unlocated: {
      'devis-missing': 'aucun devis trouvé dans le classeur : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const b = readModel(ctx.snapshot).budget;
    if (!b?.table) {
      ctx.report('devis-missing', {}, null);
      return;
    }
    const nom = b.nomenclature;
    const chapters = b.rows.filter((r) => r.kind === 'chapter');
    // A devis built by hand without chapter rows: its chapters from its codes' prefixes.
    const fromCodes = b.handmade && chapters.length === 0 ? b.chapters : [];
    for (const ch of nom.chapters) {
      const row = chapters.find((r) => r.code.value === ch.code);
      if (!row && fromCodes.some((c) => c.code === ch.code)) continue;
      const label = row?.label.value ?? '';
      if (!row)
        ctx.report(
          'devis-chapter-missing',
          { code: ch.code, label: ch.label, count: nom.chapters.length, nomenclature: nom.id },
          b.header?.code ?? null,
        );
      else if (
        looseForm(label) !== looseForm(ch.label) &&
        // A devis built by hand may carry the chapter labels of another CNC grid.
        !(b.handmade && chapterLabelsOf(ch.code).has(looseForm(label)))
      )
        ctx.report('devis-chapter-label', { code: ch.code, found: label, expected: ch.label }, row.label.at);
    }
    // Frais généraux and imprévus kept below the subtotal carry their own codes (FG, IMP).
    const indirect = new Set(
      scaffoldProblem(nom) === null ? rolesOf(nom).indirect.lines.map((l) => looseForm(l.code)) : [],
    );
    const valid = new Map<string, boolean>();
    for (const r of b.rows) {
      const code = r.code.value;
      if (code === null || ROW_CODES.test(code) || indirect.has(looseForm(code))) continue;
      let ok = valid.get(code);
      if (ok === undefined) {
        ok = isValidCode(nom, code);
        valid.set(code, ok);
      }
      if (!ok) ctx.report('devis-code-unknown', { code, nomenclature: nom.id }, r.code.at);
    }
  },
};
