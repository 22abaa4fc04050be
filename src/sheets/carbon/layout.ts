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
import { absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';

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

/**
 * Bilan carbone: a summary by category (prévisionnel, définitif, shares, the three largest
 * emitters highlighted), the lines (factor looked up by INDEX/MATCH in the Facteurs sheet,
 * kgCO2e = facteur × quantité × multiplicateur) and the reduction measures.
 */
export function carbonSheet(
  carbon: { lines: CarbonLine[]; measures: CarbonMeasure[]; result: BilanResult },
  naming: Naming,
): CarbonLayout {
  const name = naming.sheet('carbon');
  const n = (b: string): string => naming.name(b);
  const { lines, measures, result } = carbon;
  const cats = carbonCategories();
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Bilan carbone — prévisionnel et définitif', style: 'title' },
    { address: 'A2', value: HOMOLOGATION_NOTE, style: 'banner' },
  ];

  // ---- Lines (row numbers first: the summary's SUMIFs span them)
  const sumTitle = 4;
  const sumHeader = 5;
  const sumFirst = 6;
  const sumLast = sumFirst + cats.length - 1;
  const sumTotal = sumLast + 1;
  const sumTonnes = sumTotal + 1;
  const linesTitle = sumTonnes + 2;
  const linesHeader = linesTitle + 1;
  const first = linesHeader + 1;
  const rows: (CarbonLine | null)[] = [...lines, ...Array<null>(FREE_LINES).fill(null)];
  const last = first + rows.length - 1;
  const range = (k: (typeof L.keys)[number]): string => L.range(k, first, last);

  cells.push({ address: `A${sumTitle}`, value: 'Synthèse par catégorie (kgCO2e)', style: 'section' });
  for (const k of SM.keys)
    cells.push({ address: SM.cell(k, sumHeader), value: SM.header(k), style: 'header' });
  const sm = (k: (typeof SM.keys)[number], r: number): string => SM.cell(k, r);
  cats.forEach((c, i) => {
    const r = sumFirst + i;
    const res = result.categories[i];
    cells.push({ address: sm('category', r), value: c.label, style: 'label' });
    cells.push({
      address: sm('prev', r),
      formula: `SUMIF(${range('category')},${sm('category', r)},${range('prev')})`,
      result: num(res?.prev ?? ZERO),
      numFmt: KG,
      style: 'computed',
    });
    cells.push({
      address: sm('prevShare', r),
      formula: `IF(${absolute(sm('prev', sumTotal))}=0,0,${sm('prev', r)}/${absolute(sm('prev', sumTotal))})`,
      result: num(res?.prevShare ?? ZERO),
      numFmt: SHARE,
      style: 'computed',
    });
    cells.push({
      address: sm('def', r),
      formula: `SUMIF(${range('category')},${sm('category', r)},${range('def')})`,
      result: num(res?.def ?? ZERO),
      numFmt: KG,
      style: 'computed',
    });
    cells.push({
      address: sm('defShare', r),
      formula: `IF(${absolute(sm('def', sumTotal))}=0,0,${sm('def', r)}/${absolute(sm('def', sumTotal))})`,
      result: num(res?.defShare ?? ZERO),
      numFmt: SHARE,
      style: 'computed',
    });
    cells.push({
      address: sm('gap', r),
      formula: `${sm('def', r)}-${sm('prev', r)}`,
      result: num((res?.def ?? ZERO).minus(res?.prev ?? ZERO)),
      numFmt: KG,
      style: 'computed',
    });
  });
  cells.push({ address: sm('category', sumTotal), value: 'Total (kgCO2e)', style: 'total' });
  cells.push({
    address: sm('prev', sumTotal),
    formula: `SUM(${SM.span('prev', sumFirst, sumLast)})`,
    result: num(result.totalPrev),
    numFmt: KG,
    style: 'total',
  });
  cells.push({
    address: sm('def', sumTotal),
    formula: `SUM(${SM.span('def', sumFirst, sumLast)})`,
    result: num(result.totalDef),
    numFmt: KG,
    style: 'total',
  });
  cells.push({
    address: sm('gap', sumTotal),
    formula: `${sm('def', sumTotal)}-${sm('prev', sumTotal)}`,
    result: num(result.totalDef.minus(result.totalPrev)),
    numFmt: KG,
    style: 'total',
  });
  cells.push({ address: sm('category', sumTonnes), value: 'Total (tCO2e)', style: 'subtotal' });
  cells.push({
    address: sm('prev', sumTonnes),
    formula: `${sm('prev', sumTotal)}/1000`,
    result: num(result.totalPrev.dividedBy(1000)),
    numFmt: T,
    style: 'subtotal',
  });
  cells.push({
    address: sm('def', sumTonnes),
    formula: `${sm('def', sumTotal)}/1000`,
    result: num(result.totalDef.dividedBy(1000)),
    numFmt: T,
    style: 'subtotal',
  });
  cells.push({
    address: `H${sumTitle}`,
    value: 'Les trois catégories les plus émettrices (prévisionnel) sont surlignées.',
    style: 'note',
  });

  cells.push({ address: `A${linesTitle}`, value: 'Postes d’émission', style: 'section' });
  for (const k of L.keys)
    cells.push({ address: L.cell(k, linesHeader), value: L.header(k), style: 'header' });
  rows.forEach((l, i) => {
    const r = first + i;
    const res = l ? result.lines[i] : null;
    const at = (k: (typeof L.keys)[number]): string => L.cell(k, r);
    const lookup = (nameOf: string, fallback: string): string =>
      `IF(${at('key')}="","",IFERROR(INDEX(${n(nameOf)},MATCH(${at('key')},${n(FACTOR_NAMES.keys)},0)),${fallback}))`;
    const emissions = (quantity: 'quantityPrev' | 'quantityDef'): string =>
      `IF(${at('key')}="",0,${at('factor')}*N(${at(quantity)})*IF(${at('multiplier')}="",1,${at('multiplier')}))`;
    cells.push({ address: at('category'), value: l ? categoryLabel(l.category) : null, style: 'input' });
    cells.push({ address: at('label'), value: l?.label ?? null, style: 'input' });
    cells.push({ address: at('key'), value: l?.key ?? null, style: 'input' });
    cells.push({
      address: at('factor'),
      formula: lookup(FACTOR_NAMES.values, '"Clé inconnue"'),
      result: res?.factor ? num(res.factor) : l ? 'Clé inconnue' : '',
      numFmt: 'General',
      style: 'computed',
    });
    cells.push({
      address: at('unit'),
      formula: lookup(FACTOR_NAMES.units, '""'),
      result: res?.unit ?? '',
      style: 'computed',
    });
    cells.push({
      address: at('quantityPrev'),
      value: l?.quantityPrev ? num(l.quantityPrev) : null,
      numFmt: 'General',
      style: 'input',
    });
    cells.push({
      address: at('multiplier'),
      value: l?.multiplier ? num(l.multiplier) : null,
      numFmt: 'General',
      style: 'input',
    });
    cells.push({
      address: at('prev'),
      formula: emissions('quantityPrev'),
      result: num(res?.prev ?? ZERO),
      numFmt: KG,
      style: 'computed',
    });
    cells.push(
      l?.expenseCode
        ? {
            // k€ HT committed on the devis code in the Dépenses (every piece, engagé or payé).
            address: at('quantityDef'),
            formula: `SUMPRODUCT(--(${n(EXPENSE_NAMES.lineCodes)}="${l.expenseCode}"),${n(EXPENSE_NAMES.lineHT)})/1000`,
            result: num(l.quantityDef ?? ZERO),
            numFmt: 'General',
            style: 'computed',
          }
        : {
            address: at('quantityDef'),
            value: l?.quantityDef ? num(l.quantityDef) : null,
            numFmt: 'General',
            style: 'input',
          },
    );
    cells.push({
      address: at('def'),
      formula: emissions('quantityDef'),
      result: num(res?.def ?? ZERO),
      numFmt: KG,
      style: 'computed',
    });
    cells.push({
      address: at('source'),
      formula: lookup(FACTOR_NAMES.sources, '""'),
      result: res?.source ? describeSourceText(l?.key ?? '') : '',
      style: 'note',
    });
    cells.push({ address: at('assumption'), value: l?.assumption ?? null, style: 'input' });
  });

  // ---- Reduction measures
  const mTitle = last + 2;
  const mHeader = mTitle + 1;
  const mFirst = mHeader + 1;
  const mRows: (CarbonMeasure | null)[] = [...measures, ...Array<null>(FREE_MEASURES).fill(null)];
  const mLast = mFirst + mRows.length - 1;
  cells.push({ address: `A${mTitle}`, value: 'Mesures de réduction', style: 'section' });
  for (const k of M.keys) cells.push({ address: M.cell(k, mHeader), value: M.header(k), style: 'header' });
  mRows.forEach((m, i) => {
    const r = mFirst + i;
    cells.push({
      address: M.cell('category', r),
      value: m ? categoryLabel(m.category) : null,
      style: 'input',
    });
    cells.push({ address: M.cell('label', r), value: m?.label ?? null, style: 'input' });
    cells.push({ address: M.cell('saving', r), value: m ? num(m.saving) : null, numFmt: KG, style: 'input' });
    cells.push({ address: M.cell('assumption', r), value: m?.assumption ?? null, style: 'input' });
  });
  const mTotal = mLast + 1;
  const after = mTotal + 1;
  cells.push({ address: M.cell('label', mTotal), value: 'Total des économies estimées', style: 'subtotal' });
  cells.push({
    address: M.cell('saving', mTotal),
    formula: `SUM(${M.span('saving', mFirst, mLast)})`,
    result: num(result.totalSavings),
    numFmt: KG,
    style: 'subtotal',
  });
  // The forecast already uses the low-carbon choices (train, vegetarian meals, grid power): it is
  // the after-measures figure. The reference without them is forecast + savings, never minus.
  cells.push({
    address: M.cell('label', after),
    value: 'Référence sans les mesures : prévisionnel (mesures comprises) + économies (kgCO2e)',
    style: 'total',
  });
  cells.push({
    address: M.cell('saving', after),
    formula: `${sm('prev', sumTotal)}+${M.cell('saving', mTotal)}`,
    result: num(result.totalPrev.plus(result.totalSavings)),
    numFmt: KG,
    style: 'total',
  });
  cells.push({
    address: M.cell('assumption', after),
    value:
      'Le prévisionnel des postes compte déjà les choix bas carbone : les économies ne s’en retranchent pas une seconde fois, elles mesurent l’écart avec la référence.',
    style: 'note',
  });

  const names: NamePlan[] = [
    { name: n(CARBON_NAMES.totalPrev), sheet: name, ref: absolute(sm('prev', sumTotal)) },
    { name: n(CARBON_NAMES.totalDef), sheet: name, ref: absolute(sm('def', sumTotal)) },
    { name: n(CARBON_NAMES.summary), sheet: name, ref: SM.block(sumFirst, sumLast) },
    { name: n(CARBON_NAMES.lines), sheet: name, ref: L.block(first, last) },
    { name: n(CARBON_NAMES.measures), sheet: name, ref: M.block(mFirst, mLast) },
    { name: n(CARBON_NAMES.savings), sheet: name, ref: absolute(M.cell('saving', mTotal)) },
    { name: n(CARBON_NAMES.baseline), sheet: name, ref: absolute(M.cell('saving', after)) },
    { name: n(CARBON_NAMES.categories), sheet: name, ref: SM.range('category', sumFirst, sumLast) },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [34, 48, 28, 16, 20, 16, 14, 18, 16, 18, 60, 60],
      freezeRows: 0,
      validations: [
        {
          range: L.span('category', first, last),
          kind: 'list',
          listName: n(CARBON_NAMES.categories),
          error: 'Choisissez une catégorie de la synthèse.',
        },
        {
          range: M.span('category', mFirst, mLast),
          kind: 'list',
          listName: n(CARBON_NAMES.categories),
          error: 'Choisissez une catégorie de la synthèse.',
        },
        {
          range: `${L.cell('quantityPrev', first)}:${L.cell('multiplier', last)}`,
          kind: 'decimalMin0',
          error: 'Saisissez un nombre positif (pas de texte).',
        },
        {
          range: L.span('quantityDef', first, last),
          kind: 'decimalMin0',
          error: 'Saisissez un nombre positif (pas de texte).',
        },
      ],
      conditionalFormats: [{ range: SM.span('prev', sumFirst, sumLast), when: 'top3' }],
      merges: [`A2:${L.last}2`],
      rowHeights: { 2: 45, [linesHeader]: 30, [sumHeader]: 30 },
      print: { orientation: 'landscape', repeatRows: linesHeader },
    },
    names,
    result,
  };
}

function describeSourceText(key: string): string {
  const f = allFactors().find((x) => x.key === key);
  return f ? describeSource(f) : '';
}
