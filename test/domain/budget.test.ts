import fc from 'fast-check';
import {
  blankBudget,
  chargeRate,
  chargesByStatus,
  computeBudget,
  exampleBudget,
  grossPayByStatus,
  lineCharges,
  lineAmount,
  type BudgetInput,
  type ItemInput,
  type LineInput,
  type Status,
} from '../../src/domain/budget';
import { defaultParams } from '../../src/domain/facts/facts';
import { Money, sum } from '../../src/domain/money';

const m = (s: string): Money => new Money(s);

describe('line amount = quantité × nombre × taux, to the cent', () => {
  it.each([
    ['9', '1', '3500', '31500.00'],
    ['7', '2', '1600', '22400.00'],
    ['2.5', '3', '333.33', '2499.98'], // 2499.975 → half-up
    ['1', '1', '0.005', '0.01'],
    ['0', '5', '100', '0.00'],
  ])('%s × %s × %s = %s', (q, n, t, expected) => {
    expect(lineAmount({ quantity: m(q), count: m(n), rate: m(t) }).toFixed(2)).toBe(expected);
  });

  it('counts a blank factor as 0, as a spreadsheet does', () => {
    expect(lineAmount({ quantity: m('3'), rate: m('100') }).toFixed(2)).toBe('0.00');
  });
});

/** A small devis computed by hand below. */
function smallBudget(): BudgetInput {
  const base = blankBudget('long-metrage');
  const items: Record<string, ItemInput[]> = {
    '1': [
      {
        kind: 'line',
        code: '1.2',
        label: 'Scénario',
        status: 'auteur',
        quantity: m('1'),
        count: m('1'),
        rate: m('10000'),
      },
    ],
    '2': [
      {
        kind: 'group',
        code: '2.4',
        label: 'Image',
        lines: [
          {
            code: '2.4.1',
            label: 'Chef opérateur',
            status: 'cadre',
            quantity: m('9'),
            count: m('1'),
            rate: m('3500'),
          },
          {
            code: '2.4.2',
            label: 'Assistant',
            status: 'technicien',
            quantity: m('8'),
            count: m('1'),
            rate: m('2000'),
            foreign: m('2000'),
          },
        ],
      },
    ],
    '3': [
      {
        kind: 'line',
        code: '3.2',
        label: 'Seconds rôles',
        status: 'artiste',
        quantity: m('6'),
        count: m('4'),
        rate: m('1200'),
      },
    ],
    '7': [
      {
        kind: 'line',
        code: '7.1',
        label: 'Caméra',
        quantity: m('7'),
        count: m('1'),
        rate: m('6500'),
        foreign: m('1000'),
      },
    ],
  };
  return {
    ...base,
    chapters: base.chapters.map((ch) => (ch.code === '4' ? ch : { ...ch, items: items[ch.code] ?? [] })),
  };
}

describe('computeBudget', () => {
  it('computes a small devis exactly, by hand', () => {
    const b = smallBudget();
    // Rates from data: technicien 55 %, cadre 60 %, artiste 50 % (+0,5 point on short CDDU for these
    // three intermittent statuses), auteur 1.1 %, permanent 43 %; FG 7 %, imprévus 5 %.
    expect(b.params.chargeRates.technicien.toFixed()).toBe('0.55');
    expect(b.params.shortContractSurcharge.toFixed()).toBe('0.005');
    const r = computeBudget(b);
    const ch = (code: string) => r.chapters.find((c) => c.code === code);
    expect(ch('1')?.amount.toFixed(2)).toBe('10000.00');
    expect(ch('2')?.amount.toFixed(2)).toBe('47500.00'); // 31 500 + 16 000
    expect(ch('2')?.foreign.toFixed(2)).toBe('2000.00');
    expect(ch('3')?.amount.toFixed(2)).toBe('28800.00');
    // Charges: 16 000 × 55,5 % = 8 880; 31 500 × 60,5 % = 19 057.50; no permanent staff: 0;
    // 28 800 × 50,5 % = 14 544; 10 000 × 1.1 % = 110.
    expect(ch('4')?.items.map((i) => i.amount.toFixed(2))).toEqual([
      '8880.00',
      '19057.50',
      '0.00',
      '14544.00',
      '110.00',
    ]);
    expect(ch('4')?.amount.toFixed(2)).toBe('42591.50');
    expect(ch('7')?.amount.toFixed(2)).toBe('45500.00');
    // Subtotal 10 000 + 47 500 + 28 800 + 42 591.50 + 45 500 = 174 391.50; étranger 3 000.
    expect(r.subtotal.amount.toFixed(2)).toBe('174391.50');
    expect(r.subtotal.foreign.toFixed(2)).toBe('3000.00');
    // No producer's fee nor frais financiers: the protocol's base is the subtotal.
    expect(r.bases.protocol?.toFixed(2)).toBe('174391.50');
    // FG 7 % = 12 207.405 → 12 207.41, all French spend; imprévus 5 % = 8 719.575 → 8 719.58.
    expect(r.overheads.amount.toFixed(2)).toBe('12207.41');
    expect(r.overheads.foreign.toFixed(2)).toBe('0.00');
    expect(r.contingency.amount.toFixed(2)).toBe('8719.58');
    expect(r.total.amount.toFixed(2)).toBe('195318.49');
    expect(r.total.france.toFixed(2)).toBe('192318.49');
    expect(r.total.foreign.toFixed(2)).toBe('3000.00');
    // Nothing excluded from the tax credit's list: its base is the subtotal's French spend.
    expect(r.bases.taxCredit.toFixed(2)).toBe('171391.50');
  });

  it('charges a salaried line in any chapter (a technicien in chapter 7), not a prestataire', () => {
    const b = smallBudget();
    const withStatusElsewhere: BudgetInput = {
      ...b,
      chapters: b.chapters.map((ch) =>
        ch.code === '7'
          ? {
              ...ch,
              items: [
                {
                  kind: 'line',
                  code: '7.9',
                  label: 'x',
                  status: 'technicien',
                  quantity: m('1'),
                  count: m('1'),
                  rate: m('999'),
                },
              ],
            }
          : ch,
      ),
    };
    expect(grossPayByStatus(withStatusElsewhere).technicien.toFixed(2)).toBe('16999.00');
    const invoiced: BudgetInput = {
      ...withStatusElsewhere,
      chapters: withStatusElsewhere.chapters.map((ch) =>
        ch.code === '7'
          ? {
              ...ch,
              items: ch.items.map((i) => (i.kind === 'line' ? { ...i, status: 'prestataire' as const } : i)),
            }
          : ch,
      ),
    };
    expect(grossPayByStatus(invoiced).technicien.toFixed(2)).toBe('16000.00');
    // A prestataire's invoice carries no charges: its rate is 0.
    const r = computeBudget(invoiced);
    expect(r.chapters.find((c) => c.code === '4')?.amount.toFixed(2)).toBe('42591.50');
  });

  it('charges each line on its own, rounded to the cent, and sums them by status into chapter 4', () => {
    // Two technicians at 101 €: 101 × 55,5 % = 56,055 → 56,06 € each, 112,12 € in chapter 4;
    // gross pay × rate rounded once would give 202 × 0,555 = 112,11 €.
    const base = blankBudget('long-metrage');
    const tech = (code: string): LineInput => ({
      code,
      label: 'Électricien',
      status: 'technicien',
      quantity: m('1'),
      count: m('1'),
      rate: m('101'),
    });
    const budget: BudgetInput = {
      ...base,
      chapters: base.chapters.map((ch) =>
        ch.code === '2'
          ? {
              ...ch,
              items: [
                { kind: 'group', code: '2.9', label: 'Électro', lines: [tech('2.9.1'), tech('2.9.2')] },
              ],
            }
          : ch.code === '4'
            ? ch
            : { ...ch, items: [] },
      ),
    };
    expect(lineCharges(budget, tech('2.9.1')).toFixed(2)).toBe('56.06');
    expect(chargesByStatus(budget).technicien.toFixed(2)).toBe('112.12');
    const chapter4 = computeBudget(budget).chapters.find((c) => c.code === '4');
    expect(chapter4?.amount.toFixed(2)).toBe('112.12');
  });

  it('puts the producer fee with its charges and the frais financiers outside the protocol base, and the excluded codes outside the tax credit base', () => {
    const b = smallBudget();
    const withFee: BudgetInput = {
      ...b,
      chapters: b.chapters.map((ch) =>
        ch.code === '2'
          ? {
              ...ch,
              items: [
                ...ch.items,
                {
                  kind: 'line',
                  code: '2.1',
                  label: 'Producteur',
                  status: 'permanent',
                  quantity: m('1'),
                  count: m('1'),
                  rate: m('10000'),
                },
              ],
            }
          : ch.code === '9'
            ? {
                ...ch,
                items: [
                  {
                    kind: 'line',
                    code: '9.4',
                    label: 'Frais financiers',
                    quantity: m('1'),
                    count: m('1'),
                    rate: m('2000'),
                  },
                ],
              }
            : ch,
      ),
    };
    const r = computeBudget(withFee);
    // Fee 10 000 + charges 43 % = 4 300; frais financiers 2 000.
    expect(r.bases.producerFee.toFixed(2)).toBe('14300.00');
    expect(r.bases.financialCosts.toFixed(2)).toBe('2000.00');
    // Subtotal 174 391.50 + 10 000 + 4 300 (permanent charges) + 2 000 = 190 691.50.
    expect(r.subtotal.amount.toFixed(2)).toBe('190691.50');
    expect(r.bases.protocol?.toFixed(2)).toBe('174391.50');
    expect(r.overheads.amount.toFixed(2)).toBe('12207.41');
    expect(r.bases.overheadsCapAmount?.toFixed(2)).toBe('12207.41');
    expect(r.bases.producerFeeCapAmount?.toFixed(2)).toBe('8719.58');
    // Tax credit: 187 691.50 French, less the fee, its charges and the frais financiers = 171 391.50.
    expect(r.bases.taxCredit.toFixed(2)).toBe('171391.50');
  });

  it('gives the example feature film between 2 and 4 M€ with lines in every chapter', () => {
    const b = exampleBudget();
    const r = computeBudget(b);
    expect(r.total.amount.toFixed(2)).toBe('3035291.62');
    expect(r.total.amount.gte(2_000_000) && r.total.amount.lte(4_000_000)).toBe(true);
    for (const ch of r.chapters) expect(ch.amount.gt(0)).toBe(true);
    // Spend abroad: Belgian vehicles and lodging, a foreign lab; FG and imprévus stay French.
    expect(r.total.foreign.toFixed(2)).toBe('36080.00');
    // Both protocol caps hold, compared as amounts on the protocol's base.
    expect(r.overheads.amount.lte(r.bases.overheadsCapAmount ?? m('0'))).toBe(true);
    expect(r.bases.producerFee.lte(r.bases.producerFeeCapAmount ?? m('0'))).toBe(true);
  });
});

const STATUS: fc.Arbitrary<Status | undefined> = fc.constantFrom<Status | undefined>(
  'technicien',
  'cadre',
  'artiste',
  'auteur',
  undefined,
);
const cents = fc.integer({ min: 0, max: 5_000_000 }).map((c) => new Money(c).dividedBy(100));
const qty = fc.integer({ min: 0, max: 4000 }).map((c) => new Money(c).dividedBy(4));
const lineArb = fc.record({
  status: STATUS,
  quantity: qty,
  count: fc.integer({ min: 0, max: 40 }).map((n) => new Money(n)),
  rate: cents,
  foreignShare: fc.integer({ min: 0, max: 100 }),
});

describe('properties', () => {
  it('chapter totals sum to the total général to the cent; France + étranger = montant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(lineArb, { maxLength: 12 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 15 }),
        (chapters, fg, imp) => {
          const base = blankBudget('long-metrage');
          const budget: BudgetInput = {
            ...base,
            params: {
              ...defaultParams('long-metrage'),
              overheadsRate: new Money(fg).dividedBy(100),
              contingencyRate: new Money(imp).dividedBy(100),
            },
            chapters: base.chapters.map((ch, ci) =>
              ch.code === '4'
                ? ch
                : {
                    ...ch,
                    items: (chapters[ci] ?? []).map((l, li): ItemInput => {
                      const amount = l.quantity
                        .times(l.count)
                        .times(l.rate)
                        .toDecimalPlaces(2, Money.ROUND_HALF_UP);
                      return {
                        kind: 'line',
                        code: `${ch.code}.${li + 20}`,
                        label: 'ligne',
                        ...(l.status ? { status: l.status } : {}),
                        quantity: l.quantity,
                        count: l.count,
                        rate: l.rate,
                        foreign: amount
                          .times(l.foreignShare)
                          .dividedBy(100)
                          .toDecimalPlaces(2, Money.ROUND_DOWN),
                      };
                    }),
                  },
            ),
          };
          const r = computeBudget(budget);
          expect(sum(r.chapters.map((c) => c.amount)).equals(r.subtotal.amount)).toBe(true);
          expect(
            r.subtotal.amount.plus(r.overheads.amount).plus(r.contingency.amount).equals(r.total.amount),
          ).toBe(true);
          expect(r.total.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          for (const s of [r.total, r.subtotal, r.overheads, r.contingency, ...r.chapters]) {
            expect(s.france.plus(s.foreign).equals(s.amount)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a 10-chapter grid from its roles (audiovisuel), no code change', () => {
  it('puts frais généraux and imprévus inside chapter 10, as forfaits of chapters 1 to 9', () => {
    const base = blankBudget('serie');
    expect(base.nomenclature).toBe('cnc-audiovisuel');
    expect(base.chapters.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(base.chapters[9]?.items.map((i) => `${i.code} ${i.kind}`)).toEqual([
      '10.a line',
      '10.b rate',
      '10.c line',
      '10.d rate',
    ]);
    expect(
      base.chapters[3]?.items.map((i) => (i.kind === 'charges' ? `${i.code} ${i.status}` : i.kind)),
    ).toEqual(['4.d technicien', '4.e cadre', '4.c permanent', '4.f artiste', '4.a auteur']);
    // By hand: a technician's 10 000 € in chapter 2, a 5 000 € camera in 7, the producer's 3 000 € in 10.a.
    const line = (code: string, rate: string, status?: Status): ItemInput => ({
      kind: 'line',
      code,
      label: code,
      quantity: m('1'),
      count: m('1'),
      rate: m(rate),
      ...(status ? { status } : {}),
    });
    const budget: BudgetInput = {
      ...base,
      chapters: base.chapters.map((ch) => {
        if (ch.code === '2') return { ...ch, items: [line('2.n', '10000', 'technicien')] };
        if (ch.code === '7') return { ...ch, items: [line('7.a', '5000')] };
        if (ch.code === '10')
          return { ...ch, items: ch.items.map((i) => (i.code === '10.a' ? line('10.a', '3000') : i)) };
        return ch;
      }),
    };
    const r = computeBudget(budget);
    const rate = chargeRate(budget, 'technicien');
    const charges = m('10000').times(rate).toDecimalPlaces(2, Money.ROUND_HALF_UP);
    const subtotal = m('15000').plus(charges);
    expect(r.subtotal.amount.toFixed(2)).toBe(subtotal.toFixed(2));
    // Série: fiction forfaits of the 2016 AV accord, FG 10 %, imprévus 7 %.
    expect(r.overheads.amount.toFixed(2)).toBe(
      subtotal.times('0.10').toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2),
    );
    expect(r.contingency.amount.toFixed(2)).toBe(
      subtotal.times('0.07').toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2),
    );
    const ten = r.chapters[9];
    expect(ten?.amount.toFixed(2)).toBe(
      m('3000').plus(r.overheads.amount).plus(r.contingency.amount).toFixed(2),
    );
    expect(r.total.amount.toFixed(2)).toBe(subtotal.plus(ten?.amount ?? m('0')).toFixed(2));
    expect(r.indirect.amount.equals(ten?.amount ?? m('-1'))).toBe(true);
  });

  it('keeps FG and imprévus below the subtotal in the cinema grid', () => {
    const r = computeBudget(exampleBudget());
    expect(r.chapters).toHaveLength(9);
    expect(r.indirect.amount.equals(r.overheads.amount.plus(r.contingency.amount))).toBe(true);
    expect(r.total.amount.toFixed(2)).toBe('3035291.62');
  });
});
