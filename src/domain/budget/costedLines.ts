import type { Money } from '../money';
import type { BudgetInput, BudgetResult, Status } from './types';

/** A costed line of the devis: what the Dépenses charge and the Suivi budgétaire follows. */
export interface CostedLine {
  chapter: string;
  code: string;
  label: string;
  amount: Money;
  /** A pay line's status (whose charges the charges chapter carries). */
  status?: Status;
  /** A charges line: the status whose pay it is charged on, and its rate. */
  charges?: { status: Status; rate: Money };
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
          return lr
            ? [{ ...at, code: l.code, label: l.label, amount: lr.amount, ...statusOf(l.status) }]
            : [];
        });
      if (item.kind === 'line')
        return [{ ...at, code: item.code, label: item.label, amount: r.amount, ...statusOf(item.status) }];
      if (item.kind === 'charges' && r.kind === 'charges')
        return [
          {
            ...at,
            code: item.code,
            label: item.label,
            amount: r.amount,
            charges: { status: item.status, rate: r.rate },
          },
        ];
      return [];
    }),
  );
}

const statusOf = (status: Status | undefined): { status?: Status } => (status ? { status } : {});
