import { at as cellAt, num as numberIn } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'carbon-reduction-measures',
    title: 'Bilan carbone : au moins une mesure de réduction chiffrée',
    criteria: ['cpca:C1.4.2', 'par:C2.3'],
    severity: 'erreur',
    kind: 'semi',
    reads: ['Carbone_Mesures'],
    sheet: 'Bilan carbone',
  },
  check(ctx) {
    const measures = ctx.snapshot.ranges.Carbone_Mesures;
    if (!measures) {
      ctx.report('sheet-missing', { sheet: 'Bilan carbone', name: 'Carbone_Mesures' }, null);
      return;
    }
    // Columns A..L: B = mesure, H = économie estimée.
    const ok = measures.values.some((r) => String(r[1] ?? '').trim() !== '' && numberIn(r[7]) > 0);
    if (!ok) ctx.report('carbon-no-measure', {}, cellAt(measures, 0, 1));
  },
};
