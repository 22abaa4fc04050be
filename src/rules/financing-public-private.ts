import { FINANCING_NAMES } from '../sheets/financing/contract';
import { financingFigure } from '../sheets/financing/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isNumber, num } from './snapshot';
import type { Rule } from './types';

const pct = (x: number): string => (Math.round(x * 1000) / 10).toString().replace('.', ',');

export const rule: Rule = {
  meta: {
    id: 'financing-public-private',
    title: 'Sources publiques et privées, intensité des aides sous son plafond',
    criteria: ['rncp40642:C1.6', 'cpacp:C5'],
    why: 'L’intensité des aides publiques est plafonnée par la réglementation européenne et française : au-delà, l’aide peut être réduite ou refusée.',
    fix: 'Équilibrez sources publiques et privées jusqu’à ce que l’intensité des aides publiques passe sous le plafond affiché.',
    severity: 'erreur',
    kind: 'auto',
    reads: [
      FINANCING_NAMES.publicTotal,
      FINANCING_NAMES.privateTotal,
      FINANCING_NAMES.intensity,
      FINANCING_NAMES.ceiling,
    ],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const pub = financingFigure(ctx.snapshot, 'publicTotal');
    const priv = financingFigure(ctx.snapshot, 'privateTotal');
    if (pub && num(pub.value) <= 0) ctx.report('financing-no-public', {}, pub.location);
    if (priv && num(priv.value) <= 0) ctx.report('financing-no-private', {}, priv.location);
    const intensity = financingFigure(ctx.snapshot, 'intensity');
    const ceiling = financingFigure(ctx.snapshot, 'ceiling');
    if (
      intensity &&
      ceiling &&
      isNumber(intensity.value) &&
      isNumber(ceiling.value) &&
      intensity.value > ceiling.value + 1e-9
    ) {
      ctx.report(
        'financing-over-ceiling',
        { intensity: pct(intensity.value), ceiling: pct(ceiling.value) },
        intensity.location,
      );
    }
  },
};
