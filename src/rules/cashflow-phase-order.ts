import { at } from './snapshot';
import type { Rule } from './types';

const ORDER = ['Développement', 'Préparation', 'Tournage', 'Postproduction', 'Après livraison'];

export const rule: Rule = {
  meta: {
    id: 'cashflow-phase-order',
    title: 'Trésorerie par mois dans l’ordre développement → production → postproduction',
    criteria: ['rncp40642:C1.7', 'cefpf:C2.3'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Treso_Phases', 'Treso_Mois'],
    sheet: 'Trésorerie',
  },
  check(ctx) {
    const phases = ctx.snapshot.ranges.Treso_Phases;
    const months = ctx.snapshot.ranges.Treso_Mois;
    if (!phases) return;
    let previous = -1;
    (phases.values[0] ?? []).forEach((p, j) => {
      const k = ORDER.indexOf(String(p ?? ''));
      if (k < 0) return;
      if (k < previous) {
        const m = months?.values[0]?.[j];
        const month = m instanceof Date ? m.toISOString().slice(0, 7) : String(m ?? '');
        ctx.report('cashflow-phase-order', { month, phase: ORDER[k] ?? '', previous: ORDER[previous] ?? '' }, at(phases, 0, j));
      }
      previous = Math.max(previous, k);
    });
  },
};
