import { allFactors, describeSource, FACTORS_SEEDED_ON } from '../../domain/carbon/factors';
import {
  carbonCategories,
  categoryLabel,
  HOMOLOGATION_NOTE,
  type BilanResult,
  type CarbonLine,
  type CarbonMeasure,
} from '../../domain/carbon/bilan';
import { Money, ZERO, toCellNumber } from '../../domain/money';
import { EXPENSE_NAMES } from '../expenses/contract';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import { yesNo } from '../model/labels';
import {
  CARBON_LINE_COLUMNS as L,
  CARBON_MEASURE_COLUMNS as M,
  CARBON_NAMES,
  CARBON_SUMMARY_COLUMNS as SM,
  FACTOR_COLUMNS as FC,
  FACTOR_HEADER_ROW,
  FACTOR_NAMES,
} from './contract';
import { absolute, type CellPlan, type NamePlan, type SheetPlan, type ValidationPlan } from '../model/plan';

const KG = '#,##0.0';
const T = '#,##0.00';
const SHARE = '0.0%';
const FREE_LINES = 10;
const FREE_MEASURES = 3;
const num = (m: Money): number => toCellNumber(m);

/** Facteurs: every emission factor from data/carbon with its unit, source, vintage and verified flag. */
export function factorsSheet(naming: Naming): { sheet: SheetPlan; names: NamePlan[] } {
  const name = naming.sheet('factors');
  const n = (b: string): string => naming.name(b);
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Facteurs d’émission (kgCO2e par unité)', style: 'title' },
    {
      address: 'A2',
      value: `Facteurs ADEME (Base Carbone / Base Empreinte) et sources citées, copiés de la référence le ${FACTORS_SEEDED_ON}. Les facteurs « Non » en colonne H ne sont pas vérifiés. Les facteurs voiture par défaut sont ceux de la Base Carbone. Modifiable : le bilan carbone relit cette feuille.`,
      style: 'banner',
    },
  ];
  for (const k of FC.keys)
    cells.push({ address: FC.cell(k, FACTOR_HEADER_ROW), value: FC.header(k), style: 'header' });
  const factors = allFactors();
  const fFirst = FACTOR_HEADER_ROW + 1;
  factors.forEach((f, i) => {
    const r = fFirst + i;
    cells.push({ address: FC.cell('key', r), value: f.key, style: 'label' });
    cells.push({ address: FC.cell('label', r), value: f.label, style: 'label' });
    cells.push({ address: FC.cell('value', r), value: num(f.value), numFmt: 'General', style: 'input' });
    cells.push({ address: FC.cell('unit', r), value: f.unit, style: 'label' });
    cells.push({ address: FC.cell('category', r), value: f.category, style: 'label' });
    cells.push({ address: FC.cell('source', r), value: describeSource(f), style: 'note' });
    cells.push({ address: FC.cell('year', r), value: f.year, style: 'label' });
    cells.push({ address: FC.cell('verified', r), value: yesNo(f.verified), style: 'label' });
  });
  const last = FACTOR_HEADER_ROW + factors.length;
  const names: NamePlan[] = [
    { name: n(FACTOR_NAMES.keys), sheet: name, ref: FC.range('key', fFirst, last) },
    { name: n(FACTOR_NAMES.values), sheet: name, ref: FC.range('value', fFirst, last) },
    { name: n(FACTOR_NAMES.units), sheet: name, ref: FC.range('unit', fFirst, last) },
    { name: n(FACTOR_NAMES.sources), sheet: name, ref: FC.range('source', fFirst, last) },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [30, 58, 12, 22, 14, 90, 11, 9],
      freezeRows: FACTOR_HEADER_ROW,
      validations: [],
      conditionalFormats: [],
      merges: [`A2:${FC.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: FACTOR_HEADER_ROW },
    },
    names,
  };
}

export interface CarbonLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: BilanResult;
}

/** Where each block of the sheet sits (the lines' rows first: the summary's SUMIFs span them). */
interface Pos {
  sumTitle: number;
  sumHeader: number;
  sumFirst: number;
  sumLast: number;
  sumTotal: number;
  sumTonnes: number;
  linesTitle: number;
  linesHeader: number;
  first: number;
  last: number;
  mTitle: number;
  mHeader: number;
  mFirst: number;
  mLast: number;
  mTotal: number;
  after: number;
}

function positions(categories: number, lines: number, measures: number): Pos {
  const sumTitle = 4;
  const sumFirst = 6;
  const sumLast = sumFirst + categories - 1;
  const sumTonnes = sumLast + 2;
  const linesTitle = sumTonnes + 2;
  const first = linesTitle + 2;
  const last = first + lines - 1;
  const mTitle = last + 2;
  const mFirst = mTitle + 2;
  const mLast = mFirst + measures - 1;
  return {
    sumTitle,
    sumHeader: sumTitle + 1,
    sumFirst,
    sumLast,
    sumTotal: sumLast + 1,
    sumTonnes,
    linesTitle,
    linesHeader: linesTitle + 1,
    first,
    last,
    mTitle,
    mHeader: mTitle + 1,
    mFirst,
    mLast,
    mTotal: mLast + 1,
    after: mLast + 2,
  };
}

const sm = (k: (typeof SM.keys)[number], r: number): string => SM.cell(k, r);
const lineRange = (p: Pos, k: (typeof L.keys)[number]): string => L.range(k, p.first, p.last);

/** One category of the summary: prévisionnel, définitif, their shares and the gap. */
function summaryRow(
  b: SheetBuilder,
  label: string,
  res: BilanResult['categories'][number] | undefined,
  r: number,
  p: Pos,
): void {
  const share = (k: 'prev' | 'def'): string =>
    `IF(${absolute(sm(k, p.sumTotal))}=0,0,${sm(k, r)}/${absolute(sm(k, p.sumTotal))})`;
  const sumif = (k: 'prev' | 'def'): string =>
    `SUMIF(${lineRange(p, 'category')},${sm('category', r)},${lineRange(p, k)})`;
  const cellOf = (k: (typeof SM.keys)[number], formula: string, v: Money, numFmt: string): CellPlan => ({
    address: sm(k, r),
    formula,
    result: num(v),
    numFmt,
    style: 'computed',
  });
  b.push(
    { address: sm('category', r), value: label, style: 'label' },
    cellOf('prev', sumif('prev'), res?.prev ?? ZERO, KG),
    cellOf('prevShare', share('prev'), res?.prevShare ?? ZERO, SHARE),
    cellOf('def', sumif('def'), res?.def ?? ZERO, KG),
    cellOf('defShare', share('def'), res?.defShare ?? ZERO, SHARE),
    cellOf('gap', `${sm('def', r)}-${sm('prev', r)}`, (res?.def ?? ZERO).minus(res?.prev ?? ZERO), KG),
  );
}

/** The summary by category, its totals in kgCO2e and in tonnes. */
function summaryRows(b: SheetBuilder, result: BilanResult, p: Pos): void {
  b.push({ address: `A${p.sumTitle}`, value: 'Synthèse par catégorie (kgCO2e)', style: 'section' });
  b.headers(SM, p.sumHeader);
  carbonCategories().forEach((c, i) => summaryRow(b, c.label, result.categories[i], p.sumFirst + i, p));
  const t = p.sumTotal;
  const total = (k: 'prev' | 'def' | 'gap', formula: string, v: Money): CellPlan => ({
    address: sm(k, t),
    formula,
    result: num(v),
    numFmt: KG,
    style: 'total',
  });
  const tonnes = (k: 'prev' | 'def', v: Money): CellPlan => ({
    address: sm(k, p.sumTonnes),
    formula: `${sm(k, t)}/1000`,
    result: num(v.dividedBy(1000)),
    numFmt: T,
    style: 'subtotal',
  });
  b.push(
    { address: sm('category', t), value: 'Total (kgCO2e)', style: 'total' },
    total('prev', `SUM(${SM.span('prev', p.sumFirst, p.sumLast)})`, result.totalPrev),
    total('def', `SUM(${SM.span('def', p.sumFirst, p.sumLast)})`, result.totalDef),
    total('gap', `${sm('def', t)}-${sm('prev', t)}`, result.totalDef.minus(result.totalPrev)),
    { address: sm('category', p.sumTonnes), value: 'Total (tCO2e)', style: 'subtotal' },
    tonnes('prev', result.totalPrev),
    tonnes('def', result.totalDef),
    {
      address: `H${p.sumTitle}`,
      value: 'Les trois catégories les plus émettrices (prévisionnel) sont surlignées.',
      style: 'note',
    },
  );
}

/** The définitif quantity: typed, or the k€ HT the Dépenses committed on the line's devis code. */
function definitiveQuantity(b: SheetBuilder, l: CarbonLine | null, at: string): CellPlan {
  if (l?.expenseCode)
    return {
      // k€ HT committed on the devis code in the Dépenses (every piece, engagé or payé).
      address: at,
      formula: `SUMPRODUCT(--(${b.n(EXPENSE_NAMES.lineCodes)}="${l.expenseCode}"),${b.n(EXPENSE_NAMES.lineHT)})/1000`,
      result: num(l.quantityDef ?? ZERO),
      numFmt: 'General',
      style: 'computed',
    };
  return {
    address: at,
    value: l?.quantityDef ? num(l.quantityDef) : null,
    numFmt: 'General',
    style: 'input',
  };
}

/** One emission line: factor looked up in Facteurs, kgCO2e = facteur × quantité × multiplicateur. */
function lineRow(
  b: SheetBuilder,
  l: CarbonLine | null,
  res: BilanResult['lines'][number] | null,
  r: number,
): void {
  const at = (k: (typeof L.keys)[number]): string => L.cell(k, r);
  const lookup = (nameOf: string, fallback: string): string =>
    `IF(${at('key')}="","",IFERROR(INDEX(${b.n(nameOf)},MATCH(${at('key')},${b.n(FACTOR_NAMES.keys)},0)),${fallback}))`;
  const emissions = (quantity: 'quantityPrev' | 'quantityDef'): string =>
    `IF(${at('key')}="",0,${at('factor')}*N(${at(quantity)})*IF(${at('multiplier')}="",1,${at('multiplier')}))`;
  const typed = (k: 'quantityPrev' | 'multiplier', v: Money | null | undefined): CellPlan => ({
    address: at(k),
    value: v ? num(v) : null,
    numFmt: 'General',
    style: 'input',
  });
  b.push(
    { address: at('category'), value: l ? categoryLabel(l.category) : null, style: 'input' },
    { address: at('label'), value: l?.label ?? null, style: 'input' },
    { address: at('key'), value: l?.key ?? null, style: 'input' },
    {
      address: at('factor'),
      formula: lookup(FACTOR_NAMES.values, '"Clé inconnue"'),
      result: res?.factor ? num(res.factor) : l ? 'Clé inconnue' : '',
      numFmt: 'General',
      style: 'computed',
    },
    {
      address: at('unit'),
      formula: lookup(FACTOR_NAMES.units, '""'),
      result: res?.unit ?? '',
      style: 'computed',
    },
    typed('quantityPrev', l?.quantityPrev),
    typed('multiplier', l?.multiplier),
    {
      address: at('prev'),
      formula: emissions('quantityPrev'),
      result: num(res?.prev ?? ZERO),
      numFmt: KG,
      style: 'computed',
    },
    definitiveQuantity(b, l, at('quantityDef')),
    {
      address: at('def'),
      formula: emissions('quantityDef'),
      result: num(res?.def ?? ZERO),
      numFmt: KG,
      style: 'computed',
    },
    {
      address: at('source'),
      formula: lookup(FACTOR_NAMES.sources, '""'),
      result: res?.source ? describeSourceText(l?.key ?? '') : '',
      style: 'note',
    },
    { address: at('assumption'), value: l?.assumption ?? null, style: 'input' },
  );
}

/** The reduction measures, their total and the reference without them. */
function measureRows(b: SheetBuilder, rows: (CarbonMeasure | null)[], result: BilanResult, p: Pos): void {
  b.push({ address: `A${p.mTitle}`, value: 'Mesures de réduction', style: 'section' });
  b.headers(M, p.mHeader);
  rows.forEach((m, i) => {
    const r = p.mFirst + i;
    b.push(
      { address: M.cell('category', r), value: m ? categoryLabel(m.category) : null, style: 'input' },
      { address: M.cell('label', r), value: m?.label ?? null, style: 'input' },
      { address: M.cell('saving', r), value: m ? num(m.saving) : null, numFmt: KG, style: 'input' },
      { address: M.cell('assumption', r), value: m?.assumption ?? null, style: 'input' },
    );
  });
  // The forecast already uses the low-carbon choices (train, vegetarian meals, grid power): it is
  // the after-measures figure. The reference without them is forecast + savings, never minus.
  b.push(
    { address: M.cell('label', p.mTotal), value: 'Total des économies estimées', style: 'subtotal' },
    {
      address: M.cell('saving', p.mTotal),
      formula: `SUM(${M.span('saving', p.mFirst, p.mLast)})`,
      result: num(result.totalSavings),
      numFmt: KG,
      style: 'subtotal',
    },
    {
      address: M.cell('label', p.after),
      value: 'Référence sans les mesures : prévisionnel (mesures comprises) + économies (kgCO2e)',
      style: 'total',
    },
    {
      address: M.cell('saving', p.after),
      formula: `${sm('prev', p.sumTotal)}+${M.cell('saving', p.mTotal)}`,
      result: num(result.totalPrev.plus(result.totalSavings)),
      numFmt: KG,
      style: 'total',
    },
    {
      address: M.cell('assumption', p.after),
      value:
        'Le prévisionnel des postes compte déjà les choix bas carbone : les économies ne s’en retranchent pas une seconde fois, elles mesurent l’écart avec la référence.',
      style: 'note',
    },
  );
}

function carbonNamesAndChecks(b: SheetBuilder, p: Pos): void {
  b.name(CARBON_NAMES.totalPrev, absolute(sm('prev', p.sumTotal)))
    .name(CARBON_NAMES.totalDef, absolute(sm('def', p.sumTotal)))
    .name(CARBON_NAMES.summary, SM.block(p.sumFirst, p.sumLast))
    .name(CARBON_NAMES.lines, L.block(p.first, p.last))
    .name(CARBON_NAMES.measures, M.block(p.mFirst, p.mLast))
    .name(CARBON_NAMES.savings, absolute(M.cell('saving', p.mTotal)))
    .name(CARBON_NAMES.baseline, absolute(M.cell('saving', p.after)))
    .name(CARBON_NAMES.categories, SM.range('category', p.sumFirst, p.sumLast));
  const category = (range: string): ValidationPlan => ({
    range,
    kind: 'list',
    listName: b.n(CARBON_NAMES.categories),
    error: 'Choisissez une catégorie de la synthèse.',
  });
  const positive = (range: string): ValidationPlan => ({
    range,
    kind: 'decimalMin0',
    error: 'Saisissez un nombre positif (pas de texte).',
  });
  b.validations.push(
    category(L.span('category', p.first, p.last)),
    category(M.span('category', p.mFirst, p.mLast)),
    positive(`${L.cell('quantityPrev', p.first)}:${L.cell('multiplier', p.last)}`),
    positive(L.span('quantityDef', p.first, p.last)),
  );
  b.conditionalFormats.push({ range: SM.span('prev', p.sumFirst, p.sumLast), when: 'top3' });
}

/**
 * Bilan carbone: a summary by category (prévisionnel, définitif, shares, the three largest
 * emitters highlighted), the lines (factor looked up by INDEX/MATCH in the Facteurs sheet,
 * kgCO2e = facteur × quantité × multiplicateur) and the reduction measures.
 */
export function carbonSheet(
  carbon: { lines: CarbonLine[]; measures: CarbonMeasure[]; result: BilanResult },
  naming: Naming,
): CarbonLayout {
  const { result } = carbon;
  const b = new SheetBuilder(naming, 'carbon');
  const rows: (CarbonLine | null)[] = [...carbon.lines, ...Array<null>(FREE_LINES).fill(null)];
  const mRows: (CarbonMeasure | null)[] = [...carbon.measures, ...Array<null>(FREE_MEASURES).fill(null)];
  const p = positions(carbonCategories().length, rows.length, mRows.length);
  b.titled('Bilan carbone — prévisionnel et définitif', HOMOLOGATION_NOTE);
  summaryRows(b, result, p);
  b.push({ address: `A${p.linesTitle}`, value: 'Postes d’émission', style: 'section' });
  b.headers(L, p.linesHeader);
  rows.forEach((l, i) => lineRow(b, l, l ? (result.lines[i] ?? null) : null, p.first + i));
  measureRows(b, mRows, result, p);
  carbonNamesAndChecks(b, p);
  return {
    sheet: b.plan({
      columnWidths: [34, 48, 28, 16, 20, 16, 14, 18, 16, 18, 60, 60],
      freezeRows: 0,
      merges: [`A2:${L.last}2`],
      rowHeights: { 2: 45, [p.linesHeader]: 30, [p.sumHeader]: 30 },
      print: { orientation: 'landscape', repeatRows: p.linesHeader },
    }),
    names: b.names,
    result,
  };
}

function describeSourceText(key: string): string {
  const f = allFactors().find((x) => x.key === key);
  return f ? describeSource(f) : '';
}
