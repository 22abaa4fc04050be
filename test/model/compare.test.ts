import { Money } from '../../src/domain/money';
import { fieldOf, asMoney, asText } from '../../src/model/field';
import { compareModels } from '../../src/model/compare';
import type { BudgetLineModel, BudgetModel, ProductionModel } from '../../src/model/model';

/*
 * The pairing of two versions' lines: by code, the same label first, then in order; a code used
 * twice stays two lines; a removed line comes after the kept line it followed.
 */
let row = 0;
function line(code: string, label: string, amount: number): BudgetLineModel {
  row += 1;
  const at = (col: string) => ({ sheet: 'Devis', address: `${col}${row}` });
  const money = (v: number | null, col: string) => fieldOf(v, null, at(col), asMoney);
  return {
    kind: 'row',
    chapter: code.split('.')[0] ?? '',
    code: fieldOf(code, null, at('A'), asText),
    label: fieldOf(label, null, at('B'), asText),
    status: fieldOf(null, null, at('C'), asText),
    quantity: money(1, 'D'),
    count: money(1, 'F'),
    rate: money(amount, 'G'),
    amount: money(amount, 'H'),
    france: money(amount, 'I'),
    foreign: money(0, 'J'),
    justification: fieldOf(null, null, at('K'), asText),
    taxCreditShare: null,
    amountFormula: null,
  };
}

function model(lines: BudgetLineModel[]): ProductionModel {
  const budget = {
    table: true,
    handmade: true,
    thousands: false,
    lines,
    rows: lines,
    chapters: [],
    outline: { overheads: null, contingency: null, grandTotal: null },
    columns: { status: false, taxCredit: false },
    header: null,
    total: null,
    contingency: null,
    overheads: null,
    taxCreditBase: null,
    producerFee: null,
    protocolBase: null,
    chapterTotals: new Map(),
  } as unknown as BudgetModel;
  return { budget, financing: null } as unknown as ProductionModel;
}

it('pairs a code used twice by label, then in order, and places a removed line after the kept line it followed', () => {
  const before = model([
    line('2.1', 'Réalisateur', 1000),
    line('2.9', 'Divers', 100),
    line('2.9', 'Transport', 200),
    line('3.1', 'Rôles', 500),
  ]);
  const after = model([
    line('2.1', 'Réalisateur', 1000),
    // The two « 2.9 » swapped and one changed: paired by their labels, not their places.
    line('2.9', 'Transport', 250),
    line('2.9', 'Divers', 100),
    line('3.2', 'Figuration', 80),
  ]);
  const c = compareModels(before, after);
  expect(c.lines.map((l) => [l.code, l.change, (l.after ?? l.before)?.label, l.delta.toFixed(2)])).toEqual([
    ['2.9', 'changed', 'Transport', '50.00'],
    // Nothing after it was kept: the removed line comes at the end, after the one added there.
    ['3.2', 'added', 'Figuration', '80.00'],
    ['3.1', 'removed', 'Rôles', '-500.00'],
  ]);
  expect(c.unchangedLines).toBe(2);
  expect(c.lines[0]?.fields).toEqual(['rate', 'amount']);
  expect(c.lines[0]?.after?.amount?.eq(new Money(250))).toBe(true);
});
