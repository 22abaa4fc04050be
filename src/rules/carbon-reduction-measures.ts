import { MODEL_READS, readModel } from '../model/read';
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.carbon,
    unlocated: {
      'sheet-missing':
        'la feuille Bilan carbone (ou son tableau des mesures) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const measures = readModel(ctx.snapshot).carbon?.measures;
    if (!measures) {
      ctx.report('sheet-missing', { sheet: BASE_SHEETS.carbon, name: CARBON_NAMES.measures }, null);
      return;
    }
    const ok = measures.some((r) => r.label.value !== null && r.saving.value?.gt(0));
    if (!ok) ctx.report('carbon-no-measure', {}, measures[0]?.label.at ?? null);
  },
};
