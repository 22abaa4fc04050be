/**
 * Two versions of a production compared on the model: a producer's « what changed between V1 and
 * V2? », devis initial against révisé, prévisionnel against définitif. Works on any workbook the
 * model reads, ours or a devis built by hand. Pure: two models in, the differences out.
 */
import { ZERO, type Money } from '../domain/money';
import { looseForm } from '../domain/text/looseForm';
import type { Location } from '../sheets/model/snapshot';
import type { Field } from './field';
import type { BudgetLineModel, BudgetModel, FinancingModel, ProductionModel, SourceModel } from './model';

/** A devis line's figures in one version. */
export interface LineFigures {
  label: string;
  status: string;
  quantity: Money | null;
  count: Money | null;
  rate: Money | null;
  amount: Money | null;
  /** Where the line's amount sits in that version. */
  at: Location | null;
  /** Its base is computed from other lines (charges sociales, frais généraux…), not typed. */
  computed: boolean;
}

export type LineField = 'label' | 'status' | 'quantity' | 'count' | 'rate' | 'amount';
export type Change = 'added' | 'removed' | 'changed';

export interface LineChange {
  code: string;
  change: Change;
  before: LineFigures | null;
  after: LineFigures | null;
  /** The figures that differ (every one of the line's for an added or removed line). */
  fields: LineField[];
  /** Amount after − amount before (a missing amount counts as zero). */
  delta: Money;
  /** A line computed from others (charges): it moved because lines it sums moved. */
  computed: boolean;
}

/** A chapter, or the frais généraux, imprévus and total, before and after. */
export interface AmountDelta {
  code: string;
  label: string;
  before: Money | null;
  after: Money | null;
  delta: Money;
}

export interface SourceFigures {
  name: string;
  category: string;
  status: string;
  amount: Money | null;
  at: Location | null;
}

export type SourceField = 'category' | 'status' | 'amount';

export interface SourceChange {
  name: string;
  change: Change;
  before: SourceFigures | null;
  after: SourceFigures | null;
  fields: SourceField[];
  delta: Money;
}

export interface ModelComparison {
  /** Lines added, removed and changed, in the order of the later version (a removed one after the kept line it followed). */
  lines: LineChange[];
  unchangedLines: number;
  /** Every chapter of either version, then frais généraux and imprévus, with its delta. */
  chapters: AmountDelta[];
  total: AmountDelta;
  sources: SourceChange[];
  unchangedSources: number;
  financingTotal: AmountDelta;
}

const text = (f: Field<string> | null | undefined): string => f?.value ?? '';
const money = (f: Field<Money> | null | undefined): Money | null => f?.value ?? null;
const same = (a: Money | null, b: Money | null): boolean => (a === null || b === null ? a === b : a.eq(b));
const minus = (a: Money | null, b: Money | null): Money => (a ?? ZERO).minus(b ?? ZERO);

function lineFigures(l: BudgetLineModel): LineFigures {
  return {
    label: text(l.label),
    status: text(l.status),
    quantity: money(l.quantity),
    count: money(l.count),
    rate: money(l.rate),
    amount: money(l.amount),
    at: l.amount.at,
    computed: !l.quantity.typed,
  };
}

const LINE_FIELDS: readonly LineField[] = ['label', 'status', 'quantity', 'count', 'rate', 'amount'];

function lineFieldsChanged(a: LineFigures, b: LineFigures): LineField[] {
  return LINE_FIELDS.filter((k) =>
    k === 'label' || k === 'status' ? looseForm(a[k]) !== looseForm(b[k]) : !same(a[k], b[k]),
  );
}

/**
 * Pairs the items of two versions by key: items sharing a key are paired first where their
 * labels match, then in their order (a code used twice stays two lines). Returns the pairs in the
 * later version's order, each unpaired earlier item after the pair that preceded it.
 */
function pair<T>(
  before: T[],
  after: T[],
  key: (x: T) => string,
  label: (x: T) => string,
): [T | null, T | null][] {
  const pool = new Map<string, T[]>();
  for (const x of before) pool.set(key(x), [...(pool.get(key(x)) ?? []), x]);
  const matched = new Map<T, T>();
  const taken = new Set<T>();
  // Same key and same label first, then the same key in order.
  for (const pass of [true, false]) {
    for (const y of after) {
      if (taken.has(y)) continue;
      const candidates = pool.get(key(y)) ?? [];
      const k = candidates.findIndex((x) => !pass || looseForm(label(x)) === looseForm(label(y)));
      if (k < 0) continue;
      const [x] = candidates.splice(k, 1);
      if (x === undefined) continue;
      matched.set(x, y);
      taken.add(y);
    }
  }
  const partner = new Map([...matched].map(([x, y]) => [y, x]));
  const index = new Map(before.map((x, k) => [x, k]));
  const out: [T | null, T | null][] = [];
  let i = 0;
  const flushRemovedUpTo = (limit: number): void => {
    for (; i < limit; i += 1) {
      const x = before[i];
      if (x !== undefined && !matched.has(x)) out.push([x, null]);
    }
  };
  for (const y of after) {
    const x = partner.get(y) ?? null;
    if (x !== null) flushRemovedUpTo((index.get(x) ?? -1) + 1);
    out.push([x, y]);
  }
  flushRemovedUpTo(before.length);
  return out;
}

function compareLines(a: BudgetModel | null, b: BudgetModel | null): { changes: LineChange[]; same: number } {
  const pairs = pair(
    a?.lines ?? [],
    b?.lines ?? [],
    (l) => looseForm(text(l.code)),
    (l) => text(l.label),
  );
  const changes: LineChange[] = [];
  let unchanged = 0;
  for (const [x, y] of pairs) {
    const before = x ? lineFigures(x) : null;
    const after = y ? lineFigures(y) : null;
    const code = text((y ?? x)?.code);
    const fields = before && after ? lineFieldsChanged(before, after) : [...LINE_FIELDS];
    if (before && after && fields.length === 0) {
      unchanged += 1;
      continue;
    }
    changes.push({
      code,
      change: !before ? 'added' : !after ? 'removed' : 'changed',
      before,
      after,
      fields,
      delta: minus(after?.amount ?? null, before?.amount ?? null),
      computed: (after ?? before)?.computed ?? false,
    });
  }
  return { changes, same: unchanged };
}

/** What a chapter amounts to: the total its devis shows, else the sum of its lines. */
function chapterAmounts(b: BudgetModel | null): Map<string, { label: string; amount: Money }> {
  const out = new Map<string, { label: string; amount: Money }>();
  for (const c of b?.chapters ?? []) {
    const sum = c.lines.reduce((n, l) => n.plus(l.amount.value ?? ZERO), ZERO);
    out.set(c.code, { label: c.label, amount: c.total?.amount.value ?? sum });
  }
  return out;
}

function delta(code: string, label: string, before: Money | null, after: Money | null): AmountDelta {
  return { code, label, before, after, delta: minus(after, before) };
}

function compareChapters(a: BudgetModel | null, b: BudgetModel | null): AmountDelta[] {
  const before = chapterAmounts(a);
  const after = chapterAmounts(b);
  const codes = [...new Set([...before.keys(), ...after.keys()])];
  const out = codes.map((code) =>
    delta(
      code,
      after.get(code)?.label ?? before.get(code)?.label ?? '',
      before.get(code)?.amount ?? null,
      after.get(code)?.amount ?? null,
    ),
  );
  const indirect = (m: BudgetModel | null, k: 'overheads' | 'contingency'): Money | null =>
    m?.[k]?.value ?? m?.outline[k]?.amount.value ?? null;
  out.push(delta('FG', 'Frais généraux', indirect(a, 'overheads'), indirect(b, 'overheads')));
  out.push(delta('IMP', 'Imprévus', indirect(a, 'contingency'), indirect(b, 'contingency')));
  return out.filter((d) => d.before !== null || d.after !== null);
}

function devisTotal(b: BudgetModel | null): Money | null {
  return b?.total?.value ?? b?.outline.grandTotal?.amount.value ?? null;
}

function sourceFigures(s: SourceModel): SourceFigures {
  return {
    name: text(s.name),
    category: text(s.category),
    status: text(s.status),
    amount: money(s.amount),
    at: s.amount.at,
  };
}

function compareSources(
  a: FinancingModel | null,
  b: FinancingModel | null,
): { changes: SourceChange[]; same: number } {
  const pairs = pair(
    a?.sources ?? [],
    b?.sources ?? [],
    (s) => looseForm(text(s.name)),
    (s) => text(s.category),
  );
  const changes: SourceChange[] = [];
  let unchanged = 0;
  for (const [x, y] of pairs) {
    const before = x ? sourceFigures(x) : null;
    const after = y ? sourceFigures(y) : null;
    const fields: SourceField[] =
      before && after
        ? (['category', 'status', 'amount'] as const).filter((k) =>
            k === 'amount'
              ? !same(before.amount, after.amount)
              : looseForm(before[k]) !== looseForm(after[k]),
          )
        : ['category', 'status', 'amount'];
    if (before && after && fields.length === 0) {
      unchanged += 1;
      continue;
    }
    changes.push({
      name: (after ?? before)?.name ?? '',
      change: !before ? 'added' : !after ? 'removed' : 'changed',
      before,
      after,
      fields,
      delta: minus(after?.amount ?? null, before?.amount ?? null),
    });
  }
  return { changes, same: unchanged };
}

/** The differences from `a` (the earlier version) to `b` (the later one). */
export function compareModels(a: ProductionModel, b: ProductionModel): ModelComparison {
  const lines = compareLines(a.budget, b.budget);
  const sources = compareSources(a.financing, b.financing);
  return {
    lines: lines.changes,
    unchangedLines: lines.same,
    chapters: compareChapters(a.budget, b.budget),
    total: delta('TOTAL', 'Total du devis', devisTotal(a.budget), devisTotal(b.budget)),
    sources: sources.changes,
    unchangedSources: sources.same,
    financingTotal: delta(
      'FIN',
      'Total du plan de financement',
      a.financing?.total?.value ?? null,
      b.financing?.total?.value ?? null,
    ),
  };
}
