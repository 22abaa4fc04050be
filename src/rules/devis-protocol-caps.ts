import { DEVIS_NAMES } from '../sheets/devis/contract';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { formatEuros, formatPercent, roundCents, toMoney } from '../domain/money';
import { isNumber, single } from './snapshot';
import type { Rule } from './types';

const READS = [
  DEVIS_NAMES.overheads.amount,
  DEVIS_NAMES.producerFee,
  DEVIS_NAMES.protocolBase,
  PARAMS_NAMES.overheadsCap,
  PARAMS_NAMES.producerFeeCap,
];

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
    reads: READS,
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const s = ctx.snapshot;
    const base = single(s, DEVIS_NAMES.protocolBase);
    // Grids the protocol does not cover (audiovisual forfaits) have no base: nothing to compare.
    if (!base || !isNumber(base.value)) return;
    const b = toMoney(base.value);
    const check = (
      amountName: string,
      capName: string,
      messageId: 'protocol-overheads-over' | 'protocol-fee-over',
    ): void => {
      const amount = single(s, amountName);
      const cap = single(s, capName);
      if (!amount || !cap || !isNumber(amount.value) || !isNumber(cap.value)) return;
      const value = toMoney(amount.value);
      const limit = roundCents(b.times(toMoney(cap.value)));
      if (roundCents(value).lte(limit)) return;
      ctx.report(
        messageId,
        {
          amount: formatEuros(value),
          share: formatPercent(value.dividedBy(b)),
          cap: formatPercent(toMoney(cap.value)),
          limit: formatEuros(limit),
          base: formatEuros(b),
          gap: formatEuros(value.minus(limit)),
        },
        amount.location,
      );
    };
    check(DEVIS_NAMES.overheads.amount, PARAMS_NAMES.overheadsCap, 'protocol-overheads-over');
    check(DEVIS_NAMES.producerFee, PARAMS_NAMES.producerFeeCap, 'protocol-fee-over');
  },
};
