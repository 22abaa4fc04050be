import { chargeRate, lineSplit, taxCreditShare, underCode } from '../budget/compute';
import { getNomenclature, rolesOf } from '../nomenclature/nomenclature';
import type { BudgetInput, BudgetResult, LineInput, Status } from '../budget/types';
import type { ExpenseInput } from '../expenses/expenses';
import { Money, ZERO, roundCents, sum } from '../money';
import type { FollowUpLine } from './followup';

/**
 * One line of the coût définitif as the CNC asks it (Code du cinéma art. D331-14, CGI art. 220 F):
 * its final cost, the part spent abroad and in France, and what of it is eligible to the tax
 * credit, with the compulsory charges on that eligible pay.
 */
export interface DefinitiveLine {
  chapter: string;
  code: string;
  label: string;
  final: Money;
  /**
   * Spent abroad: the pieces of the Dépenses marked « Étranger », plus what is still to engage
   * at the devis's foreign share of the line.
   */
  foreign: Money;
  france: Money;
  /** The devis's eligible share of the line (0 for a charges line: its charges count with the pay). */
  share: Money;
  /** French spend × share, to the cent. */
  eligible: Money;
  /** The line's employer charges at its status's rate, × share, to the cent (they sit in the charges chapter). */
  eligibleCharges: Money;
}

/** The devis lines by code, with their chapter. */
function devisLines(budget: BudgetInput): Map<string, { chapter: string; line: LineInput }> {
  const out = new Map<string, { chapter: string; line: LineInput }>();
  for (const ch of budget.chapters)
    for (const item of ch.items) {
      const lines = item.kind === 'group' ? item.lines : item.kind === 'line' ? [item] : [];
      for (const line of lines) out.set(line.code, { chapter: ch.code, line });
    }
  return out;
}

/**
 * The coût définitif line by line, as the Bilan financier's formulas compute it: abroad =
 * ROUND(pieces abroad + (estimé final − engagé) × devis abroad / devis, 2); France = final −
 * abroad; eligible = ROUND(France × share, 2); eligible charges = ROUND(ROUND(final × rate, 2) ×
 * share, 2).
 */
export function definitiveLines(
  budget: BudgetInput,
  lines: readonly FollowUpLine[],
  expenses: readonly ExpenseInput[],
): DefinitiveLine[] {
  const devis = devisLines(budget);
  return lines.map((l) => {
    const d = l.charges ? undefined : devis.get(l.code);
    const split = d ? lineSplit(d.line) : null;
    const abroadPieces = sum(
      expenses.filter((e) => e.code === l.code && e.place === 'Étranger').map((e) => e.ht),
    );
    const toCome = l.final.minus(l.engaged);
    const foreignShare = split && !split.amount.isZero() ? split.foreign.dividedBy(split.amount) : ZERO;
    const foreign = roundCents(abroadPieces.plus(toCome.times(foreignShare)));
    const france = l.final.minus(foreign);
    const share = d ? taxCreditShare(budget, d.chapter, d.line) : ZERO;
    const rate = d?.line.status ? chargeRate(budget, d.line.status) : ZERO;
    return {
      chapter: l.chapter,
      code: l.code,
      label: l.label,
      final: l.final,
      foreign,
      france,
      share,
      eligible: roundCents(france.times(share)),
      eligibleCharges: roundCents(roundCents(l.final.times(rate)).times(share)),
    };
  });
}

/** The tax credit on the coût définitif: rate × eligible base, to the cent, within its cap. */
export function definitiveTaxCredit(base: Money, rate: Money, cap: Money): Money {
  return Money.min(cap, roundCents(rate.times(base)));
}

/** The natures of a provider's pieces (salaries, expense claims and authors' notes are not). */
export const PROVIDER_NATURES = ['Facture', 'Acompte', 'Avoir'] as const;

/** One person of the nominative list: pay and employer charges, from the ledger's salaries. */
export interface PersonRow {
  name: string;
  /** The devis line of the first salary: the function the person was hired for. */
  role: string;
  status: Status | null;
  gross: Money;
  /** Gross × the status's charges rate, to the cent (as the Devis charges a line). */
  charges: Money;
  pieces: number;
  /** The first salary piece's reference (its contract or pay slip). */
  reference: string;
}

/** One provider: its invoices (less credit notes), HT, and what of it was spent abroad. */
export interface ProviderRow {
  name: string;
  invoices: number;
  ht: Money;
  foreign: Money;
}

/** Payees in the ledger's order, each with its pieces. */
function byPayee(expenses: readonly ExpenseInput[]): Map<string, ExpenseInput[]> {
  const out = new Map<string, ExpenseInput[]>();
  for (const e of expenses) out.set(e.payee, [...(out.get(e.payee) ?? []), e]);
  return out;
}

/**
 * The nominative list of personnel the CNC asks with the coût définitif (Code du cinéma art.
 * D331-14): everyone paid a salary in the ledger, with the function and status of the devis line
 * of the first salary, the gross and the employer charges at that status's rate.
 */
export function personnelList(budget: BudgetInput, expenses: readonly ExpenseInput[]): PersonRow[] {
  const devis = devisLines(budget);
  return [...byPayee(expenses.filter((e) => e.nature === 'Salaire' && e.payee !== ''))].map(
    ([name, pieces]) => {
      const first = pieces[0];
      const line = first ? devis.get(first.code)?.line : undefined;
      const status = line?.status ?? null;
      const gross = sum(pieces.map((p) => p.ht));
      return {
        name,
        role: line?.label ?? '',
        status,
        gross,
        charges: status ? roundCents(gross.times(chargeRate(budget, status))) : ZERO,
        pieces: pieces.length,
        reference: first?.proofRef ?? '',
      };
    },
  );
}

/**
 * The list of providers and technical industries (Code du cinéma art. D331-14): every payee of an
 * invoice, a deposit or a credit note in the ledger, except the social bodies paid under the
 * charges chapter; the number of pieces, the HT and what of it was spent abroad.
 */
export function providerList(expenses: readonly ExpenseInput[], chargesChapter: string): ProviderRow[] {
  const natures: readonly string[] = PROVIDER_NATURES;
  const invoices = expenses.filter(
    (e) => natures.includes(e.nature) && e.payee !== '' && !underCode(e.code, [chargesChapter]),
  );
  return [...byPayee(invoices)].map(([name, pieces]) => ({
    name,
    invoices: pieces.length,
    ht: sum(pieces.map((p) => p.ht)),
    foreign: sum(pieces.filter((p) => p.place === 'Étranger').map((p) => p.ht)),
  }));
}

/** What the two lists must add up to: the ledger's salaries, and its providers' pieces (HT). */
export function ledgerListTotals(
  expenses: readonly ExpenseInput[],
  chargesChapter: string,
): { salaries: Money; providers: Money } {
  const natures: readonly string[] = PROVIDER_NATURES;
  return {
    salaries: sum(expenses.filter((e) => e.nature === 'Salaire').map((e) => e.ht)),
    providers: sum(
      expenses
        .filter((e) => natures.includes(e.nature) && !underCode(e.code, [chargesChapter]))
        .map((e) => e.ht),
    ),
  };
}

/**
 * The base re-estimated by the Suivi at completion: the devis's base (cinema: the protocol's,
 * without the producer's fee and its charges nor the frais financiers; else the subtotal) moved by
 * the écarts of the lines it counts, to the cent. The fee's charges move by ROUND(final × rate) −
 * ROUND(devis × rate) of each fee line. The frais généraux and the producer's fee are capped on it.
 */
export function baseAtCompletion(
  budget: BudgetInput,
  result: BudgetResult,
  lines: readonly FollowUpLine[],
): Money {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const protocol = roles.protocol;
  const fee = protocol?.producerFeeCodes ?? [];
  const excluded = protocol ? [...fee, ...protocol.financialCostsCodes] : [];
  const counted = lines.filter((l) => l.chapter !== roles.indirect.chapter);
  const gaps = sum(counted.filter((l) => !underCode(l.code, excluded)).map((l) => l.gap));
  const feeCharges = sum(
    counted
      .filter((l) => underCode(l.code, fee))
      .map((l) => {
        const rate = l.status ? chargeRate(budget, l.status) : ZERO;
        return roundCents(l.final.times(rate)).minus(roundCents(l.amount.times(rate)));
      }),
  );
  return (result.bases.protocol ?? result.subtotal.amount).plus(gaps).minus(feeCharges);
}

/** The frais généraux at completion: the Paramètres rate on the base at completion, to the cent. */
export function overheadsAtCompletion(
  budget: BudgetInput,
  result: BudgetResult,
  lines: readonly FollowUpLine[],
): Money {
  return roundCents(budget.params.overheadsRate.times(baseAtCompletion(budget, result, lines)));
}
