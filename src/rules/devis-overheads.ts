import { DEVIS_NAMES } from '../sheets/devis/contract';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, single } from './snapshot';
import type { Rule } from './types';

const pct = (x: number): string => (Math.round(x * 10000) / 100).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'devis-overheads',
    title: 'Frais généraux sous leur plafond, imprévus présents',
    criteria: ['cpca:C1.3.3', 'cpacp:C4'],
    why: 'Des frais généraux au-dessus de l’usage ou un devis sans imprévus passent mal auprès des financeurs.',
    fix: 'Ramenez le taux des frais généraux sous le plafond de Paramètres et prévoyez une ligne d’imprévus.',
    severity: 'erreur',
    kind: 'auto',
    reads: [PARAMS_NAMES.overheadsRate, PARAMS_NAMES.overheadsCap, DEVIS_NAMES.contingency.amount],
    sheet: BASE_SHEETS.params,
  },
  check(ctx) {
    const rate = single(ctx.snapshot, PARAMS_NAMES.overheadsRate);
    const cap = single(ctx.snapshot, PARAMS_NAMES.overheadsCap);
    if (rate && cap && isNumber(rate.value) && isNumber(cap.value) && rate.value > cap.value + 1e-12) {
      ctx.report('overheads-cap', { rate: pct(rate.value), cap: pct(cap.value) }, rate.location);
    }
    const imp = single(ctx.snapshot, DEVIS_NAMES.contingency.amount);
    if (imp && isNumber(imp.value) && imp.value <= 0) ctx.report('contingency-missing', {}, imp.location);
  },
};
