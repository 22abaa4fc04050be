import { MODEL_READS, readModel } from '../model/read';
import type { Field } from '../model/field';
import { BASE_SHEETS } from '../sheets/model/naming';
import { formatEuros, formatPercent, roundCents, type Money } from '../domain/money';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'devis-protocol-caps',
    title:
      'Frais généraux et rémunération du producteur sous leurs plafonds, en montants, sur la base du protocole',
    criteria: ['cpca:C1.3.3', 'cpacp:C4'],
    why: 'Au-delà des plafonds du protocole, la part excédentaire des frais généraux et de la rémunération du producteur n’est pas retenue par les financeurs.',
    fix: 'Réduisez le montant signalé jusqu’au plafond affiché, calculé sur la base du protocole (coût hors frais généraux, rémunération du producteur et frais financiers).',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const b = m.budget?.protocolBase?.value;
    // Grids the protocol does not cover (audiovisual forfaits) have no base: nothing to compare.
    if (!b) return;
    const check = (
      amount: Field<Money> | null | undefined,
      cap: Field<Money> | null,
      messageId: 'protocol-overheads-over' | 'protocol-fee-over',
    ): void => {
      const value = amount?.value;
      if (!value || !cap?.value) return;
      const limit = roundCents(b.times(cap.value));
      if (roundCents(value).lte(limit)) return;
      ctx.report(
        messageId,
        {
          amount: formatEuros(value),
          share: formatPercent(value.dividedBy(b)),
          cap: formatPercent(cap.value),
          limit: formatEuros(limit),
          base: formatEuros(b),
          gap: formatEuros(value.minus(limit)),
        },
        amount.at,
      );
    };
    check(m.budget?.overheads, m.params.overheadsCap, 'protocol-overheads-over');
    check(m.budget?.producerFee, m.params.producerFeeCap, 'protocol-fee-over');
  },
};
