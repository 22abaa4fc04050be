import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { blankBudget, exampleBudget, exampleParameters } from '../../src/domain/budget/templates';
import type { BudgetInput, LineInput } from '../../src/domain/budget/types';
import { FORMATS, statusLabel, type ProductionFormat } from '../../src/domain/facts/facts';
import { financingCategories, taxCreditCategoryLabels } from '../../src/domain/financing/categories';
import { MILESTONES, SOURCE_STATUS, type FinancingSource } from '../../src/domain/financing/types';
import { Money, roundCents, toCellNumber, toMoney } from '../../src/domain/money';
import { asDay, type Field } from '../../src/model/field';
import { checkInvariants } from '../../src/model/invariant';
import { INVARIANTS } from '../../src/model/invariants';
import type { ProductionModel } from '../../src/model/model';
import { readModel } from '../../src/model/read';
import { RULES } from '../../src/rules';
import { readSnapshot } from '../../src/rules/engine';
import { computeProduction, type Production, type ScaffoldInput } from '../../src/sheets/production';
import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { XlsxReader } from '../../src/workbook/xlsx/xlsxReader';

/*
 * The read path gives back the model the write path placed: each format's example, written by
 * `devis-cnc new` to a real .xlsx and read as the audit reads it, comes back as the production
 * the domain computed (every line, source, measure, piece, follow-up line, holder, poste and
 * carbon line, to the cent), and breaks none of the declared invariants. Random valid devis and
 * plans do the same through the in-memory port.
 */
jest.setTimeout(300_000);

const silent = { out: () => undefined, err: () => undefined };
const invariantsRule = RULES.filter((r) => r.meta.id === 'model-invariants');

/** A domain figure as the cell holds it (a double), for an exact comparison with what was read. */
const cell = (m: Money | null | undefined): string | null =>
  m === null || m === undefined ? null : toMoney(toCellNumber(m)).toString();
const read = (f: Field<Money> | null | undefined): string | null => f?.value?.toString() ?? null;
const cents = (m: Money | null | undefined): string | null => (m ? roundCents(m).toFixed(2) : null);
const readCents = (f: Field<Money> | null | undefined): string | null => f?.value?.toFixed(2) ?? null;
const day = (d: Date | string | null | undefined): number | null =>
  d === null || d === undefined ? null : asDay(typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d);

function exampleInput(format: ProductionFormat): ScaffoldInput {
  return {
    format,
    budget: exampleBudget(format),
    production: exampleParameters(format),
    financing: 'exemple',
    carbon: 'exemple',
  };
}

/** Every devis line the user types (a line, or a line of a sous-poste), with its chapter. */
function typedLines(budget: BudgetInput): LineInput[] {
  return budget.chapters.flatMap((c) =>
    c.items.flatMap((i) => (i.kind === 'line' ? [i] : i.kind === 'group' ? i.lines : [])),
  );
}

/** What the read model holds, projected on what the production says: both sides as plain values. */
function projectBudget(p: Production, m: ProductionModel) {
  const byCode = new Map((m.budget?.lines ?? []).map((l) => [l.code.value, l]));
  return {
    costed: p.lines.map((l) => [l.code, cents(l.amount)]),
    read: p.lines.map((l) => [l.code, readCents(byCode.get(l.code)?.amount)]),
    typed: typedLines(p.budget).map((l) => [
      l.code,
      cell(l.quantity),
      cell(l.count),
      cell(l.rate),
      l.status ? statusLabel(l.status) : null,
    ]),
    typedRead: typedLines(p.budget).map((l) => {
      const r = byCode.get(l.code);
      return [l.code, read(r?.quantity), read(r?.count), read(r?.rate), r?.status.value ?? null];
    }),
    total: [cents(p.result.total.amount), readCents(m.budget?.total)],
    taxCreditBase: [cents(p.result.bases.taxCredit), readCents(m.budget?.taxCreditBase)],
  };
}

function projectFinancing(p: Production, m: ProductionModel) {
  const src = (s: FinancingSource) => [
    s.label,
    s.category,
    s.status,
    cents(s.amount),
    day(s.deadline ?? null),
    s.profile.map((x) => (x.isZero() ? null : cell(x))),
  ];
  return {
    written: p.financing.sources.map(src),
    read: (m.financing?.sources ?? []).map((s) => [
      s.name.value,
      s.category.value,
      s.status.value,
      readCents(s.amount),
      s.deadline.value,
      s.milestones.map((x) => (x.value === null || x.value.isZero() ? null : read(x))),
    ]),
    totals: [
      [cents(p.financing.result.total), readCents(m.financing?.total)],
      [cents(p.result.total.amount), readCents(m.financing?.filmCost)],
      [cents(p.financing.result.taxCreditEstimate), readCents(m.financing?.taxCreditEstimate)],
      [cents(p.financing.result.taxCreditInPlan), readCents(m.financing?.taxCreditInPlan)],
    ],
  };
}

function projectFollowing(p: Production, m: ProductionModel) {
  return {
    measures: [
      p.financing.measures.map((x) => [
        x.type,
        cents(x.amount),
        day(x.date),
        day(x.repayment),
        cell(x.rate),
        cents(x.fees),
      ]),
      (m.cashflow?.measures ?? []).map((x) => [
        x.type.value,
        readCents(x.amount),
        x.date.value,
        x.repayment.value,
        read(x.rate),
        readCents(x.fees),
      ]),
    ],
    pieces: [
      p.expenses.lines.map((e) => [
        e.piece,
        e.code,
        cents(e.ht),
        cents(e.tva),
        e.status,
        day(e.date),
        day(e.paidOn),
      ]),
      (m.ledger?.pieces ?? []).map((e) => [
        e.piece.value,
        e.code.value,
        readCents(e.ht),
        readCents(e.tva),
        e.status.value,
        e.date.value,
        e.paidOn.value,
      ]),
    ],
    followUp: [
      p.followUp.result.lines.map((l) => [
        l.code,
        cents(l.amount),
        cents(l.engaged),
        cents(l.paid),
        cents(l.final),
      ]),
      (m.followUp?.lines ?? []).map((l) => [
        l.code.value,
        readCents(l.devis),
        readCents(l.engaged),
        readCents(l.paid),
        readCents(l.final),
      ]),
    ],
    closing: [
      p.financing.sources.map((s) => [s.label, cents(s.amount)]),
      (m.closing?.funding ?? []).map((f) => [f.source.value, readCents(f.planned)]),
    ],
    rights: [
      p.rights.input.holders.map((h) => [h.name, h.base, cell(h.share), cents(h.mg)]),
      (m.rights?.holders ?? []).map((h) => [h.name.value, h.base.value, read(h.share), readCents(h.mg)]),
    ],
    event: [
      [
        ...p.event.input.lines.map((l) => [l.label, cell(l.quantity), cell(l.rate)]),
        ...p.event.input.partners.map((x) => [x.name, cents(x.amount)]),
      ],
      [
        ...(m.event?.lines ?? []).map((l) => [l.label.value, read(l.quantity), read(l.rate)]),
        ...(m.event?.partners ?? []).map((x) => [x.name.value, readCents(x.amount)]),
      ],
    ],
    carbon: [
      p.carbon.lines.map((l) => [l.key, cell(l.quantityPrev), cell(l.multiplier), cents(l.quantityDef)]),
      (m.carbon?.lines ?? []).map((l) => [
        l.key.value,
        read(l.quantityPrev),
        read(l.multiplier),
        readCents(l.quantityDef),
      ]),
    ],
  };
}

describe.each(FORMATS)('the %s example reads back into the model that wrote it', (format) => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-readback-'));
  const file = join(dir, `${format}.xlsx`);
  const p = computeProduction(exampleInput(format));
  let m: ProductionModel;

  beforeAll(async () => {
    expect(await main(['new', '--out', file, '--format', format, '--exemple'], silent)).toBe(0);
    const reader = await XlsxReader.open(file);
    m = readModel(await readSnapshot(reader, invariantsRule));
  });

  it('gives back every costed line, its typed figures and the totals of the devis', () => {
    const b = projectBudget(p, m);
    expect(b.read).toEqual(b.costed);
    expect(b.typedRead).toEqual(b.typed);
    expect(b.total[1]).toBe(b.total[0]);
    expect(b.taxCreditBase[1]).toBe(b.taxCreditBase[0]);
    expect(p.lines.length).toBeGreaterThan(20);
  });

  it('gives back every source of the plan with its schedule, and the plan’s figures', () => {
    const f = projectFinancing(p, m);
    expect(f.read).toEqual(f.written);
    for (const [written, got] of f.totals) expect(got).toBe(written);
  });

  it('gives back the measures, pieces, follow-up, closing, rights, event and carbon lines', () => {
    const x = projectFollowing(p, m);
    for (const [written, got] of Object.values(x)) expect(got).toEqual(written);
    expect(p.carbon.lines.length).toBeGreaterThan(0);
  });

  it('breaks none of the declared invariants', () => {
    expect(checkInvariants(INVARIANTS, m)).toEqual([]);
  });
});

describe('random valid devis and plans', () => {
  const amount = fc.integer({ min: 0, max: 5_000_000 }).map((c) => new Money(c).dividedBy(100));
  const share = fc.integer({ min: 0, max: 100 }).map((c) => new Money(c).dividedBy(100));
  const line = fc.record({
    quantity: fc.integer({ min: 0, max: 60 }),
    count: fc.integer({ min: 1, max: 12 }),
    rate: amount,
    foreignShare: share,
    status: fc.constantFrom('technicien', 'cadre', 'artiste', 'prestataire', undefined),
  });
  const source = fc.record({
    amount: amount.filter((a) => !a.isZero()),
    // A valid plan: a tax credit is never above its estimate, so none is drawn at random.
    category: fc.constantFrom(
      ...financingCategories()
        .map((c) => c.label)
        .filter((l) => !taxCreditCategoryLabels().includes(l)),
    ),
    status: fc.constantFrom(...Object.values(SOURCE_STATUS)),
    split: fc.integer({ min: 0, max: MILESTONES.length - 1 }),
  });

  it('write then read gives the same lines and sources (the invariants hold)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.array(source, { minLength: 1, maxLength: 5 }),
        async (lines, sources) => {
          const budget = blankBudget('long-metrage');
          const chapter = budget.chapters.find((c) => c.code === '2');
          if (!chapter) throw new Error('chapitre 2 absent');
          chapter.items = lines.map((l, k) => {
            const rate = l.rate;
            const total = roundCents(rate.times(l.quantity).times(l.count));
            return {
              kind: 'line' as const,
              code: `2.${k + 1}`,
              label: `Poste ${k + 1}`,
              quantity: new Money(l.quantity),
              count: new Money(l.count),
              rate,
              foreign: roundCents(total.times(l.foreignShare)),
              ...(l.status ? { status: l.status } : {}),
            };
          });
          const input: ScaffoldInput = {
            format: 'long-metrage',
            budget,
            production: null,
            financing: {
              sources: sources.map((s, k) => ({
                label: `Source ${k + 1}`,
                category: s.category,
                status: s.status,
                amount: s.amount,
                profile: MILESTONES.map((_, j) => new Money(j === s.split ? 1 : 0)),
              })),
              comparison: [],
              measures: [],
            },
          };
          const port = new XlsxPort(new ExcelJS.Workbook());
          await port.applyPlan(buildScaffoldPlan(input).plan);
          const m = readModel(await readSnapshot(port, invariantsRule));
          const p = computeProduction(input);
          const b = projectBudget(p, m);
          expect(b.read).toEqual(b.costed);
          expect(b.typedRead).toEqual(b.typed);
          const f = projectFinancing(p, m);
          expect(f.read).toEqual(f.written);
          const foreign = (m.budget?.lines ?? []).filter((l) => l.code.value?.startsWith('2.'));
          // A blank dont étranger is none.
          expect(foreign.map((l) => readCents(l.foreign) ?? '0.00')).toEqual(
            chapter.items.map((i) => cents(i.kind === 'line' ? (i.foreign ?? null) : null)),
          );
          expect(checkInvariants(INVARIANTS, m)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
