import { num, single } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'cashflow-critical-period',
    title: 'Période critique repérée et au moins une mesure écrite',
    criteria: ['rncp40642:C1.7', 'cpacp:C21'],
    severity: 'erreur',
    kind: 'semi',
    reads: ['Treso_MoisDeficit', 'Treso_Besoin', 'Treso_Mesures'],
    sheet: 'Trésorerie',
  },
  check(ctx) {
    const months = single(ctx.snapshot, 'Treso_MoisDeficit');
    const need = single(ctx.snapshot, 'Treso_Besoin');
    const measures = ctx.snapshot.ranges.Treso_Mesures;
    if (!months || num(months.value) <= 0) return;
    const written = (measures?.values ?? []).some((r) => String(r[0] ?? '').trim() !== '' || String(r[3] ?? '').trim() !== '');
    if (!written) ctx.report('cashflow-no-measure', { months: num(months.value), need: num(need?.value).toFixed(2).replace('.', ',') }, months.location);
  },
};
