/**
 * A workbook built by hand, read into the same model as ours: the devis's figures from its outline
 * (grand total, frais généraux, imprévus, each chapter's total, the protocol's base), the caps the
 * protocol sets (from data/, there being no Paramètres), a topsheet as the récapitulatif, and a
 * financing block (on its own sheet, or below the devis) as the plan de financement.
 */
import { Money } from '../domain/money';
import { overheadsRateFact } from '../domain/facts/facts';
import { listNomenclatures, rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import type { NomenclatureData } from '../domain/nomenclature/types';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import { detectHeader } from '../sheets/devis/reader';
import { parseAddress } from '../sheets/model/plan';
import { at, type Location, type RangeRead, type Snapshot } from '../sheets/model/snapshot';
import { asAmount, fieldOf, type Field } from './field';
import type {
  BudgetLineModel,
  BudgetModel,
  FinancingModel,
  RecapLineModel,
  RecapModel,
  SourceModel,
} from './model';

/** A figure the model computes from what was read (not a cell of its own). */
export function computed(value: Money, at: Location | null): Field<Money> {
  return { value, raw: value.toFixed(2), at, typed: false };
}

const EMPTY: Field<never> = { value: null, raw: null, at: null, typed: true };

const sumOf = (lines: BudgetLineModel[]): Money =>
  lines.reduce((n, l) => n.plus(l.amount.value ?? 0), new Money(0));

/** Each chapter's amount: its total as the sheet shows it, else the sum of its lines. */
export function chapterAmount(ch: BudgetModel['chapters'][number]): Money {
  return ch.total?.amount.value ?? sumOf(ch.lines);
}

/**
 * The cinema protocol's caps for a grid: its own roles', else — a cinema grid whose roles are not
 * described (the 2018 devis) — those of the classic cinema grid. Null for the audiovisual grid,
 * whose frais généraux are forfaits, not caps.
 */
function protocolOf(nom: NomenclatureData): NonNullable<ReturnType<typeof rolesOf>['protocol']> | null {
  if (scaffoldProblem(nom) === null) return rolesOf(nom).protocol ?? null;
  if (!/cin[ée]ma/i.test(nom.title)) return null;
  const classic = listNomenclatures().find((n) => scaffoldProblem(n) === null && rolesOf(n).protocol);
  return classic ? (rolesOf(classic).protocol ?? null) : null;
}

const PRODUCER = /\bproducteurs?\b/i;
const FINANCIAL = /frais\s+financiers/i;

type Figures = Pick<
  BudgetModel,
  'total' | 'overheads' | 'contingency' | 'chapterTotals' | 'protocolBase' | 'producerFee'
>;

/**
 * The figures of a devis built by hand, from its outline: grand total, frais généraux and imprévus
 * at their cells; each chapter's total (its row, or the sum of its lines where it has none); on a
 * cinema grid, the protocol's base (chapters less the producer's fee and the frais financiers,
 * found by their labels) and the producer's fee.
 */
export function handmadeFigures(b: Omit<BudgetModel, keyof Figures>): Figures {
  const chapterTotals = new Map<string, Field<Money>>();
  let chapters = new Money(0);
  for (const ch of b.chapters) {
    const amount = chapterAmount(ch);
    chapters = chapters.plus(amount);
    chapterTotals.set(ch.code, ch.total?.amount.value ? ch.total.amount : computed(amount, null));
  }
  const labelled = (re: RegExp): BudgetLineModel[] => b.lines.filter((l) => re.test(l.label.value ?? ''));
  const fee = labelled(PRODUCER);
  const financial = labelled(FINANCIAL);
  const feeAmount = sumOf(fee);
  const protocol = b.audiovisual ? null : protocolOf(b.nomenclature);
  return {
    total: b.outline.grandTotal?.amount ?? null,
    overheads: b.outline.overheads?.amount ?? null,
    contingency: b.outline.contingency?.amount ?? null,
    chapterTotals,
    protocolBase:
      protocol && b.chapters.length > 0
        ? computed(chapters.minus(feeAmount).minus(sumOf(financial)), null)
        : null,
    producerFee:
      // Several lines (producteur délégué, coproducteur…): their sum, shown at the first one.
      fee.length === 1
        ? (fee[0]?.amount ?? null)
        : fee.length > 1
          ? computed(feeAmount, fee[0]?.amount.at ?? null)
          : null,
  };
}

/**
 * The caps a devis built by hand is held to, there being no Paramètres: on a cinema grid, the
 * protocol's frais généraux cap and the producer's fee cap, from data/ with their sources.
 */
export function handmadeCaps(
  nom: NomenclatureData,
  audiovisual = false,
): {
  overheadsCap: Field<Money> | null;
  producerFeeCap: Field<Money> | null;
} {
  const protocol = audiovisual ? null : protocolOf(nom);
  if (!protocol) return { overheadsCap: null, producerFeeCap: null };
  return {
    overheadsCap: computed(overheadsRateFact('long-metrage').cap, null),
    producerFeeCap: computed(new Money(protocol.producerFeeCap), null),
  };
}

const GRAND_TOTAL = /^total (general|du devis|devis|du budget|budget)|^grand total|^total$/;

/** A topsheet (or a récapitulatif built by hand): each chapter's amount at its cell, and its grand total. */
export function readHandmadeRecap(s: Snapshot): RecapModel | null {
  const range = s.sheets.recap;
  const header = range ? detectHeader(range) : null;
  if (!range || !header) return null;
  const { code: cj, label: lj, amount: aj } = header.columns;
  if (aj === undefined) return null;
  const lines: RecapLineModel[] = [];
  let total: Field<Money> | null = null;
  for (let i = header.headerIndex + 1; i < range.values.length; i += 1) {
    const row = range.values[i] ?? [];
    const codeText = cellText(row[cj ?? lj ?? 0]).trim();
    const label = looseForm(cellText(row[lj ?? cj ?? 0]));
    const amount = fieldOf(row[aj], range.formulas?.[i]?.[aj], at(range, i, aj), asAmount);
    const code = /^0*(\d{1,2})\b/.exec(codeText)?.[1];
    if (code && amount.value) {
      const codeField = fieldOf(code, null, at(range, i, cj ?? lj ?? 0), (v) => cellText(v));
      lines.push({ code: codeField, amount, share: EMPTY, france: EMPTY, foreign: EMPTY });
    } else if (GRAND_TOTAL.test(label) && amount.value) total = amount;
  }
  return lines.length > 0 ? { lines, total } : null;
}

/** Where a financing block starts: its title (« Plan de financement ») or its header (« Source »). */
const FINANCING_TITLE = /plan de financement|^financements?$|^sources?( de financement)?$/;

/** The amount column of a financing block: its header (« Montant », « Total »), else the first figure. */
function amountColumn(range: RangeRead, from: number): number | null {
  for (let i = from; i < Math.min(range.values.length, from + 4); i += 1) {
    const j = (range.values[i] ?? []).findIndex((v) =>
      /^(montant|total|amount|apport)/.test(looseForm(cellText(v))),
    );
    if (j >= 0) return j;
  }
  for (let i = from; i < range.values.length; i += 1) {
    const j = (range.values[i] ?? []).findIndex((v) => typeof v === 'number');
    if (j >= 0) return j;
  }
  return null;
}

/** A financing block of a sheet, from row `from`: its sources (a name and an amount) and its total row. */
function financingBlock(
  range: RangeRead,
  from: number,
): { sources: { name: Field<string>; amount: Field<Money> }[]; total: Field<Money> | null } | null {
  let start = -1;
  for (let i = from; i < range.values.length && start < 0; i += 1)
    if ((range.values[i] ?? []).some((v) => FINANCING_TITLE.test(looseForm(cellText(v))))) start = i + 1;
  if (start < 0) return null;
  const aj = amountColumn(range, start);
  if (aj === null) return null;
  const sources: { name: Field<string>; amount: Field<Money> }[] = [];
  for (let i = start; i < range.values.length; i += 1) {
    const row = range.values[i] ?? [];
    const j = row.findIndex((v, k) => k !== aj && typeof v === 'string' && v.trim() !== '');
    const amount = fieldOf(row[aj], range.formulas?.[i]?.[aj], at(range, i, aj), asAmount);
    if (j < 0 || !amount.value) continue;
    const name = fieldOf(row[j], null, at(range, i, j), (v) => cellText(v).trim() || null);
    if (/^total/.test(looseForm(name.value ?? ''))) return { sources, total: amount };
    sources.push({ name, amount });
  }
  return sources.length > 0 ? { sources, total: null } : null;
}

/**
 * A plan de financement built by hand: on a sheet named like one, else below the devis on its own
 * sheet. Its gap with the devis is computed at its total's cell (the sum of its sources where it
 * has no total row).
 */
export function readHandmadeFinancing(s: Snapshot, budget: BudgetModel | null): FinancingModel | null {
  const own = s.sheets.financing;
  const devis = s.sheets.devis;
  const below = budget?.outline.grandTotal?.amount.at;
  // The first row under the devis's grand total, as a row index of the devis's range.
  const startBelow =
    devis && below ? parseAddress(below.address).row - parseAddress(devis.topLeft).row + 1 : -1;
  const block =
    (own ? financingBlock(own, 0) : null) ??
    (devis && startBelow > 0 ? financingBlock(devis, startBelow) : null);
  if (!block) return null;
  const sum = block.sources.reduce((n, x) => n.plus(x.amount.value ?? 0), new Money(0));
  const total = block.total ?? computed(sum, block.sources.at(-1)?.amount.at ?? null);
  const devisTotal = budget?.total?.value ?? null;
  const source = (x: { name: Field<string>; amount: Field<Money> }): SourceModel => ({
    name: x.name,
    amount: x.amount,
    category: EMPTY,
    nature: EMPTY,
    status: EMPTY,
    deadline: EMPTY,
    eligibility: EMPTY,
    milestones: [],
    scheduleTotal: EMPTY,
  });
  return {
    sources: block.sources.map(source),
    categories: [],
    total,
    filmCost: budget?.total ?? null,
    taxCreditEstimate: null,
    taxCreditInPlan: null,
    gap: devisTotal && total.value ? computed(total.value.minus(devisTotal), total.at) : null,
    publicTotal: null,
    privateTotal: null,
    intensity: null,
    ceiling: null,
    // Counted as our plan counts them (the référentiels ask for five), shown at the plan's total.
    sourceCount: computed(new Money(block.sources.length), total.at),
    rseCount: null,
    summary: [],
    comparison: null,
  };
}
