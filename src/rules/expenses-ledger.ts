import { MODEL_READS, readModel } from '../model/read';
import type { ProductionModel } from '../model/model';
import { statusLabel } from '../domain/facts/facts';
import { formatAmount, Money, percentFigure, roundCents, sum } from '../domain/money';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import { looseForm } from '../domain/text/looseForm';
import type { RuleContext } from './types';
import { YES } from '../sheets/model/labels';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/** The natures of the pieces that pay a person (salaries, authors' notes): the charges follow them. */
const PAY_NATURES = new Set(['salaire', 'note de droits']);

/**
 * Payroll: the ledger's pieces on each charges line of the devis come to what its rate (the
 * Devis's, from Paramètres) gives on the pay pieces of the lines of its status — the charges
 * follow the salaries actually booked. Within a cent per pay piece (each payslip rounds).
 */
function payrollCharges(ctx: RuleContext, m: ProductionModel): void {
  const b = m.budget;
  const ledger = m.ledger;
  if (!b?.table || !ledger || scaffoldProblem(b.nomenclature) !== null) return;
  const statusOf = new Map(b.lines.map((l) => [l.code.value ?? '', looseForm(l.status.value ?? '')]));
  const rowOf = new Map(b.rows.map((r) => [r.code.value ?? '', r]));
  const cellOf = new Map(ledger.byCode.map((c) => [c.code.value ?? '', c.engaged.at]));
  for (const line of rolesOf(b.nomenclature).chargesLines) {
    const rate = rowOf.get(line.code)?.rate.value;
    if (!rate) continue;
    const status = looseForm(statusLabel(line.status));
    const pay = ledger.pieces.filter(
      (p) =>
        statusOf.get(p.code.value ?? '') === status &&
        PAY_NATURES.has(looseForm(p.nature.value ?? '')) &&
        p.ht.value !== null,
    );
    const gross = sum(pay.map((p) => p.ht.value ?? new Money(0)));
    const booked = sum(
      ledger.pieces.filter((p) => p.code.value === line.code).map((p) => p.ht.value ?? new Money(0)),
    );
    const expected = roundCents(gross.times(rate));
    const gap = booked.minus(expected);
    if (gap.abs().lte(new Money('0.01').times(pay.length + 1))) continue;
    ctx.report(
      'expense-payroll-charges',
      {
        code: line.code,
        status: statusLabel(line.status).toLowerCase(),
        booked: formatAmount(booked),
        expected: formatAmount(expected),
        gross: formatAmount(gross),
        rate: percentFigure(rate),
        gap: `${gap.isPositive() ? '+' : ''}${formatAmount(gap)}`,
      },
      cellOf.get(line.code) ?? rowOf.get(line.code)?.amount.at ?? null,
      { severity: 'avertissement' },
    );
  }
}

/**
 * Each piece of the Dépenses ledger is charged to a code of the devis, has its justification, and
 * its TTC is its HT plus its TVA; the charges booked follow the pay booked. Only a workbook with a Dépenses sheet is checked: a workbook of
 * the preparation (made before this sheet existed) has no ledger to keep yet.
 */
export const rule: Rule = {
  meta: {
    id: 'expenses-ledger',
    title:
      'Dépenses : chaque pièce imputée à un code du devis, justifiée, TTC = HT + TVA, les charges au taux des salaires',
    criteria: ['cpca:C.3.2.1', 'cefpf:C3.3', 'par:C2.3.2'],
    why: 'Une dépense sans code du devis n’entre dans aucun total par poste, une dépense sans justificatif ne passe pas un contrôle des comptes, et un TTC qui n’est pas HT + TVA fausse la trésorerie. Des charges sociales qui ne suivent pas les salaires du grand livre sous-estiment (ou gonflent) le coût : un dépassement de salaire entraîne ses charges.',
    fix: 'Choisissez le code dans la liste de la colonne « Code du devis », notez la pièce justificative (Oui et sa référence), et corrigez le HT, la TVA ou le TTC de la ligne ; saisissez les cotisations de chaque paie (salaires du statut × taux de charges du Devis), ou corrigez le taux dans Paramètres s’il n’est pas celui de la caisse.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.expenses,
  },
  check(ctx) {
    const model = readModel(ctx.snapshot);
    const ledger = model.ledger;
    if (!ledger?.codes) return;
    payrollCharges(ctx, model);
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
