import { Money, ZERO, roundCents, sum } from '../money';
import { getNomenclature, rolesOf } from '../nomenclature/nomenclature';
import type {
  BudgetInput,
  ChapterInput,
  IndirectRateRole,
  BudgetResult,
  ChapterResult,
  ItemResult,
  LineInput,
  RateLine,
  Split,
  Status,
} from './types';

/** Line amount = quantité × nombre × taux, rounded to the cent. A blank factor counts as 0, as in a spreadsheet. */
export function lineAmount(line: Pick<LineInput, 'quantity' | 'count' | 'rate'>): Money {
  return roundCents((line.quantity ?? ZERO).times(line.count ?? ZERO).times(line.rate ?? ZERO));
}

/** Splits a line: dont étranger as typed, dont France = montant − dont étranger. */
export function lineSplit(line: LineInput): Split {
  const amount = lineAmount(line);
  const foreign = line.foreign ?? ZERO;
  return { amount, foreign, france: amount.minus(foreign) };
}

/** Sums splits component-wise. */
export function sumSplits(parts: readonly Split[]): Split {
  return {
    amount: sum(parts.map((p) => p.amount)),
    france: sum(parts.map((p) => p.france)),
    foreign: sum(parts.map((p) => p.foreign)),
  };
}

/** Gross pay by status over the nomenclature's pay chapters: the base of the charges chapter. */
export function grossPayByStatus(input: BudgetInput): Record<Status, Money> {
  const payChapters = rolesOf(getNomenclature(input.nomenclature)).payChapters;
  const out: Record<Status, Money> = { technicien: ZERO, cadre: ZERO, artiste: ZERO, auteur: ZERO };
  for (const ch of input.chapters) {
    if (!payChapters.includes(ch.code)) continue;
    for (const item of ch.items) {
      const lines = item.kind === 'group' ? item.lines : item.kind === 'line' ? [item] : [];
      for (const l of lines) if (l.status) out[l.status] = out[l.status].plus(lineAmount(l));
    }
  }
  return out;
}

/** amount = round(base × rate); the foreign part follows the base's foreign part at the same rate. */
export function rateLine(base: Split, rate: Money): RateLine {
  const amount = roundCents(base.amount.times(rate));
  const foreign = roundCents(base.foreign.times(rate));
  return { base: base.amount, rate, amount, foreign, france: amount.minus(foreign) };
}

/**
 * Computes the whole devis: line amounts, sous-poste and chapter totals, chapter 4 from the pay
 * in chapters 1–3 by status, total des postes 1 à 9, frais généraux and imprévus as rates of that
 * subtotal, total général, each with its dont France / dont étranger split.
 */
export function computeBudget(input: BudgetInput): BudgetResult {
  const pay = grossPayByStatus(input);
  const indirectCode = rolesOf(getNomenclature(input.nomenclature)).indirect.chapter;
  const chapterResult = (
    ch: ChapterInput,
    rates: Record<IndirectRateRole, RateLine> | null,
  ): ChapterResult => {
    const items: ItemResult[] = ch.items.map((item) => {
      switch (item.kind) {
        case 'line':
          return { kind: 'line', ...lineSplit(item) };
        case 'group': {
          const lines = item.lines.map(lineSplit);
          return { kind: 'group', lines, ...sumSplits(lines) };
        }
        case 'charges': {
          const base = pay[item.status];
          const rate = input.params.chargeRates[item.status];
          const amount = roundCents(base.times(rate));
          return { kind: 'charges', base, rate, amount, foreign: ZERO, france: amount };
        }
        case 'rate':
          if (!rates)
            throw new Error(
              `Ligne ${item.code} : un taux du sous-total n'a sa place que dans le chapitre des dépenses indirectes`,
            );
          return { kind: 'rate', role: item.role, ...rates[item.role] };
      }
    });
    return { code: ch.code, items, ...sumSplits(items) };
  };
  const base = input.chapters.filter((ch) => ch.code !== indirectCode).map((ch) => chapterResult(ch, null));
  const subtotal = sumSplits(base);
  const overheads = rateLine(subtotal, input.params.overheadsRate);
  const contingency = rateLine(subtotal, input.params.contingencyRate);
  const indirectChapter = input.chapters.find((ch) => ch.code === indirectCode);
  const indirectResult = indirectChapter ? chapterResult(indirectChapter, { overheads, contingency }) : null;
  const chapters = input.chapters.map((ch) =>
    ch === indirectChapter && indirectResult
      ? indirectResult
      : (base.find((b) => b.code === ch.code) ?? chapterResult(ch, null)),
  );
  const indirect = indirectResult ? sumSplits([indirectResult]) : sumSplits([overheads, contingency]);
  const total = sumSplits([subtotal, indirect]);
  return { chapters, subtotal, overheads, contingency, indirect, total };
}

export { Money };
