import type { BudgetResult } from '../../domain/budget/types';
import { taxCreditCategoryLabels } from '../../domain/financing/categories';
import type { FinancingSource } from '../../domain/financing/types';
import {
  PROVIDER_NATURES,
  type DefinitiveLine,
  type PersonRow,
  type ProviderRow,
} from '../../domain/followup/definitive';
import { statusLabel } from '../../domain/facts/facts';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { DEVIS_COLUMNS, DEVIS_NAMES } from '../devis/contract';
import { EXPENSE_NAMES } from '../expenses/contract';
import { FINANCING_NAMES, SOURCE_COLUMNS } from '../financing/contract';
import { FOLLOWUP_CHAPTER_COLUMNS, FOLLOWUP_COLUMNS, FOLLOWUP_NAMES } from '../followup/contract';
import { PARAMS_NAMES, chargeRateOfCell } from '../params/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, quoteSheet, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import {
  CLOSING_COST_COLUMNS as C,
  CLOSING_FUNDING_COLUMNS as FU,
  CLOSING_HEADER_ROW,
  CLOSING_FREE_LIST_ROWS,
  CLOSING_LINE_COLUMNS as LC,
  CLOSING_NAMES,
  CLOSING_PERSON_COLUMNS as PE,
  CLOSING_PROVIDER_COLUMNS as PR,
  CLOSING_RESULT_COLUMNS as RE,
  CLOSING_RESULT_ROWS,
} from './contract';

const num = (m: Money): number => toCellNumber(m);

export interface ClosingLayoutInput {
  result: BudgetResult;
  /** The Suivi budgétaire's chapter rows, with the devis and estimé final of each chapter's lines. */
  chapterRows: { code: string; label: string; row: number; devis: Money; final: Money }[];
  /** The plan's source rows, sources first (free rows null), from `firstRow`. */
  sources: (FinancingSource | null)[];
  sourcesFirstRow: number;
  /**
   * The coût définitif line by line (the domain's), with the Suivi row and the Devis row of each
   * line (0 for a charges line: its charges count with the pay).
   */
  lines: { line: DefinitiveLine; followRow: number; devisRow: number; charges: boolean }[];
  /** The frais généraux at completion (the Suivi budgétaire's). */
  overheadsFinal: Money;
  /** The chapter that holds the employer charges: the eligible charges add up there. */
  chargesChapter: string;
  /** The tax credit on the coût définitif, and the plan's (the sum of its tax-credit sources). */
  taxCredit: { base: Money; final: Money; plan: Money };
  /** The two lists for the commissaire aux comptes, from the ledger. */
  personnel: PersonRow[];
  providers: ProviderRow[];
  /** The ledger's salaries and providers' pieces (HT), which the lists must add up to. */
  ledgerSalaries: Money;
  ledgerProviders: Money;
  naming: Naming;
}

export interface ClosingLayout {
  sheet: SheetPlan;
  names: NamePlan[];
}

const RESULT_LABELS: Record<(typeof CLOSING_RESULT_ROWS)[number], string> = {
  cost: 'Coût définitif',
  devis: 'Devis (total général)',
  costGap: 'Écart au devis',
  funding: 'Financement définitif',
  balance:
    'Solde (financement − coût) ; positif : l’apport du producteur est réduit d’autant ; négatif : besoin non couvert',
  taxCreditBase:
    'Base éligible définitive du crédit d’impôt (dépenses en France de la liste fermée, charges comprises)',
  taxCredit: 'Crédit d’impôt définitif (taux × base, dans le plafond de Paramètres)',
  taxCreditPlan: 'Crédit d’impôt au plan de financement (estimé sur le devis)',
  taxCreditGap: 'Ajustement du crédit d’impôt (définitif − plan ; négatif : moins encaissé, ou à reverser)',
};

/** A row of the coût définitif: a chapter, the frais généraux or the imprévus. */
interface CostRow {
  label: string;
  code: string;
  devis: Money;
  final: Money;
  devisF: string;
  finalF: string;
  france: Money;
  eligible: Money;
  franceF: string;
  eligibleF: string;
  explanation?: string;
}
type Costs = { first: number; last: number; total: number; finalTotal: Money };
type Funding = { fundFirst: number; fundLast: number; fundTotal: number; funding: Money };
type ResultKey = (typeof CLOSING_RESULT_ROWS)[number];

/**
 * The chapters from the Suivi's chapter rows, with their French spend and eligible part summed
 * from the line by line detail (the charges chapter also takes the eligible pay's charges); then
 * frais généraux (French spend of the company, not eligible) and imprévus.
 */
function costRowsOf(b: SheetBuilder, input: ClosingLayoutInput, r0: number): CostRow[] {
  const suivi = quoteSheet(b.naming.sheet('followup'));
  const fg = b.n(DEVIS_NAMES.overheads.amount);
  const of = (chapter: string) => input.lines.map((l) => l.line).filter((l) => l.chapter === chapter);
  const allCharges = sum(input.lines.map((l) => l.line.eligibleCharges));
  const sumif = (col: string, r: number): string =>
    `SUMIF(${b.n(CLOSING_NAMES.lineChapters)},${C.cell('chapter', r)},${b.n(col)})`;
  return [
    ...input.chapterRows.map((c, i) => {
      const charges = c.code === input.chargesChapter;
      return {
        code: c.code,
        label: c.label,
        devis: c.devis,
        final: c.final,
        devisF: `${suivi}!${FOLLOWUP_CHAPTER_COLUMNS.cell('devis', c.row)}`,
        finalF: `${suivi}!${FOLLOWUP_CHAPTER_COLUMNS.cell('final', c.row)}`,
        france: sum(of(c.code).map((l) => l.france)),
        eligible: sum(of(c.code).map((l) => l.eligible)).plus(charges ? allCharges : ZERO),
        franceF: sumif(CLOSING_NAMES.lineFrance, r0 + i),
        eligibleF: `${sumif(CLOSING_NAMES.lineEligible, r0 + i)}${charges ? `+SUM(${b.n(CLOSING_NAMES.lineCharges)})` : ''}`,
      };
    }),
    {
      // At completion: the rate on the base the lines' écarts moved (the Suivi's).
      code: '',
      label: 'Frais généraux (taux × base à l’achèvement)',
      devis: input.result.overheads.amount,
      final: input.overheadsFinal,
      devisF: fg,
      finalF: b.n(FOLLOWUP_NAMES.boardValues.overheadsFinal),
      france: input.overheadsFinal,
      eligible: ZERO,
      franceF: C.cell('final', r0 + input.chapterRows.length),
      eligibleF: '0',
    },
    {
      // The imprévus are spent through the lines' overruns: nothing is left on them at closing.
      code: '',
      label: 'Imprévus (consommés dans les lignes)',
      devis: input.result.contingency.amount,
      final: ZERO,
      devisF: b.n(DEVIS_NAMES.contingency.amount),
      finalF: '0',
      france: ZERO,
      eligible: ZERO,
      franceF: C.cell('final', r0 + input.chapterRows.length + 1),
      eligibleF: '0',
      explanation:
        'Consommés par les écarts des lignes (voir le Suivi budgétaire) ; ce qui en reste est dans le solde.',
    },
  ];
}

function costRow(b: SheetBuilder, x: CostRow, r: number): void {
  const gap = x.final.minus(x.devis);
  const money = (
    k: 'devis' | 'final' | 'france' | 'eligible' | 'gap',
    formula: string,
    v: Money,
  ): CellPlan => ({
    address: C.cell(k, r),
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  b.push(
    {
      address: C.cell('chapter', r),
      value: x.code || null,
      ...(x.code ? { numFmt: NUMFMT.text } : {}),
      style: 'label',
    },
    { address: C.cell('label', r), value: x.label, style: 'label' },
    money('devis', x.devisF, x.devis),
    money('final', x.finalF, x.final),
    money('france', x.franceF, x.france),
    money('eligible', x.eligibleF, x.eligible),
    money('gap', `${C.cell('final', r)}-${C.cell('devis', r)}`, gap),
    {
      address: C.cell('gapRate', r),
      formula: `IF(${C.cell('devis', r)}=0,"",${C.cell('gap', r)}/${C.cell('devis', r)})`,
      result: x.devis.isZero() ? '' : num(gap.dividedBy(x.devis)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
    { address: C.cell('explanation', r), value: x.explanation ?? null, style: 'input' },
  );
}

/** Coût définitif per chapter against its devis, with the total. */
function costRows(b: SheetBuilder, input: ClosingLayoutInput): Costs {
  b.headers(C, CLOSING_HEADER_ROW);
  const first = CLOSING_HEADER_ROW + 1;
  const rows = costRowsOf(b, input, first);
  const last = first + rows.length - 1;
  const total = last + 1;
  rows.forEach((x, i) => costRow(b, x, first + i));
  const devisTotal = sum(rows.map((x) => x.devis));
  const finalTotal = sum(rows.map((x) => x.final));
  b.push({ address: C.cell('label', total), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['devis', devisTotal],
    ['final', finalTotal],
    ['france', sum(rows.map((x) => x.france))],
    ['eligible', sum(rows.map((x) => x.eligible))],
    ['gap', finalTotal.minus(devisTotal)],
  ] as const)
    b.push({
      address: C.cell(k, total),
      formula: `SUM(${C.span(k, first, last)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  return { first, last, total, finalTotal };
}

/** Financement définitif per source of the plan (obtained, or as planned). */
function fundingRows(b: SheetBuilder, input: ClosingLayoutInput, costs: Costs): Funding {
  const plan = quoteSheet(b.naming.sheet('financing'));
  const fundTitle = costs.total + 2;
  const fundHeader = fundTitle + 1;
  const fundFirst = fundHeader + 1;
  const sources = input.sources;
  const fundLast = fundFirst + sources.length - 1;
  // The plan's one tax-credit source is kept at the credit définitif (several: as planned).
  const credits = new Set(taxCreditCategoryLabels());
  const creditRows = sources.flatMap((s, i) => (s && credits.has(s.category) ? [i] : []));
  const creditRow = creditRows.length === 1 ? creditRows[0] : undefined;
  const keptOf = (s: FinancingSource | null, i: number): Money =>
    i === creditRow ? input.taxCredit.final : (s?.amount ?? ZERO);
  const fundTotal = fundLast + 1;
  b.push({ address: FU.cell('source', fundTitle), value: 'Financement définitif', style: 'section' });
  b.headers(FU, fundHeader);
  sources.forEach((s, i) => {
    const r = fundFirst + i;
    const p = input.sourcesFirstRow + i;
    const at = (k: (typeof FU.keys)[number]): string => FU.cell(k, r);
    const kept = keptOf(s, i);
    const euros = (k: 'planned' | 'kept' | 'gap', formula: string, v: number): CellPlan => ({
      address: at(k),
      formula,
      result: v,
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    b.push(
      {
        address: at('source'),
        formula: `IF(${plan}!${SOURCE_COLUMNS.cell('source', p)}="","",${plan}!${SOURCE_COLUMNS.cell('source', p)})`,
        result: s?.label ?? '',
        style: 'label',
      },
      euros('planned', `N(${plan}!${SOURCE_COLUMNS.cell('amount', p)})`, s ? num(s.amount) : 0),
      // The tax credit obtained is the credit définitif (until the user types what was cashed).
      i === creditRow
        ? {
            address: at('obtained'),
            formula: rv('taxCredit'),
            result: num(kept),
            numFmt: NUMFMT.euro,
            style: 'input',
          }
        : { address: at('obtained'), value: null, numFmt: NUMFMT.euro, style: 'input' },
      euros('kept', `IF(${at('obtained')}="",${at('planned')},${at('obtained')})`, num(kept)),
      euros('gap', `${at('kept')}-${at('planned')}`, num(kept.minus(s?.amount ?? ZERO))),
      {
        address: at('explanation'),
        value:
          i === creditRow
            ? `Crédit d’impôt définitif : taux × base éligible définitive (${RE.cell('value', resultRow('taxCredit'))}).`
            : null,
        style: 'input',
      },
    );
  });
  const planned = sum(sources.map((s) => s?.amount ?? ZERO));
  const funding = sum(sources.map(keptOf));
  b.push({ address: FU.cell('source', fundTotal), value: 'Total', style: 'total' });
  for (const [k, v] of [
    ['planned', planned],
    ['kept', funding],
    ['gap', funding.minus(planned)],
  ] as const)
    b.push({
      address: FU.cell(k, fundTotal),
      formula: `SUM(${FU.span(k, fundFirst, fundLast)})`,
      result: num(v),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  return { fundFirst, fundLast, fundTotal, funding };
}

/** The cells of one line of the coût définitif, on row `r` (see `lineRows`). */
function lineCells(
  b: SheetBuilder,
  { line: l, followRow: s, devisRow: d, charges }: ClosingLayoutInput['lines'][number],
  r: number,
): CellPlan[] {
  const suivi = quoteSheet(b.naming.sheet('followup'));
  const devis = quoteSheet(b.naming.sheet('devis'));
  const at = (k: (typeof LC.keys)[number]): string => LC.cell(k, r);
  const dv = (k: (typeof DEVIS_COLUMNS.keys)[number]): string => `${devis}!${DEVIS_COLUMNS.cell(k, d)}`;
  const sv = (k: (typeof FOLLOWUP_COLUMNS.keys)[number]): string => `${suivi}!${FOLLOWUP_COLUMNS.cell(k, s)}`;
  const euros = (k: (typeof LC.keys)[number], formula: string, v: Money): CellPlan => ({
    address: at(k),
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  const abroad = `SUMIFS(${b.n(EXPENSE_NAMES.lineHT)},${b.n(EXPENSE_NAMES.lineCodes)},${at('code')},${b.n(EXPENSE_NAMES.linePlace)},"Étranger")`;
  const toCome = `(${at('final')}-${sv('engaged')})*IF(N(${dv('amount')})=0,0,N(${dv('foreign')})/${dv('amount')})`;
  // The charges rate of the line's status, as the Devis charges it (short-CDDU surcharge included).
  const rate = chargeRateOfCell((x) => b.n(x), dv('status'));
  return [
    { address: at('code'), formula: sv('code'), result: l.code, numFmt: NUMFMT.text, style: 'label' },
    { address: at('label'), formula: sv('label'), result: l.label, style: 'label' },
    { address: at('chapter'), value: l.chapter, numFmt: NUMFMT.text, style: 'label' },
    euros('final', sv('final'), l.final),
    euros('foreign', charges ? `ROUND(${abroad},2)` : `ROUND(${abroad}+${toCome},2)`, l.foreign),
    euros('france', `${at('final')}-${at('foreign')}`, l.france),
    charges
      ? { address: at('share'), value: 0, numFmt: NUMFMT.rate, style: 'computed' }
      : {
          address: at('share'),
          formula: `N(${dv('taxCredit')})`,
          result: num(l.share),
          numFmt: NUMFMT.rate,
          style: 'computed',
        },
    euros('eligible', `ROUND(${at('france')}*${at('share')},2)`, l.eligible),
    charges
      ? euros('charges', '0', ZERO)
      : euros('charges', `ROUND(ROUND(${at('final')}*${rate},2)*${at('share')},2)`, l.eligibleCharges),
  ];
}

/**
 * The coût définitif line by line, under the lists: each line's final cost (the Suivi's), what
 * of it was spent abroad (the pieces marked « Étranger », and what is still to engage at the
 * devis's foreign share), its French spend, its eligible share (the Devis's) and eligible part,
 * and the employer charges of that part. Returns its first and last rows.
 */
function lineRows(
  b: SheetBuilder,
  input: ClosingLayoutInput,
  after: number,
): { first: number; last: number } {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const last = first + Math.max(input.lines.length, 1) - 1;
  b.push({
    address: LC.cell('code', title),
    value:
      'Coût définitif ligne par ligne — dépenses en France et part éligible au crédit d’impôt (Code du cinéma art. D331-14 ; CGI art. 220 F)',
    style: 'section',
  });
  b.headers(LC, header);
  input.lines.forEach((line, i) => b.push(...lineCells(b, line, first + i)));
  const span = (k: (typeof LC.keys)[number]): string =>
    `${absolute(LC.cell(k, first))}:${absolute(LC.cell(k, last))}`;
  b.name(CLOSING_NAMES.lines, LC.block(first, last))
    .name(CLOSING_NAMES.lineChapters, span('chapter'))
    .name(CLOSING_NAMES.lineFrance, span('france'))
    .name(CLOSING_NAMES.lineEligible, span('eligible'))
    .name(CLOSING_NAMES.lineCharges, span('charges'));
  return { first, last };
}

/** A list's total and check rows: the ledger's figure, and what of it the list leaves out. */
function listTotals(
  b: SheetBuilder,
  at: (row: number) => { label: string; value: string },
  rows: { first: number; last: number },
  figures: { listed: Money; ledger: Money; ledgerF: string; ledgerLabel: string; gapName: string },
): number {
  const total = rows.last + 1;
  const ledger = total + 1;
  const gap = total + 2;
  const euros = (row: number, formula: string, v: Money, style: 'total' | 'computed'): CellPlan => ({
    address: at(row).value,
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
    style,
  });
  b.push(
    { address: at(total).label, value: 'Total de la liste', style: 'total' },
    euros(total, `SUM(${at(rows.first).value}:${at(rows.last).value})`, figures.listed, 'total'),
    { address: at(ledger).label, value: figures.ledgerLabel, style: 'label' },
    euros(ledger, figures.ledgerF, figures.ledger, 'computed'),
    {
      address: at(gap).label,
      value: 'Écart : pièces du grand livre absentes de la liste (doit être nul)',
      style: 'label',
    },
    euros(
      gap,
      `ROUND(${at(ledger).value}-${at(total).value},2)`,
      figures.ledger.minus(figures.listed),
      'computed',
    ),
  );
  b.name(figures.gapName, absolute(at(gap).value));
  return gap;
}

/**
 * The nominative list of personnel the CNC asks with the coût définitif (Code du cinéma art.
 * D331-14): each person paid a salary in the ledger, the function and status of the devis line,
 * the gross and the employer charges at the status's rate, by formula over the ledger; free rows;
 * then the ledger's salaries and what the list leaves out. Returns its last row.
 */
function personnelRows(b: SheetBuilder, input: ClosingLayoutInput, after: number): number {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const people: (PersonRow | null)[] = [
    ...input.personnel,
    ...Array<null>(CLOSING_FREE_LIST_ROWS).fill(null),
  ];
  const last = first + people.length - 1;
  b.push({
    address: PE.cell('name', title),
    value:
      'Liste nominative du personnel — fonction, salaire brut et part patronale des charges (Code du cinéma art. D331-14), d’après les salaires des Dépenses',
    style: 'section',
  });
  b.headers(PE, header);
  const L = {
    ht: b.n(EXPENSE_NAMES.lineHT),
    payees: b.n(EXPENSE_NAMES.linePayees),
    natures: b.n(EXPENSE_NAMES.lineNatures),
  };
  const rateOf = (cell: string): string => chargeRateOfCell((x) => b.n(x), cell);
  people.forEach((p, i) => {
    const r = first + i;
    const at = (k: (typeof PE.keys)[number]): string => PE.cell(k, r);
    b.push(
      { address: at('name'), value: p?.name ?? null, style: 'input' },
      { address: at('role'), value: p?.role ?? null, style: 'input' },
      { address: at('status'), value: p?.status ? statusLabel(p.status) : null, style: 'input' },
      {
        address: at('gross'),
        formula: `IF(${at('name')}="",0,SUMIFS(${L.ht},${L.payees},${at('name')},${L.natures},"Salaire"))`,
        result: num(p?.gross ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('charges'),
        formula: `ROUND(${at('gross')}*${rateOf(at('status'))},2)`,
        result: num(p?.charges ?? ZERO),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('pieces'),
        formula: `IF(${at('name')}="",0,COUNTIFS(${L.payees},${at('name')},${L.natures},"Salaire"))`,
        result: p?.pieces ?? 0,
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
      { address: at('reference'), value: p?.reference || null, style: 'input' },
      // The déclaration préalable à l'embauche of each person (the CNC asks the list with them).
      { address: at('dpae'), value: null, style: 'input' },
    );
  });
  b.name(CLOSING_NAMES.personnel, PE.block(first, last));
  b.validations.push({
    range: PE.span('status', first, last),
    kind: 'list',
    listName: b.n(PARAMS_NAMES.chargeStatuses),
    error: 'Statut : choisissez dans la liste (feuille Paramètres).',
  });
  return listTotals(
    b,
    (row) => ({ label: PE.cell('role', row), value: PE.cell('gross', row) }),
    { first, last },
    {
      listed: sum(input.personnel.map((p) => p.gross)),
      ledger: input.ledgerSalaries,
      ledgerF: `SUMIF(${L.natures},"Salaire",${L.ht})`,
      ledgerLabel: 'Salaires du grand livre (nature Salaire)',
      gapName: CLOSING_NAMES.personnelGap,
    },
  );
}

/**
 * The providers and technical industries (Code du cinéma art. D331-14): each payee of an invoice,
 * deposit or credit note of the ledger (not the social bodies, paid under the charges chapter),
 * its SIRET to fill in, its pieces, HT and HT abroad, by formula over the ledger; free rows; then
 * the ledger's figure and what the list leaves out. Returns its last row.
 */
function providerRows(b: SheetBuilder, input: ClosingLayoutInput, after: number): number {
  const title = after + 2;
  const header = title + 1;
  const first = header + 1;
  const providers: (ProviderRow | null)[] = [
    ...input.providers,
    ...Array<null>(CLOSING_FREE_LIST_ROWS).fill(null),
  ];
  const last = first + providers.length - 1;
  b.push({
    address: PR.cell('name', title),
    value:
      'Liste des prestataires et industries techniques — factures HT, dont à l’étranger (Code du cinéma art. D331-14), d’après les Dépenses',
    style: 'section',
  });
  b.headers(PR, header);
  const L = {
    ht: b.n(EXPENSE_NAMES.lineHT),
    payees: b.n(EXPENSE_NAMES.linePayees),
    natures: b.n(EXPENSE_NAMES.lineNatures),
    codes: b.n(EXPENSE_NAMES.lineCodes),
    places: b.n(EXPENSE_NAMES.linePlace),
  };
  // A provider's piece: an invoice, deposit or credit note, not charged to the charges chapter.
  const charges = `${input.chargesChapter}.`;
  const piece = `((${PROVIDER_NATURES.map((n) => `(${L.natures}="${n}")`).join('+')})*(LEFT(${L.codes}&".",${charges.length})<>"${charges}"))`;
  providers.forEach((p, i) => {
    const r = first + i;
    const at = (k: (typeof PR.keys)[number]): string => PR.cell(k, r);
    const of = (extra: string, v: Money | number, numFmt: string) => ({
      formula: `IF(${at('name')}="",0,SUMPRODUCT((${L.payees}=${at('name')})*${piece}${extra}))`,
      result: typeof v === 'number' ? v : num(v),
      numFmt,
      style: 'computed' as const,
    });
    b.push(
      { address: at('name'), value: p?.name ?? null, style: 'input' },
      { address: at('siret'), value: null, numFmt: NUMFMT.text, style: 'input' },
      { address: at('invoices'), ...of('', p?.invoices ?? 0, NUMFMT.integer) },
      { address: at('ht'), ...of(`,${L.ht}`, p?.ht ?? ZERO, NUMFMT.euro) },
      { address: at('foreign'), ...of(`*(${L.places}="Étranger"),${L.ht}`, p?.foreign ?? ZERO, NUMFMT.euro) },
    );
  });
  b.name(CLOSING_NAMES.providers, PR.block(first, last));
  return listTotals(
    b,
    (row) => ({ label: PR.cell('invoices', row), value: PR.cell('ht', row) }),
    { first, last },
    {
      listed: sum(input.providers.map((p) => p.ht)),
      ledger: input.ledgerProviders,
      ledgerF: `SUMPRODUCT(${piece},${L.ht})`,
      ledgerLabel: 'Factures, acomptes et avoirs du grand livre (hors charges sociales)',
      gapName: CLOSING_NAMES.providersGap,
    },
  );
}

const resultRow = (k: ResultKey): number => CLOSING_HEADER_ROW + 1 + CLOSING_RESULT_ROWS.indexOf(k);
const rv = (k: ResultKey): string => RE.cell('value', resultRow(k));

/**
 * The result, right of the tables: coût définitif, devis, écart, financement définitif, solde;
 * then the tax credit on the coût définitif against the plan's.
 */
function resultRows(b: SheetBuilder, input: ClosingLayoutInput, costs: Costs, fund: Funding): void {
  const budget = input.result;
  const tc = input.taxCredit;
  const { finalTotal } = costs;
  const values: Record<ResultKey, { formula: string; result: Money }> = {
    cost: { formula: C.cell('final', costs.total), result: finalTotal },
    devis: { formula: b.n(DEVIS_NAMES.total.amount), result: budget.total.amount },
    costGap: { formula: `${rv('cost')}-${rv('devis')}`, result: finalTotal.minus(budget.total.amount) },
    funding: { formula: FU.cell('kept', fund.fundTotal), result: fund.funding },
    balance: { formula: `${rv('funding')}-${rv('cost')}`, result: fund.funding.minus(finalTotal) },
    taxCreditBase: { formula: C.cell('eligible', costs.total), result: tc.base },
    taxCredit: {
      formula: `MIN(${b.n(PARAMS_NAMES.taxCreditCap)},ROUND(${b.n(PARAMS_NAMES.taxCreditRate)}*${rv('taxCreditBase')},2))`,
      result: tc.final,
    },
    taxCreditPlan: { formula: `N(${b.n(FINANCING_NAMES.taxCreditInPlan)})`, result: tc.plan },
    taxCreditGap: { formula: `${rv('taxCredit')}-${rv('taxCreditPlan')}`, result: tc.final.minus(tc.plan) },
  };
  b.headers(RE, CLOSING_HEADER_ROW);
  for (const k of CLOSING_RESULT_ROWS)
    b.push(
      {
        address: RE.cell('label', resultRow(k)),
        value: RESULT_LABELS[k],
        style: k === 'balance' ? 'total' : 'label',
      },
      {
        address: rv(k),
        formula: values[k].formula,
        result: num(values[k].result),
        numFmt: NUMFMT.euro,
        style: k === 'balance' ? 'total' : 'computed',
      },
    );
}

/**
 * Bilan financier, the shape of a rendu de comptes: the coût définitif of each chapter against its
 * devis (from the Suivi budgétaire: once nothing is left to engage, the estimé final is the cost),
 * frais généraux and imprévus, with the écart explained; the financement définitif of each source
 * of the plan (obtained, or as planned), and the balance between the two.
 */
export function closingSheet(input: ClosingLayoutInput): ClosingLayout {
  const b = new SheetBuilder(input.naming, 'closing');
  b.titled(
    'Bilan financier — coût définitif et financement définitif',
    'Le coût définitif de chaque chapitre vient du Suivi budgétaire (estimé final : un coût définitif une fois qu’il ne reste rien à engager), avec ses dépenses en France (les pièces « Étranger » des Dépenses exclues) et sa part éligible au crédit d’impôt, détaillées ligne par ligne sous le financement. Chaque écart notable s’explique ; le financement définitif reprend chaque source du plan, obtenue ou comme prévue, le crédit d’impôt au montant définitif. Document à faire certifier (Code du cinéma art. D331-14 ; CGI art. 220 F).',
  );
  const costs = costRows(b, input);
  const fund = fundingRows(b, input, costs);
  // The lists for the commissaire aux comptes, then the line by line detail (its header names
  // its own columns, France, abroad and share, below the lists').
  lineRows(b, input, providerRows(b, input, personnelRows(b, input, fund.fundTotal)));
  resultRows(b, input, costs, fund);
  b.name(CLOSING_NAMES.costs, C.block(costs.first, costs.last))
    .name(CLOSING_NAMES.funding, FU.block(fund.fundFirst, fund.fundLast))
    .name(CLOSING_NAMES.cost, absolute(rv('cost')))
    .name(CLOSING_NAMES.devis, absolute(rv('devis')))
    .name(CLOSING_NAMES.costGap, absolute(rv('costGap')))
    .name(CLOSING_NAMES.fundingTotal, absolute(rv('funding')))
    .name(CLOSING_NAMES.balance, absolute(rv('balance')))
    .name(CLOSING_NAMES.taxCreditBase, absolute(rv('taxCreditBase')))
    .name(CLOSING_NAMES.taxCredit, absolute(rv('taxCredit')))
    .name(CLOSING_NAMES.taxCreditPlan, absolute(rv('taxCreditPlan')))
    .name(CLOSING_NAMES.taxCreditGap, absolute(rv('taxCreditGap')));
  b.validations.push({
    range: FU.span('obtained', fund.fundFirst, fund.fundLast),
    kind: 'decimalMin0',
    error: 'Obtenu : un montant positif ou nul, en euros.',
  });
  b.conditionalFormats.push(
    { range: C.span('gap', costs.first, costs.total), when: 'overrun' },
    { range: `${rv('balance')}:${rv('balance')}`, when: 'negative' },
    { range: `${rv('taxCreditGap')}:${rv('taxCreditGap')}`, when: 'negative' },
  );
  return {
    sheet: b.plan({
      columnWidths: [36, 40, 16, 16, 14, 12, 16, 16, 48, 3, 52, 16],
      freezeRows: CLOSING_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: CLOSING_HEADER_ROW },
    }),
    names: b.names,
  };
}
