import { MODEL_READS, readModel } from '../model/read';
import { percentFigure } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-public-private',
    title: 'Sources publiques et privées, intensité des aides sous son plafond',
    criteria: ['rncp40642:C1.6', 'cpacp:C5'],
    why: 'L’intensité des aides publiques est plafonnée par la réglementation européenne et française : au-delà, l’aide peut être réduite ou refusée.',
    fix: 'Équilibrez sources publiques et privées jusqu’à ce que l’intensité des aides publiques passe sous le plafond affiché.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const f = readModel(ctx.snapshot).financing;
    const pub = f?.publicTotal;
    const priv = f?.privateTotal;
    if (pub && !pub.value?.gt(0)) ctx.report('financing-no-public', {}, pub.at);
    if (priv && !priv.value?.gt(0)) ctx.report('financing-no-private', {}, priv.at);
    const intensity = f?.intensity;
    const ceiling = f?.ceiling?.value;
    if (intensity?.value && ceiling && intensity.value.gt(ceiling))
      ctx.report(
        'financing-over-ceiling',
        { intensity: percentFigure(intensity.value), ceiling: percentFigure(ceiling) },
        intensity.at,
      );
  },
};
