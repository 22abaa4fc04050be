import { MODEL_READS, readModel } from '../model/read';
import { cellText } from '../domain/text/cellText';
import { PHASE_LABELS } from '../domain/cashflow/months';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

const ORDER: readonly string[] = PHASE_LABELS;

export const rule: Rule = {
  meta: {
    id: 'cashflow-phase-order',
    title: 'Trésorerie par mois dans l’ordre développement → production → postproduction',
    criteria: ['rncp40642:C1.7', 'cefpf:C2.3'],
    why: 'Une trésorerie se lit dans le temps : développement, production puis postproduction ; des mois dans le désordre faussent le solde cumulé.',
    fix: 'Classez les colonnes de la Trésorerie par mois, phase après phase, sans retour en arrière.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cashflow,
  },
  check(ctx) {
    let previous = -1;
    for (const m of readModel(ctx.snapshot).cashflow?.months ?? []) {
      const k = ORDER.indexOf(m.phase.value ?? '');
      if (k < 0) continue;
      if (k < previous) {
        const raw = m.month.raw;
        const month = raw instanceof Date ? raw.toISOString().slice(0, 7) : cellText(raw);
        ctx.report(
          'cashflow-phase-order',
          { month, phase: ORDER[k] ?? '', previous: ORDER[previous] ?? '' },
          m.phase.at,
        );
      }
      previous = Math.max(previous, k);
    }
  },
};
