import type { Money } from '../domain/money';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** « 7,5 » for 7,5 %: the template writes the « % ». */
const pct = (x: Money): string => x.times(100).toDecimalPlaces(2).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'devis-overheads',
    title: 'Frais généraux sous leur plafond, imprévus présents',
    criteria: ['cpca:C1.3.3', 'cpacp:C4'],
    why: 'Des frais généraux au-dessus de l’usage ou un devis sans imprévus passent mal auprès des financeurs.',
    fix: 'Ramenez le taux des frais généraux sous le plafond de Paramètres et prévoyez une ligne d’imprévus.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.params,
  },
  check(ctx) {
    // Over the model: the rate and its cap (Paramètres), the imprévus (Devis).
    const m = readModel(ctx.snapshot);
    const rate = m.params.overheadsRate;
    const cap = m.params.overheadsCap;
    if (rate?.value && cap?.value && rate.at && rate.value.gt(cap.value))
      ctx.report('overheads-cap', { rate: pct(rate.value), cap: pct(cap.value) }, rate.at);
    const imp = m.budget?.contingency;
    if (imp?.value && imp.at && (imp.value.isZero() || imp.value.isNegative()))
      ctx.report('contingency-missing', {}, imp.at);
  },
};
