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
import type { Naming } from '../model/naming';
import { CEILING_NAMES, LIST_NAMES, PARAMS_NAMES as P } from '../params/contract';
import { DEVIS_NAMES } from '../devis/contract';
import { NO, YES, yesNo } from '../model/labels';
import {
  CATEGORY_COLUMNS as CAT,
  COMPARISON_COLUMNS as CMP,
  FINANCING_NAMES as F,
  FIN_SUMMARY_FIRST_ROW,
  FIN_TABLE_HEADER_ROW,
  FREE_SOURCE_ROWS,
  SOURCE_COLUMNS as S,
  SUMMARY_COLUMNS as SUM,
  milestoneColumn,
  type FinancingNameKey,
} from './contract';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';

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

/**
 * Plan de financement: a summary block (all formulas), the source table (nature derived from the
 * category table, % of the devis, payment milestones), the comparative study of aids, and the
 * user-extendable category table.
 */
export function financingSheet(input: FinancingLayoutInput): FinancingLayout {
  const { naming, context: ctx } = input;
  const n = (base: string): string => naming.name(base);
  const N = (key: FinancingNameKey): string => n(F[key]);
  const sheetName = naming.sheet('financing');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const { result, rows } = input;
  const first = FIN_TABLE_HEADER_ROW + 1;
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  const col = (k: (typeof S.keys)[number]): string => S.range(k, first, last);
  const firstMilestone = milestoneColumn(0);
  const lastMilestone = milestoneColumn(MILESTONES.length - 1);
  const statuses = SOURCE_STATUS;

  cells.push({ address: 'A1', value: 'Plan de financement', style: 'title' });
  cells.push({
    address: 'A2',
    value: `Une ligne par source. La nature (public / privé) vient du tableau des catégories en bas de feuille ; l’échéancier (colonnes ${firstMilestone} à ${lastMilestone}, en % du montant) alimente la Trésorerie. Lignes libres : saisissez-y vos sources, la synthèse et la trésorerie les prennent en compte.`,
    style: 'banner',
  });

  // ---- Summary block: one named figure per row; formulas refer to each other by name.
  cells.push({ address: `A${FIN_SUMMARY_FIRST_ROW - 1}`, value: SUM.header('label'), style: 'section' });
  const devisTotal = n(DEVIS_NAMES.total.amount);
  const estimate = result.taxCreditEstimate;
  const ceilingFormula = (() => {
    const p = (k: keyof typeof CEILING_NAMES): string => n(CEILING_NAMES[k]);
    const fmt = n(P.format);
    const duree = n(P.duration);
    const cinema = `OR(${fmt}="${formatLabel('long-metrage')}",${fmt}="${formatLabel('court-metrage')}")`;
    const difficult = `OR(${n(P.firstOrSecondFilm)}="${YES}",${devisTotal}<=${p('cinemaSmallBudget')})`;
    const noCredit = `COUNTIF(${N('categories')},"${cinemaTaxCreditLabel()}")=0`;
    const cinemaRate = `IF(${difficult},IF(${noCredit},${p('cinemaWithoutTaxCredit')},${p('cinemaDerogation')}),${p('cinemaBase')})`;
    const perHour = `${devisTotal}*60/${duree}`;
    const isDocumentary = `AND(${fmt}="${formatLabel('documentaire')}",${perHour}<=${p('avDocumentaryPerHour')})`;
    const requested = `${n(P.avDerogation)}="${YES}"`;
    const eligible = `AND(N(${duree})>0,OR(${isDocumentary},${perHour}<=${p('avSmallBudgetPerHour')}))`;
    const avRate = `IF(OR(N(${duree})=0,NOT(${requested})),${p('avBase')},IF(${isDocumentary},${p('avDocumentary')},IF(${perHour}<=${p('avSmallBudgetPerHour')},${p('avDerogation')},${p('avBase')})))`;
    const R = (k: keyof typeof CEILING_RULES): string => `"${CEILING_RULES[k]}"`;
    const cinemaRule = `IF(${difficult},IF(${noCredit},${R('cinemaWithoutTaxCredit')},${R('cinemaDerogation')}),${R('cinemaBase')})`;
    const avRule = `IF(N(${duree})=0,${R('avBase')},IF(NOT(${requested}),IF(${eligible},${R('avBaseDerogationPossible')},${R('avBase')}),IF(${isDocumentary},${R('avDocumentary')},IF(${perHour}<=${p('avSmallBudgetPerHour')},${R('avDerogation')},${R('avBase')}))))`;
    return { rate: `IF(${cinema},${cinemaRate},${avRate})`, rule: `IF(${cinema},${cinemaRule},${avRule})` };
  })();
  const acquired = sum(input.sources.filter((s) => s.status === statuses.acquired).map((s) => s.amount));
  const privateTotal = sum(input.sources.filter((s) => !isPublic(s)).map((s) => s.amount));
  const balanced = result.gap.toDecimalPlaces(2).isZero();
  const gapNote = `IF(ROUND(${N('gap')},2)=0,"Plan équilibré",IF(${N('gap')}>0,"Excédent de financement","Besoin de financement à couvrir"))`;
  const summary: {
    label: string;
    name: FinancingNameKey;
    formula: string;
    result: number | string;
    numFmt: string;
    style?: 'total';
    note?: Omit<CellPlan, 'address'>;
  }[] = [
    {
      label: 'Total du financement',
      name: 'total',
      formula: S.cell('amount', totalRow),
      result: num(result.total),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
    {
      label: 'Coût du film (total général du devis)',
      name: 'filmCost',
      formula: devisTotal,
      result: num(ctx.devisTotal),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart financement − devis (équilibré si nul)',
      name: 'gap',
      formula: `${N('total')}-${N('filmCost')}`,
      result: num(result.gap),
      numFmt: NUMFMT.euro,
      style: 'total',
      note: {
        formula: gapNote,
        result: balanced
          ? 'Plan équilibré'
          : result.gap.isPositive()
            ? 'Excédent de financement'
            : 'Besoin de financement à couvrir',
        style: 'note',
      },
    },
    {
      label: 'Part acquise',
      name: 'acquiredShare',
      formula: `IF(${N('total')}=0,0,SUMIF(${col('status')},"${statuses.acquired}",${col('amount')})/${N('total')})`,
      result: num(result.total.isZero() ? ZERO : acquired.dividedBy(result.total)),
      numFmt: NUMFMT.percent,
    },
    {
      label: 'Nombre de sources',
      name: 'sourceCount',
      formula: `COUNTIF(${col('amount')},">0")`,
      result: result.sourceCount,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Aides publiques',
      name: 'publicTotal',
      formula: `SUMIF(${col('nature')},"${PUBLIC}",${col('amount')})`,
      result: num(result.publicTotal),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Financement privé',
      name: 'privateTotal',
      formula: `SUMIF(${col('nature')},"${PRIVATE}",${col('amount')})`,
      result: num(privateTotal),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Intensité des aides publiques (aides publiques / coût du film)',
      name: 'intensity',
      formula: `IF(${N('filmCost')}=0,0,${N('publicTotal')}/${N('filmCost')})`,
      result: num(result.intensity),
      numFmt: NUMFMT.percent,
    },
    {
      label: 'Plafond applicable',
      name: 'ceiling',
      formula: ceilingFormula.rate,
      result: num(result.ceiling),
      numFmt: NUMFMT.percent,
      note: { formula: ceilingFormula.rule, result: result.ceilingRule, style: 'note' },
    },
    {
      label: 'Marge sous le plafond (négatif : plafond dépassé)',
      name: 'ceilingMargin',
      formula: `${N('ceiling')}-${N('intensity')}`,
      result: num(result.ceiling.minus(result.intensity)),
      numFmt: NUMFMT.percent,
    },
    {
      label: 'Crédit d’impôt estimé (taux × base éligible du devis)',
      name: 'taxCreditEstimate',
      formula: `MIN(${n(P.taxCreditCap)},ROUND(${n(P.taxCreditRate)}*${n(DEVIS_NAMES.taxCreditBase)},2))`,
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
        .map((label) => `SUMIF(${col('category')},"${label}",${col('amount')})`)
        .join('+'),
      result: num(result.taxCreditInPlan),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Écart plan − estimation du crédit d’impôt',
      name: 'taxCreditGap',
      formula: `${N('taxCreditInPlan')}-${N('taxCreditEstimate')}`,
      result: num(result.taxCreditInPlan.minus(estimate)),
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Sources avec bonus RSE (éco-production, inclusion…)',
      name: 'rseCount',
      formula: `COUNTIF(${col('rse')},"${YES}")`,
      result: result.rseCount,
      numFmt: NUMFMT.integer,
    },
  ];
  summary.forEach((s, i) => {
    const row = FIN_SUMMARY_FIRST_ROW + i;
    cells.push({ address: SUM.cell('label', row), value: s.label, style: 'label' });
    cells.push({
      address: SUM.cell('value', row),
      formula: s.formula,
      result: s.result,
      numFmt: s.numFmt,
      style: s.style ?? 'computed',
    });
    if (s.note) cells.push({ address: SUM.cell('note', row), ...s.note });
    names.push({ name: N(s.name), sheet: sheetName, ref: absolute(SUM.cell('value', row)) });
  });
  const summaryLast = FIN_SUMMARY_FIRST_ROW + summary.length - 1;
  if (summaryLast + 2 >= FIN_TABLE_HEADER_ROW)
    throw new Error('La synthèse du plan déborde sur le tableau des sources');
  const summaryRow = (key: FinancingNameKey): number =>
    FIN_SUMMARY_FIRST_ROW + summary.findIndex((s) => s.name === key);

  // ---- Source table
  cells.push({ address: `A${FIN_TABLE_HEADER_ROW - 1}`, value: 'Sources de financement', style: 'section' });
  const milestoneHeaders = milestoneLabels().map((l) => `% ${l}`);
  const headers: [string, string][] = [
    ...S.keys.map((k): [string, string] => [S.letter(k), S.header(k)]),
    ...milestoneHeaders.map((h, i): [string, string] => [milestoneColumn(i), h]),
  ];
  headers.sort(([a], [b]) => a.length - b.length || a.localeCompare(b));
  for (const [letter, h] of headers)
    cells.push({ address: `${letter}${FIN_TABLE_HEADER_ROW}`, value: h, style: 'header' });
  rows.forEach((s, i) => {
    const r = first + i;
    const at = (k: (typeof S.keys)[number]): string => S.cell(k, r);
    cells.push({
      address: at('rank'),
      formula: `ROW()-${FIN_TABLE_HEADER_ROW}`,
      result: i + 1,
      numFmt: NUMFMT.integer,
      style: 'computed',
    });
    cells.push({ address: at('source'), value: s?.label ?? null, style: 'input' });
    cells.push({ address: at('category'), value: s?.category ?? null, style: 'input' });
    const nature = s
      ? (financingCategories().find((c) => c.label === s.category)?.nature ?? 'Catégorie inconnue')
      : '';
    cells.push({
      address: at('nature'),
      formula: `IF(${at('category')}="","",IFERROR(INDEX(${N('categoryNatures')},MATCH(${at('category')},${N('categoryLabels')},0)),"Catégorie inconnue"))`,
      result: nature,
      style: 'computed',
    });
    cells.push({ address: at('status'), value: s?.status ?? null, style: 'input' });
    cells.push({
      address: at('amount'),
      value: s ? num(s.amount) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    });
    cells.push({
      address: at('share'),
      formula: `IF(${devisTotal}=0,0,N(${at('amount')})/${devisTotal})`,
      result: s && !ctx.devisTotal.isZero() ? num(s.amount.dividedBy(ctx.devisTotal)) : 0,
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
    cells.push({ address: at('deadline'), value: s?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' });
    cells.push({ address: at('eligibility'), value: s?.eligibility ?? null, style: 'input' });
    cells.push({ address: at('advantages'), value: s?.advantages ?? null, style: 'input' });
    cells.push({ address: at('drawbacks'), value: s?.drawbacks ?? null, style: 'input' });
    cells.push({ address: at('rse'), value: s ? yesNo(s.rseBonus ?? false) : null, style: 'input' });
    for (let m = 0; m < MILESTONES.length; m += 1) {
      const share = s?.profile[m];
      cells.push({
        address: `${milestoneColumn(m)}${r}`,
        value: share && !share.isZero() ? num(share) : null,
        numFmt: NUMFMT.percent,
        style: 'input',
      });
    }
    cells.push({
      address: at('scheduleTotal'),
      formula: `SUM(${firstMilestone}${r}:${lastMilestone}${r})`,
      result: s ? num(sum(s.profile)) : 0,
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
  });
  cells.push({ address: S.cell('source', totalRow), value: 'Total', style: 'total' });
  cells.push({
    address: S.cell('amount', totalRow),
    formula: `SUM(${S.span('amount', first, last)})`,
    result: num(result.total),
    numFmt: NUMFMT.euro,
    style: 'total',
  });
  cells.push({
    address: S.cell('share', totalRow),
    formula: `SUM(${S.span('share', first, last)})`,
    result: ctx.devisTotal.isZero() ? 0 : num(result.total.dividedBy(ctx.devisTotal)),
    numFmt: NUMFMT.percent,
    style: 'total',
  });
  const tableNames: [FinancingNameKey, string][] = [
    ['sources', col('source')],
    ['categories', col('category')],
    ['natures', col('nature')],
    ['statuses', col('status')],
    ['amounts', col('amount')],
    ['deadlines', col('deadline')],
    ['eligibility', col('eligibility')],
    ['rseBonus', col('rse')],
    ['schedule', `$${firstMilestone}$${first}:$${lastMilestone}$${last}`],
  ];
  for (const [name, ref] of tableNames) names.push({ name: N(name), sheet: sheetName, ref });
  names.push({ name: N('table'), sheet: sheetName, ref: S.block(FIN_TABLE_HEADER_ROW, totalRow) });
  names.push({
    name: N('summary'),
    sheet: sheetName,
    ref: `${absolute(SUM.cell('label', FIN_SUMMARY_FIRST_ROW))}:${absolute(SUM.cell('value', summaryLast))}`,
  });

  // ---- Comparative study
  const compTitle = totalRow + 2;
  const compHeader = compTitle + 1;
  cells.push({ address: `A${compTitle}`, value: 'Étude comparative des aides', style: 'section' });
  for (const k of CMP.keys)
    cells.push({ address: CMP.cell(k, compHeader), value: CMP.header(k), style: 'header' });
  const compRows: (ComparedAid | null)[] = [
    ...input.comparison,
    ...Array<null>(FREE_COMPARISON_ROWS).fill(null),
  ];
  const compFirst = compHeader + 1;
  compRows.forEach((a, i) => {
    const r = compFirst + i;
    cells.push({ address: CMP.cell('aid', r), value: a?.aid ?? null, style: 'input' });
    cells.push({
      address: CMP.cell('amount', r),
      value: a ? num(a.amount) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    });
    cells.push({
      address: CMP.cell('deadline', r),
      value: a?.deadline ?? null,
      numFmt: NUMFMT.date,
      style: 'input',
    });
    cells.push({ address: CMP.cell('eligibility', r), value: a?.eligibility ?? null, style: 'input' });
    cells.push({ address: CMP.cell('advantages', r), value: a?.advantages ?? null, style: 'input' });
    cells.push({ address: CMP.cell('drawbacks', r), value: a?.drawbacks ?? null, style: 'input' });
    cells.push({ address: CMP.cell('retained', r), value: a ? yesNo(a.retained) : null, style: 'input' });
  });
  const compLast = compFirst + compRows.length - 1;
  const compSummary = compLast + 1;
  cells.push({
    address: CMP.cell('aid', compSummary),
    value: 'Options comparées / retenues',
    style: 'subtotal',
  });
  cells.push({
    address: CMP.cell('amount', compSummary),
    formula: `COUNTA(${CMP.span('aid', compFirst, compLast)})`,
    result: input.comparison.length,
    numFmt: NUMFMT.integer,
    style: 'subtotal',
  });
  cells.push({
    address: CMP.cell('retained', compSummary),
    formula: `COUNTIF(${CMP.span('retained', compFirst, compLast)},"${YES}")`,
    result: input.comparison.filter((a) => a.retained).length,
    numFmt: NUMFMT.integer,
    style: 'subtotal',
  });
  names.push({ name: N('comparison'), sheet: sheetName, ref: CMP.block(compFirst, compLast) });
  names.push({ name: N('comparedCount'), sheet: sheetName, ref: absolute(CMP.cell('amount', compSummary)) });
  names.push({
    name: N('retainedCount'),
    sheet: sheetName,
    ref: absolute(CMP.cell('retained', compSummary)),
  });

  // ---- Category table (user-extendable)
  const catTitle = compSummary + 2;
  const catHeader = catTitle + 1;
  cells.push({
    address: `A${catTitle}`,
    value: 'Catégories de financement (extensible : ajoutez vos catégories dans les lignes libres)',
    style: 'section',
  });
  for (const k of CAT.keys)
    cells.push({ address: CAT.cell(k, catHeader), value: CAT.header(k), style: 'header' });
  const categories = financingCategories();
  const catFirst = catHeader + 1;
  categories.forEach((c, i) => {
    const r = catFirst + i;
    cells.push({ address: CAT.cell('label', r), value: c.label, style: 'input' });
    cells.push({ address: CAT.cell('nature', r), value: c.nature, style: 'input' });
    const mark =
      c.natureMark === 'verified'
        ? 'vérifié'
        : c.natureMark === 'secondary'
          ? 'source secondaire — à revérifier'
          : 'NON VÉRIFIÉ';
    cells.push({ address: CAT.cell('source', r), value: `${c.natureSource} (${mark})`, style: 'note' });
  });
  const catLast = catFirst + categories.length + FREE_CATEGORY_ROWS - 1;
  for (let r = catFirst + categories.length; r <= catLast; r += 1) {
    cells.push({ address: CAT.cell('label', r), value: null, style: 'input' });
    cells.push({ address: CAT.cell('nature', r), value: null, style: 'input' });
  }
  names.push({ name: N('categoryLabels'), sheet: sheetName, ref: CAT.range('label', catFirst, catLast) });
  names.push({ name: N('categoryNatures'), sheet: sheetName, ref: CAT.range('nature', catFirst, catLast) });
  cells.push({ address: CAT.cell('label', catLast + 2), value: RECEIPT_PROFILE_NOTE, style: 'note' });

  const yesNoError = `Répondez ${YES} ou ${NO}.`;
  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [6, 50, 36, 14, 12, 16, 11, 16, 48, 36, 36, 11, 12, 12, 12, 12, 12, 12, 12],
      freezeRows: FIN_TABLE_HEADER_ROW,
      validations: [
        {
          range: S.span('category', first, last),
          kind: 'list',
          listName: N('categoryLabels'),
          error:
            'Catégorie inconnue : choisissez-la dans le tableau des catégories (bas de feuille) ou ajoutez-la à ce tableau.',
        },
        {
          range: S.span('status', first, last),
          kind: 'list',
          listName: n(LIST_NAMES.sourceStatuses),
          error: `Statut : ${statuses.acquired}, ${statuses.requested} ou ${statuses.planned}.`,
        },
        { range: S.span('rse', first, last), kind: 'list', listName: n(LIST_NAMES.yesNo), error: yesNoError },
        {
          range: CMP.span('retained', compFirst, compLast),
          kind: 'list',
          listName: n(LIST_NAMES.yesNo),
          error: yesNoError,
        },
        {
          range: CAT.span('nature', catFirst, catLast),
          kind: 'list',
          listName: n(LIST_NAMES.natures),
          error: `Nature : ${PUBLIC} ou ${PRIVATE}.`,
        },
        {
          range: S.span('amount', first, last),
          kind: 'decimalMin0',
          error: 'Saisissez un montant positif en euros (pas de texte).',
        },
        {
          range: `${firstMilestone}${first}:${lastMilestone}${last}`,
          kind: 'decimalMin0',
          error: 'Saisissez un pourcentage positif (pas de texte).',
        },
      ],
      conditionalFormats: [
        { range: SUM.cell('value', summaryRow('gap')), when: 'negative' },
        { range: SUM.cell('value', summaryRow('ceilingMargin')), when: 'negative' },
      ],
      merges: [`A2:${S.last}2`],
      rowHeights: { 2: 30, [FIN_TABLE_HEADER_ROW]: 45 },
      print: { orientation: 'landscape', repeatRows: FIN_TABLE_HEADER_ROW },
    },
    names,
    result,
    rows,
    firstRow: first,
    lastRow: last,
  };
}
