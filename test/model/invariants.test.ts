import { DEFAULT_NOMENCLATURE, getNomenclature } from '../../src/domain/nomenclature/nomenclature';
import { gapThresholdDefaults } from '../../src/domain/followup/followup';
import { Money } from '../../src/domain/money';
import type { Field } from '../../src/model/field';
import { checkInvariants, type Invariant } from '../../src/model/invariant';
import { INVARIANTS } from '../../src/model/invariants';
import type { BudgetLineModel, ProductionModel } from '../../src/model/model';
import { renderMessage } from '../../src/rules/messages';

/*
 * One table per family of declared invariants, over small models: a valid model gives nothing;
 * each row breaks one figure and expects `invariant → message@cell`, rendered in French.
 */

let row = 0;
/** A field on sheet S at a fresh row of column C; typed unless `formula`. */
function f<T>(sheet: string, col: string, value: T | null, raw: unknown = value, formula = false): Field<T> {
  row += 1;
  return {
    value,
    raw: raw instanceof Money ? raw.toNumber() : raw,
    at: { sheet, address: `${col}${row}` },
    typed: !formula,
  };
}
const m$ = (x: number | string): Money => new Money(x);
/** A text field at a fixed cell (not counted in the rows above, so addresses stay put). */
const fixed = (sheet: string, address: string, value: string): Field<string> => ({
  value,
  raw: value,
  at: { sheet, address },
  typed: true,
});

/** A money field at a fixed cell (as `fixed`). */
const fixed$ = (sheet: string, address: string, value: Money): Field<Money> => ({
  value,
  raw: value.toNumber(),
  at: { sheet, address },
  typed: true,
});

function model(): ProductionModel {
  row = 0;
  const line: BudgetLineModel = {
    kind: 'row',
    chapter: '2',
    code: f('Devis', 'A', '2.1'),
    label: f('Devis', 'B', 'Réalisateur'),
    status: f('Devis', 'C', 'Technicien'),
    quantity: f('Devis', 'D', m$(10)),
    count: f('Devis', 'F', m$(1)),
    rate: f('Devis', 'G', m$(500)),
    amount: f('Devis', 'H', m$(5000), 5000, true),
    france: f('Devis', 'I', m$(4000), 4000, true),
    foreign: f('Devis', 'J', m$(1000)),
    justification: fixed('Devis', 'K7', 'Tarif syndical'),
    taxCreditShare: f('Devis', 'L', m$(1)),
    amountFormula: '=D7*F7*G7',
  };
  const source = {
    name: f('Plan', 'B', 'Canal+'),
    category: f('Plan', 'C', 'Préachat chaîne de télévision'),
    nature: f('Plan', 'D', 'Privé', 'Privé', true),
    status: f('Plan', 'E', 'Acquis'),
    amount: f('Plan', 'F', m$(700000)),
    deadline: f<number>('Plan', 'H', 46418),
    eligibility: fixed('Plan', 'I1', 'Accord de diffusion'),
    milestones: [f('Plan', 'N', m$('0.2')), f('Plan', 'O', m$('0.6')), f('Plan', 'Q', m$('0.2'))],
    scheduleTotal: f('Plan', 'S', m$(1), 1, true),
  };
  const credit = {
    name: f('Plan', 'B', 'Crédit d’impôt'),
    category: f('Plan', 'C', 'Crédit d’impôt cinéma'),
    nature: f('Plan', 'D', 'Public', 'Public', true),
    status: f('Plan', 'E', 'Sollicité'),
    amount: f('Plan', 'F', m$(300000)),
    deadline: f<number>('Plan', 'H', null),
    eligibility: fixed('Plan', 'I2', 'Agrément provisoire'),
    milestones: [f('Plan', 'R', m$(1))],
    scheduleTotal: f('Plan', 'S', m$(1), 1, true),
  };
  return {
    params: {
      devStart: null,
      prepStart: null,
      shootStart: null,
      shootEnd: null,
      delivery: null,
      overheadsRate: null,
      overheadsCap: null,
      contingencyRate: null,
      provisionalAgreement: null,
      taxCreditRate: f('Paramètres', 'B', m$('0.3')),
      taxCreditCap: f('Paramètres', 'B', m$(30000000)),
      duration: null,
      shootingDays: null,
      prepWeeks: null,
      postWeeks: null,
      envelope: null,
      gapRate: null,
      gapAmount: null,
      gapThresholds: gapThresholdDefaults(),
      producerFeeCap: null,
      chargeRates: [],
      lists: { statuses: ['Technicien', 'Cadre', 'Artiste'], sourceStatuses: [], natures: [] },
    },
    budget: {
      table: true,
      handmade: false,
      thousands: false,
      audiovisual: false,
      nomenclature: getNomenclature(DEFAULT_NOMENCLATURE),
      rows: [line],
      lines: [line],
      chapters: [],
      outline: { overheads: null, contingency: null, grandTotal: null },
      columns: { status: true, taxCredit: true },
      header: null,
      total: f('Devis', 'H', m$(1000000), 1000000, true),
      contingency: null,
      overheads: null,
      taxCreditBase: f('Devis', 'H', m$(1000000), 1000000, true),
      producerFee: null,
      protocolBase: null,
      chapterTotals: new Map(),
    },
    recap: null,
    financing: {
      sources: [source, credit],
      categories: [],
      total: f('Plan', 'C', m$(1000000), 1000000, true),
      filmCost: f('Plan', 'C', m$(1000000), 1000000, true),
      taxCreditEstimate: f('Plan', 'C', m$(300000), 300000, true),
      taxCreditInPlan: f('Plan', 'C', m$(300000), 300000, true),
      gap: null,
      publicTotal: null,
      privateTotal: null,
      intensity: null,
      ceiling: null,
      summary: [],
      sourceCount: null,
      rseCount: null,
      comparison: null,
    },
    cashflow: {
      measures: [
        {
          type: f('Trésorerie', 'B', 'Crédit relais'),
          amount: f('Trésorerie', 'C', m$(600000)),
          date: f<number>('Trésorerie', 'D', 46461),
          repayment: f<number>('Trésorerie', 'E', 46689),
          rate: f('Trésorerie', 'F', m$('0.04')),
          fees: f('Trésorerie', 'G', m$(1200)),
          description: f('Trésorerie', 'J', 'Crédit relais bancaire'),
        },
      ],
      months: [],
      planGap: null,
      devisGap: null,
      deficitMonths: null,
      need: null,
      uncoveredNeed: null,
      lowestAfterMeasures: null,
      measuresCost: null,
      financialCostsGap: null,
    },
    actualCashflow: null,
    ledger: {
      pieces: [
        {
          date: f<number>('Dépenses', 'A', 46332),
          piece: f('Dépenses', 'B', 'F-0001'),
          code: f('Dépenses', 'E', '1.1'),
          ht: f('Dépenses', 'G', m$(15000)),
          tva: f('Dépenses', 'H', m$(825)),
          status: f('Dépenses', 'J', 'Payé'),
          paidOn: f<number>('Dépenses', 'K', 46346),
          nature: f('Dépenses', 'D', 'Facture'),
          payee: fixed('Dépenses', 'C7', 'Les Quais'),
          label: fixed('Dépenses', 'F7', 'Option sur les droits'),
          ttc: fixed$('Dépenses', 'I7', m$(15825)),
          proof: fixed('Dépenses', 'L7', 'Oui'),
        },
        {
          date: f<number>('Dépenses', 'A', 46340),
          piece: f('Dépenses', 'B', 'AV-1'),
          code: f('Dépenses', 'E', '1.1'),
          ht: f('Dépenses', 'G', m$(-500)),
          tva: f('Dépenses', 'H', m$(0)),
          status: f('Dépenses', 'J', 'Engagé'),
          paidOn: f<number>('Dépenses', 'K', null),
          nature: f('Dépenses', 'D', 'Avoir'),
          payee: fixed('Dépenses', 'C8', 'Les Quais'),
          label: fixed('Dépenses', 'F8', 'Avoir sur option'),
          ttc: fixed$('Dépenses', 'I8', m$(-500)),
          proof: fixed('Dépenses', 'L8', 'Oui'),
        },
      ],
      statuses: ['Engagé', 'Payé'],
      codes: ['1.1'],
      byCode: [
        {
          code: f('Dépenses', 'P', '1.1'),
          engaged: f('Dépenses', 'S', m$(14500), 14500, true),
          paid: f('Dépenses', 'T', m$(14500), 14500, true),
        },
      ],
    },
    followUp: {
      lines: [
        {
          code: f('Suivi', 'A', '1.1', '1.1', true),
          label: f('Suivi', 'B', 'Droits', 'Droits', true),
          devis: f('Suivi', 'C', m$(60000), 60000, true),
          engaged: f('Suivi', 'D', m$(65000), 65000, true),
          paid: f('Suivi', 'E', m$(15000), 15000, true),
          remaining: f('Suivi', 'F', m$(0)),
          final: f('Suivi', 'G', m$(65000), 65000, true),
          gap: f('Suivi', 'H', m$(5000), 5000, true),
          cause: f('Suivi', 'J', 'Aléa de tournage'),
          explanation: f('Suivi', 'K', 'Deux jours de plus'),
        },
      ],
      devis: null,
      final: null,
      baseFinal: null,
      arbitrage: null,
    },
    closing: {
      devis: f('Bilan', 'J', m$(1000000), 1000000, true),
      funding: [
        {
          source: f('Bilan', 'A', 'Canal+'),
          planned: f('Bilan', 'B', m$(700000)),
          obtained: f<Money>('Bilan', 'C', null),
        },
      ],
      costs: [],
      balance: null,
      cost: null,
      taxCredit: null,
      taxCreditPlan: null,
      taxCreditGap: null,
      personnelGap: null,
      providersGap: null,
    },
    rights: {
      holders: [
        {
          name: f('Droits', 'A', 'Auteur'),
          base: f('Droits', 'C', 'RNPP'),
          share: f('Droits', 'D', m$('0.1')),
          rank: f<Money>('Droits', 'E', null),
          mg: f('Droits', 'G', m$(5000)),
        },
      ],
      bases: [],
      ranks: [],
      rentalRate: null,
      rentalCap: null,
    },
    event: {
      lines: [
        {
          category: f('Événement', 'A', 'Logistique'),
          label: f('Événement', 'B', 'Salle'),
          quantity: f('Événement', 'C', m$(1)),
          rate: f('Événement', 'E', m$(2500)),
        },
      ],
      partners: [{ name: f('Événement', 'I', 'Cinéma'), amount: f('Événement', 'J', m$(1250)) }],
      eventDate: null,
      tasks: [],
      festivals: [],
    },
    cues: null,
    schedule: null,
    breakdown: null,
    carbon: {
      lines: [
        {
          category: f('Carbone', 'A', 'Transports'),
          label: f('Carbone', 'B', 'TGV'),
          key: f('Carbone', 'C', 'train.tgv'),
          unit: f('Carbone', 'E', 'passager.km'),
          quantityPrev: f('Carbone', 'F', m$(460)),
          multiplier: f('Carbone', 'G', m$(120)),
          prev: f('Carbone', 'H', m$('160.08'), 160.08, true),
          quantityDef: f<Money>('Carbone', 'I', null),
          assumption: f<string>('Carbone', 'L', null),
        },
      ],
      summary: null,
      measures: null,
      totalPrev: null,
      totalDef: null,
    },
  };
}

const only = (id: string): Invariant[] => INVARIANTS.filter((i) => i.id === id);
const found = (id: string, m: ProductionModel): string[] =>
  checkInvariants(only(id), m).map((v) => `${v.messageId}@${v.at.sheet}!${v.at.address}`);
/** Replaces one field of the model and says where it sits. */
function broken(edit: (m: ProductionModel) => Field<unknown>): [ProductionModel, string] {
  const m = model();
  const field = edit(m);
  return [m, `${field.at?.sheet}!${field.at?.address}`];
}
const set = <T>(
  field: Field<T>,
  value: T | null,
  raw: unknown = value instanceof Money ? value.toNumber() : value,
) => Object.assign(field, { value, raw });

describe('the valid model breaks no invariant', () => {
  it.each(INVARIANTS.map((i) => [i.id]))('%s', (id) => expect(found(id, model())).toEqual([]));
});

type Row = [string, (m: ProductionModel) => Field<unknown>, string];

const KIND: Row[] = [
  ['kind.devis.quantity', (m) => set(m.budget!.lines[0]!.quantity, m$(-2)), 'model-negative'],
  ['kind.devis.quantity', (m) => set(m.budget!.lines[0]!.count, m$(-1)), 'model-negative'],
  ['kind.devis.status', (m) => set(m.budget!.lines[0]!.status, 'Stagiaire'), 'model-not-in-list'],
  ['kind.financing.category', (m) => set(m.financing!.sources[0]!.category, null, ''), 'model-required'],
  ['kind.financing.status', (m) => set(m.financing!.sources[0]!.status, null, null), 'model-required'],
  ['kind.financing.amount', (m) => set(m.financing!.sources[0]!.amount, m$(-5)), 'model-negative'],
  [
    'kind.financing.deadline',
    (m) => set(m.financing!.sources[0]!.deadline, null, 'fin mars'),
    'model-not-date',
  ],
  ['kind.cashflow.measure', (m) => set(m.cashflow!.measures[0]!.fees, m$(-1)), 'model-negative'],
  ['kind.cashflow.measure-rate', (m) => set(m.cashflow!.measures[0]!.rate, m$(4)), 'model-share'],
  ['kind.expenses.amounts', (m) => set(m.ledger!.pieces[0]!.tva, m$(-825)), 'model-negative'],
  ['kind.expenses.status', (m) => set(m.ledger!.pieces[0]!.status, null, ''), 'model-required'],
  ['kind.expenses.paid-on', (m) => set(m.ledger!.pieces[0]!.paidOn, null, null), 'model-required'],
  ['kind.expenses.dates', (m) => set(m.ledger!.pieces[0]!.date, null, '6 nov.'), 'model-not-date'],
  ['kind.followup.remaining', (m) => set(m.followUp!.lines[0]!.remaining, m$(-1)), 'model-negative'],
  ['kind.closing.obtained', (m) => set(m.closing!.funding[0]!.obtained, m$(-1)), 'model-negative'],
  ['kind.rights.mg', (m) => set(m.rights!.holders[0]!.mg, m$(-1)), 'model-negative'],
  ['kind.event.quantities', (m) => set(m.event!.lines[0]!.rate, m$(-2500)), 'model-negative'],
  ['kind.event.partners', (m) => set(m.event!.partners[0]!.amount, m$(-1)), 'model-negative'],
  ['kind.carbon.quantities', (m) => set(m.carbon!.lines[0]!.quantityDef, m$(-3)), 'model-negative'],
];

describe('kinds and domains of fields', () => {
  it.each(KIND)('%s: a broken field is found at its cell', (id, edit, messageId) => {
    const [m, at] = broken(edit);
    expect(found(id, m)).toEqual([`${messageId}@${at}`]);
  });

  it('lets a credit note (Avoir) be negative, and a blank share be blank', () => {
    expect(found('kind.expenses.amounts', model())).toEqual([]);
    const m = model();
    set(m.cashflow!.measures[0]!.rate, null, null);
    expect(found('kind.cashflow.measure-rate', m)).toEqual([]);
  });

  it('asks a category and a status of a source only when it has an amount', () => {
    const m = model();
    set(m.financing!.sources[0]!.amount, null, null);
    set(m.financing!.sources[0]!.category, null, '');
    expect(found('kind.financing.category', m)).toEqual([]);
  });
});

describe('sums', () => {
  it('finds a schedule at 120 % at its total, a split over the amount at the typed part', () => {
    const m = model();
    set(m.financing!.sources[0]!.milestones[1]!, m$('0.8'));
    set(m.financing!.sources[0]!.scheduleTotal, m$('1.2'));
    expect(found('sum.financing.schedule', m)).toEqual(['model-sum@Plan!S20']);
    const v = checkInvariants(only('sum.financing.schedule'), m)[0];
    expect(v && renderMessage(v.messageId, v.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Les échéances de la source « Canal+ » font 120 % au lieu de 100 % : l’échéancier d’une source répartit tout son montant, ni plus ni moins : la Trésorerie en tire ses encaissements.',
    );
    const split = model();
    set(split.budget!.lines[0]!.foreign, m$(1500));
    expect(found('sum.devis.split', split)).toEqual(['model-sum@Devis!J9']);
  });

  it('takes a schedule of three thirds as whole', () => {
    const m = model();
    const s = m.financing!.sources[0]!;
    [m$('0.3333'), m$('0.3333'), m$('0.3334')].forEach((v, k) => set(s.milestones[k]!, v));
    expect(found('sum.financing.schedule', m)).toEqual([]);
  });
});

describe('orders', () => {
  it('finds a tax credit in the plan above its estimate at the typed source row', () => {
    const m = model();
    set(m.financing!.taxCreditInPlan!, m$(450000));
    set(m.financing!.sources[1]!.amount, m$(450000));
    const at = m.financing!.sources[1]!.amount.at;
    expect(found('order.financing.tax-credit', m)).toEqual([`model-order@${at?.sheet}!${at?.address}`]);
  });

  it.each([
    ['order.expenses.paid-within-engaged', (m: ProductionModel) => set(m.ledger!.byCode[0]!.paid, m$(20000))],
    [
      'order.followup.paid-within-engaged',
      (m: ProductionModel) => set(m.followUp!.lines[0]!.paid, m$(70000)),
    ],
  ] as [string, Row[1]][])('%s: found at the typed figure', (id, edit) => {
    const [m, at] = broken(edit);
    expect(found(id, m)).toEqual([`model-order@${at}`]);
  });

  it('finds a piece paid before its own date at the payment date', () => {
    const [m, at] = broken((x) => set(x.ledger!.pieces[0]!.paidOn, 46300));
    expect(found('order.expenses.paid-after-piece', m)).toEqual([`model-order-date@${at}`]);
  });

  it('reports a measure repaid before it starts at its start date, in French dates', () => {
    const m = model();
    set(m.cashflow!.measures[0]!.repayment, 46000);
    const v = checkInvariants(only('order.cashflow.measure-dates'), m)[0];
    expect(v?.at).toEqual(m.cashflow!.measures[0]!.date.at);
    expect(v && renderMessage(v.messageId, v.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'La mise en place de la mesure « Crédit relais » : 15/03/2027 en D39 tombe après 09/12/2025 en E40 : une mesure se rembourse après sa mise en place.',
    );
  });
});

describe('equalities across sheets', () => {
  it.each([
    ['equal.financing.film-cost', (m: ProductionModel) => set(m.financing!.filmCost!, m$(999999))],
    ['equal.closing.devis', (m: ProductionModel) => set(m.closing!.devis!, m$(999999))],
    // Typed over the formula: a figure where a total belongs.
    [
      'equal.financing.total',
      (m: ProductionModel) => Object.assign(set(m.financing!.total!, m$(999999)), { typed: true }),
    ],
    [
      'equal.financing.tax-credit-estimate',
      (m: ProductionModel) => Object.assign(set(m.financing!.taxCreditEstimate!, m$(1)), { typed: true }),
    ],
  ] as [string, Row[1]][])('%s: found at the cell that differs', (id, edit) => {
    const [m, at] = broken(edit);
    expect(found(id, m)).toEqual([`model-equal@${at}`]);
  });

  it("leaves a formula's cached value to the formula checks (stale in a file nothing recomputed)", () => {
    const m = model();
    set(m.financing!.sources[0]!.amount, m$(900000));
    expect(found('equal.financing.total', m)).toEqual([]);
    Object.assign(m.financing!.total!, { typed: true });
    expect(found('equal.financing.total', m)).toEqual([
      `model-equal@Plan!${m.financing!.total!.at?.address}`,
    ]);
  });

  it('computes the estimate as rate × base, capped', () => {
    const m = model();
    Object.assign(m.financing!.taxCreditEstimate!, { typed: true });
    set(m.params.taxCreditCap!, m$(250000));
    const v = checkInvariants(only('equal.financing.tax-credit-estimate'), m)[0];
    expect(v && renderMessage(v.messageId, v.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Le crédit d’impôt estimé vaut 300 000,00 €, mais 250 000,00 € en taux × base éligible du devis, plafonné : le crédit d’impôt estimé est le taux de Paramètres appliqué à la base éligible du devis, dans la limite du plafond.',
    );
  });

  it('blames the typed cell of a pair and names the other one', () => {
    const m = model();
    // The plan's cost is a formula; the devis total typed by hand is the wrong figure.
    Object.assign(m.financing!.filmCost!, { typed: false });
    Object.assign(m.budget!.total!, { typed: true });
    set(m.budget!.total!, m$(900000));
    const [v] = checkInvariants(only('equal.financing.film-cost'), m);
    expect(v?.at).toEqual(m.budget!.total!.at);
    expect(v?.data.other).toBe(`Plan!${m.financing!.filmCost!.at?.address}`);
  });
});

it('declares every invariant with a unique id, a known family, a criterion and a law in French', () => {
  const ids = INVARIANTS.map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const i of INVARIANTS) {
    expect(i.id.startsWith(`${i.family}.`)).toBe(true);
    expect(i.criterion).toMatch(/^[a-z0-9]+:C/);
    expect(i.law.length).toBeGreaterThan(30);
  }
  // Every declared invariant has a row in one of the tables above.
  const tested = new Set([
    ...KIND.map(([id]) => id),
    'sum.financing.schedule',
    'sum.devis.split',
    'order.financing.tax-credit',
    'order.expenses.paid-within-engaged',
    'order.followup.paid-within-engaged',
    'order.expenses.paid-after-piece',
    'order.cashflow.measure-dates',
    'equal.financing.film-cost',
    'equal.closing.devis',
    'equal.financing.total',
    'equal.financing.tax-credit-estimate',
  ]);
  expect(ids.filter((id) => !tested.has(id))).toEqual([]);
});
