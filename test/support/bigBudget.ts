import { blankBudget } from '../../src/domain/budget/templates';
import type { BudgetInput, ItemInput, Status } from '../../src/domain/budget/types';
import { Money } from '../../src/domain/money';

const STATUSES: (Status | undefined)[] = ['technicien', 'cadre', 'artiste', 'auteur', undefined];

/** A deterministic devis of `lines` lines spread over chapters 1–3 and 5–9, for tests and benchmarks. */
export function bigBudget(lines: number): BudgetInput {
  const base = blankBudget('long-metrage');
  const chapters = base.chapters.filter((c) => c.code !== '4');
  const perChapter = new Map<string, ItemInput[]>();
  for (let i = 0; i < lines; i += 1) {
    const ch = chapters[i % chapters.length];
    if (!ch) continue;
    const items = perChapter.get(ch.code) ?? [];
    const k = items.length + 1;
    const status = ['1', '2', '3'].includes(ch.code) ? STATUSES[i % STATUSES.length] : undefined;
    items.push({
      kind: 'line',
      code: `${ch.code}.${k}`,
      label: `Ligne ${ch.code}.${k}`,
      ...(status ? { status } : {}),
      quantity: new Money((i % 9) + 1),
      unit: 'Jour',
      count: new Money((i % 3) + 1),
      rate: new Money(100 + ((i * 37) % 2000)).plus(new Money(i % 100).dividedBy(100)),
      ...(i % 7 === 0 ? { foreign: new Money(50) } : {}),
      justification: 'Ligne générée pour les tests de volume',
    });
    perChapter.set(ch.code, items);
  }
  return {
    ...base,
    chapters: base.chapters.map((c) => (c.code === '4' ? c : { ...c, items: perChapter.get(c.code) ?? [] })),
  };
}
