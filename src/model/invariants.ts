import { taxCreditCategoryLabels } from '../domain/financing/categories';
import { Money, roundCents } from '../domain/money';
import { looseForm } from '../domain/text/looseForm';
import type { Field } from './field';
import type { Invariant, Subject } from './invariant';
import type { BudgetLineModel, PieceModel, SourceModel } from './model';

/*
 * What a production accountant takes for granted about each sheet, declared once. Each entry is
 * checked by one checker (invariant.ts) on the model read from any workbook, and a broken one is
 * reported at the cell that holds the wrong figure, with the criterion it harms. Adding an
 * invariant is one entry here and one row in its family's table test.
 *
 * Left to the rules (not declared again here): line amount = quantité × nombre × taux
 * (devis-line-amount), shares and France / étranger of any table within bounds
 * (derived-out-of-bounds), Paramètres dates in order and rates in 0–100 % (params-coherence),
 * rights shares of a base at 100 % (rights-shares), TTC = HT + TVA and known codes
 * (expenses-ledger), plan balanced (financing-balanced).
 */

const named = (f: Field<string> | null, fallback: string): string => f?.value ?? fallback;
const line = (l: BudgetLineModel): string =>
  `de la ligne ${named(l.code, '')}${l.label.value ? ` « ${l.label.value} »` : ''}`.replace(
    'ligne  ',
    'ligne ',
  );
const source = (s: SourceModel): string => `de la source « ${named(s.name, named(s.category, 'sans nom'))} »`;
const piece = (p: PieceModel): string => `de la pièce ${named(p.piece, named(p.code, ''))}`.trim();
const hasAmount = (f: Field<Money>): boolean => f.value !== null && !f.value.isZero();

const each = <T>(items: readonly T[] | undefined, f: (x: T) => Subject<unknown>[]): Subject<unknown>[] =>
  (items ?? []).flatMap(f);

const TAX_CREDITS = new Set(taxCreditCategoryLabels().map((l) => looseForm(l).replace(/[’']/g, "'")));
const isTaxCredit = (s: SourceModel): boolean =>
  TAX_CREDITS.has(looseForm(s.category.value ?? '').replace(/[’']/g, "'"));

export const INVARIANTS: readonly Invariant[] = [
  // ── Devis ──────────────────────────────────────────────────────────────────────────────────
  {
    id: 'kind.devis.quantity',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpca:C1.3.3',
    shown: 'number',
    law: 'une quantité négative retranche du devis sans le dire (une remise s’écrit sur une ligne à part)',
    subjects: (m) =>
      each(m.budget?.lines, (l) => [
        { field: l.quantity, what: () => `La quantité ${line(l)}` },
        { field: l.count, what: () => `Le nombre ${line(l)}` },
      ]),
  },
  {
    id: 'kind.devis.status',
    family: 'kind',
    rule: { kind: 'oneOf', list: (m) => m.params.lists.statuses, listName: 'statuts de Paramètres' },
    criterion: 'cpca:C1.3.3',
    shown: 'text',
    law: 'les charges sociales d’une ligne se calculent d’après son statut : un statut hors liste n’a pas de charges',
    subjects: (m) => each(m.budget?.lines, (l) => [{ field: l.status, what: () => `Le statut ${line(l)}` }]),
  },
  {
    id: 'sum.devis.split',
    family: 'sum',
    criterion: 'cpca:C1.3.3',
    shown: 'euros',
    law: 'dont France et dont étranger partagent le montant de la ligne, ni plus ni moins',
    cases: (m) =>
      (m.budget?.lines ?? [])
        // A blank dont étranger is none: France then holds the whole amount.
        .filter((l) => l.amount.value !== null && l.france.value !== null)
        .map((l) => ({
          parts: [l.france, l.foreign],
          total: l.france.typed ? l.france : l.foreign,
          expected: l.amount.value ?? new Money(0),
          what: () => `Dont France et dont étranger ${line(l)}`,
        })),
  },
  // ── Plan de financement ────────────────────────────────────────────────────────────────────
  {
    id: 'kind.financing.category',
    family: 'kind',
    rule: { kind: 'required' },
    criterion: 'rncp40642:C1.6',
    shown: 'text',
    law: 'sans catégorie, la source n’a pas de nature (public ou privé) et sort de l’intensité d’aide publique',
    subjects: (m) =>
      each(
        m.financing?.sources.filter((s) => hasAmount(s.amount)),
        (s) => [{ field: s.category, what: () => `La catégorie ${source(s)}` }],
      ),
  },
  {
    id: 'kind.financing.status',
    family: 'kind',
    rule: { kind: 'required' },
    criterion: 'cpca:C1.4.1',
    shown: 'text',
    law: 'la part acquise du plan se lit sur le statut de chaque source (acquis, sollicité, envisagé)',
    subjects: (m) =>
      each(
        m.financing?.sources.filter((s) => hasAmount(s.amount)),
        (s) => [{ field: s.status, what: () => `Le statut ${source(s)}` }],
      ),
  },
  {
    id: 'kind.financing.amount',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpacp:C6',
    shown: 'euros',
    law: 'une source apporte de l’argent : un montant négatif réduit le financement sans le dire',
    subjects: (m) =>
      each(m.financing?.sources, (s) => [{ field: s.amount, what: () => `Le montant ${source(s)}` }]),
  },
  {
    id: 'kind.financing.deadline',
    family: 'kind',
    rule: { kind: 'date' },
    criterion: 'cpca:C1.4.1',
    shown: 'text',
    law: 'une date limite de dépôt s’écrit comme une date pour être suivie',
    subjects: (m) =>
      each(m.financing?.sources, (s) => [{ field: s.deadline, what: () => `La date limite ${source(s)}` }]),
  },
  {
    id: 'sum.financing.schedule',
    family: 'sum',
    criterion: 'cefpf:C2.3',
    shown: 'percent',
    law: 'l’échéancier d’une source répartit tout son montant, ni plus ni moins : la Trésorerie en tire ses encaissements',
    cases: (m) =>
      (m.financing?.sources ?? [])
        .filter((s) => hasAmount(s.amount))
        .map((s) => ({
          parts: s.milestones,
          total: s.scheduleTotal,
          expected: new Money(1),
          what: () => `Les échéances ${source(s)}`,
        })),
  },
  {
    id: 'equal.financing.total',
    family: 'equal',
    criterion: 'cpacp:C6',
    shown: 'euros',
    law: 'le total du financement est la somme de ses sources',
    cases: (m) => [
      {
        left: m.financing?.total ?? null,
        right: null,
        what: () => 'Le total du financement',
        computed: m.financing
          ? {
              value: m.financing.sources.reduce((n, s) => n.plus(s.amount.value ?? 0), new Money(0)),
              how: 'somme des montants des sources',
            }
          : null,
      },
    ],
  },
  {
    id: 'order.financing.tax-credit',
    family: 'order',
    criterion: 'cpca:C1.4.1',
    shown: 'euros',
    law: 'le plan ne peut pas compter plus de crédit d’impôt que le taux et le plafond n’en donnent sur la base éligible du devis',
    cases: (m) =>
      m.financing
        ? [
            {
              lesser: m.financing.taxCreditInPlan,
              greater: m.financing.taxCreditEstimate,
              what: () => 'Le crédit d’impôt inscrit au plan',
              blame: m.financing.sources.find((s) => isTaxCredit(s) && s.amount.typed)?.amount ?? null,
            },
          ]
        : [],
  },
  {
    id: 'equal.financing.tax-credit-estimate',
    family: 'equal',
    criterion: 'cpca:C1.4.1',
    shown: 'euros',
    law: 'le crédit d’impôt estimé est le taux de Paramètres appliqué à la base éligible du devis, dans la limite du plafond',
    cases: (m) => {
      const f = m.financing;
      const rate = m.params.taxCreditRate?.value;
      const cap = m.params.taxCreditCap?.value;
      const base = m.budget?.taxCreditBase?.value;
      if (!f?.taxCreditEstimate || !rate || !cap || !base) return [];
      const value = Money.min(cap, roundCents(rate.times(base)));
      return [
        {
          left: f.taxCreditEstimate,
          right: null,
          what: () => 'Le crédit d’impôt estimé',
          computed: { value, how: 'taux × base éligible du devis, plafonné' },
        },
      ];
    },
  },
  {
    id: 'equal.financing.film-cost',
    family: 'equal',
    criterion: 'cpacp:C6',
    shown: 'euros',
    law: 'le plan finance le devis : son coût du film est le total général du devis',
    cases: (m) => [
      {
        left: m.financing?.filmCost ?? null,
        right: m.budget?.total ?? null,
        what: () => 'Le coût du film du plan',
      },
    ],
  },
  // ── Trésorerie ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'kind.cashflow.measure',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpacp:C21',
    shown: 'euros',
    law: 'une mesure de trésorerie apporte un montant et coûte des frais, jamais l’inverse',
    subjects: (m) =>
      each(m.cashflow?.measures, (x) => [
        { field: x.amount, what: () => `Le montant de la mesure « ${named(x.type, '')} »` },
        { field: x.fees, what: () => `Les frais de la mesure « ${named(x.type, '')} »` },
      ]),
  },
  {
    id: 'kind.cashflow.measure-rate',
    family: 'kind',
    rule: { kind: 'share' },
    criterion: 'cpacp:C21',
    shown: 'percent',
    law: 'un taux annuel s’écrit entre 0 et 100 % (4 % : 0,04)',
    subjects: (m) =>
      each(m.cashflow?.measures, (x) => [
        { field: x.rate, what: () => `Le taux de la mesure « ${named(x.type, '')} »` },
      ]),
  },
  {
    id: 'order.cashflow.measure-dates',
    family: 'order',
    criterion: 'cpacp:C21',
    shown: 'date',
    law: 'une mesure se rembourse après sa mise en place',
    cases: (m) =>
      (m.cashflow?.measures ?? []).map((x) => ({
        lesser: x.date,
        greater: x.repayment,
        what: () => `La mise en place de la mesure « ${named(x.type, '')} »`,
      })),
  },
  // ── Dépenses ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'kind.expenses.amounts',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpca:C.3.2.1',
    shown: 'euros',
    law: 'seul un avoir se saisit en négatif (nature « Avoir »)',
    subjects: (m) =>
      each(
        m.ledger?.pieces.filter((p) => looseForm(p.nature.value ?? '') !== 'avoir'),
        (p) => [
          { field: p.ht, what: () => `Le HT ${piece(p)}` },
          { field: p.tva, what: () => `La TVA ${piece(p)}` },
        ],
      ),
  },
  {
    id: 'kind.expenses.status',
    family: 'kind',
    rule: { kind: 'required' },
    criterion: 'cpca:C.3.2.1',
    shown: 'text',
    law: 'le Suivi budgétaire sépare l’engagé du payé d’après le statut de chaque pièce',
    subjects: (m) =>
      each(
        m.ledger?.pieces.filter((p) => p.ht.value !== null),
        (p) => [{ field: p.status, what: () => `Le statut ${piece(p)}` }],
      ),
  },
  {
    id: 'kind.expenses.paid-on',
    family: 'kind',
    rule: { kind: 'required' },
    criterion: 'cefpf:C3.3',
    shown: 'text',
    law: 'une pièce payée a sa date de paiement : la Trésorerie réelle la range au mois payé',
    subjects: (m) =>
      each(
        m.ledger?.pieces.filter((p) => looseForm(p.status.value ?? '') === 'paye'),
        (p) => [{ field: p.paidOn, what: () => `La date de paiement ${piece(p)}` }],
      ),
  },
  {
    id: 'kind.expenses.dates',
    family: 'kind',
    rule: { kind: 'date' },
    criterion: 'cefpf:C3.3',
    shown: 'text',
    law: 'une date de pièce ou de paiement s’écrit comme une date pour être rangée au bon mois',
    subjects: (m) =>
      each(m.ledger?.pieces, (p) => [
        { field: p.date, what: () => `La date ${piece(p)}` },
        { field: p.paidOn, what: () => `La date de paiement ${piece(p)}` },
      ]),
  },
  {
    id: 'order.expenses.paid-after-piece',
    family: 'order',
    criterion: 'cefpf:C3.3',
    shown: 'date',
    law: 'une pièce est payée à sa date ou après (un acompte est une pièce à sa date)',
    cases: (m) =>
      (m.ledger?.pieces ?? []).map((p) => ({
        lesser: p.date,
        greater: p.paidOn,
        what: () => `La date ${piece(p)}`,
        blame: p.paidOn,
      })),
  },
  {
    id: 'order.expenses.paid-within-engaged',
    family: 'order',
    criterion: 'cpacp:C19',
    shown: 'euros',
    law: 'on ne paie pas plus que ce qui est engagé sur une ligne',
    cases: (m) =>
      (m.ledger?.byCode ?? []).map((c) => ({
        lesser: c.paid,
        greater: c.engaged,
        what: () => `Le payé du code ${named(c.code, '')}`,
      })),
  },
  // ── Suivi budgétaire ───────────────────────────────────────────────────────────────────────
  {
    id: 'order.followup.paid-within-engaged',
    family: 'order',
    criterion: 'cpacp:C19',
    shown: 'euros',
    law: 'on ne paie pas plus que ce qui est engagé sur une ligne',
    cases: (m) =>
      (m.followUp?.lines ?? []).map((l) => ({
        lesser: l.paid,
        greater: l.engaged,
        what: () => `Le payé de la ligne ${named(l.code, '')}`,
      })),
  },
  {
    id: 'kind.followup.remaining',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'rncp40642:C2.8',
    shown: 'euros',
    law: 'un reste à engager négatif efface une dépense engagée de l’estimé final',
    subjects: (m) =>
      each(m.followUp?.lines, (l) => [
        { field: l.remaining, what: () => `Le reste à engager de la ligne ${named(l.code, '')}` },
      ]),
  },
  // ── Bilan financier ────────────────────────────────────────────────────────────────────────
  {
    id: 'equal.closing.devis',
    family: 'equal',
    criterion: 'par:C4.2.1',
    shown: 'euros',
    law: 'la clôture compare le coût définitif au devis tel qu’il a été financé',
    cases: (m) => [
      {
        left: m.closing?.devis ?? null,
        right: m.budget?.total ?? null,
        what: () => 'Le devis du Bilan financier',
      },
    ],
  },
  {
    id: 'kind.closing.obtained',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'par:C4.2.1',
    shown: 'euros',
    law: 'un financement obtenu est un montant positif (vide : comme prévu)',
    subjects: (m) =>
      each(m.closing?.funding, (f) => [
        { field: f.obtained, what: () => `Le financement obtenu de « ${named(f.source, '')} »` },
      ]),
  },
  // ── Ayants droit, Budget événement, Bilan carbone ──────────────────────────────────────────
  {
    id: 'kind.rights.mg',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cefpf:C4.17',
    shown: 'euros',
    law: 'un minimum garanti est une avance positive sur les droits',
    subjects: (m) =>
      each(m.rights?.holders, (h) => [
        { field: h.mg, what: () => `Le minimum garanti de « ${named(h.name, '')} »` },
      ]),
  },
  {
    id: 'kind.event.quantities',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpca:C.4.2.4',
    shown: 'number',
    law: 'une quantité ou un tarif négatif retranche du budget sans le dire',
    subjects: (m) =>
      each(m.event?.lines, (l) => [
        { field: l.quantity, what: () => `La quantité du poste « ${named(l.label, '')} »` },
        { field: l.rate, what: () => `Le tarif du poste « ${named(l.label, '')} »` },
      ]),
  },
  {
    id: 'kind.event.partners',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpca:C.4.2.4',
    shown: 'euros',
    law: 'un partenaire apporte : un apport négatif est une dépense à mettre dans les postes',
    subjects: (m) =>
      each(m.event?.partners, (p) => [
        { field: p.amount, what: () => `L’apport de « ${named(p.name, '')} »` },
      ]),
  },
  {
    id: 'kind.carbon.quantities',
    family: 'kind',
    rule: { kind: 'nonNegative' },
    criterion: 'cpca:C1.4.2',
    shown: 'number',
    law: 'une quantité d’activité négative retranche des émissions : les réductions vont dans les mesures',
    subjects: (m) =>
      each(m.carbon?.lines, (l) => [
        { field: l.quantityPrev, what: () => `La quantité prévisionnelle de « ${named(l.label, '')} »` },
        { field: l.multiplier, what: () => `Le multiplicateur de « ${named(l.label, '')} »` },
        { field: l.quantityDef, what: () => `La quantité définitive de « ${named(l.label, '')} »` },
      ]),
  },
];
