import { MODEL_READS, readModel } from '../model/read';
import { Money } from '../domain/money';
import { chapterCodeOf, resolveCode } from '../domain/nomenclature/nomenclature';
import { eurosText, refsOf, rowsOf } from '../sheets/devis/reader';
import type { BudgetChapterModel, BudgetLineModel, BudgetModel } from '../model/model';
import type { NomenclatureData } from '../domain/nomenclature/types';
import { chapterAmount } from '../model/readHandmade';
import { BASE_SHEETS } from '../sheets/model/naming';
import { columnLetter, parseAddress } from '../sheets/model/plan';
import type { Rule, RuleContext } from './types';

/** Sheet rows a SUM-like formula covers in one column ("=SUM(F8:F9)+F12" → 8, 9, 12). */
function coveredRows(formula: string, column: string): Set<number> | null {
  const refs = refsOf(formula);
  if (refs.length === 0) return null;
  return new Set(refs.filter((r) => r.col === column).flatMap(rowsOf));
}

/** Where a row's amount sits: its column letter and its sheet row. */
function place(r: BudgetLineModel): { letter: string; row: number } {
  const { col, row } = parseAddress(r.amount.at?.address ?? 'A1');
  return { letter: columnLetter(col), row };
}

const sumOf = (lines: BudgetLineModel[]): Money =>
  lines.reduce((n, l) => n.plus(l.amount.value ?? 0), new Money(0));

/** A line whose code belongs to another chapter than the one it stands in. */
function wrongChapters(ctx: RuleContext, nom: NomenclatureData, ch: BudgetChapterModel): void {
  for (const l of ch.lines) {
    const code = l.code.value ?? '';
    if (resolveCode(nom, code).kind === 'unknown') continue;
    const expected = chapterCodeOf(nom, code);
    if (expected !== ch.code)
      ctx.report(
        'line-wrong-chapter',
        { code, label: l.label.value ?? '', chapter: ch.code, expected },
        l.code.at,
      );
  }
}

/** A chapter total that is not the sum of its lines: the lines its formula leaves out, or the gap. */
function chapterTotal(ctx: RuleContext, b: BudgetModel, ch: BudgetChapterModel): void {
  const total = ch.total?.amount.value ?? null;
  if (!ch.total || total === null || ch.lines.length === 0) return;
  const sum = sumOf(ch.lines);
  const diff = total.minus(sum);
  if (diff.abs().lte('0.005')) return;
  const formula = ch.total.amountFormula;
  const { letter } = place(ch.total);
  const covered = formula ? coveredRows(formula, letter) : null;
  // A sous-poste the total covers covers its own lines (1 / 11 / 111).
  for (const g of b.rows.filter((x) => x.kind === 'group' && x.amountFormula))
    if (covered?.has(place(g).row))
      for (const k of coveredRows(g.amountFormula ?? '', letter) ?? []) covered.add(k);
  const left = covered ? ch.lines.filter((l) => !covered.has(place(l).row)) : [];
  if (left.length > 0)
    ctx.report(
      'chapter-total-omits',
      {
        chapter: ch.code,
        formula: String(formula),
        lines: left.map((l) => `${l.code.value ?? ''} (${letter}${place(l).row})`).join(', '),
        diff: eurosText(diff.abs()),
      },
      ch.total.amount.at,
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
      ch.total.amount.at,
    );
}

/** The grand total against the chapters (as the sheet shows them), frais généraux and imprévus. */
function grandTotal(ctx: RuleContext, b: BudgetModel): void {
  const row = b.outline.grandTotal;
  const grand = row?.amount.value ?? null;
  if (!row || grand === null || b.chapters.length === 0) return;
  const expected = [b.outline.overheads, b.outline.contingency].reduce<Money>(
    (n, r) => n.plus(r?.amount.value ?? 0),
    b.chapters.reduce((n, ch) => n.plus(chapterAmount(ch)), new Money(0)),
  );
  if (grand.minus(expected).abs().gt('0.005'))
    ctx.report(
      'grand-total-mismatch',
      { total: eurosText(grand), expected: eurosText(expected), diff: eurosText(grand.minus(expected)) },
      row.amount.at,
    );
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const b = readModel(ctx.snapshot).budget;
    // Our own devis sums its chapters with formulas the LibreOffice tests recompute; this rule
    // reads the devis people build by hand.
    if (!b?.handmade) return;
    for (const ch of b.chapters) {
      wrongChapters(ctx, b.nomenclature, ch);
      chapterTotal(ctx, b, ch);
    }
    grandTotal(ctx, b);
  },
};
