import type {
  BudgetInput,
  BudgetResult,
  ChapterInput,
  ChapterResult,
  IndirectRateRole,
  ItemInput,
  ItemResult,
  LineInput,
  RateLine,
  Split,
} from '../../domain/budget/types';
import { isIntermittent, statusLabel } from '../../domain/facts/facts';
import { ZERO, toCellNumber, type Money } from '../../domain/money';
import { getNomenclature, rolesOf } from '../../domain/nomenclature/nomenclature';
import { defaultTaxCreditShare, itemsUnder, lineCharges, taxCreditShare } from '../../domain/budget/compute';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import {
  NUMFMT,
  absolute,
  type CellPlan,
  type NamePlan,
  type SheetPlan,
  type ValidationPlan,
} from '../model/plan';
import { LIST_NAMES, PARAMS_NAMES, chargeRateFormula, chargeRateOfCell } from '../params/contract';
import {
  DEVIS_COLUMNS as C,
  DEVIS_FIRST_ROW,
  DEVIS_HEADER_ROW,
  DEVIS_NAMES,
  SPLIT_PARTS,
  chapterNames,
  type DevisColumn,
  type SplitPart,
} from './contract';

export { DEVIS_FIRST_ROW };

/**
 * A costed row of the Devis (a line, a line of a sous-poste, a charges line, a rate line inside a
 * chapter: frais généraux or imprévus of the audiovisual grid), where it was written.
 */
export interface DevisLineRow {
  /** 'rate': frais généraux or imprévus, a rate of the subtotal rather than a cost of its own. */
  kind: 'line' | 'rate';
  chapter: string;
  code: string;
  label: string;
  row: number;
  amount: Money;
}

/** Rows of the Devis plan that other sheets and tests need. */
export interface DevisRows {
  chapterTotals: Map<string, number>;
  /** Every costed row of the chapters, in order (the codes the Dépenses may charge). */
  lines: DevisLineRow[];
  subtotal: number;
  overheads: number;
  contingency: number;
  total: number;
  lastRow: number;
}

const num = (m: Money): number => toCellNumber(m);
const ZERO_SPLIT: Split = { amount: ZERO, france: ZERO, foreign: ZERO };
const RATE_NAME: Record<IndirectRateRole, string> = {
  overheads: PARAMS_NAMES.overheadsRate,
  contingency: PARAMS_NAMES.contingencyRate,
};

/** Height of a chapter block: header, items (a sous-poste counts its lines), one free line, total. */
function chapterHeight(ch: ChapterInput): number {
  let count = 0;
  for (const item of ch.items) count += item.kind === 'group' ? 1 + item.lines.length : 1;
  return 1 + count + 1 + 1;
}

type Roles = ReturnType<typeof rolesOf>;
type Foreign = { formula: string } | 'input';

/** A computed line: base (a formula) × 1 × a rate from Paramètres. */
interface BaseRateLine {
  code: string;
  label: string;
  baseFormula: string;
  unit: string;
  /** The rate cell's formula: a Paramètres name, or a sum of them. */
  rateFormula: string;
  justification: string;
  /** The amount's formula when it is not base × 1 × rate (the charges: the sum of the lines' own). */
  amountFormula?: string;
}

/**
 * The Devis being written: where each chapter sits (computed before writing, so the charges can
 * sum the pay chapters' rows), and what later blocks and other sheets read back (rows of lines,
 * sous-postes, chapter totals and rate lines).
 */
class DevisWriter {
  readonly roles: Roles;
  readonly indirectChapter: ChapterInput | null;
  readonly baseChapters: ChapterInput[];
  readonly blocks = new Map<string, { header: number; total: number }>();
  readonly lastBaseTotal: number;
  readonly subtotal: number;
  /** The pay of every base chapter but the charges chapter, in contiguous row segments. */
  readonly paySegments: { first: number; last: number }[] = [];
  readonly chapterTotals = new Map<string, number>();
  /** Where each line and sous-poste was written: the bases block reads them by code. */
  readonly itemRows = new Map<string, { row: number; first: number; last: number }>();
  readonly lineRows: DevisLineRow[] = [];
  readonly rateRows: Record<IndirectRateRole, number> = { overheads: 0, contingency: 0 };

  constructor(
    readonly b: SheetBuilder,
    readonly budget: BudgetInput,
    readonly result: BudgetResult,
    readonly quantityFormulas: ReadonlyMap<string, string> = new Map(),
  ) {
    this.roles = rolesOf(getNomenclature(budget.nomenclature));
    this.indirectChapter = budget.chapters.find((c) => c.code === this.roles.indirect.chapter) ?? null;
    this.baseChapters = budget.chapters.filter((c) => c !== this.indirectChapter);
    let next = DEVIS_FIRST_ROW;
    for (const ch of this.baseChapters) {
      const total = next + chapterHeight(ch) - 1;
      this.blocks.set(ch.code, { header: next, total });
      next = total + 2; // one blank row between chapters
    }
    this.lastBaseTotal = next - 2;
    this.subtotal = this.lastBaseTotal + 2;
    // A salaried line is charged whatever its chapter (chapters 1–3 and 5–9 in the classic grid).
    for (const ch of this.baseChapters) {
      const block = this.blocks.get(ch.code);
      if (!block || ch.code === this.roles.chargesChapter) continue;
      const prev = this.paySegments[this.paySegments.length - 1];
      if (prev && prev.last + 2 === block.header) prev.last = block.total;
      else this.paySegments.push({ first: block.header, last: block.total });
    }
  }

  /** The gross pay (or the charges) of a status over the pay segments. */
  paySum(label: string, column: 'amount' | 'charges' = 'amount'): string {
    return this.paySegments
      .map(
        (g) => `SUMIF(${C.range('status', g.first, g.last)},"${label}",${C.range(column, g.first, g.last)})`,
      )
      .join('+');
  }

  resultOf(ch: ChapterInput): ChapterResult {
    const r = this.result.chapters[this.budget.chapters.indexOf(ch)];
    if (!r) throw new Error(`Chapitre ${ch.code} sans résultat`);
    return r;
  }
}

const at = (k: DevisColumn, row: number): string => C.cell(k, row);
const product = (row: number): string =>
  `ROUND(${at('quantity', row)}*${at('count', row)}*${at('rate', row)},2)`;

function nameParts(d: DevisWriter, parts: Readonly<Record<SplitPart, string>>, row: number): void {
  for (const p of SPLIT_PARTS) d.b.name(parts[p], absolute(at(p, row)));
}

function code(d: DevisWriter, row: number, value: string | null, style: CellPlan['style']): void {
  d.b.push({ address: at('code', row), value, numFmt: NUMFMT.text, style });
}

/** Montant (its formula), dont France (montant − étranger) and dont étranger (typed or a formula). */
function amountCells(
  d: DevisWriter,
  row: number,
  split: Split,
  amountFormula: string,
  foreign: Foreign,
): void {
  const style = 'computed';
  d.b.push(
    {
      address: at('amount', row),
      formula: amountFormula,
      result: num(split.amount),
      numFmt: NUMFMT.euro,
      style,
    },
    {
      address: at('france', row),
      formula: `${at('amount', row)}-${at('foreign', row)}`,
      result: num(split.france),
      numFmt: NUMFMT.euro,
      style,
    },
    foreign === 'input'
      ? {
          address: at('foreign', row),
          value: split.foreign.isZero() ? null : num(split.foreign),
          numFmt: NUMFMT.euro,
          style: 'input',
        }
      : {
          address: at('foreign', row),
          formula: foreign.formula,
          result: num(split.foreign),
          numFmt: NUMFMT.euro,
          style,
        },
  );
}

/** A line's quantity: typed, or a formula on the plan de travail that gives it. */
function quantityCell(d: DevisWriter, row: number, line: LineInput | null): CellPlan {
  const formula = line ? d.quantityFormulas.get(line.code) : undefined;
  const value = line?.quantity ? num(line.quantity) : null;
  return formula
    ? { address: at('quantity', row), formula, result: value ?? 0, style: 'computed' }
    : { address: at('quantity', row), value, style: 'input' };
}

/** A typed line (or the chapter's free line): quantité × nombre × taux, its charges and tax-credit share. */
function lineRow(
  d: DevisWriter,
  row: number,
  line: LineInput | null,
  split: Split | null,
  chapterCode: string,
): void {
  const { b, budget } = d;
  code(d, row, line?.code ?? null, line ? 'label' : 'input');
  b.push(
    { address: at('label', row), value: line?.label ?? null, style: line ? 'label' : 'input' },
    { address: at('status', row), value: line?.status ? statusLabel(line.status) : null, style: 'input' },
    quantityCell(d, row, line),
    { address: at('unit', row), value: line?.unit ?? null, style: 'input' },
    { address: at('count', row), value: line?.count ? num(line.count) : null, style: 'input' },
    {
      address: at('rate', row),
      value: line?.rate ? num(line.rate) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    },
  );
  amountCells(d, row, split ?? ZERO_SPLIT, product(row), 'input');
  b.push(
    { address: at('justification', row), value: line?.justification ?? null, style: 'input' },
    {
      address: at('region', row),
      value: line?.region ? num(line.region) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    },
    {
      address: at('charges', row),
      formula: `ROUND(${at('amount', row)}*${chargeRateOfCell((x) => b.n(x), at('status', row))},2)`,
      result: num(line ? lineCharges(budget, line) : ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    {
      address: at('taxCredit', row),
      value: num(
        line ? taxCreditShare(budget, chapterCode, line) : defaultTaxCreditShare(budget, chapterCode, ''),
      ),
      numFmt: NUMFMT.rate,
      style: 'input',
    },
  );
}

/**
 * A computed line: base (a formula) × 1 × a rate from Paramètres — the charges of a status on
 * its gross pay, or a rate of the subtotal (frais généraux, imprévus).
 */
function baseRateRow(
  d: DevisWriter,
  row: number,
  line: BaseRateLine,
  split: Split & { base: Money; rate: Money },
  foreign: Foreign,
): void {
  code(d, row, line.code, 'label');
  d.b.push(
    { address: at('label', row), value: line.label, style: 'label' },
    {
      address: at('quantity', row),
      formula: line.baseFormula,
      result: num(split.base),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    { address: at('unit', row), value: line.unit, style: 'computed' },
    { address: at('count', row), value: 1, style: 'computed' },
    {
      address: at('rate', row),
      formula: line.rateFormula,
      result: num(split.rate),
      numFmt: NUMFMT.rate,
      style: 'computed',
    },
  );
  amountCells(d, row, split, line.amountFormula ?? product(row), foreign);
  d.b.push({ address: at('justification', row), value: line.justification, style: 'note' });
}

/** A rate of the subtotal (frais généraux, imprévus), named for the other sheets. */
function rateRow(
  d: DevisWriter,
  row: number,
  item: { code: string; label: string; role: IndirectRateRole; justification: string },
  split: RateLine,
): void {
  // Cinema: the frais généraux on the protocol's base (named under the total); else the subtotal.
  const onProtocol = item.role === 'overheads' && d.roles.protocol !== undefined;
  baseRateRow(
    d,
    row,
    {
      code: item.code,
      label: item.label,
      baseFormula: onProtocol ? d.b.n(DEVIS_NAMES.protocolBase) : at('amount', d.subtotal),
      unit: onProtocol ? 'Base protocole' : 'Sous-total',
      rateFormula: d.b.n(RATE_NAME[item.role]),
      justification: item.justification,
    },
    split,
    // French spend of the production company: nothing of it abroad.
    { formula: '0' },
  );
  nameParts(d, item.role === 'overheads' ? DEVIS_NAMES.overheads : DEVIS_NAMES.contingency, row);
  d.rateRows[item.role] = row;
}

/** A sous-poste: its SUBTOTAL row, then its lines; the row after it. */
function groupRows(
  d: DevisWriter,
  chapter: string,
  item: ItemInput & { kind: 'group' },
  r: ItemResult & { kind: 'group' },
  start: number,
): number {
  const first = start + 1;
  const last = start + item.lines.length;
  d.itemRows.set(item.code, { row: start, first, last });
  item.lines.forEach((l, li) =>
    d.itemRows.set(l.code, { row: first + li, first: first + li, last: first + li }),
  );
  code(d, start, item.code, 'group');
  d.b.push({ address: at('label', start), value: item.label, style: 'group' });
  for (const p of SPLIT_PARTS)
    d.b.push({
      address: at(p, start),
      formula: `SUBTOTAL(9,${C.span(p, first, last)})`,
      result: num(r[p]),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  item.lines.forEach((l, li) => {
    const amount = r.lines[li]?.amount ?? ZERO;
    d.lineRows.push({ kind: 'line', chapter, code: l.code, label: l.label, row: first + li, amount });
    lineRow(d, first + li, l, r.lines[li] ?? null, chapter);
  });
  return last + 1;
}

/** The charges of a status: the sum of the lines' own charges over every pay chapter. */
function chargesRow(
  d: DevisWriter,
  chapter: string,
  item: ItemInput & { kind: 'charges' },
  r: ItemResult & { kind: 'charges' },
  row: number,
): void {
  d.lineRows.push({ kind: 'line', chapter, code: item.code, label: item.label, row, amount: r.amount });
  const label = statusLabel(item.status);
  baseRateRow(
    d,
    row,
    {
      code: item.code,
      label: item.label,
      baseFormula: d.paySum(label),
      unit: 'Brut',
      rateFormula: chargeRateFormula(item.status, (x) => d.b.n(x)),
      amountFormula: d.paySum(label, 'charges'),
      justification: `Somme des charges patronales ligne par ligne (colonne « ${C.header('charges')} ») des lignes au statut « ${label} », quel que soit leur chapitre : brut × taux de charges de la feuille Paramètres${isIntermittent(item.status) ? ' (majoration des CDDU de 3 mois au plus comprise)' : ''}, arrondi par ligne`,
    },
    r,
    'input',
  );
}

/** One item of a chapter at `row`; the row after it. */
function itemRows(
  d: DevisWriter,
  chapter: string,
  item: ItemInput,
  r: ItemResult | undefined,
  row: number,
): number {
  if (!r) throw new Error(`Ligne ${item.code} sans résultat`);
  if (item.kind === 'line') {
    d.itemRows.set(item.code, { row, first: row, last: row });
    d.lineRows.push({ kind: 'line', chapter, code: item.code, label: item.label, row, amount: r.amount });
    lineRow(d, row, item, r, chapter);
    return row + 1;
  }
  if (item.kind === 'group' && r.kind === 'group') return groupRows(d, chapter, item, r, row);
  if (item.kind === 'charges' && r.kind === 'charges') {
    chargesRow(d, chapter, item, r, row);
    return row + 1;
  }
  if (item.kind === 'rate' && r.kind === 'rate') {
    d.lineRows.push({ kind: 'rate', chapter, code: item.code, label: item.label, row, amount: r.amount });
    rateRow(
      d,
      row,
      { code: item.code, label: item.label, role: item.role, justification: item.justification ?? '' },
      r,
    );
    return row + 1;
  }
  throw new Error(`Ligne ${item.code} : résultat incohérent`);
}

/** Writes one chapter block from `header`; returns the row of its total. */
function chapterBlock(
  d: DevisWriter,
  chapter: ChapterInput,
  chResult: ChapterResult,
  header: number,
): number {
  code(d, header, chapter.code, 'chapter');
  d.b.push({ address: at('label', header), value: chapter.label.toUpperCase(), style: 'chapter' });
  let row = header + 1;
  chapter.items.forEach((item, ii) => (row = itemRows(d, chapter.code, item, chResult.items[ii], row)));
  // One free line for the user's own entries, inside the chapter.
  lineRow(d, row, null, null, chapter.code);
  row += 1;
  d.b.push({
    address: at('label', row),
    value: `Total ${chapter.code} — ${chapter.label}`,
    style: 'subtotal',
  });
  for (const p of SPLIT_PARTS)
    d.b.push({
      address: at(p, row),
      formula: `SUBTOTAL(9,${C.span(p, header, row - 1)})`,
      result: num(chResult[p]),
      numFmt: NUMFMT.euro,
      style: 'subtotal',
    });
  nameParts(d, chapterNames(chapter.code), row);
  d.chapterTotals.set(chapter.code, row);
  return row;
}

/** One named figure of the bases block: label, amount by formula, justification. */
type BaseLine = (
  name: string,
  label: string,
  formula: string,
  value: Money,
  justification: string,
  part?: DevisColumn,
) => void;

function baseLines(d: DevisWriter, start: number): { line: BaseLine; next: () => number } {
  let r = start;
  const line: BaseLine = (name, label, formula, value, justification, part = 'amount') => {
    d.b.push(
      { address: at('label', r), value: label, style: 'label' },
      { address: at(part, r), formula, result: num(value), numFmt: NUMFMT.euro, style: 'computed' },
      { address: at('justification', r), value: justification, style: 'note' },
    );
    d.b.name(name, absolute(at(part, r)));
    r += 1;
  };
  return { line, next: () => r };
}

/** The protocol's base and caps (cinema): fee with its charges, frais financiers, base, caps in euros. */
function protocolBases(d: DevisWriter, line: BaseLine): void {
  const protocol = d.roles.protocol;
  const bases = d.result.bases;
  if (!protocol || !bases.protocol) return;
  const n = (x: string): string => d.b.n(x);
  const itemAmount = (c: string): string => {
    const r = d.itemRows.get(c);
    return r ? at('amount', r.row) : '0';
  };
  const itemCharges = (c: string): string => {
    const r = d.itemRows.get(c);
    return r ? `SUM(${C.range('charges', r.first, r.last)})` : '0';
  };
  const sumOf = (terms: string[]): string => (terms.length ? terms.join('+') : '0');
  const fee = itemsUnder(d.budget, protocol.producerFeeCodes).map((it) => it.code);
  const ff = itemsUnder(d.budget, protocol.financialCostsCodes).map((it) => it.code);
  line(
    DEVIS_NAMES.producerFee,
    'Rémunération du producteur délégué, charges comprises',
    sumOf(fee.map((c) => `${itemAmount(c)}+${itemCharges(c)}`)),
    bases.producerFee,
    `Lignes ${fee.join(', ') || protocol.producerFeeCodes.join(', ')} et leurs charges au taux de leur statut (${protocol.source})`,
  );
  line(
    DEVIS_NAMES.financialCosts,
    'Frais financiers',
    sumOf(ff.map((c) => itemAmount(c))),
    bases.financialCosts,
    `Lignes ${ff.join(', ') || protocol.financialCostsCodes.join(', ')}`,
  );
  line(
    DEVIS_NAMES.protocolBase,
    'Base du protocole : coût hors frais généraux, rémunération du producteur et frais financiers',
    `${n(DEVIS_NAMES.subtotal.amount)}-${n(DEVIS_NAMES.producerFee)}-${n(DEVIS_NAMES.financialCosts)}`,
    bases.protocol,
    `${protocol.source}. Les imprévus, absents d’un coût définitif, restent hors base. Les frais généraux du devis sont calculés sur cette base.`,
  );
  line(
    DEVIS_NAMES.overheadsCapAmount,
    'Plafond des frais généraux (montant)',
    `ROUND(${n(PARAMS_NAMES.overheadsCap)}*${n(DEVIS_NAMES.protocolBase)},2)`,
    bases.overheadsCapAmount ?? ZERO,
    'Protocole du 16/12/2010 art. 2.12 : frais généraux ≤ 7 % de la base',
  );
  line(
    DEVIS_NAMES.producerFeeCapAmount,
    'Plafond de la rémunération du producteur délégué, charges comprises (montant)',
    `ROUND(${n(PARAMS_NAMES.producerFeeCap)}*${n(DEVIS_NAMES.protocolBase)},2)`,
    bases.producerFeeCapAmount ?? ZERO,
    'Protocole du 16/12/2010 art. 2.11 : rémunération du producteur délégué ≤ 5 % de la base, charges comprises',
  );
}

/** The tax credit's eligible base: French spend of each line × its eligible share, with its charges. */
function taxCreditBase(d: DevisWriter, line: BaseLine): void {
  const elig = d.roles.taxCreditEligibility;
  const ineligible = d.baseChapters.filter((ch) => !elig.eligibleChapters.includes(ch.code));
  const excluded = itemsUnder(
    { ...d.budget, chapters: d.baseChapters.filter((ch) => elig.eligibleChapters.includes(ch.code)) },
    elig.excludedCodes.map((x) => x.code),
  ).map((it) => it.code);
  const span = (k: DevisColumn): string => C.range(k, DEVIS_FIRST_ROW, d.lastBaseTotal);
  line(
    DEVIS_NAMES.taxCreditBase,
    'Base éligible du crédit d’impôt (dépenses en France de la liste fermée)',
    `ROUND(SUMPRODUCT(${span('france')}*${span('taxCredit')})+SUMPRODUCT(${span('charges')}*${span('taxCredit')}),2)`,
    d.result.bases.taxCredit,
    `${elig.source}. Dépenses en France de chaque ligne × sa part éligible (colonne « ${C.header('taxCredit')} », pré-remplie d’après la nomenclature, modifiable), plus les charges obligatoires de cette part. Part 0 par défaut : ${[...ineligible.map((ch) => `chapitre ${ch.code}`), ...excluded].join(', ') || 'aucune ligne'}. ${elig.performersAboveMinima ?? ''}`.trim(),
    'france',
  );
}

/** Bases and caps under the total: what a financier checks first. Returns its last row. */
function basesBlock(d: DevisWriter, start: number): number {
  d.b.push({ address: at('label', start), value: 'BASES ET PLAFONDS', style: 'chapter' });
  const { line, next } = baseLines(d, start + 1);
  protocolBases(d, line);
  taxCreditBase(d, line);
  line(
    DEVIS_NAMES.region,
    'Dépenses dans la région de l’aide régionale (colonne « dont région » des lignes)',
    `SUM(${C.range('region', DEVIS_FIRST_ROW, start - 1)})`,
    d.result.bases.region,
    'Ce que les lignes dépensent sur le territoire du fonds régional : la condition de dépense territoriale de l’aide se vérifie dans le Plan de financement (conditions des financeurs).',
    'region',
  );
  return next() - 1;
}

/** A total row of the three parts, each a formula. */
function splitTotal(
  d: DevisWriter,
  row: number,
  label: string,
  formula: (p: SplitPart) => string,
  split: Split,
): void {
  d.b.push({ address: at('label', row), value: label, style: 'total' });
  for (const p of SPLIT_PARTS)
    d.b.push({
      address: at(p, row),
      formula: formula(p),
      result: num(split[p]),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
}

/** The base chapters and their subtotal (coût de fabrication). */
function baseChapterRows(d: DevisWriter): void {
  for (const ch of d.baseChapters) {
    const block = d.blocks.get(ch.code);
    if (!block) throw new Error(`Chapitre ${ch.code} sans place`);
    if (chapterBlock(d, ch, d.resultOf(ch), block.header) !== block.total)
      throw new Error(`Plan du chapitre ${ch.code} incohérent`);
  }
  const baseTotals = d.baseChapters.map((c) => d.chapterTotals.get(c.code) ?? 0);
  splitTotal(
    d,
    d.subtotal,
    d.roles.subtotalLabel,
    (p) => `SUM(${baseTotals.map((r) => at(p, r)).join(',')})`,
    d.result.subtotal,
  );
  nameParts(d, DEVIS_NAMES.subtotal, d.subtotal);
}

/** Indirect costs (rows below the subtotal, or a chapter of their own), then the total général; its row. */
function indirectAndTotal(d: DevisWriter): number {
  const indirectRows: number[] = [];
  let row = d.subtotal + 1;
  if (d.indirectChapter) {
    const total = chapterBlock(d, d.indirectChapter, d.resultOf(d.indirectChapter), row + 1);
    indirectRows.push(total);
    row = total + 2;
  } else {
    for (const line of d.roles.indirect.lines) {
      if (line.role === 'line') continue;
      const split = line.role === 'overheads' ? d.result.overheads : d.result.contingency;
      const item = {
        code: line.code,
        label: line.label ?? line.code,
        role: line.role,
        justification: line.justification ?? '',
      };
      rateRow(d, row, item, split);
      indirectRows.push(row);
      row += 1;
    }
  }
  splitTotal(
    d,
    row,
    'TOTAL GÉNÉRAL',
    (p) => [d.subtotal, ...indirectRows].map((r) => at(p, r)).join('+'),
    d.result.total,
  );
  nameParts(d, DEVIS_NAMES.total, row);
  d.b.name(DEVIS_NAMES.lines, C.block(DEVIS_HEADER_ROW, row), 'Tableau du devis, en-têtes compris');
  return row;
}

function devisChecks(d: DevisWriter): void {
  const lastChapterTotal = Math.max(...d.chapterTotals.values());
  const dataRange = (k: DevisColumn): string => C.span(k, DEVIS_FIRST_ROW, lastChapterTotal);
  const positive = (k: DevisColumn, what: string): ValidationPlan => ({
    range: dataRange(k),
    kind: 'decimalMin0',
    error: `Saisissez ${what} (pas de texte).`,
  });
  d.b.validations.push(
    {
      range: dataRange('status'),
      kind: 'list',
      listName: d.b.n(LIST_NAMES.statuses),
      error:
        'Statut inconnu : choisissez Technicien, Cadre, Artiste, Auteur, Permanent ou Prestataire (liste de la feuille Paramètres).',
    },
    {
      range: dataRange('unit'),
      kind: 'list',
      listName: d.b.n(LIST_NAMES.units),
      error: 'Unité inconnue : choisissez une unité de la liste (feuille Paramètres).',
    },
    positive('quantity', 'un nombre positif'),
    positive('count', 'un nombre positif'),
    positive('rate', 'un montant positif en euros'),
    positive('foreign', 'un montant positif en euros'),
    {
      range: dataRange('taxCredit'),
      kind: 'share',
      error:
        'Saisissez une part entre 0 % et 100 % : 100 % si toute la ligne est éligible au crédit d’impôt, 0 % si elle ne l’est pas.',
    },
  );
}

/**
 * The Devis sheet, driven by the nomenclature's roles: the chapters in order, each with a header
 * row, its lines (or sous-postes with detail lines and a SUBTOTAL), one free line for the user and
 * a chapter total; the subtotal of every chapter but the indirect one; then the indirect costs
 * (frais généraux and imprévus as rates of the subtotal, below it or in their own chapter) and the
 * total général. Every amount is a formula whose cached result is the domain's value.
 */
export function devisSheet(
  budget: BudgetInput,
  result: BudgetResult,
  naming: Naming,
  /** Quantities that are formulas on another sheet (the plan de travail), by line code. */
  quantityFormulas: ReadonlyMap<string, string> = new Map(),
): { sheet: SheetPlan; names: NamePlan[]; rows: DevisRows } {
  const b = new SheetBuilder(naming, 'devis');
  const d = new DevisWriter(b, budget, result, quantityFormulas);
  b.titled(
    d.roles.devisTitle,
    'Montants en euros HT. Montant = Quantité × Nombre × Taux, arrondi au centime ; dont France = Montant − dont étranger. Insérez vos lignes à l’intérieur d’un chapitre (la ligne libre de fin de chapitre est là pour ça) : les totaux les comptent.',
  ).headers(C, DEVIS_HEADER_ROW);
  baseChapterRows(d);
  const total = indirectAndTotal(d);
  const basesEnd = basesBlock(d, total + 2);
  devisChecks(d);
  return {
    sheet: b.plan({
      columnWidths: [9, 50, 12, 14, 10, 8, 13, 15, 15, 15, 60, 14, 14, 15],
      freezeRows: DEVIS_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: DEVIS_HEADER_ROW },
    }),
    names: b.names,
    rows: {
      chapterTotals: d.chapterTotals,
      lines: d.lineRows,
      subtotal: d.subtotal,
      overheads: d.rateRows.overheads,
      contingency: d.rateRows.contingency,
      total,
      lastRow: basesEnd,
    },
  };
}
