import fc from 'fast-check';
import {
  allocateCumulative,
  allocateLargestRemainder,
  buildCashflow,
  cashflowMonths,
  chargesShares,
  closingOnOrAfter,
  closingOnOrBefore,
  defaultPaymentShares,
  measureCost,
  measuresByMonth,
  taxRefundShares,
  milestoneList,
  phaseOf,
  receiptsByMonth,
  summarise,
  vatFlows,
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
      payments: [{ code: '2', label: 'Personnel', amount: m(0), profile: profile('2'), vatRate: m(0) }],
      taxRefund: null,
      vatDelayMonths: 2,
      measures: [],
    });
    expect(model.months).toHaveLength(11); // 2 prép. + 2 tournage + 6 postprod + après livraison
    // With a tax credit refunded 6 months after a December close, the grid runs to June 2001.
    const withCredit = buildCashflow({
      dates: null,
      format: 'long-metrage',
      sources: [null],
      payments: [],
      taxRefund: { closingMonth: 12, delayMonths: 6 },
      vatDelayMonths: 2,
      measures: [],
    });
    expect(withCredit.months).toHaveLength(18);
    expect(model.months.every((x) => x === null)).toBe(true);
    expect(sum(model.payments[0]?.shares ?? []).toFixed()).toBe('1');
    expect(model.summary.need.toFixed(2)).toBe('0.00');
  });
});

describe('social charges paid the month after the pay', () => {
  const line = (amount: number, payroll?: 'pay' | 'charges') => ({
    code: 'x',
    label: 'x',
    amount: m(amount),
    profile: profile('2'),
    vatRate: m(0),
    ...(payroll ? { payroll } : {}),
  });

  it('follows the pay chapters weighted by their amounts, one month later, the last month keeping its own', () => {
    const shares = [
      [m('0.5'), m('0.5'), m(0), m(0)],
      [m(0), m('0.5'), m('0.5'), m(0)],
      [m('0.25'), m('0.25'), m('0.25'), m('0.25')],
      [m(0), m(0), m(0), m(1)],
    ];
    // Pay: 500 + 0, 500 + 1 500, 0 + 1 500, then nothing; the décors line is not pay.
    const s1 = chargesShares(
      [line(1000, 'pay'), line(3000, 'pay'), line(9999), line(500, 'charges')],
      shares,
    );
    expect(s1?.map((x) => x.toFixed(4))).toEqual(['0.0000', '0.1250', '0.5000', '0.3750']);
    // Pay in the last month stays in it.
    const s2 = chargesShares([line(100, 'pay'), line(7, 'charges')], [shares[3] ?? [], shares[2] ?? []]);
    expect(s2?.map((x) => x.toFixed(4))).toEqual(['0.0000', '0.0000', '0.0000', '1.0000']);
    // No pay budgeted yet: the charges keep their phase profile.
    expect(chargesShares([line(0, 'pay'), line(0, 'charges')], shares)).toBeNull();
  });

  it('places the charges chapter of a scaffold on those shares', () => {
    const model = buildCashflow({
      dates: DATES,
      format: 'long-metrage',
      sources: [],
      payments: [
        { ...line(35000, 'pay'), profile: profile('2') },
        { ...line(10000, 'charges'), profile: profile('4') },
      ],
      taxRefund: null,
      vatDelayMonths: 2,
      measures: [],
    });
    const [pay, charges] = model.payments;
    const p = pay?.shares ?? [];
    // One pay line: the charges take its shares one month later, the last two months together.
    const shifted = [m(0), ...p.slice(0, -2), (p.at(-2) ?? m(0)).plus(p.at(-1) ?? m(0))];
    expect(charges?.shares.map((x) => x.toFixed(4))).toEqual(shifted.map((x) => x.toFixed(4)));
    expect(p.map((x) => x.toFixed(4))).not.toEqual(shifted.map((x) => x.toFixed(4)));
    expect(sum(charges?.parts ?? []).toFixed(2)).toBe('10000.00');
  });
});

describe('VAT advanced on the payments and recovered after a delay', () => {
  const months = ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01'].map(d);

  it('pays each line at its rate, rounded half up to the cent, and recovers it two months later; the last month takes the rest', () => {
    const v = vatFlows(
      [
        // 20 %: 1 000 → 200, 2 000,05 → 400,01.
        { vatRate: m('0.20'), parts: [m(1000), m('2000.05'), m(0), m(0)] },
        // 5,5 %: 1 234,50 → 67,8975; with the 20 % line, 467,9075 → 467,91 in February.
        { vatRate: m('0.055'), parts: [m(0), m('1234.50'), m(0), m(300)] },
        // Salaries: no VAT.
        { vatRate: m(0), parts: [m(5000), m(5000), m(5000), m(5000)] },
      ],
      months,
      2,
    );
    expect(v.paid.map((x) => x.toFixed(2))).toEqual(['200.00', '467.91', '0.00', '16.50']);
    // March gets January's VAT (months up to March − 2); April, the last column, all the rest.
    expect(v.recovered.map((x) => x.toFixed(2))).toEqual(['0.00', '0.00', '200.00', '484.41']);
    expect(sum(v.recovered).toFixed(2)).toBe(sum(v.paid).toFixed(2));
  });

  it('moves the need by the VAT float: receipts 10 000 in April, 6 000 HT of purchases at 20 % in January', () => {
    const rec = [[m(0), m(0), m(0), m(10000)]];
    const pay = [[m(6000), m(0), m(0), m(0)]];
    const v = vatFlows([{ vatRate: m('0.20'), parts: pay[0] ?? [] }], months, 2);
    const without = summarise(rec, pay, 4);
    const withVat = summarise(
      rec,
      pay,
      4,
      v.paid.map((p, k) => (v.recovered[k] ?? m(0)).minus(p)),
    );
    expect(without.need.toFixed(2)).toBe('6000.00');
    // 1 200 € of VAT out in January, back in March: the need is 7 200 € for two months.
    expect(withVat.cumulative.map((x) => x.toFixed(2))).toEqual([
      '-7200.00',
      '-7200.00',
      '-6000.00',
      '4000.00',
    ]);
    expect([withVat.need.toFixed(2), withVat.lowestIndex]).toEqual(['7200.00', 0]);
  });

  it('recovers nothing in a blank workbook without dates', () => {
    const v = vatFlows([{ vatRate: m('0.20'), parts: [m(0), m(0)] }], [null, null], 2);
    expect(v.recovered.map((x) => x.toFixed(2))).toEqual(['0.00', '0.00']);
  });
});

describe('tax credit cashed after the fiscal year, measures in the grid', () => {
  const refund = { closingMonth: 12, delayMonths: 6 };
  const measure = (amount: string, from: string, to: string | null, rate = '0', fees = '0') => ({
    type: 'Crédit relais',
    amount: m(amount),
    date: d(from),
    repayment: to ? d(to) : null,
    rate: m(rate),
    fees: m(fees),
    description: '',
  });

  it('finds the fiscal-year closes around a month, for a December or a June close', () => {
    expect(iso(closingOnOrBefore(d('2027-05-01'), 12))).toBe('2026-12');
    expect(iso(closingOnOrBefore(d('2027-12-01'), 12))).toBe('2027-12');
    expect(iso(closingOnOrBefore(d('2027-05-01'), 6))).toBe('2026-06');
    expect(iso(closingOnOrAfter(d('2027-10-01'), 12))).toBe('2027-12');
    expect(iso(closingOnOrAfter(d('2027-10-01'), 6))).toBe('2028-06');
  });

  it('runs the grid to the refund of the last tranche: PAD in October 2027, December close + 6 months', () => {
    const months = cashflowMonths({ ...DATES, taxRefund: refund });
    expect(iso(months[0] ?? null)).toBe('2026-11');
    expect(iso(months[months.length - 1] ?? null)).toBe('2028-06');
    expect(months).toHaveLength(20);
    expect(cashflowMonths(DATES)).toHaveLength(13);
  });

  it('refunds each fiscal year in proportion to what was paid in it, and nothing at delivery', () => {
    const dates = { ...DATES, taxRefund: refund };
    const months = cashflowMonths(dates);
    // 100 € paid in November 2026, 200 € in December 2026, 300 € in January 2027.
    const paid = months.map((_, k) => m([100, 200, 300][k] ?? 0));
    const shares = taxRefundShares(paid, months, refund);
    expect(shares.map((x) => x.toFixed(4)).join(' ')).toBe(
      `${'0.0000 '.repeat(7)}0.5000 ${'0.5000 '.repeat(11)}1.0000`,
    );
    // 90 000 € all "après livraison": 45 000 € in June 2027, 45 000 € in June 2028.
    const parts = receiptsByMonth(m(90000), [0, 0, 0, 0, 0, 1].map(m), dates, shares);
    expect(
      parts.map((x, k) => (x.isZero() ? '' : `${iso(months[k] ?? null)}:${x.toFixed(2)}`)).join(''),
    ).toBe('2027-06:45000.002028-06:45000.00');
    // A share on a milestone stays on it: 20 % at signature (first month), 80 % refunded.
    const mixed = receiptsByMonth(m(90000), [0.2, 0, 0, 0, 0, 0.8].map(m), dates, shares);
    expect(mixed[0]?.toFixed(2)).toBe('18000.00');
    expect(mixed[7]?.toFixed(2)).toBe('36000.00');
    expect(sum(mixed).toFixed(2)).toBe('90000.00');
  });

  it('costs a loan by its days, places it at its dates and follows the balance after it', () => {
    // 600 000 € at 4 % from 15 March to 29 October 2027 (228 days), 1 200 € of fees.
    expect(measureCost(measure('600000', '2027-03-15', '2027-10-29', '0.04', '1200')).toFixed(2)).toBe(
      '16191.78',
    );
    // Without a repayment date only the fees count.
    expect(measureCost(measure('600000', '2027-03-15', null, '0.04', '1200')).toFixed(2)).toBe('1200.00');
    const months = ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01'].map(d);
    const cumulative = ['10', '-50', '-80', '0'].map(m);
    const r = measuresByMonth(
      [measure('60', '2026-12-15', '2027-04-10'), measure('40', '2027-03-02', '2027-09-01')],
      months,
      cumulative,
    );
    expect(r.drawn.map((x) => x.toFixed(0))).toEqual(['60', '0', '40', '0']);
    expect(r.repaid.map((x) => x.toFixed(0))).toEqual(['0', '0', '0', '-60']);
    expect(r.after.map((x) => x.toFixed(0))).toEqual(['70', '10', '20', '40']);
    expect(r.lowestAfter.toFixed(2)).toBe('10.00');
    expect(r.uncovered.toFixed(2)).toBe('0.00');
    const late = measuresByMonth([measure('100', '2027-03-01', null)], months, cumulative);
    expect(late.after.map((x) => x.toFixed(0))).toEqual(['10', '-50', '20', '100']);
    expect(late.uncovered.toFixed(2)).toBe('50.00');
  });
});
