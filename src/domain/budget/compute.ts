import { Money, ZERO, roundCents, sum } from '../money';
import { getNomenclature, rolesOf } from '../nomenclature/nomenclature';
import { isIntermittent } from '../facts/facts';
import type {
  BudgetInput,
  ChapterInput,
  IndirectRateRole,
  BudgetBases,
  BudgetResult,
  ChapterResult,
  ItemResult,
  LineInput,
  RateLine,
  Split,
  Status,
} from './types';
import { STATUSES } from './types';

/** Line amount = quantité × nombre × taux, rounded to the cent. A blank factor counts as 0, as in a spreadsheet. */
export function lineAmount(line: Pick<LineInput, 'quantity' | 'count' | 'rate'>): Money {
  return roundCents((line.quantity ?? ZERO).times(line.count ?? ZERO).times(line.rate ?? ZERO));
}

/** Splits a line: dont étranger as typed, dont France = montant − dont étranger. */
export function lineSplit(line: LineInput): Split {
  const amount = lineAmount(line);
  const foreign = line.foreign ?? ZERO;
  return { amount, foreign, france: amount.minus(foreign) };
}

/** Sums splits component-wise. */
export function sumSplits(parts: readonly Split[]): Split {
  return {
    amount: sum(parts.map((p) => p.amount)),
    france: sum(parts.map((p) => p.france)),
    foreign: sum(parts.map((p) => p.foreign)),
  };
}

/** Sums `value` of the lines of each status over every chapter but the charges and indirect ones. */
function byStatus(input: BudgetInput, value: (line: LineInput) => Money): Record<Status, Money> {
  const roles = rolesOf(getNomenclature(input.nomenclature));
  const out = Object.fromEntries(STATUSES.map((s) => [s, ZERO])) as Record<Status, Money>;
  for (const ch of input.chapters) {
    if (ch.code === roles.chargesChapter || ch.code === roles.indirect.chapter) continue;
    for (const item of ch.items) {
      const lines = item.kind === 'group' ? item.lines : item.kind === 'line' ? [item] : [];
      for (const l of lines) if (l.status) out[l.status] = out[l.status].plus(value(l));
    }
  }
  return out;
}

/**
 * Gross pay by status over every chapter but the charges chapter and the indirect one: the base
 * of the charges chapter. A salaried construction crew in chapter 5 or drivers in chapter 6 are
 * charged like the crew of chapter 2.
 */
export function grossPayByStatus(input: BudgetInput): Record<Status, Money> {
  return byStatus(input, lineAmount);
}

/**
 * Employer charges of one line: its amount × its status's rate, rounded to the cent (the Devis
 * column "Charges patronales"; RGA annexe III-1.1, 8° asks for them person by person). Zero for a
 * line without status.
 */
export function lineCharges(input: Pick<BudgetInput, 'params'>, line: LineInput): Money {
  return line.status ? roundCents(lineAmount(line).times(chargeRate(input, line.status))) : ZERO;
}

/** The charges of a status, line by line, summed over every chapter but the charges and indirect ones. */
export function chargesByStatus(input: BudgetInput): Record<Status, Money> {
  return byStatus(input, (l) => lineCharges(input, l));
}

/** The charges rate of a status: its Paramètres rate, plus the short-CDDU surcharge for intermittents. */
export function chargeRate(input: Pick<BudgetInput, 'params'>, status: Status): Money {
  const rate = input.params.chargeRates[status];
  return isIntermittent(status) ? rate.plus(input.params.shortContractSurcharge) : rate;
}

/**
 * amount = round(base × rate), all of it French spend: the frais généraux and imprévus of a French
 * production company are not prorated into "dont étranger".
 */
export function rateLine(base: Money, rate: Money): RateLine {
  const amount = roundCents(base.times(rate));
  return { base, rate, amount, foreign: ZERO, france: amount };
}

/** Does a devis code fall under one of these codes ("2.1" covers "2.1" and "2.1.3")? */
export function underCode(code: string, codes: readonly string[]): boolean {
  return codes.some((c) => code === c || code.startsWith(`${c}.`));
}

/** A devis item that a base leaves out or counts: a line, or a sous-poste with all its lines. */
interface BaseItem {
  code: string;
  lines: LineInput[];
}

/** Amount of the items' lines, with or without their social charges (rounded per item, as the sheet does). */
function itemsAmount(input: BudgetInput, items: readonly BaseItem[], part: 'amount' | 'france'): Money {
  return sum(items.map((it) => sum(it.lines.map((l) => lineSplit(l)[part]))));
}

function itemsCharges(input: BudgetInput, items: readonly BaseItem[]): Money {
  return sum(items.map((it) => sum(it.lines.map((l) => lineCharges(input, l)))));
}

/** The base chapters' items (lines and sous-postes) whose code falls under `codes`. */
export function itemsUnder(input: BudgetInput, codes: readonly string[]): BaseItem[] {
  const roles = rolesOf(getNomenclature(input.nomenclature));
  const out: BaseItem[] = [];
  for (const ch of input.chapters) {
    if (ch.code === roles.indirect.chapter) continue;
    for (const item of ch.items) {
      if (item.kind === 'line' && underCode(item.code, codes)) out.push({ code: item.code, lines: [item] });
      if (item.kind !== 'group') continue;
      if (underCode(item.code, codes)) out.push({ code: item.code, lines: item.lines });
      else for (const l of item.lines) if (underCode(l.code, codes)) out.push({ code: l.code, lines: [l] });
    }
  }
  return out;
}

/**
 * A line's share in the tax credit's base: its own (the Devis column "Part éligible au crédit
 * d'impôt", e.g. a performer's pay at the minima over the pay) or the nomenclature's default — 1
 * in an eligible chapter unless its code is excluded (producer's fee, insurance…), else 0.
 */
export function taxCreditShare(
  input: Pick<BudgetInput, 'nomenclature'>,
  chapterCode: string,
  line: LineInput,
): Money {
  if (line.taxCreditShare) return line.taxCreditShare;
  return defaultTaxCreditShare(input, chapterCode, line.code);
}

/** The nomenclature's default share of a line (or a free line, code '') of a chapter. */
export function defaultTaxCreditShare(
  input: Pick<BudgetInput, 'nomenclature'>,
  chapterCode: string,
  code: string,
): Money {
  const elig = rolesOf(getNomenclature(input.nomenclature)).taxCreditEligibility;
  if (!elig.eligibleChapters.includes(chapterCode)) return ZERO;
  return code &&
    underCode(
      code,
      elig.excludedCodes.map((x) => x.code),
    )
    ? ZERO
    : new Money(1);
}

/**
 * The tax credit's base (CGI ann. III art. 46 quater-0 YM): each line's French spend × its
 * eligible share, plus the compulsory charges on that share (its own charges × share), rounded
 * once to the cent as the sheet's formula is.
 */
export function taxCreditBase(input: BudgetInput): Money {
  const roles = rolesOf(getNomenclature(input.nomenclature));
  let base = ZERO;
  for (const ch of input.chapters) {
    if (ch.code === roles.indirect.chapter) continue;
    for (const item of ch.items) {
      const lines = item.kind === 'group' ? item.lines : item.kind === 'line' ? [item] : [];
      for (const l of lines) {
        const share = taxCreditShare(input, ch.code, l);
        if (share.isZero()) continue;
        const split = lineSplit(l);
        base = base.plus(split.france.times(share));
        base = base.plus(lineCharges(input, l).times(share));
      }
    }
  }
  return roundCents(base);
}

/**
 * The protocol's and the tax credit's bases. The producer's fee counts with its charges; the tax
 * credit takes the French spend of the eligible chapters less the excluded codes, and less the
 * charges of the pay it leaves out (those charges sit in the charges chapter).
 */
export function computeBases(input: BudgetInput, subtotal: Split): BudgetBases {
  const roles = rolesOf(getNomenclature(input.nomenclature));
  const protocol = roles.protocol;
  const feeItems = protocol ? itemsUnder(input, protocol.producerFeeCodes) : [];
  const fee = itemsAmount(input, feeItems, 'amount').plus(itemsCharges(input, feeItems));
  const financial = protocol
    ? itemsAmount(input, itemsUnder(input, protocol.financialCostsCodes), 'amount')
    : ZERO;
  const base = protocol ? subtotal.amount.minus(fee).minus(financial) : null;
  return {
    producerFee: fee,
    financialCosts: financial,
    protocol: base,
    overheadsCapAmount: base && roundCents(base.times(input.params.overheadsCap)),
    producerFeeCapAmount:
      base && protocol ? roundCents(base.times(new Money(protocol.producerFeeCap))) : null,
    taxCredit: taxCreditBase(input),
    region: sum(
      input.chapters
        .flatMap((ch) =>
          ch.items.flatMap((i) => (i.kind === 'group' ? i.lines : i.kind === 'line' ? [i] : [])),
        )
        .map((l) => l.region ?? ZERO),
    ),
  };
}

/**
 * Computes the whole devis: line amounts, sous-poste and chapter totals, chapter 4 from the pay
 * in chapters 1–3 by status, total des postes 1 à 9, frais généraux and imprévus as rates of that
 * subtotal, total général, each with its dont France / dont étranger split.
 */
export function computeBudget(input: BudgetInput): BudgetResult {
  const pay = grossPayByStatus(input);
  const charges = chargesByStatus(input);
  const indirectCode = rolesOf(getNomenclature(input.nomenclature)).indirect.chapter;
  const chapterResult = (
    ch: ChapterInput,
    rates: Record<IndirectRateRole, RateLine> | null,
  ): ChapterResult => {
    const items: ItemResult[] = ch.items.map((item) => {
      switch (item.kind) {
        case 'line':
          return { kind: 'line', ...lineSplit(item) };
        case 'group': {
          const lines = item.lines.map(lineSplit);
          return { kind: 'group', lines, ...sumSplits(lines) };
        }
        case 'charges': {
          const base = pay[item.status];
          const rate = chargeRate(input, item.status);
          // The sum of the lines' own charges (each rounded), not the gross pay × rate rounded once.
          const amount = charges[item.status];
          return { kind: 'charges', base, rate, amount, foreign: ZERO, france: amount };
        }
        case 'rate':
          if (!rates)
            throw new Error(
              `Ligne ${item.code} : un taux du sous-total n'a sa place que dans le chapitre des dépenses indirectes`,
            );
          return { kind: 'rate', role: item.role, ...rates[item.role] };
      }
    });
    return { code: ch.code, items, ...sumSplits(items) };
  };
  const base = input.chapters.filter((ch) => ch.code !== indirectCode).map((ch) => chapterResult(ch, null));
  const subtotal = sumSplits(base);
  const bases = computeBases(input, subtotal);
  // Cinema: frais généraux on the protocol's base; elsewhere (audiovisual forfaits) on the subtotal.
  const overheads = rateLine(bases.protocol ?? subtotal.amount, input.params.overheadsRate);
  const contingency = rateLine(subtotal.amount, input.params.contingencyRate);
  const indirectChapter = input.chapters.find((ch) => ch.code === indirectCode);
  const indirectResult = indirectChapter ? chapterResult(indirectChapter, { overheads, contingency }) : null;
  const chapters = input.chapters.map((ch) =>
    ch === indirectChapter && indirectResult
      ? indirectResult
      : (base.find((b) => b.code === ch.code) ?? chapterResult(ch, null)),
  );
  const indirect = indirectResult ? sumSplits([indirectResult]) : sumSplits([overheads, contingency]);
  const total = sumSplits([subtotal, indirect]);
  return { chapters, subtotal, overheads, contingency, indirect, total, bases };
}

export { Money };
