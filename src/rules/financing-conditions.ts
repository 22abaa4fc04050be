import { formatAmount, roundCents } from '../domain/money';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * A funder's condition on the devis — a regional aid's territorial spend, as a multiple of the aid
 * or a share of the devis — met by what the devis spends in the region.
 */
export const rule: Rule = {
  meta: {
    id: 'financing-conditions',
    title: 'Conditions des financeurs : la dépense en région du devis atteint celle que l’aide exige',
    criteria: ['cpacp:C5', 'rncp40642:C1.6'],
    why: 'Chaque fonds régional subordonne son aide à une dépense minimale sur son territoire (un multiple de l’aide ou une part du devis) : un devis qui n’y arrive pas perd tout ou partie de l’aide.',
    fix: 'Dans le Devis, renseignez la colonne « dont région » des lignes dépensées sur le territoire ; si le devis n’atteint toujours pas la dépense exigée, relocalisez des dépenses ou revoyez le montant de l’aide demandée.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    for (const c of readModel(ctx.snapshot).financing?.conditions ?? []) {
      const gap = c.gap.value;
      const required = c.required.value;
      const actual = c.actual.value;
      if (!gap || !required || !actual || !roundCents(gap).lt(0)) continue;
      ctx.report(
        'financing-condition-unmet',
        {
          source: c.source.value ?? '',
          condition: c.kind.value ?? '',
          required: formatAmount(roundCents(required)),
          actual: formatAmount(roundCents(actual)),
          missing: formatAmount(roundCents(gap).negated()),
        },
        c.actual.at,
      );
    }
  },
};
