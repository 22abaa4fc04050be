import type { Money } from '../money';
import type { BudgetInput, BudgetResult } from './types';

/** A costed line of the devis: what the Dépenses charge and the Suivi budgétaire follows. */
export interface CostedLine {
  chapter: string;
  code: string;
  label: string;
  amount: Money;
}

/**
 * Every costed line of a computed devis, in the devis's order: a line, each line of a sous-poste,
 * a charges line. The indirect rate lines (frais généraux, imprévus of the audiovisual grid) are
 * not costs of their own and are left out.
 */
export function costedLines(input: BudgetInput, result: BudgetResult): CostedLine[] {
  return input.chapters.flatMap((chapter, i) =>
    chapter.items.flatMap((item, j): CostedLine[] => {
      const r = result.chapters[i]?.items[j];
      if (!r) throw new Error(`Ligne ${item.code} sans résultat`);
      const at = { chapter: chapter.code };
      if (item.kind === 'group' && r.kind === 'group')
        return item.lines.flatMap((l, k) => {
          const lr = r.lines[k];
          return lr ? [{ ...at, code: l.code, label: l.label, amount: lr.amount }] : [];
        });
      if (item.kind === 'line' || item.kind === 'charges')
        return [{ ...at, code: item.code, label: item.label, amount: r.amount }];
      return [];
    }),
  );
}
