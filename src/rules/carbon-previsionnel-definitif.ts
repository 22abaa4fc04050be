import { Money } from '../domain/money';
import { isFilled } from '../model/field';
import { MODEL_READS, readModel } from '../model/read';
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.carbon,
    unlocated: {
      'sheet-missing':
        'la feuille Bilan carbone (ou ses totaux) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const carbon = readModel(ctx.snapshot).carbon;
    const prev = carbon?.totalPrev;
    const def = carbon?.totalDef;
    if (!carbon || !prev || !def) {
      ctx.report('sheet-missing', { sheet: BASE_SHEETS.carbon, name: CARBON_NAMES.totalDef }, null);
      return;
    }
    const p = prev.value ?? new Money(0);
    const d = def.value ?? new Money(0);
    if (!d.gt(0)) {
      ctx.report('carbon-definitive-missing', {}, def.at);
      return;
    }
    // Some lines filled (from the Dépenses, or by hand), others not: a définitif under way.
    const lines = carbon.lines.filter((l) => l.prev.value?.gt(0));
    const open = lines.filter((l) => !isFilled(l.quantityDef));
    const first = open[0];
    if (first)
      ctx.report(
        'carbon-definitive-partial',
        { missing: open.length, total: lines.length, label: first.label.value ?? '' },
        first.quantityDef.at,
      );
    else if (d.gt(p))
      ctx.report(
        'carbon-definitive-above',
        {
          definitive: d.toDecimalPlaces(1, Money.ROUND_HALF_UP).toNumber(),
          forecast: p.toDecimalPlaces(1, Money.ROUND_HALF_UP).toNumber(),
        },
        def.at,
      );
  },
};
