import { MODEL_READS, readModel } from '../model/read';
import { formatAmount, formatEuros, Money } from '../domain/money';
import type { CashTableModel } from '../model/model';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule, RuleContext } from './types';

const cents = (m: Money): boolean => m.abs().gte('0.005');

/**
 * A trésorerie built by hand, month by month: each total row against the sum of its rows, the
 * month's balance against receipts less payments, the running balance against the previous one
 * plus the month's balance.
 */
function monthsAddUp(ctx: RuleContext, table: CashTableModel): void {
  table.months.forEach((month, k) => {
    for (const block of table.blocks) {
      const shown = block.total.cells[k];
      if (!shown?.value) continue;
      const cells = block.rows.map((r) => r.cells[k]?.value ?? new Money(0));
      const sum = cells.reduce((n, c) => n.plus(c), new Money(0));
      if (cents(shown.value.minus(sum)))
        ctx.report(
          'cash-month-total',
          {
            label: block.total.label.charAt(0).toLowerCase() + block.total.label.slice(1),
            month: month.label,
            shown: formatEuros(shown.value),
            count: block.rows.length,
            sum: formatEuros(sum),
            diff: formatEuros(shown.value.minus(sum)),
          },
          shown.at,
        );
    }
    const receipts = table.receipts === null ? null : table.blocks[table.receipts]?.total.cells[k]?.value;
    const payments = table.payments === null ? null : table.blocks[table.payments]?.total.cells[k]?.value;
    const balance = table.balance?.[k];
    if (balance?.value && receipts && payments) {
      const expected = receipts.minus(payments);
      if (cents(balance.value.minus(expected)))
        ctx.report(
          'cash-balance',
          {
            month: month.label,
            shown: formatEuros(balance.value),
            expected: formatEuros(expected),
            diff: formatEuros(balance.value.minus(expected)),
          },
          balance.at,
        );
    }
    const running = table.running?.[k];
    const before = k === 0 ? new Money(0) : table.running?.[k - 1]?.value;
    if (running?.value && balance?.value && before) {
      const expected = before.plus(balance.value);
      if (cents(running.value.minus(expected)))
        ctx.report(
          'cash-running',
          {
            month: month.label,
            shown: formatEuros(running.value),
            expected: formatEuros(expected),
            diff: formatEuros(running.value.minus(expected)),
          },
          running.at,
        );
    }
  });
}

export const rule: Rule = {
  meta: {
    id: 'cashflow-totals',
    title: 'Trésorerie : décaissements = devis, encaissements = plan',
    criteria: ['rncp40642:C1.7', 'rncp40642:C2.3', 'cefpf:C2.3'],
    why: 'La trésorerie répartit dans le temps le devis et le plan de financement : si ses totaux diffèrent, une dépense ou une recette a été oubliée ou comptée deux fois.',
    fix: 'Faites correspondre le total des décaissements au total du devis et celui des encaissements au total du plan ; l’écart affiché dit le montant à retrouver.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cashflow,
    unlocated: {
      'name-missing': 'la Trésorerie (ou son écart) n’existe pas : il n’y a pas de cellule à désigner',
    },
  },
  check(ctx) {
    const cashflow = readModel(ctx.snapshot).cashflow;
    if (cashflow?.table) monthsAddUp(ctx, cashflow.table);
    for (const [key, message] of [
      ['planGap', 'cashflow-gap-plan'],
      ['devisGap', 'cashflow-gap-devis'],
    ] as const) {
      const gap = cashflow?.[key];
      if (!gap) {
        // A trésorerie built by hand without a plan (or a devis) to hold it to: the recognition
        // report lists the check as not verifiable here.
        if (!cashflow?.table)
          ctx.report('name-missing', { name: CASHFLOW_NAMES[key], what: 'écart de trésorerie' }, null);
        continue;
      }
      if (gap.value && gap.value.abs().gte('0.005'))
        ctx.report(message, { gap: formatAmount(gap.value) }, gap.at);
    }
  },
};
