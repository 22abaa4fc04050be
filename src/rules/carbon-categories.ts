import { MODEL_READS, readModel } from '../model/read';
import { categoryLabel } from '../domain/carbon/bilan';
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** The postes the jury expects with figures, and the summary categories (ids of data/carbon) that count for each. */
const GROUPS: { group: string; categories: string[] }[] = [
  { group: 'transport', categories: ['transport', 'fret'] },
  { group: 'matériel', categories: ['moyens', 'decors', 'costumes'] },
  { group: 'énergie', categories: ['energie'] },
  { group: 'déchets', categories: ['dechets'] },
];

export const rule: Rule = {
  meta: {
    id: 'carbon-categories',
    title: 'Bilan carbone : transport, matériel, énergie et déchets chiffrés',
    criteria: ['cpca:C1.4.2', 'par:C2.3'],
    why: 'Le jury attend un bilan qui chiffre les quatre grands postes d’émissions : un poste à zéro laisse croire qu’il n’existe pas.',
    fix: 'Dans la feuille Bilan carbone, saisissez au moins une ligne chiffrée (quantité et facteur) pour le poste signalé : transport, matériel, énergie ou déchets.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.carbon,
    unlocated: {
      'sheet-missing':
        'la feuille Bilan carbone (ou sa synthèse) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const summary = readModel(ctx.snapshot).carbon?.summary;
    if (!summary) {
      ctx.report('sheet-missing', { sheet: BASE_SHEETS.carbon, name: CARBON_NAMES.summary }, null);
      return;
    }
    for (const g of GROUPS) {
      const labels = g.categories.map(categoryLabel);
      const rows = summary.filter((r) => labels.includes(r.category.value ?? ''));
      if (rows.every((r) => !r.prev.value?.gt(0))) {
        const first = rows[0];
        ctx.report(
          'carbon-group-missing',
          { group: g.group, categories: labels.join(', ') },
          first ? first.prev.at : (summary[0]?.category.at ?? null),
        );
      }
    }
  },
};
