import { formatAmount, roundCents, toMoney } from '../domain/money';
import { EXPENSE_NAMES } from '../sheets/expenses/contract';
import { isPiece, readExpenseCodes, readExpenseRows } from '../sheets/expenses/reader';
import { YES } from '../sheets/model/labels';
import { BASE_SHEETS } from '../sheets/model/naming';
import { isFormula, isNumber } from './snapshot';
import type { Rule } from './types';

/**
 * Each piece of the Dépenses ledger is charged to a code of the devis, has its justification, and
 * its TTC is its HT plus its TVA. Only a workbook with a Dépenses sheet is checked: a workbook of
 * the preparation (made before this sheet existed) has no ledger to keep yet.
 */
export const rule: Rule = {
  meta: {
    id: 'expenses-ledger',
    title: 'Dépenses : chaque pièce imputée à un code du devis, justifiée, TTC = HT + TVA',
    criteria: ['cpca:C.3.2.1', 'cefpf:C3.3', 'par:C2.3.2'],
    why: 'Une dépense sans code du devis n’entre dans aucun total par poste, une dépense sans justificatif ne passe pas un contrôle des comptes, et un TTC qui n’est pas HT + TVA fausse la trésorerie.',
    fix: 'Choisissez le code dans la liste de la colonne « Code du devis », notez la pièce justificative (Oui et sa référence), et corrigez le HT, la TVA ou le TTC de la ligne.',
    severity: 'erreur',
    kind: 'auto',
    reads: [EXPENSE_NAMES.lines, EXPENSE_NAMES.codes],
    sheet: BASE_SHEETS.expenses,
  },
  check(ctx) {
    const rows = readExpenseRows(ctx.snapshot);
    const codes = readExpenseCodes(ctx.snapshot);
    if (!rows || !codes) return;
    for (const r of rows) {
      if (!isPiece(r)) continue;
      const code = r.text('code');
      const piece = r.text('piece') || 'sans numéro';
      if (code === '') ctx.report('expense-code-missing', { piece }, r.at('code'));
      else if (!codes.has(code)) ctx.report('expense-code-unknown', { piece, code }, r.at('code'));
      if (r.text('proof') !== YES) ctx.report('expense-proof-missing', { piece }, r.at('proof'));
      const ht = r.ht;
      const tva = r.tva;
      const ttc = r.ttc;
      if (!isFormula(r.formula('ttc')) && isNumber(ttc) && isNumber(ht) && isNumber(tva)) {
        // In decimals, to the cent: three typed amounts, no float drift.
        const expected = roundCents(toMoney(ht).plus(toMoney(tva)));
        if (!roundCents(toMoney(ttc)).equals(expected))
          ctx.report(
            'expense-ttc',
            {
              piece,
              ttc: formatAmount(ttc),
              ht: formatAmount(ht),
              tva: formatAmount(tva),
              expected: formatAmount(expected),
            },
            r.at('ttc'),
          );
      }
    }
  },
};
