import { Money } from '../domain/money';
import { chapterCodeOf, resolveCode } from '../domain/nomenclature/nomenclature';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import {
  amountIn,
  blockAmount,
  eurosText,
  linesAmount,
  outlineOf,
  type DevisRow,
} from '../sheets/devis/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { parseAddress } from '../sheets/model/plan';
import { readNomenclature } from '../sheets/params/reader';
import { devisTable } from './snapshot';
import type { Rule } from './types';

/** Sheet rows a SUM-like formula covers in one column ("=SUM(F8:F9)+F12" → 8, 9, 12). */
function coveredRows(formula: string, column: string): Set<number> | null {
  const refs = [...formula.toUpperCase().matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)];
  if (refs.length === 0) return null;
  const rows = new Set<number>();
  for (const m of refs) {
    if (m[1] !== column) continue;
    const from = Number(m[2]);
    const to = m[4] ? Number(m[4]) : from;
    for (let r = Math.min(from, to); r <= Math.max(from, to); r += 1) rows.add(r);
  }
  return rows;
}

export const rule: Rule = {
  meta: {
    id: 'devis-chapter-totals',
    title: 'Devis fait main : totaux de chapitre, total général, codes rangés dans leur chapitre',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3', 'cpacp:C4'],
    why: 'Un total de chapitre saisi à la main ou qui oublie des lignes donne un total général faux, que le jury ou le financier repère en refaisant l’addition.',
    fix: 'Remplacez le total par une somme de toutes les lignes du chapitre, rangez chaque ligne dans le chapitre de son code, et vérifiez que le total général additionne chapitres, frais généraux et imprévus.',
    severity: 'erreur',
    kind: 'auto',
    reads: [DEVIS_NAMES.lines],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    // Our own devis sums its chapters with formulas the LibreOffice tests recompute; this rule
    // reads the devis people build by hand.
    if (!table?.foreign) return;
    const nom = readNomenclature(ctx.snapshot);
    const outline = outlineOf(table, nom);
    const letter = table.locate(0, 'amount').address.replace(/\d+$/, '');
    const rowOf = (r: DevisRow): number => parseAddress(table.locate(r.i, 'amount').address).row;
    let chaptersSum = new Money(0);
    for (const ch of outline.chapters) {
      const sum = linesAmount(table, ch);
      const total = ch.total ? amountIn(table, ch.total.amount) : null;
      chaptersSum = chaptersSum.plus(blockAmount(table, ch));
      for (const l of ch.lines) {
        if (resolveCode(nom, l.code).kind === 'unknown') continue;
        const expected = chapterCodeOf(nom, l.code);
        if (expected !== ch.code)
          ctx.report(
            'line-wrong-chapter',
            { code: l.code, label: l.label, chapter: ch.code, expected },
            table.locate(l.i, 'code'),
          );
      }
      if (!ch.total || total === null || ch.lines.length === 0) continue;
      const diff = total.minus(sum);
      if (diff.abs().lte('0.005')) continue;
      const formula = ch.total.formula('amount');
      const covered =
        typeof formula === 'string' && formula.startsWith('=') ? coveredRows(formula, letter) : null;
      const left = covered ? ch.lines.filter((l) => !covered.has(rowOf(l))) : [];
      if (left.length > 0)
        ctx.report(
          'chapter-total-omits',
          {
            chapter: ch.code,
            formula: String(formula),
            lines: left.map((l) => `${l.code} (${letter}${rowOf(l)})`).join(', '),
            diff: eurosText(diff.abs()),
          },
          table.locate(ch.total.i, 'amount'),
        );
      else
        ctx.report(
          'chapter-total-mismatch',
          {
            chapter: ch.code,
            total: eurosText(total),
            sum: eurosText(sum),
            count: ch.lines.length,
            diff: eurosText(diff),
          },
          table.locate(ch.total.i, 'amount'),
        );
    }
    const grand = outline.grandTotal ? amountIn(table, outline.grandTotal.amount) : null;
    if (outline.grandTotal && grand !== null && outline.chapters.length > 0) {
      const extras = [outline.overheads, outline.contingency]
        .map((r) => (r ? amountIn(table, r.amount) : null))
        .reduce<Money>((n, v) => n.plus(v ?? 0), new Money(0));
      const expected = chaptersSum.plus(extras);
      if (grand.minus(expected).abs().gt('0.005'))
        ctx.report(
          'grand-total-mismatch',
          {
            total: eurosText(grand),
            expected: eurosText(expected),
            diff: eurosText(grand.minus(expected)),
          },
          table.locate(outline.grandTotal.i, 'amount'),
        );
    }
  },
};
