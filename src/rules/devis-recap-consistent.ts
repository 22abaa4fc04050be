import { at, isNumber, num, single } from './snapshot';
import type { Rule } from './types';

const fmt = (n: number): string => n.toFixed(2).replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'devis-recap-consistent',
    title: 'Récapitulatif : chaque poste et le total égaux au devis',
    criteria: ['cpca:C1.3.3', 'cpacp:C6'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Recap_Lignes', 'Recap_Total', 'Devis_Total', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => `Devis_Poste${k}`)],
    sheet: 'Récapitulatif',
  },
  check(ctx) {
    const recap = ctx.snapshot.ranges.Recap_Lignes;
    if (!recap) {
      ctx.report('name-missing', { name: 'Recap_Lignes', what: 'tableau du récapitulatif' }, null);
      return;
    }
    recap.values.forEach((row, i) => {
      const code = String(row[0] ?? '').trim();
      if (!/^[1-9]$/.test(code)) return;
      const devis = single(ctx.snapshot, `Devis_Poste${code}`);
      if (!devis || !isNumber(row[2])) return;
      if (Math.abs(num(row[2]) - num(devis.value)) > 0.005) ctx.report('recap-mismatch', { code, recap: fmt(num(row[2])), devis: fmt(num(devis.value)) }, at(recap, i, 2));
    });
    const rt = single(ctx.snapshot, 'Recap_Total');
    const dt = single(ctx.snapshot, 'Devis_Total');
    if (rt && dt && isNumber(rt.value) && isNumber(dt.value) && Math.abs(rt.value - dt.value) > 0.005) {
      ctx.report('recap-total-mismatch', { recap: fmt(rt.value), devis: fmt(dt.value) }, rt.location);
    }
  },
};
