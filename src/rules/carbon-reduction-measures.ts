import { CARBON_NAMES } from '../sheets/carbon/contract';
import { readCarbonMeasures } from '../sheets/carbon/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isBlank, num } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'carbon-reduction-measures',
    title: 'Bilan carbone : au moins une mesure de réduction chiffrée',
    criteria: ['cpca:C1.4.2', 'par:C2.3'],
    why: 'Un bilan carbone sert à réduire : les référentiels demandent au moins une mesure de réduction avec son économie estimée.',
    fix: 'Dans le tableau des mesures du Bilan carbone, décrivez une mesure (train plutôt qu’avion, groupe électrogène évité…) et chiffrez son économie en kgCO2e.',
    severity: 'erreur',
    kind: 'semi',
    reads: [CARBON_NAMES.measures],
    sheet: BASE_SHEETS.carbon,
    unlocated: {
      'sheet-missing':
        'la feuille Bilan carbone (ou son tableau des mesures) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const measures = readCarbonMeasures(ctx.snapshot);
    if (!measures) {
      ctx.report('sheet-missing', { sheet: BASE_SHEETS.carbon, name: CARBON_NAMES.measures }, null);
      return;
    }
    const ok = measures.some((r) => !isBlank(r.label) && num(r.saving) > 0);
    const first = measures[0];
    if (!ok) ctx.report('carbon-no-measure', {}, first ? first.at('label') : null);
  },
};
