import { MODEL_READS, readModel } from '../model/read';
import { formatAmount, Money } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import { RECAP_NAMES } from '../sheets/recap/contract';
import type { Rule } from './types';

const fmt = (x: Money): string => formatAmount(x);

export const rule: Rule = {
  meta: {
    id: 'devis-recap-consistent',
    title: 'Récapitulatif : chaque poste et le total égaux au devis',
    criteria: ['cpca:C1.3.3', 'cpacp:C6'],
    why: 'Le récapitulatif est ce que le lecteur regarde d’abord : s’il diffère du devis, plus aucun chiffre n’est fiable.',
    fix: 'Reliez chaque poste du récapitulatif au total de son chapitre par une formule, au lieu d’un nombre saisi.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.recap,
    unlocated: { 'name-missing': 'le Récapitulatif n’existe pas : il n’y a pas de cellule à désigner' },
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const lines = m.recap?.lines;
    if (!lines) {
      ctx.report('name-missing', { name: RECAP_NAMES.lines, what: 'tableau du récapitulatif' }, null);
      return;
    }
    for (const row of lines) {
      const code = row.code.value ?? '';
      // Each chapter's row against the Devis's named total of that chapter.
      const devis = m.budget?.chapterTotals.get(code);
      const amount = row.amount.value;
      if (!devis || !amount) continue;
      const expected = devis.value ?? new Money(0);
      if (amount.minus(expected).abs().gt('0.005'))
        ctx.report('recap-mismatch', { code, recap: fmt(amount), devis: fmt(expected) }, row.amount.at);
    }
    const rt = m.recap?.total;
    const dt = m.budget?.total?.value;
    if (rt?.value && dt && rt.value.minus(dt).abs().gt('0.005'))
      ctx.report('recap-total-mismatch', { recap: fmt(rt.value), devis: fmt(dt) }, rt.at);
  },
};
