import type { BudgetResult } from '../../domain/budget/types';
import {
  CEILING_RULES,
  cinemaTaxCreditLabel,
  financingCategories,
  milestoneLabels,
  RECEIPT_PROFILE_NOTE,
  taxCreditCategoryLabels,
} from '../../domain/financing/categories';
import { isPublic } from '../../domain/financing/compute';
import {
  MILESTONES,
  PRIVATE,
  PUBLIC,
  SOURCE_STATUS,
  type ComparedAid,
  type FinancingContext,
  type FinancingResult,
  type FinancingSource,
} from '../../domain/financing/types';
import { formatLabel } from '../../domain/facts/facts';
import { Money, ZERO, sum, toCellNumber } from '../../domain/money';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { CEILING_NAMES, LIST_NAMES, PARAMS_NAMES as P } from '../params/contract';
import { DEVIS_NAMES, chapterNames } from '../devis/contract';
import {
  CONDITIONS_NOTE,
  conditionKinds,
  conditionLabel,
  type ConditionResult,
} from '../../domain/financing/conditions';
import { NO, YES, yesNo } from '../model/labels';
import { accordPeriod, mediaAccord, type WindowResult } from '../../domain/financing/windows';
import { markLabel } from '../../domain/facts/facts';
import {
  ACCORD_COLUMNS as AC,
  CATEGORY_COLUMNS as CAT,
  COMPARISON_COLUMNS as CMP,
  CONDITION_COLUMNS as CO,
  FREE_CONDITION_ROWS,
  FINANCING_NAMES as F,
  FIN_SUMMARY_FIRST_ROW,
  FIN_TABLE_HEADER_ROW,
  FREE_SOURCE_ROWS,
  FREE_WINDOW_ROWS,
  SOURCE_COLUMNS as S,
  UNKNOWN_WINDOW,
  WINDOW_COLUMNS as W,
  WINDOW_VERDICTS,
  SUMMARY_COLUMNS as SUM,
  milestoneColumn,
  type FinancingNameKey,
} from './contract';
import {
  NUMFMT,
  absolute,
  type CellPlan,
  type NamePlan,
  type SheetPlan,
  type ValidationPlan,
} from '../model/plan';

export { FREE_SOURCE_ROWS };
const FREE_COMPARISON_ROWS = 3;
const FREE_CATEGORY_ROWS = 5;

export { FIN_TABLE_HEADER_ROW };

export interface FinancingLayoutInput {
  sources: FinancingSource[];
  comparison: ComparedAid[];
  context: FinancingContext;
  budget: BudgetResult;
  naming: Naming;
  /** The plan computed by the domain, and its rows (the sources then the free rows). */
  result: FinancingResult;
  rows: (FinancingSource | null)[];
  /** The funders' conditions computed by the domain against the devis. */
  conditions?: ConditionResult[];
  /** The windows of the chronologie des médias; absent for a work not released in theatres. */
  windows?: WindowResult[];
}

export interface FinancingLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: FinancingResult;
  /** Rows of the source table (sources then free rows), for the Trésorerie. */
  rows: (FinancingSource | null)[];
  firstRow: number;
  lastRow: number;
}

const num = (m: Money): number => toCellNumber(m);

/** One named figure of the summary block. */
interface SummaryItem {
  label: string;
  name: FinancingNameKey;
  formula: string;
  result: number | string;
  numFmt: string;
  style?: 'total';
  note?: Omit<CellPlan, 'address'>;
}

/** Rows and columns of the source table. */
interface Table {
  first: number;
  last: number;
  totalRow: number;
  col: (k: (typeof S.keys)[number]) => string;
}

const N = (b: SheetBuilder, key: FinancingNameKey): string => b.n(F[key]);
const firstMilestone = milestoneColumn(0);
const lastMilestone = milestoneColumn(MILESTONES.length - 1);

/** The public-aid ceiling and its rule, as formulas over Paramètres (the domain's decision tree). */
function ceilingFormulas(b: SheetBuilder): { rate: string; rule: string } {
  const p = (k: keyof typeof CEILING_NAMES): string => b.n(CEILING_NAMES[k]);
  const devisTotal = b.n(DEVIS_NAMES.total.amount);
  const fmt = b.n(P.format);
  const duree = b.n(P.duration);
  const cinema = `OR(${fmt}="${formatLabel('long-metrage')}",${fmt}="${formatLabel('court-metrage')}")`;
  const difficult = `OR(${b.n(P.firstOrSecondFilm)}="${YES}",${devisTotal}<=${p('cinemaSmallBudget')})`;
  const noCredit = `COUNTIF(${N(b, 'categories')},"${cinemaTaxCreditLabel()}")=0`;
  const cinemaRate = `IF(${difficult},IF(${noCredit},${p('cinemaWithoutTaxCredit')},${p('cinemaDerogation')}),${p('cinemaBase')})`;
  const perHour = `${devisTotal}*60/${duree}`;
  const isDocumentary = `AND(${fmt}="${formatLabel('documentaire')}",${perHour}<=${p('avDocumentaryPerHour')})`;
  const requested = `${b.n(P.avDerogation)}="${YES}"`;
  const eligible = `AND(N(${duree})>0,OR(${isDocumentary},${perHour}<=${p('avSmallBudgetPerHour')}))`;
  const avRate = `IF(OR(N(${duree})=0,NOT(${requested})),${p('avBase')},IF(${isDocumentary},${p('avDocumentary')},IF(${perHour}<=${p('avSmallBudgetPerHour')},${p('avDerogation')},${p('avBase')})))`;
  const R = (k: keyof typeof CEILING_RULES): string => `"${CEILING_RULES[k]}"`;
  const cinemaRule = `IF(${difficult},IF(${noCredit},${R('cinemaWithoutTaxCredit')},${R('cinemaDerogation')}),${R('cinemaBase')})`;
  const avRule = `IF(N(${duree})=0,${R('avBase')},IF(NOT(${requested}),IF(${eligible},${R('avBaseDerogationPossible')},${R('avBase')}),IF(${isDocumentary},${R('avDocumentary')},IF(${perHour}<=${p('avSmallBudgetPerHour')},${R('avDerogation')},${R('avBase')}))))`;
  return { rate: `IF(${cinema},${cinemaRate},${avRate})`, rule: `IF(${cinema},${cinemaRule},${avRule})` };
}

/** Total, cost, balance, share acquired, count, public and private totals. */
function balanceItems(b: SheetBuilder, input: FinancingLayoutInput, t: Table): SummaryItem[] {
  const { result } = input;
  const acquired = sum(input.sources.filter((s) => s.status === SOURCE_STATUS.acquired).map((s) => s.amount));
  const privateTotal = sum(input.sources.filter((s) => !isPublic(s)).map((s) => s.amount));
  const gap = N(b, 'gap');
  const gapWords = result.gap.toDecimalPlaces(2).isZero()
    ? 'Plan équilibré'
    : result.gap.isPositive()
      ? 'Excédent de financement'
      : 'Besoin de financement à couvrir';
  const euros = (label: string, name: FinancingNameKey, formula: string, v: Money): SummaryItem => ({
    label,
    name,
    formula,
    result: num(v),
    numFmt: NUMFMT.euro,
  });
  return [
    { ...euros('Total du financement', 'total', S.cell('amount', t.totalRow), result.total), style: 'total' },
    euros(
      'Coût du film (total général du devis)',
      'filmCost',
      b.n(DEVIS_NAMES.total.amount),
      input.context.devisTotal,
    ),
    {
      ...euros(
        'Écart financement − devis (équilibré si nul)',
        'gap',
        `${N(b, 'total')}-${N(b, 'filmCost')}`,
        result.gap,
      ),
      style: 'total',
      note: {
        formula: `IF(ROUND(${gap},2)=0,"Plan équilibré",IF(${gap}>0,"Excédent de financement","Besoin de financement à couvrir"))`,
        result: gapWords,
        style: 'note',
      },
    },
    {
      label: 'Part acquise',
      name: 'acquiredShare',
      formula: `IF(${N(b, 'total')}=0,0,SUMIF(${t.col('status')},"${SOURCE_STATUS.acquired}",${t.col('amount')})/${N(b, 'total')})`,
      result: num(result.total.isZero() ? ZERO : acquired.dividedBy(result.total)),
      numFmt: NUMFMT.percent,
    },
    {
      label: 'Nombre de sources',
      name: 'sourceCount',
      formula: `COUNTIF(${t.col('amount')},">0")`,
      result: result.sourceCount,
      numFmt: NUMFMT.integer,
    },
    euros(
      'Aides publiques',
      'publicTotal',
      `SUMIF(${t.col('nature')},"${PUBLIC}",${t.col('amount')})`,
      result.publicTotal,
    ),
    euros(
      'Financement privé',
      'privateTotal',
      `SUMIF(${t.col('nature')},"${PRIVATE}",${t.col('amount')})`,
      privateTotal,
    ),
  ];
}

/** Intensity and its ceiling, the tax credit estimated and in the plan, the RSE bonuses. */
function ceilingAndCreditItems(b: SheetBuilder, input: FinancingLayoutInput, t: Table): SummaryItem[] {
  const { result } = input;
  const estimate = result.taxCreditEstimate;
  const ceiling = ceilingFormulas(b);
  const share = (label: string, name: FinancingNameKey, formula: string, v: Money): SummaryItem => ({
    label,
    name,
    formula,
    result: num(v),
    numFmt: NUMFMT.percent,
  });
  return [
    share(
      'Intensité des aides publiques (aides publiques / coût du film)',
      'intensity',
      `IF(${N(b, 'filmCost')}=0,0,${N(b, 'publicTotal')}/${N(b, 'filmCost')})`,
      result.intensity,
    ),
    {
      ...share('Plafond applicable', 'ceiling', ceiling.rate, result.ceiling),
      note: { formula: ceiling.rule, result: result.ceilingRule, style: 'note' },
    },
    share(
      'Marge sous le plafond (négatif : plafond dépassé)',
      'ceilingMargin',
      `${N(b, 'ceiling')}-${N(b, 'intensity')}`,
      result.ceiling.minus(result.intensity),
    ),
    {
      label: 'Crédit d’impôt estimé (taux × base éligible du devis)',
      name: 'taxCreditEstimate',
      formula: `MIN(${b.n(P.taxCreditCap)},ROUND(${b.n(P.taxCreditRate)}*${b.n(DEVIS_NAMES.taxCreditBase)},2))`,
      result: num(estimate),
      numFmt: NUMFMT.euro,
      note: {
        value:
          'Taux et plafond : feuille Paramètres (source et fiabilité indiquées) ; base : dépenses en France de la liste fermée (CGI ann. III art. 46 quater-0 YM), nommée Devis_BaseCreditImpot sous le total du devis. Estimé tant que l’agrément provisoire n’est pas obtenu.',
        style: 'note',
      },
    },
    {
      label: 'Crédit d’impôt inscrit au plan',
      name: 'taxCreditInPlan',
      formula: taxCreditCategoryLabels()
        .map((label) => `SUMIF(${t.col('category')},"${label}",${t.col('amount')})`)
        .join('+'),
      result: num(result.taxCreditInPlan),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart plan − estimation du crédit d’impôt',
      name: 'taxCreditGap',
      formula: `${N(b, 'taxCreditInPlan')}-${N(b, 'taxCreditEstimate')}`,
      result: num(result.taxCreditInPlan.minus(estimate)),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Sources avec bonus RSE (éco-production, inclusion…)',
      name: 'rseCount',
      formula: `COUNTIF(${t.col('rse')},"${YES}")`,
      result: result.rseCount,
      numFmt: NUMFMT.integer,
    },
  ];
}

/** The summary block: one named figure per row; formulas refer to each other by name. Its rows by name. */
function summaryRows(b: SheetBuilder, items: SummaryItem[]): (key: FinancingNameKey) => number {
  b.push({ address: `A${FIN_SUMMARY_FIRST_ROW - 1}`, value: SUM.header('label'), style: 'section' });
  items.forEach((s, i) => {
    const row = FIN_SUMMARY_FIRST_ROW + i;
    b.push(
      { address: SUM.cell('label', row), value: s.label, style: 'label' },
      {
        address: SUM.cell('value', row),
        formula: s.formula,
        result: s.result,
        numFmt: s.numFmt,
        style: s.style ?? 'computed',
      },
    );
    if (s.note) b.push({ address: SUM.cell('note', row), ...s.note });
    b.name(F[s.name], absolute(SUM.cell('value', row)));
  });
  const summaryLast = FIN_SUMMARY_FIRST_ROW + items.length - 1;
  if (summaryLast + 2 >= FIN_TABLE_HEADER_ROW)
    throw new Error('La synthèse du plan déborde sur le tableau des sources');
  return (key) => FIN_SUMMARY_FIRST_ROW + items.findIndex((s) => s.name === key);
}

/** One source (or a free row): category, nature from the category table, status, amount, schedule. */
function sourceRow(
  b: SheetBuilder,
  s: FinancingSource | null,
  i: number,
  r: number,
  devisTotal: Money,
): void {
  const at = (k: (typeof S.keys)[number]): string => S.cell(k, r);
  const nature = s
    ? (financingCategories().find((c) => c.label === s.category)?.nature ?? 'Catégorie inconnue')
    : '';
  const devis = b.n(DEVIS_NAMES.total.amount);
  b.push(
    {
      address: at('rank'),
      formula: `ROW()-${FIN_TABLE_HEADER_ROW}`,
      result: i + 1,
      numFmt: NUMFMT.integer,
      style: 'computed',
    },
    { address: at('source'), value: s?.label ?? null, style: 'input' },
    { address: at('category'), value: s?.category ?? null, style: 'input' },
    {
      address: at('nature'),
      formula: `IF(${at('category')}="","",IFERROR(INDEX(${N(b, 'categoryNatures')},MATCH(${at('category')},${N(b, 'categoryLabels')},0)),"Catégorie inconnue"))`,
      result: nature,
      style: 'computed',
    },
    { address: at('status'), value: s?.status ?? null, style: 'input' },
    { address: at('amount'), value: s ? num(s.amount) : null, numFmt: NUMFMT.euro, style: 'input' },
    {
      address: at('share'),
      formula: `IF(${devis}=0,0,N(${at('amount')})/${devis})`,
      result: s && !devisTotal.isZero() ? num(s.amount.dividedBy(devisTotal)) : 0,
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
    { address: at('deadline'), value: s?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' },
    { address: at('eligibility'), value: s?.eligibility ?? null, style: 'input' },
    { address: at('advantages'), value: s?.advantages ?? null, style: 'input' },
    { address: at('drawbacks'), value: s?.drawbacks ?? null, style: 'input' },
    { address: at('rse'), value: s ? yesNo(s.rseBonus ?? false) : null, style: 'input' },
  );
  for (let m = 0; m < MILESTONES.length; m += 1) {
    const share = s?.profile[m];
    b.push({
      address: `${milestoneColumn(m)}${r}`,
      value: share && !share.isZero() ? num(share) : null,
      numFmt: NUMFMT.percent,
      style: 'input',
    });
  }
  b.push({
    address: at('scheduleTotal'),
    formula: `SUM(${firstMilestone}${r}:${lastMilestone}${r})`,
    result: s ? num(sum(s.profile)) : 0,
    numFmt: NUMFMT.percent,
    style: 'computed',
  });
}

/** The source table: headers (milestones among them), a row per source and free row, the total. */
function sourceRows(b: SheetBuilder, input: FinancingLayoutInput, t: Table, summaryLast: number): void {
  const devisTotal = input.context.devisTotal;
  b.push({ address: `A${FIN_TABLE_HEADER_ROW - 1}`, value: 'Sources de financement', style: 'section' });
  const headers: [string, string][] = [
    ...S.keys.map((k): [string, string] => [S.letter(k), S.header(k)]),
    ...milestoneLabels().map((l, i): [string, string] => [milestoneColumn(i), `% ${l}`]),
  ];
  headers.sort(([a], [c]) => a.length - c.length || a.localeCompare(c));
  for (const [letter, h] of headers)
    b.push({ address: `${letter}${FIN_TABLE_HEADER_ROW}`, value: h, style: 'header' });
  input.rows.forEach((s, i) => sourceRow(b, s, i, t.first + i, devisTotal));
  b.push(
    { address: S.cell('source', t.totalRow), value: 'Total', style: 'total' },
    {
      address: S.cell('amount', t.totalRow),
      formula: `SUM(${S.span('amount', t.first, t.last)})`,
      result: num(input.result.total),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
    {
      address: S.cell('share', t.totalRow),
      formula: `SUM(${S.span('share', t.first, t.last)})`,
      result: devisTotal.isZero() ? 0 : num(input.result.total.dividedBy(devisTotal)),
      numFmt: NUMFMT.percent,
      style: 'total',
    },
  );
  const tableNames: [FinancingNameKey, string][] = [
    ['sources', t.col('source')],
    ['categories', t.col('category')],
    ['natures', t.col('nature')],
    ['statuses', t.col('status')],
    ['amounts', t.col('amount')],
    ['deadlines', t.col('deadline')],
    ['eligibility', t.col('eligibility')],
    ['rseBonus', t.col('rse')],
    ['schedule', `$${firstMilestone}$${t.first}:$${lastMilestone}$${t.last}`],
  ];
  for (const [name, ref] of tableNames) b.name(F[name], ref);
  b.name(F.table, S.block(FIN_TABLE_HEADER_ROW, t.totalRow));
  b.name(
    F.summary,
    `${absolute(SUM.cell('label', FIN_SUMMARY_FIRST_ROW))}:${absolute(SUM.cell('value', summaryLast))}`,
  );
}

type Comparison = { compFirst: number; compLast: number; compSummary: number };

/** The comparative study of aids, with the counts of options compared and retained. */
function comparisonRows(b: SheetBuilder, comparison: ComparedAid[], t: Table): Comparison {
  const compTitle = t.totalRow + 2;
  const compHeader = compTitle + 1;
  b.push({ address: `A${compTitle}`, value: 'Étude comparative des aides', style: 'section' });
  b.headers(CMP, compHeader);
  const compRows: (ComparedAid | null)[] = [...comparison, ...Array<null>(FREE_COMPARISON_ROWS).fill(null)];
  const compFirst = compHeader + 1;
  compRows.forEach((a, i) => {
    const r = compFirst + i;
    b.push(
      { address: CMP.cell('aid', r), value: a?.aid ?? null, style: 'input' },
      {
        address: CMP.cell('amount', r),
        value: a ? num(a.amount) : null,
        numFmt: NUMFMT.euro,
        style: 'input',
      },
      { address: CMP.cell('deadline', r), value: a?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' },
      { address: CMP.cell('eligibility', r), value: a?.eligibility ?? null, style: 'input' },
      { address: CMP.cell('advantages', r), value: a?.advantages ?? null, style: 'input' },
      { address: CMP.cell('drawbacks', r), value: a?.drawbacks ?? null, style: 'input' },
      { address: CMP.cell('retained', r), value: a ? yesNo(a.retained) : null, style: 'input' },
    );
  });
  const compLast = compFirst + compRows.length - 1;
  const compSummary = compLast + 1;
  b.push(
    { address: CMP.cell('aid', compSummary), value: 'Options comparées / retenues', style: 'subtotal' },
    {
      address: CMP.cell('amount', compSummary),
      formula: `COUNTA(${CMP.span('aid', compFirst, compLast)})`,
      result: comparison.length,
      numFmt: NUMFMT.integer,
      style: 'subtotal',
    },
    {
      address: CMP.cell('retained', compSummary),
      formula: `COUNTIF(${CMP.span('retained', compFirst, compLast)},"${YES}")`,
      result: comparison.filter((a) => a.retained).length,
      numFmt: NUMFMT.integer,
      style: 'subtotal',
    },
  );
  b.name(F.comparison, CMP.block(compFirst, compLast))
    .name(F.comparedCount, absolute(CMP.cell('amount', compSummary)))
    .name(F.retainedCount, absolute(CMP.cell('retained', compSummary)));
  return { compFirst, compLast, compSummary };
}

/** The category table (user-extendable), with each nature's source and mark; its rows. */
function categoryRows(b: SheetBuilder, comp: Comparison): { catFirst: number; catLast: number } {
  const catTitle = comp.compSummary + 2;
  const catHeader = catTitle + 1;
  b.push({
    address: `A${catTitle}`,
    value: 'Catégories de financement (extensible : ajoutez vos catégories dans les lignes libres)',
    style: 'section',
  });
  b.headers(CAT, catHeader);
  const categories = financingCategories();
  const catFirst = catHeader + 1;
  const markOf = (m: string): string =>
    m === 'verified' ? 'vérifié' : m === 'secondary' ? 'source secondaire — à revérifier' : 'NON VÉRIFIÉ';
  categories.forEach((c, i) => {
    const r = catFirst + i;
    b.push(
      { address: CAT.cell('label', r), value: c.label, style: 'input' },
      { address: CAT.cell('nature', r), value: c.nature, style: 'input' },
      { address: CAT.cell('source', r), value: `${c.natureSource} (${markOf(c.natureMark)})`, style: 'note' },
    );
  });
  const catLast = catFirst + categories.length + FREE_CATEGORY_ROWS - 1;
  for (let r = catFirst + categories.length; r <= catLast; r += 1)
    b.push(
      { address: CAT.cell('label', r), value: null, style: 'input' },
      { address: CAT.cell('nature', r), value: null, style: 'input' },
    );
  b.name(F.categoryLabels, CAT.range('label', catFirst, catLast)).name(
    F.categoryNatures,
    CAT.range('nature', catFirst, catLast),
  );
  b.push({ address: CAT.cell('label', catLast + 2), value: RECEIPT_PROFILE_NOTE, style: 'note' });
  return { catFirst, catLast };
}

/** The forms of condition (the list the table offers), each with a documented example, and the note. */
function conditionKindRows(b: SheetBuilder, kindsRow: number): number {
  const kinds = conditionKinds();
  b.push({ address: CO.cell('source', kindsRow), value: 'Formes de condition', style: 'header' });
  kinds.forEach((k, i) =>
    b.push(
      { address: CO.cell('kind', kindsRow + 1 + i), value: k.label, style: 'label' },
      {
        address: CO.cell('rate', kindsRow + 1 + i),
        value: num(k.example.rate),
        numFmt: NUMFMT.rate,
        style: 'note',
      },
      {
        address: CO.cell('rule', kindsRow + 1 + i),
        value: `Exemple : ${k.example.fund} — ${k.example.source}`,
        style: 'note',
      },
    ),
  );
  b.name(F.conditionKinds, CO.range('kind', kindsRow + 1, kindsRow + kinds.length));
  const noteRow = kindsRow + kinds.length + 1;
  b.push({ address: CO.cell('source', noteRow), value: CONDITIONS_NOTE, style: 'note' });
  return noteRow;
}

/**
 * The funders' conditions, under the categories: a financer of the plan, the form of its
 * condition (a list), its rate, and by formula the base (the aid's amount in the plan, or the devis
 * less poste 9), the spend required, the devis's spend in the region and the gap; then the forms
 * with a documented example of each.
 */
function conditionRows(b: SheetBuilder, input: FinancingLayoutInput, after: number): number {
  const title = after + 3;
  const header = title + 1;
  const first = header + 1;
  const rows: (ConditionResult | null)[] = [
    ...(input.conditions ?? []),
    ...Array<null>(FREE_CONDITION_ROWS).fill(null),
  ];
  const last = first + rows.length - 1;
  const kinds = conditionKinds();
  b.push({
    address: CO.cell('source', title),
    value:
      'Conditions des financeurs — dépense sur le territoire d’une aide régionale, vérifiée sur le devis',
    style: 'section',
  });
  b.headers(CO, header);
  const [ofAid, ofBudget] = kinds.map((k) => `"${k.label}"`);
  rows.forEach((c, i) => {
    const r = first + i;
    const at = (k: (typeof CO.keys)[number]): string => CO.cell(k, r);
    const unset = `OR(${at('kind')}="",${at('source')}="")`;
    const euros = (
      k: 'base' | 'required' | 'actual' | 'gap',
      formula: string,
      v: Money | null,
    ): CellPlan => ({
      address: at(k),
      formula: `IF(${unset},"",${formula})`,
      result: c && v ? num(v) : '',
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    b.push(
      { address: at('source'), value: c?.source ?? null, style: 'input' },
      { address: at('kind'), value: c ? conditionLabel(c.kind) : null, style: 'input' },
      { address: at('rate'), value: c ? num(c.rate) : null, numFmt: NUMFMT.rate, style: 'input' },
      euros(
        'base',
        `IF(${at('kind')}=${ofAid},N(INDEX(${N(b, 'amounts')},MATCH(${at('source')},${N(b, 'sources')},0))),IF(${at('kind')}=${ofBudget},${b.n(DEVIS_NAMES.total.amount)}-N(${b.n(chapterNames('9').amount)}),0))`,
        c?.base ?? null,
      ),
      euros('required', `ROUND(N(${at('rate')})*${at('base')},2)`, c?.required ?? null),
      euros('actual', b.n(DEVIS_NAMES.region), c?.actual ?? null),
      euros('gap', `${at('actual')}-${at('required')}`, c?.gap ?? null),
      { address: at('rule'), value: c?.rule ?? null, style: 'input' },
    );
  });
  b.name(F.conditions, CO.block(first, last));
  const end = conditionKindRows(b, last + 2);
  b.validations.push(
    {
      range: CO.span('kind', first, last),
      kind: 'list',
      listName: N(b, 'conditionKinds'),
      error: 'Condition : choisissez une forme de la liste (sous le tableau).',
    },
    {
      range: CO.span('source', first, last),
      kind: 'list',
      listName: N(b, 'sources'),
      error: 'Financeur : choisissez une source du plan.',
    },
    {
      range: CO.span('rate', first, last),
      kind: 'decimalMin0',
      error: 'Taux : un nombre positif (1,6 pour 160 % de l’aide, 0,3 pour 30 % du devis).',
    },
  );
  return end;
}

/** The accord's windows in order of opening, dated and sourced; named for the table above. */
function accordRows(b: SheetBuilder, header: number): number {
  const accord = mediaAccord();
  b.headers(AC, header);
  const first = header + 1;
  accord.windows.forEach((w, i) =>
    b.push(
      { address: AC.cell('window', first + i), value: w.label, style: 'label' },
      { address: AC.cell('months', first + i), value: w.months, numFmt: NUMFMT.integer, style: 'input' },
      { address: AC.cell('source', first + i), value: `${w.source} (${markLabel(w.mark)})`, style: 'note' },
    ),
  );
  const last = first + accord.windows.length - 1;
  b.name(F.accordWindows, AC.range('window', first, last)).name(
    F.accordMonths,
    AC.range('months', first, last),
  );
  b.push({ address: AC.cell('window', last + 1), value: accord.note, style: 'note' });
  return last + 1;
}

/** One row of the chronology: the typed source, window and month; the accord's month, gap, order, verdict. */
function windowRow(b: SheetBuilder, w: WindowResult | null, r: number, months: string): void {
  const at = (k: (typeof W.keys)[number]): string => W.cell(k, r);
  const computed = (
    k: (typeof W.keys)[number],
    formula: string,
    result: number | string,
    numFmt?: string,
  ): CellPlan => ({
    address: at(k),
    formula,
    result,
    style: 'computed',
    ...(numFmt ? { numFmt } : {}),
  });
  b.push(
    { address: at('source'), value: w?.source ?? null, style: 'input' },
    { address: at('window'), value: w?.label ?? null, style: 'input' },
    { address: at('months'), value: w?.months ?? null, numFmt: NUMFMT.integer, style: 'input' },
    computed(
      'accord',
      `IF(${at('window')}="","",IFERROR(INDEX(${N(b, 'accordMonths')},MATCH(${at('window')},${N(b, 'accordWindows')},0)),"${UNKNOWN_WINDOW}"))`,
      w?.accordMonths ?? '',
      NUMFMT.integer,
    ),
    computed(
      'gap',
      `IF(OR(${at('months')}="",NOT(ISNUMBER(${at('accord')}))),"",N(${at('months')})-${at('accord')})`,
      w?.gap ?? '',
      NUMFMT.integer,
    ),
    computed(
      'order',
      `IF(${at('months')}="","",COUNTIF(${months},"<"&${at('months')})+1)`,
      w?.order ?? '',
      NUMFMT.integer,
    ),
    computed(
      'verdict',
      `IF(${at('gap')}="","",IF(${at('gap')}<0,"${WINDOW_VERDICTS.early}","${WINDOW_VERDICTS.ok}"))`,
      w ? (w.gap < 0 ? WINDOW_VERDICTS.early : WINDOW_VERDICTS.ok) : '',
    ),
  );
}

/**
 * The chronologie des médias (films released in theatres): the window each source of the plan buys
 * and the month its contract opens it; by formula the accord's opening, the gap (below zero, the
 * contract contradicts the accord), the order of the windows and the verdict; then the accord's
 * windows, dated and sourced.
 */
function windowRows(b: SheetBuilder, windows: readonly WindowResult[], after: number): void {
  const accord = mediaAccord();
  const title = after + 2;
  const header = title + 2;
  const first = header + 1;
  const rows: (WindowResult | null)[] = [...windows, ...Array<null>(FREE_WINDOW_ROWS).fill(null)];
  const last = first + rows.length - 1;
  b.push(
    {
      address: W.cell('source', title),
      value: 'Chronologie des médias — fenêtres achetées par les sources du plan',
      style: 'section',
    },
    {
      address: W.cell('source', title + 1),
      value: `${accord.label}, ${accordPeriod(accord)} — ${accord.source} (${markLabel(accord.mark)}).`,
      style: 'note',
    },
  );
  b.headers(W, header);
  const months = W.range('months', first, last);
  rows.forEach((w, i) => windowRow(b, w, first + i, months));
  b.name(F.windows, W.block(first, last));
  accordRows(b, last + 2);
  b.validations.push(
    {
      range: W.span('source', first, last),
      kind: 'list',
      listName: N(b, 'sources'),
      error: 'Source : choisissez une source du plan.',
    },
    {
      range: W.span('window', first, last),
      kind: 'list',
      listName: N(b, 'accordWindows'),
      error: 'Fenêtre : choisissez une fenêtre de l’accord (tableau sous la chronologie).',
    },
    {
      range: W.span('months', first, last),
      kind: 'wholeBetween',
      bounds: [0, 120],
      error: 'Ouverture : un nombre entier de mois après la sortie en salle (0 à 120).',
    },
  );
}

function financingChecks(
  b: SheetBuilder,
  t: Table,
  comp: Comparison,
  cat: { catFirst: number; catLast: number },
  summaryRow: (key: FinancingNameKey) => number,
): void {
  const yesNoError = `Répondez ${YES} ou ${NO}.`;
  const list = (range: string, listName: string, error: string): ValidationPlan => ({
    range,
    kind: 'list',
    listName,
    error,
  });
  b.validations.push(
    list(
      S.span('category', t.first, t.last),
      N(b, 'categoryLabels'),
      'Catégorie inconnue : choisissez-la dans le tableau des catégories (bas de feuille) ou ajoutez-la à ce tableau.',
    ),
    list(
      S.span('status', t.first, t.last),
      b.n(LIST_NAMES.sourceStatuses),
      `Statut : ${SOURCE_STATUS.acquired}, ${SOURCE_STATUS.requested} ou ${SOURCE_STATUS.planned}.`,
    ),
    list(S.span('rse', t.first, t.last), b.n(LIST_NAMES.yesNo), yesNoError),
    list(CMP.span('retained', comp.compFirst, comp.compLast), b.n(LIST_NAMES.yesNo), yesNoError),
    list(
      CAT.span('nature', cat.catFirst, cat.catLast),
      b.n(LIST_NAMES.natures),
      `Nature : ${PUBLIC} ou ${PRIVATE}.`,
    ),
    {
      range: S.span('amount', t.first, t.last),
      kind: 'decimalMin0',
      error: 'Saisissez un montant positif en euros (pas de texte).',
    },
    {
      range: `${firstMilestone}${t.first}:${lastMilestone}${t.last}`,
      kind: 'decimalMin0',
      error: 'Saisissez un pourcentage positif (pas de texte).',
    },
  );
  b.conditionalFormats.push(
    { range: SUM.cell('value', summaryRow('gap')), when: 'negative' },
    { range: SUM.cell('value', summaryRow('ceilingMargin')), when: 'negative' },
  );
}

/**
 * Plan de financement: a summary block (all formulas), the source table (nature derived from the
 * category table, % of the devis, payment milestones), the comparative study of aids, and the
 * user-extendable category table.
 */
export function financingSheet(input: FinancingLayoutInput): FinancingLayout {
  const b = new SheetBuilder(input.naming, 'financing');
  const first = FIN_TABLE_HEADER_ROW + 1;
  const last = first + input.rows.length - 1;
  const t: Table = { first, last, totalRow: last + 1, col: (k) => S.range(k, first, last) };
  b.titled(
    'Plan de financement',
    `Une ligne par source. La nature (public / privé) vient du tableau des catégories en bas de feuille ; l’échéancier (colonnes ${firstMilestone} à ${lastMilestone}, en % du montant) alimente la Trésorerie. Lignes libres : saisissez-y vos sources, la synthèse et la trésorerie les prennent en compte.`,
  );
  const items = [...balanceItems(b, input, t), ...ceilingAndCreditItems(b, input, t)];
  const summaryRow = summaryRows(b, items);
  sourceRows(b, input, t, FIN_SUMMARY_FIRST_ROW + items.length - 1);
  const comp = comparisonRows(b, input.comparison, t);
  const cat = categoryRows(b, comp);
  const conditionsEnd = conditionRows(b, input, cat.catLast + 2);
  if (input.windows) windowRows(b, input.windows, conditionsEnd);
  financingChecks(b, t, comp, cat, summaryRow);
  return {
    sheet: b.plan({
      columnWidths: [6, 50, 36, 14, 12, 16, 11, 16, 48, 36, 36, 11, 12, 12, 12, 12, 12, 12, 12],
      freezeRows: FIN_TABLE_HEADER_ROW,
      merges: [`A2:${S.last}2`],
      rowHeights: { 2: 30, [FIN_TABLE_HEADER_ROW]: 45 },
      print: { orientation: 'landscape', repeatRows: FIN_TABLE_HEADER_ROW },
    }),
    names: b.names,
    result: input.result,
    rows: input.rows,
    firstRow: first,
    lastRow: last,
  };
}
