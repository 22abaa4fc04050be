import { STATUSES } from '../domain/budget/types';
import { chargeRateFact, statusLabel } from '../domain/facts/facts';
import { looseForm } from '../domain/carbon/lookup';
import { devisTable, isChapterRow, isNumber, num, single } from './snapshot';
import type { Rule } from './types';

const pct = (x: number): string => (Math.round(x * 1000) / 10).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'devis-charges',
    title: 'Charges sociales : le chapitre 4 couvre les salaires, taux dans l’usage',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Devis_Lignes', ...STATUSES.map((s) => `Param_TauxCharges_${statusLabel(s)}`)],
    sheet: 'Devis',
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) return;
    // Gross pay by status in chapters 1 to 3, and the chapter 4 amount.
    let chapter = '';
    const gross = new Map<string, number>();
    let chapter4 = 0;
    for (const r of table.rows) {
      if (isChapterRow(r)) chapter = r.code;
      if (!isNumber(r.amount) || /^total/i.test(r.label)) continue;
      if (['1', '2', '3'].includes(chapter) && r.status !== '') gross.set(looseForm(r.status), (gross.get(looseForm(r.status)) ?? 0) + r.amount);
      if (chapter === '4' && r.code !== '') chapter4 += r.amount;
    }
    const totalGross = [...gross.values()].reduce((a, b) => a + b, 0);
    if (totalGross > 0 && chapter4 <= 0) {
      const status = [...gross.keys()].join(', ');
      ctx.report('charges-missing', { status, gross: totalGross.toFixed(2).replace('.', ',') }, null);
    }
    for (const s of STATUSES) {
      const cell = single(ctx.snapshot, `Param_TauxCharges_${statusLabel(s)}`);
      if (!cell || !isNumber(cell.value)) continue;
      const [min, max] = chargeRateFact(s).range;
      if (cell.value < min.toNumber() || cell.value > max.toNumber()) {
        ctx.report('charges-rate-range', { status: statusLabel(s), rate: pct(num(cell.value)), min: pct(min.toNumber()), max: pct(max.toNumber()) }, cell.location);
      }
    }
  },
};
