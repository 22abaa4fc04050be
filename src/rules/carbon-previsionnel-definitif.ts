import { CARBON_NAMES } from '../sheets/carbon/contract';
import { carbonFigure, readCarbonLines } from '../sheets/carbon/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { num } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'carbon-previsionnel-definitif',
    title: 'Bilan carbone : prévisionnel et définitif comparés',
    criteria: ['par:C4.2.2'],
    why: 'Le bilan définitif montre ce que les mesures ont réellement changé : sans lui, ou s’il dépasse le prévisionnel sans explication, le bilan n’est pas conclu.',
    fix: 'Renseignez la colonne définitive d’après les consommations réelles, puis expliquez tout dépassement du prévisionnel et l’effet des mesures.',
    severity: 'avertissement',
    kind: 'semi',
    reads: [CARBON_NAMES.totalPrev, CARBON_NAMES.totalDef, CARBON_NAMES.lines],
    sheet: BASE_SHEETS.carbon,
    unlocated: {
      'sheet-missing':
        'la feuille Bilan carbone (ou ses totaux) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const prev = carbonFigure(ctx.snapshot, 'totalPrev');
    const def = carbonFigure(ctx.snapshot, 'totalDef');
    if (!prev || !def) {
      ctx.report('sheet-missing', { sheet: BASE_SHEETS.carbon, name: CARBON_NAMES.totalDef }, null);
      return;
    }
    const p = num(prev.value);
    const d = num(def.value);
    if (d <= 0) {
      ctx.report('carbon-definitive-missing', {}, def.location);
      return;
    }
    // Some lines filled (from the Dépenses, or by hand), others not: a définitif under way.
    const lines = (readCarbonLines(ctx.snapshot) ?? []).filter((l) => num(l.prev) > 0);
    const open = lines.filter((l) => l.text('quantityDef') === '');
    const first = open[0];
    if (first)
      ctx.report(
        'carbon-definitive-partial',
        { missing: open.length, total: lines.length, label: first.text('label') },
        first.at('quantityDef'),
      );
    else if (d > p)
      ctx.report(
        'carbon-definitive-above',
        { definitive: Math.round(d * 10) / 10, forecast: Math.round(p * 10) / 10 },
        def.location,
      );
  },
};
