import { num as numberIn } from './snapshot';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'carbon-previsionnel-definitif',
    title: 'Bilan carbone : prévisionnel et définitif comparés',
    criteria: ['par:C4.2.2'],
    severity: 'avertissement',
    kind: 'semi',
    reads: ['Carbone_TotalPrev', 'Carbone_TotalDef'],
    sheet: 'Bilan carbone',
  },
  check(ctx) {
    const prev = ctx.snapshot.ranges.Carbone_TotalPrev;
    const def = ctx.snapshot.ranges.Carbone_TotalDef;
    if (!prev || !def) {
      ctx.report('sheet-missing', { sheet: 'Bilan carbone', name: 'Carbone_TotalDef' }, null);
      return;
    }
    const p = numberIn(prev.values[0]?.[0]);
    const d = numberIn(def.values[0]?.[0]);
    const at = { sheet: def.sheet, address: def.topLeft };
    if (d <= 0) ctx.report('carbon-definitive-missing', {}, at);
    else if (d > p) ctx.report('carbon-definitive-above', { definitive: Math.round(d * 10) / 10, forecast: Math.round(p * 10) / 10 }, at);
  },
};
