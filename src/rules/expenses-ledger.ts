import { MODEL_READS, readModel } from '../model/read';
import { formatAmount, roundCents } from '../domain/money';
import { YES } from '../sheets/model/labels';
import { BASE_SHEETS } from '../sheets/model/naming';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.expenses,
  },
  check(ctx) {
    const ledger = readModel(ctx.snapshot).ledger;
    if (!ledger?.codes) return;
    const codes = new Set(ledger.codes);
    for (const p of ledger.pieces) {
      const code = p.code.value;
      const piece = p.piece.value ?? 'sans numéro';
      if (code === null) ctx.report('expense-code-missing', { piece }, p.code.at);
      else if (!codes.has(code)) ctx.report('expense-code-unknown', { piece, code }, p.code.at);
      if (p.proof.value !== YES) ctx.report('expense-proof-missing', { piece }, p.proof.at);
      const [ht, tva, ttc] = [p.ht.value, p.tva.value, p.ttc.value];
      if (p.ttc.typed && ttc && ht && tva) {
        // In decimals, to the cent: three typed amounts, no float drift.
        const expected = roundCents(ht.plus(tva));
        if (!roundCents(ttc).equals(expected))
          ctx.report(
            'expense-ttc',
            {
              piece,
              ttc: formatAmount(ttc),
              ht: formatAmount(ht),
              tva: formatAmount(tva),
              expected: formatAmount(expected),
            },
            p.ttc.at,
          );
      }
    }
  },
};
