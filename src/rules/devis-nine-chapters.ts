import {
  isValidCode,
  listNomenclatures,
  rolesOf,
  scaffoldProblem,
} from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { readNomenclature } from '../sheets/params/reader';
import { devisTable, isChapterRow } from './snapshot';
import { outlineOf } from '../sheets/devis/reader';
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
    reads: [DEVIS_NAMES.lines, PARAMS_NAMES.nomenclature],
    sheet: BASE_SHEETS.devis,
    unlocated: {
      'devis-missing': 'aucun devis trouvé dans le classeur : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) {
      ctx.report('devis-missing', {}, null);
      return;
    }
    const nom = readNomenclature(ctx.snapshot);
    const chapters = table.rows.filter(isChapterRow);
    // A devis built by hand without chapter rows: its chapters from its codes' prefixes.
    const fromCodes = table.foreign && chapters.length === 0 ? outlineOf(table, nom).chapters : [];
    for (const ch of nom.chapters) {
      const row = chapters.find((r) => r.code === ch.code);
      if (!row && fromCodes.some((b) => b.code === ch.code)) continue;
      if (!row)
        ctx.report(
          'devis-chapter-missing',
          { code: ch.code, label: ch.label, count: nom.chapters.length, nomenclature: nom.id },
          table.locate(table.headerIndex, 'code'),
        );
      else if (
        looseForm(row.label) !== looseForm(ch.label) &&
        // A devis built by hand may carry the chapter labels of another CNC grid.
        !(table.foreign && chapterLabelsOf(ch.code).has(looseForm(row.label)))
      )
        ctx.report(
          'devis-chapter-label',
          { code: ch.code, found: row.label, expected: ch.label },
          table.locate(row.i, 'label'),
        );
    }
    // Frais généraux and imprévus kept below the subtotal carry their own codes (FG, IMP).
    const indirect = new Set(
      scaffoldProblem(nom) === null ? rolesOf(nom).indirect.lines.map((l) => looseForm(l.code)) : [],
    );
    const valid = new Map<string, boolean>();
    for (const r of table.rows) {
      if (r.code === '' || ROW_CODES.test(r.code) || indirect.has(looseForm(r.code))) continue;
      let ok = valid.get(r.code);
      if (ok === undefined) {
        ok = isValidCode(nom, r.code);
        valid.set(r.code, ok);
      }
      if (!ok)
        ctx.report('devis-code-unknown', { code: r.code, nomenclature: nom.id }, table.locate(r.i, 'code'));
    }
  },
};
