import { isNumber, num, single } from './snapshot';
import type { Rule } from './types';

const pct = (x: number): string => (Math.round(x * 1000) / 10).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'financing-public-private',
    title: 'Sources publiques et privées, intensité des aides sous son plafond',
    criteria: ['rncp40642:C1.6', 'cpacp:C5'],
    severity: 'erreur',
    kind: 'auto',
    reads: ['Fin_Public', 'Fin_Prive', 'Fin_Intensite', 'Fin_Plafond'],
    sheet: 'Plan de financement',
  },
  check(ctx) {
    const pub = single(ctx.snapshot, 'Fin_Public');
    const priv = single(ctx.snapshot, 'Fin_Prive');
    if (pub && num(pub.value) <= 0) ctx.report('financing-no-public', {}, pub.location);
    if (priv && num(priv.value) <= 0) ctx.report('financing-no-private', {}, priv.location);
    const intensity = single(ctx.snapshot, 'Fin_Intensite');
    const ceiling = single(ctx.snapshot, 'Fin_Plafond');
    if (intensity && ceiling && isNumber(intensity.value) && isNumber(ceiling.value) && intensity.value > ceiling.value + 1e-9) {
      ctx.report('financing-over-ceiling', { intensity: pct(intensity.value), ceiling: pct(ceiling.value) }, intensity.location);
    }
  },
};
