import { RIGHTS_BASES, RIGHTS_ROLES, type RightsInput, type RightsResult } from '../../domain/rights/rights';
import { type Money, toCellNumber } from '../../domain/money';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import {
  RIGHTS_BASE_COLUMNS as BA,
  RIGHTS_BOX_COLUMNS as BO,
  RIGHTS_BOX_ROWS,
  RIGHTS_COLUMNS as R,
  RIGHTS_FIRST_ROW,
  RIGHTS_HEADER_ROW,
  RIGHTS_NAMES,
} from './contract';

/** Free rows under the holders. */
export const FREE_RIGHTS_ROWS = 15;

const num = (m: Money): number => toCellNumber(m);

export interface RightsLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: RightsResult;
}

const BOX_LABELS: Record<(typeof RIGHTS_BOX_ROWS)[number], string> = {
  admissions: 'Entrées en salle',
  averagePrice: 'Prix moyen du billet (TTC)',
  boxOffice: 'Recettes guichet',
  producerShare: 'Part des recettes guichet revenant au producteur (hypothèse des contrats)',
  producerNet: 'Recettes nettes part producteur simulées',
};

/**
 * Ayants droit: the rights holders (qualité, assiette, pourcentage, rang, minimum garanti) and the
 * part each would receive from simulated receipts; per base, the total of the shares (never above
 * 100 %), the receipts, what is distributed and what is left; the box office (entrées × prix
 * moyen) gives the recettes guichet and, by the producer's share, the producer's net receipts.
 */
export function rightsSheet(
  rights: { input: RightsInput; result: RightsResult; note?: string },
  naming: Naming,
): RightsLayout {
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('rights');
  const { input, result, note } = rights;
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Ayants droit — parts des recettes et simulation', style: 'title' },
    {
      address: 'A2',
      value:
        note ??
        'Une ligne par ayant droit : son assiette (liste), son pourcentage, son rang de paiement et son minimum garanti. Les parts d’une même assiette ne dépassent pas 100 % ; la part simulée vient des recettes simulées à droite.',
      style: 'banner',
    },
  ];
  const first = RIGHTS_FIRST_ROW;
  const last = first + result.holders.length + FREE_RIGHTS_ROWS - 1;
  for (const k of R.keys)
    cells.push({ address: R.cell(k, RIGHTS_HEADER_ROW), value: R.header(k), style: 'header' });
  const bases = n(RIGHTS_NAMES.bases);
  const receipts = n(RIGHTS_NAMES.receipts);
  for (let r = first; r <= last; r += 1) {
    const h = result.holders[r - first];
    const at = (k: (typeof R.keys)[number]): string => R.cell(k, r);
    cells.push(
      { address: at('name'), value: h?.name ?? null, style: 'input' },
      { address: at('role'), value: h?.role ?? null, style: 'input' },
      { address: at('base'), value: h?.base ?? null, style: 'input' },
      { address: at('share'), value: h ? num(h.share) : null, numFmt: NUMFMT.rate, style: 'input' },
      { address: at('rank'), value: h?.rank ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('mg'), value: h?.mg ? num(h.mg) : null, numFmt: NUMFMT.euro, style: 'input' },
      {
        address: at('part'),
        formula: `IF(OR(${at('base')}="",${at('share')}=""),"",ROUND(${at('share')}*SUMIF(${bases},${at('base')},${receipts}),2))`,
        result: h ? num(h.part) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('beyondMg'),
        formula: `IF(${at('part')}="","",MAX(0,${at('part')}-N(${at('mg')})))`,
        result: h ? num(h.beyondMg) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('uncoveredMg'),
        formula: `IF(${at('part')}="","",MAX(0,N(${at('mg')})-${at('part')}))`,
        result: h ? num(h.uncoveredMg) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  }

  // ---- Per base
  const baseFirst = RIGHTS_FIRST_ROW;
  const baseLast = baseFirst + RIGHTS_BASES.length - 1;
  for (const k of BA.keys)
    cells.push({ address: BA.cell(k, RIGHTS_HEADER_ROW), value: BA.header(k), style: 'header' });
  const boxTitle = baseLast + 2;
  const boxRow = (k: (typeof RIGHTS_BOX_ROWS)[number]): number => boxTitle + 1 + RIGHTS_BOX_ROWS.indexOf(k);
  const box = (k: (typeof RIGHTS_BOX_ROWS)[number]): string => BO.cell('value', boxRow(k));
  RIGHTS_BASES.forEach((base, i) => {
    const r = baseFirst + i;
    const b = result.byBase[i];
    const at = (k: (typeof BA.keys)[number]): string => BA.cell(k, r);
    cells.push(
      { address: at('base'), value: base, style: 'label' },
      {
        address: at('share'),
        formula: `SUMIF(${n(RIGHTS_NAMES.lineBases)},${at('base')},${n(RIGHTS_NAMES.lineShares)})`,
        result: b ? num(b.share) : 0,
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
      base === 'Recettes nettes part producteur' || base === 'Recettes guichet'
        ? {
            address: at('receipts'),
            formula: base === 'Recettes guichet' ? `N(${box('boxOffice')})` : `N(${box('producerNet')})`,
            result: b ? num(b.receipts) : 0,
            numFmt: NUMFMT.euro,
            style: 'computed',
          }
        : {
            address: at('receipts'),
            value: b && !b.receipts.isZero() ? num(b.receipts) : null,
            numFmt: NUMFMT.euro,
            style: 'input',
          },
      {
        address: at('distributed'),
        formula: `SUMIF(${n(RIGHTS_NAMES.lineBases)},${at('base')},${n(RIGHTS_NAMES.lineAmounts)})`,
        result: b ? num(b.distributed) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('left'),
        formula: `N(${at('receipts')})-${at('distributed')}`,
        result: b ? num(b.left) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  });

  // ---- Box office
  const bo = input.boxOffice;
  cells.push(
    { address: BO.cell('label', boxTitle), value: BO.header('label'), style: 'section' },
    { address: BO.cell('label', boxRow('admissions')), value: BOX_LABELS.admissions, style: 'label' },
    { address: box('admissions'), value: bo.admissions, numFmt: NUMFMT.integer, style: 'input' },
    { address: BO.cell('label', boxRow('averagePrice')), value: BOX_LABELS.averagePrice, style: 'label' },
    {
      address: box('averagePrice'),
      value: bo.averagePrice ? num(bo.averagePrice) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    },
    { address: BO.cell('label', boxRow('boxOffice')), value: BOX_LABELS.boxOffice, style: 'label' },
    {
      address: box('boxOffice'),
      formula: `IF(OR(${box('admissions')}="",${box('averagePrice')}=""),"",ROUND(${box('admissions')}*${box('averagePrice')},2))`,
      result: result.boxOffice ? num(result.boxOffice) : '',
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    { address: BO.cell('label', boxRow('producerShare')), value: BOX_LABELS.producerShare, style: 'label' },
    {
      address: box('producerShare'),
      value: bo.producerShare ? num(bo.producerShare) : null,
      numFmt: NUMFMT.rate,
      style: 'input',
    },
    { address: BO.cell('label', boxRow('producerNet')), value: BOX_LABELS.producerNet, style: 'total' },
    {
      address: box('producerNet'),
      formula: `IF(OR(${box('boxOffice')}="",${box('producerShare')}=""),"",ROUND(${box('boxOffice')}*${box('producerShare')},2))`,
      result: result.producerNet ? num(result.producerNet) : '',
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  const boxLast = boxRow('producerNet');

  // ---- The qualités' list
  const listHeader = boxLast + 2;
  cells.push({ address: BA.cell('base', listHeader), value: 'Qualités', style: 'header' });
  RIGHTS_ROLES.forEach((role, i) =>
    cells.push({ address: BA.cell('base', listHeader + 1 + i), value: role, style: 'label' }),
  );

  const col = (k: (typeof R.keys)[number]): string => R.range(k, first, last);
  const names: NamePlan[] = [
    { name: n(RIGHTS_NAMES.lines), sheet: name, ref: R.block(first, last) },
    { name: n(RIGHTS_NAMES.lineBases), sheet: name, ref: col('base') },
    { name: n(RIGHTS_NAMES.lineShares), sheet: name, ref: col('share') },
    { name: n(RIGHTS_NAMES.lineAmounts), sheet: name, ref: col('part') },
    { name: n(RIGHTS_NAMES.byBase), sheet: name, ref: BA.block(baseFirst, baseLast) },
    { name: bases, sheet: name, ref: BA.range('base', baseFirst, baseLast) },
    { name: receipts, sheet: name, ref: BA.range('receipts', baseFirst, baseLast) },
    ...RIGHTS_BOX_ROWS.map((k) => ({ name: n(RIGHTS_NAMES[k]), sheet: name, ref: absolute(box(k)) })),
    {
      name: n(RIGHTS_NAMES.roles),
      sheet: name,
      ref: BA.range('base', listHeader + 1, listHeader + RIGHTS_ROLES.length),
    },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [34, 18, 30, 12, 7, 16, 14, 16, 16, 3, 44, 14, 16, 14, 16],
      freezeRows: RIGHTS_HEADER_ROW,
      validations: [
        {
          range: R.span('role', first, last),
          kind: 'list',
          listName: n(RIGHTS_NAMES.roles),
          error: 'Qualité : choisissez dans la liste (auteur, réalisateur, compositeur, producteur…).',
        },
        {
          range: R.span('base', first, last),
          kind: 'list',
          listName: bases,
          error: 'Assiette : choisissez une des assiettes du tableau à droite.',
        },
        {
          range: R.span('share', first, last),
          kind: 'share',
          error: 'Pourcentage : entre 0 et 100 %.',
        },
        {
          range: R.span('mg', first, last),
          kind: 'decimalMin0',
          error: 'Minimum garanti : un montant positif ou nul.',
        },
      ],
      conditionalFormats: [{ range: BA.span('left', baseFirst, baseLast), when: 'negative' }],
      merges: [`A2:${R.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: RIGHTS_HEADER_ROW },
    },
    names,
    result,
  };
}
