import fc from 'fast-check';
import {
  allocateCumulative,
  allocateLargestRemainder,
  buildCashflow,
  cashflowMonths,
  defaultPaymentShares,
  milestoneList,
  phaseOf,
  receiptsByMonth,
  summarise,
  type CashflowDates,
} from '../../src/domain/cashflow';
import { Money, sum } from '../../src/domain/money';
import { getNomenclature, paymentProfileOf } from '../../src/domain/nomenclature/nomenclature';

const profile = (code: string) => paymentProfileOf(getNomenclature('cnc-classique'), code);

const m = (s: string | number): Money => new Money(s);
const d = (s: string): Date => new Date(`${s}T00:00:00Z`);
const iso = (x: Date | null): string => (x ? x.toISOString().slice(0, 7) : '');

const DATES: CashflowDates = {
  devStart: d('2026-11-02'),
  prepStart: d('2027-03-01'),
  shootStart: d('2027-04-26'),
  shootEnd: d('2027-06-11'),
  padDelivery: d('2027-10-29'),
};

describe('months and phases', () => {
  it('runs from the development month to PAD, then one month after delivery', () => {
    const months = cashflowMonths(DATES);
    expect(months.map(iso)).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    expect(months.map((x) => phaseOf(x, DATES))).toEqual([
      'Développement',
      'Développement',
      'Développement',
      'Développement',
      'Préparation',
      'Tournage',
      'Tournage',
      'Tournage',
      'Postproduction',
      'Postproduction',
      'Postproduction',
      'Postproduction',
      'Après livraison',
    ]);
    expect(milestoneList(DATES).map(iso)).toEqual([
      '2026-11',
      '2027-03',
      '2027-04',
      '2027-06',
      '2027-10',
      '2027-11',
    ]);
  });

  it('starts at preparation when there is no development date', () => {
    expect(iso(cashflowMonths({ ...DATES, devStart: null })[0] ?? null)).toBe('2027-03');
  });

  it('refuses a PAD delivery before the start of preparation', () => {
    expect(() => cashflowMonths({ ...DATES, padDelivery: d('2026-01-01') })).toThrow(
      'la livraison PAD précède',
    );
  });
});

describe('allocations', () => {
  it.each([
    ['100', ['1', '1', '1'], '0.01', ['33.34', '33.33', '33.33']],
    ['1', ['0.55', '0.45'], '0.0001', ['0.5500', '0.4500']],
    [
      '1',
      ['1', '1', '1', '1', '1', '1', '1'],
      '0.0001',
      ['0.1429', '0.1429', '0.1429', '0.1429', '0.1428', '0.1428', '0.1428'],
    ],
    ['0.05', ['1', '1', '1', '1', '1', '1'], '0.01', ['0.01', '0.01', '0.01', '0.01', '0.01', '0.00']],
  ])('largest remainder: %s over %j by %s', (total, weights, unit, expected) => {
    expect(
      allocateLargestRemainder(m(total), weights.map(m), m(unit)).map((x) => x.toFixed(unit.length - 2)),
    ).toEqual(expected);
  });

  it.each([
    ['100000', ['0.2', '0.6', '0.2'], ['20000.00', '60000.00', '20000.00']],
    ['100.01', ['0.3333', '0.3333', '0.3334'], ['33.33', '33.34', '33.34']],
    ['0.10', ['0.5', '0.5'], ['0.05', '0.05']],
    ['0.01', ['0.5', '0.5'], ['0.01', '0.00']],
  ])('cumulative rounding: %s by %j', (amount, shares, expected) => {
    expect(allocateCumulative(m(amount), shares.map(m)).map((x) => x.toFixed(2))).toEqual(expected);
  });

  const cents = fc.integer({ min: 0, max: 1_000_000_000 }).map((c) => m(c).dividedBy(100));
  const weights = fc
    .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 })
    .filter((w) => w.some((x) => x > 0));

  it('property: every allocation sums to its amount to the cent, each part within one cent of its share', () => {
    fc.assert(
      fc.property(cents, weights, (amount, ws) => {
        const lr = allocateLargestRemainder(amount, ws.map(m), m('0.01'));
        expect(sum(lr).equals(amount)).toBe(true);
        const shares = allocateLargestRemainder(m(1), ws.map(m), m('0.0001'));
        expect(sum(shares).equals(m(1))).toBe(true);
        const parts = allocateCumulative(amount, shares);
        expect(sum(parts).equals(amount)).toBe(true);
        parts.forEach((p, i) =>
          expect(
            p
              .minus(amount.times(shares[i] ?? 0))
              .abs()
              .lte('0.01'),
          ).toBe(true),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('receipts, payments and the critical period', () => {
  it('places a presale 20/60/20 on preparation, shooting and delivery months', () => {
    const parts = receiptsByMonth(m('700000'), ['0', '0.2', '0.6', '0', '0.2', '0'].map(m), DATES);
    expect(parts.map((x) => x.toFixed(0))).toEqual([
      '0',
      '0',
      '0',
      '0',
      '140000',
      '420000',
      '0',
      '0',
      '0',
      '0',
      '0',
      '140000',
      '0',
    ]);
  });

  it('spreads a chapter by phase weights, evenly inside each phase, summing to 100 %', () => {
    const shares = defaultPaymentShares(profile('2'), DATES); // prépa 30 %, tournage 55 %, postprod 15 %
    expect(shares.map((x) => x.toFixed(4))).toEqual([
      '0.0000',
      '0.0000',
      '0.0000',
      '0.0000',
      '0.3000',
      '0.1834',
      '0.1833',
      '0.1833',
      '0.0375',
      '0.0375',
      '0.0375',
      '0.0375',
      '0.0000',
    ]);
    // No development months: chapter 1's development weight moves to preparation.
    const noDev = defaultPaymentShares(profile('1'), { ...DATES, devStart: null });
    expect(noDev[0]?.toFixed()).toBe('1');
  });

  it('finds the lowest cumulative balance, its month, the deficit months and the need', () => {
    const s = summarise([[m(100), m(0), m(0), m(500)]], [[m(50), m(200), m(100), m(50)]], 4);
    expect(s.cumulative.map((x) => x.toFixed(0))).toEqual(['50', '-150', '-250', '200']);
    expect(s.lowest.toFixed(0)).toBe('-250');
    expect(s.lowestIndex).toBe(2);
    expect(s.deficitMonths).toBe(2);
    expect(s.need.toFixed(0)).toBe('250');
  });

  it('property: the final cumulative balance equals total receipts − total payments', () => {
    const row = (n: number) =>
      fc.array(
        fc.integer({ min: 0, max: 10_000_000 }).map((c) => m(c).dividedBy(100)),
        { minLength: n, maxLength: n },
      );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 18 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.array(row(n), { maxLength: 8 }), fc.array(row(n), { maxLength: 8 })),
          ),
        ([n, rec, pay]) => {
          const s = summarise(rec, pay, n);
          expect(s.cumulative[n - 1]?.equals(s.totalReceipts.minus(s.totalPayments))).toBe(true);
          expect(s.need.gte(0)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sizes a blank workbook from the typical calendar, all zeros until dates are known', () => {
    const model = buildCashflow({
      dates: null,
      format: 'long-metrage',
      sources: [null, null],
      payments: [{ code: '2', label: 'Personnel', amount: m(0), profile: profile('2') }],
    });
    expect(model.months).toHaveLength(11); // 2 prép. + 2 tournage + 6 postprod + après livraison
    expect(model.months.every((x) => x === null)).toBe(true);
    expect(sum(model.payments[0]?.shares ?? []).toFixed()).toBe('1');
    expect(model.summary.need.toFixed(2)).toBe('0.00');
  });
});
