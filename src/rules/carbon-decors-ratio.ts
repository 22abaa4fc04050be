import { MODEL_READS, readModel } from '../model/read';
import { categoryLabel } from '../domain/carbon/bilan';
import { looseForm } from '../domain/text/looseForm';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

const DECORS = [looseForm(categoryLabel('decors')), 'decors'];
/** A monetary ratio's unit: kgCO2e per thousand euros. */
const MONETARY = /\/\s*k\s*(eur|€)/i;

export const rule: Rule = {
  meta: {
    id: 'carbon-decors-ratio',
    title: 'Bilan carbone : un ratio monétaire de décors ne porte que sur la part matériaux',
    criteria: ['cpca:C1.4.2', 'par:C2.3'],
    why: 'Un ratio monétaire de décors appliqué à tout le budget décors compte aussi la main-d’œuvre, ce qui gonfle les émissions.',
    fix: 'Appliquez le ratio à la seule part matériaux du budget décors (achats de matériaux et locations), pas aux salaires ni aux prestations.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.carbon,
  },
  check(ctx) {
    for (const r of readModel(ctx.snapshot).carbon?.lines ?? []) {
      if (!DECORS.includes(looseForm(r.category.value ?? ''))) continue;
      if (!MONETARY.test(r.unit.value ?? '')) continue;
      if (!r.quantityPrev.value?.gt(0)) continue;
      // A multiplier below 1 is the material share; a label or hypothesis that says so is enough.
      if (r.multiplier.value?.lt(1)) continue;
      if (/materiau/.test(looseForm(`${r.label.value ?? ''} ${r.assumption.value ?? ''}`))) continue;
      ctx.report('carbon-decors-whole-quote', { label: r.label.value ?? '' }, r.multiplier.at);
    }
  },
};
