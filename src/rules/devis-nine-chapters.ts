import { looseForm } from '../domain/carbon/lookup';
import { DEFAULT_NOMENCLATURE, findNomenclature, getNomenclature, isValidCode } from '../domain/nomenclature/nomenclature';
import { devisTable, isChapterRow, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-nine-chapters',
    title: 'Devis : les neuf postes de la nomenclature CNC, codes valides',
    criteria: ['cpca:C1.3.3', 'rncp40642:C1.5', 'cefpf:C1.5', 'cpacp:C3'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Devis_Lignes', 'Param_Nomenclature'],
    sheet: 'Devis',
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) {
      ctx.report('devis-missing', {}, null);
      return;
    }
    const nomId = String(single(ctx.snapshot, 'Param_Nomenclature')?.value ?? DEFAULT_NOMENCLATURE);
    const nom = findNomenclature(nomId) ?? getNomenclature(DEFAULT_NOMENCLATURE);
    const chapters = table.rows.filter(isChapterRow);
    for (const ch of nom.chapters.slice(0, 9)) {
      const row = chapters.find((r) => r.code === ch.code);
      if (!row) ctx.report('devis-chapter-missing', { code: ch.code, label: ch.label }, null);
      else if (looseForm(row.label) !== looseForm(ch.label)) ctx.report('devis-chapter-label', { code: ch.code, found: row.label, expected: ch.label }, table.locate(row.i, 'label'));
    }
    const valid = new Map<string, boolean>();
    for (const r of table.rows) {
      if (r.code === '' || /^(fg|imp|st|total)$/i.test(r.code)) continue;
      let ok = valid.get(r.code);
      if (ok === undefined) {
        ok = isValidCode(nom, r.code);
        valid.set(r.code, ok);
      }
      if (!ok) ctx.report('devis-code-unknown', { code: r.code, nomenclature: nom.id }, table.locate(r.i, 'code'));
    }
  },
};
