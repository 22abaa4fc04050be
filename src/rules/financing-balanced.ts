import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { namesALoan } from '../domain/financing/loans';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'financing-balanced',
    title: 'Plan de financement équilibré avec le devis',
    criteria: ['cpca:C1.4.1', 'cpacp:C6'],
    why: 'Un plan de financement doit couvrir exactement le devis : l’écart est soit un besoin non financé, soit un financement sans emploi. Un emprunt se rembourse : compté comme source, il équilibre le plan avec de l’argent qui n’appartient pas au film.',
    fix: 'Ajoutez ou ajustez des sources jusqu’à ce que le total du plan égale le total du devis ; placez un prêt ou un crédit relais dans les mesures de la Trésorerie, pas dans le plan.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
    unlocated: {
      'name-missing':
        'le plan de financement (ou son écart) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const financing = readModel(ctx.snapshot).financing;
    for (const s of financing?.sources ?? []) {
      const name = s.name.value ?? '';
      if (s.amount.value?.isPositive() && !s.amount.value.isZero() && namesALoan(name) && s.name.at)
        ctx.report('financing-loan-as-source', { source: name }, s.name.at, { severity: 'avertissement' });
    }
    const gap = financing?.gap;
    if (!gap) {
      ctx.report('name-missing', { name: FINANCING_NAMES.gap, what: 'écart du plan de financement' }, null);
      return;
    }
    if (gap.value && gap.value.abs().gte('0.005'))
      ctx.report('financing-unbalanced', { gap: formatAmount(gap.value) }, gap.at);
  },
};
