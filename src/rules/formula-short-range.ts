import { singleRangeTotal } from '../sheets/model/formula';
import { a1 } from '../sheets/model/plan';
import { grid, type Grid } from './grid';
import { BLOCK_READS, blockAt, knownBlocks } from '../model/blocks';
import type { Rule } from './types';

/**
 * A number the total should perhaps have counted: a typed number, or a formula filled from the
 * range's own end cell (same relative form). A formula of another kind next to a total — an écart
 * computed from it, a subtotal — is not part of the block.
 */
function countable(g: Grid, i: number, j: number, inside: [number, number]): boolean {
  if (i < 0 || j < 0 || i >= g.rows || j >= g.cols) return false;
  if (typeof g.value(i, j) !== 'number') return false;
  const kind = g.kind(i, j);
  return kind === 'N' || kind === g.kind(inside[0], inside[1]);
}

export const rule: Rule = {
  meta: {
    id: 'formula-short-range',
    title: 'Les totaux comptent toutes les cellules de leur bloc',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    why: 'Un total qui s’arrête avant la fin de son bloc oublie les dernières lignes, souvent celles ajoutées après coup.',
    fix: 'Étendez la plage du total à toutes les lignes du bloc, par exemple de la première à la dernière ligne du chapitre.',
    severity: 'avertissement',
    kind: 'auto',
    // The tables the model knows: a short total inside one of them is an erreur, not a hint.
    reads: [...BLOCK_READS],
    readsWorkbook: true,
    sheet: 'Toutes les feuilles',
  },
  check(ctx) {
    const blocks = knownBlocks(ctx.snapshot);
    for (const range of ctx.snapshot.workbook?.sheets ?? []) {
      const g = grid(range);
      for (let i = 0; i < g.rows; i += 1) {
        for (let j = 0; j < g.cols; j += 1) {
          const f = g.formula(i, j);
          if (!f) continue;
          const total = singleRangeTotal(f);
          if (!total) continue;
          // In the grid's indices.
          const r1 = total.r1 - g.row0;
          const r2 = total.r2 - g.row0;
          const c1 = total.c1 - g.col0;
          const c2 = total.c2 - g.col0;
          // A total below (or right of) its range: the cell just before the range, and every cell
          // between the range's end and the total. A total above its lines (a sous-poste heading)
          // is followed by its siblings: what comes after its range is not checked.
          const omitted: [number, number, number, number][] = [];
          if (c1 === c2 && c1 === j && i > r2) {
            omitted.push([r1 - 1, j, r1, j]);
            for (let k = r2 + 1; k < i; k += 1) omitted.push([k, j, r2, j]);
          } else if (r1 === r2 && r1 === i && j > c2) {
            omitted.push([i, c1 - 1, i, c1]);
            for (let k = c2 + 1; k < j; k += 1) omitted.push([i, k, i, c2]);
          } else continue;
          for (const [oi, oj, ii, ij] of omitted) {
            if (!countable(g, oi, oj, [ii, ij])) continue;
            const data = {
              formula: f,
              omitted: a1(g.col0 - 1 + oj, g.row0 + oi),
              value: String(g.value(oi, oj)).replace('.', ','),
            };
            const block = blockAt(blocks, range.sheet, g.row0 + i, g.col0 - 1 + j);
            if (block)
              ctx.report('formula-short-range-block', { ...data, block: block.what }, g.at(i, j), {
                severity: 'erreur',
              });
            else ctx.report('formula-short-range', data, g.at(i, j));
            break;
          }
        }
      }
    }
  },
};
