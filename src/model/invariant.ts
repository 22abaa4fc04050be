import { formatEuros, formatPercent, Money, roundCents, type Money as M } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import type { Location } from '../sheets/model/snapshot';
import { dayText, isFilled, type Field } from './field';
import type { ProductionModel } from './model';

/**
 * The shapes a declared invariant takes. A declaration says which figures of the model it holds
 * for and the law in plain French; the checker (checkInvariants) finds every figure that breaks
 * it and reports it at the cell that holds it.
 */

/** How a figure is written in a message. */
export type Shown = 'euros' | 'percent' | 'number' | 'date' | 'text';

/** What one field must be. */
export type Kind =
  | { kind: 'nonNegative' }
  /** A share: 0 to 100 %. */
  | { kind: 'share' }
  /** Filled (when the item it belongs to is there at all). */
  | { kind: 'required' }
  /** When filled, one of a list (the workbook's own list, read into the model). */
  | { kind: 'oneOf'; list: (m: ProductionModel) => readonly string[]; listName: string }
  /** When filled, a date. */
  | { kind: 'date' };

/** A field to check, with the words that name it in a message (« Quantité de la ligne 2.1 »). */
export interface Subject<T> {
  field: Field<T> | null;
  /** Built only for a figure that breaks the law (a model of 10 000 lines has many subjects). */
  what: () => string;
}

/** Figures that must add up: the parts, the cell that shows their total (if any) and what they must make. */
export interface SumCase {
  parts: Field<M>[];
  /** The cell that shows the sum (reported there); absent: the first part is reported. */
  total: Field<M> | null;
  expected: M;
  what: () => string;
}

/** Two figures of which the first may not exceed the second. */
export interface OrderCase {
  lesser: Field<M | number> | null;
  greater: Field<M | number> | null;
  what: () => string;
  /** Where the wrong figure is typed when `lesser` is a formula over it (the plan's tax-credit row). */
  blame?: Field<unknown> | null;
}

/** Two figures that must be equal, on two sheets or one against what the law computes. */
export interface EqualCase {
  left: Field<M> | null;
  /** The other cell; or a figure computed from several cells (`computed` tells how). */
  right: Field<M> | null;
  what: () => string;
  /** The right side computed from other cells: its value and how it is computed, in words. */
  computed?: { value: M; how: string } | null;
}

interface Declared {
  /** Stable id: family.sheet.what (docs and tests name it). */
  id: string;
  /** The criterion a broken law harms, e.g. "cpca:C1.4.1". */
  criterion: string;
  /** The law, in French, as a production accountant says it. */
  law: string;
  shown: Shown;
}

export type Invariant =
  | (Declared & { family: 'kind'; rule: Kind; subjects: (m: ProductionModel) => Iterable<Subject<unknown>> })
  | (Declared & { family: 'sum'; cases: (m: ProductionModel) => Iterable<SumCase> })
  | (Declared & { family: 'order'; cases: (m: ProductionModel) => Iterable<OrderCase> })
  | (Declared & { family: 'equal'; cases: (m: ProductionModel) => Iterable<EqualCase> });

/** A broken invariant, at the cell that holds the wrong figure. */
export interface Violation {
  invariant: string;
  criterion: string;
  messageId:
    | 'model-negative'
    | 'model-share'
    | 'model-required'
    | 'model-not-in-list'
    | 'model-not-date'
    | 'model-sum'
    | 'model-order'
    | 'model-order-date'
    | 'model-equal';
  data: Record<string, string>;
  at: Location;
}

const CENT = new Money('0.005');
/** Shares are compared to a hundredth of a percent (a schedule of 33,33 % × 3 is whole). */
const SHARE_TOLERANCE = new Money('0.0001');

export function show(v: unknown, shown: Shown): string {
  if (v instanceof Money) {
    if (shown === 'euros') return formatEuros(v);
    if (shown === 'percent') return formatPercent(v, v.times(100).isInteger() ? 0 : 1);
    if (shown === 'date') return dayText(v.toNumber());
    return v.toString().replace('.', ',');
  }
  if (typeof v === 'number' && shown === 'date') return dayText(v);
  if (typeof v === 'number') return show(new Money(v), shown);
  return cellText(v).trim();
}

const value = (f: Field<M | number>): M | null =>
  f.value === null ? null : f.value instanceof Money ? f.value : new Money(f.value);

/** The place to report: the typed one of two cells, else the first. */
const blamed = (a: Field<unknown>, b: Field<unknown> | null): Location | null =>
  !a.typed && b?.typed && b.at ? b.at : (a.at ?? b?.at ?? null);

function checkKind(inv: Invariant & { family: 'kind' }, m: ProductionModel, out: Violation[]): void {
  const rule = inv.rule;
  const list = rule.kind === 'oneOf' ? new Set(rule.list(m).map(looseForm)) : null;
  for (const { field, what } of inv.subjects(m)) {
    if (!field) continue;
    const broken = kindBroken(rule, field, list);
    if (!broken || !field.at) continue;
    const value =
      broken === 'model-not-in-list' || broken === 'model-not-date'
        ? cellText(field.raw).trim()
        : show(field.value ?? field.raw, inv.shown);
    const data: Record<string, string> = { what: what(), law: inv.law, value };
    if (rule.kind === 'oneOf') data.list = rule.listName;
    out.push({ invariant: inv.id, criterion: inv.criterion, messageId: broken, data, at: field.at });
  }
}

/** The message a field breaking its kind gets, or null when it holds. */
function kindBroken(
  rule: Kind,
  field: Field<unknown>,
  list: Set<string> | null,
): Violation['messageId'] | null {
  // A cell's number compared as stored, without making a decimal of every figure of the model.
  const raw = field.raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    if (rule.kind === 'nonNegative' && raw >= 0) return null;
    if (rule.kind === 'share' && raw >= 0 && raw <= 1) return null;
  }
  if (
    (rule.kind === 'nonNegative' || rule.kind === 'share') &&
    (raw === null || raw === undefined || raw === '')
  )
    return null;
  const v = field.value;
  if (rule.kind === 'required') return isFilled(field) ? null : 'model-required';
  if (rule.kind === 'nonNegative')
    return v instanceof Money && v.isNegative() && !v.isZero() ? 'model-negative' : null;
  if (rule.kind === 'share')
    return v instanceof Money && (v.lt(SHARE_TOLERANCE.negated()) || v.gt(new Money(1).plus(SHARE_TOLERANCE)))
      ? 'model-share'
      : null;
  if (rule.kind === 'oneOf') {
    const text = cellText(field.raw).trim();
    return text !== '' && list && list.size > 0 && !list.has(looseForm(text)) ? 'model-not-in-list' : null;
  }
  return isFilled(field) && v === null ? 'model-not-date' : null;
}

function checkSum(inv: Invariant & { family: 'sum' }, m: ProductionModel, out: Violation[]): void {
  for (const c of inv.cases(m)) {
    const sum = c.parts.reduce((n, p) => n.plus(p.value ?? 0), new Money(0));
    const tolerance = inv.shown === 'percent' ? SHARE_TOLERANCE : CENT;
    if (sum.minus(c.expected).abs().lte(tolerance)) continue;
    const at = c.total?.at ?? c.parts.find((p) => p.at)?.at;
    if (!at) continue;
    out.push({
      invariant: inv.id,
      criterion: inv.criterion,
      messageId: 'model-sum',
      data: {
        what: c.what(),
        law: inv.law,
        sum: show(sum, inv.shown),
        expected: show(c.expected, inv.shown),
      },
      at,
    });
  }
}

function checkOrder(inv: Invariant & { family: 'order' }, m: ProductionModel, out: Violation[]): void {
  for (const c of inv.cases(m)) {
    if (!c.lesser || !c.greater) continue;
    const a = value(c.lesser);
    const b = value(c.greater);
    if (a === null || b === null) continue;
    const tolerance = inv.shown === 'euros' ? CENT : new Money(0);
    if (a.minus(b).lte(tolerance)) continue;
    const at = c.blame?.at ?? blamed(c.lesser, c.greater);
    if (!at) continue;
    out.push({
      invariant: inv.id,
      criterion: inv.criterion,
      messageId: inv.shown === 'date' ? 'model-order-date' : 'model-order',
      data: {
        what: c.what(),
        law: inv.law,
        lesser: show(a, inv.shown),
        greater: show(b, inv.shown),
        lesserAt: cellName(c.lesser.at, at),
        greaterAt: cellName(c.greater.at, at),
      },
      at,
    });
  }
}

function checkEqual(inv: Invariant & { family: 'equal' }, m: ProductionModel, out: Violation[]): void {
  for (const c of inv.cases(m)) {
    const left = c.left?.value ?? null;
    const right = c.computed ? c.computed.value : (c.right?.value ?? null);
    if (!c.left || left === null || right === null) continue;
    // Against our own arithmetic over the inputs, only a typed figure is judged: a formula's
    // cached value is stale in a file no spreadsheet has recomputed (a wrong formula is the
    // formula checks' business).
    if (c.computed && !c.left.typed) continue;
    if (roundCents(left).minus(roundCents(right)).abs().lte(CENT)) continue;
    const at = c.computed ? c.left.at : blamed(c.left, c.right);
    if (!at) continue;
    out.push({
      invariant: inv.id,
      criterion: inv.criterion,
      messageId: 'model-equal',
      data: {
        what: c.what(),
        law: inv.law,
        left: show(left, inv.shown),
        right: show(right, inv.shown),
        other: c.computed ? c.computed.how : placeOf(at, c.left.at, c.right?.at ?? null),
      },
      at,
    });
  }
}

/** « C16 » on the reported cell's sheet, « Devis!H158 » on another. */
function cellName(cell: Location | null, reported: Location): string {
  if (!cell) return 'ci-contre';
  return cell.sheet === reported.sheet ? cell.address : `${cell.sheet}!${cell.address}`;
}

/** « Plan de financement!C16 »: the other cell of a pair, the one not reported. */
function placeOf(reported: Location, a: Location | null, b: Location | null): string {
  const same = (x: Location | null): boolean =>
    !!x && x.sheet === reported.sheet && x.address === reported.address;
  const other = same(a) ? b : a;
  return same(other) ? 'ci-contre' : cellName(other, reported);
}

/** Every violation of the declared invariants in a model, each at its cell. */
export function checkInvariants(invariants: readonly Invariant[], m: ProductionModel): Violation[] {
  const out: Violation[] = [];
  for (const inv of invariants) {
    if (inv.family === 'kind') checkKind(inv, m, out);
    else if (inv.family === 'sum') checkSum(inv, m, out);
    else if (inv.family === 'order') checkOrder(inv, m, out);
    else checkEqual(inv, m, out);
  }
  return out;
}
