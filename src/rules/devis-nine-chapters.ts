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

/** Most of the lines' codes unknown to the nomenclature: the devis follows a coding of its own. */
function ownCoding(codes: string[], known: (code: string) => boolean): boolean {
  const coded = codes.filter((c) => c !== '');
  return coded.length > 0 && coded.filter(known).length * 2 < coded.length;
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
    // A devis built by hand: its chapters as its outline read them (« 01 » is chapter 1; from its
    // codes' prefixes where it has no chapter rows).
    const fromCodes = b.handmade ? b.chapters : [];
    // The indirect chapter of the audiovisual grid (frais généraux, imprévus…) written as rows
    // below the chapters, as a devis built by hand often does.
    const indirect = scaffoldProblem(nom) === null ? rolesOf(nom).indirect.chapter : null;
    const below = b.handmade && (b.outline.overheads !== null || b.outline.contingency !== null);
    for (const ch of nom.chapters) {
      const read = fromCodes.find((c) => c.code === ch.code);
      const row = read?.row ?? chapters.find((r) => r.code.value === ch.code);
      if (!row && (read || (below && ch.code === indirect))) continue;
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
    const indirectCodes = new Set(
      scaffoldProblem(nom) === null ? rolesOf(nom).indirect.lines.map((l) => looseForm(l.code)) : [],
    );
    // A devis built by hand in a coding of its own (« 0101 » under « 01 »): its lines are read by
    // their chapters, and the recognition report says how many codes the nomenclature knows; one
    // unknown code per line would say nothing more.
    const valid = new Map<string, boolean>();
    const known = (code: string): boolean => {
      let ok = valid.get(code);
      if (ok === undefined) {
        ok = isValidCode(nom, code);
        valid.set(code, ok);
      }
      return ok;
    };
    if (
      b.handmade &&
      ownCoding(
        b.lines.map((l) => l.code.value ?? ''),
        known,
      )
    )
      return;
    for (const r of b.rows) {
      const code = r.code.value;
      if (code === null || ROW_CODES.test(code) || indirectCodes.has(looseForm(code))) continue;
      const ok = known(code);
      if (!ok) ctx.report('devis-code-unknown', { code, nomenclature: nom.id }, r.code.at);
    }
  },
};
