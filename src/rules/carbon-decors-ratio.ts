import { categoryLabel } from '../domain/carbon/bilan';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { readCarbonLines } from '../sheets/carbon/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, num } from './snapshot';
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
    reads: [CARBON_NAMES.lines],
    sheet: BASE_SHEETS.carbon,
  },
  check(ctx) {
    for (const r of readCarbonLines(ctx.snapshot) ?? []) {
      if (!DECORS.includes(looseForm(r.text('category')))) continue;
      if (!MONETARY.test(cellText(r.unit))) continue;
      if (num(r.quantityPrev) <= 0) continue;
      // A multiplier below 1 is the material share; a label or hypothesis that says so is enough.
      if (isNumber(r.multiplier) && r.multiplier < 1) continue;
      if (/materiau/.test(looseForm(`${r.text('label')} ${r.text('assumption')}`))) continue;
      ctx.report('carbon-decors-whole-quote', { label: r.text('label') }, r.at('multiplier'));
    }
  },
};
