import { at as cellAt, num as numberIn } from './snapshot';
import type { Rule } from './types';

/** The postes the jury expects with figures, and the summary categories that count for each. */
const GROUPS: { group: string; categories: string[] }[] = [
  { group: 'transport', categories: ['Transports de personnes', 'Fret'] },
  { group: 'matériel', categories: ['Moyens techniques', 'Décors et matériaux', 'Costumes'] },
  { group: 'énergie', categories: ['Énergie (réseau, groupes électrogènes)'] },
  { group: 'déchets', categories: ['Déchets'] },
];

export const rule: Rule = {
  meta: {
    id: 'carbon-categories',
    title: 'Bilan carbone : transport, matériel, énergie et déchets chiffrés',
    criteria: ['cpca:C1.4.2', 'par:C2.3'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Carbone_Synthese'],
    sheet: 'Bilan carbone',
  },
  check(ctx) {
    const summary = ctx.snapshot.ranges.Carbone_Synthese;
    if (!summary) {
      ctx.report('sheet-missing', { sheet: 'Bilan carbone', name: 'Carbone_Synthese' }, null);
      return;
    }
    for (const g of GROUPS) {
      const rows = summary.values.map((r, i) => ({ i, label: String(r[0] ?? ''), prev: numberIn(r[1]) })).filter((r) => g.categories.includes(r.label));
      if (rows.every((r) => r.prev <= 0)) {
        const at = rows[0] ? cellAt(summary, rows[0].i, 1) : cellAt(summary, 0, 0);
        ctx.report('carbon-group-missing', { group: g.group, categories: g.categories.join(', ') }, at);
      }
    }
  },
};
