import { EVENT_CATEGORIES, PARTNER_KINDS, type EventInput, type EventResult } from '../../domain/event/event';
import { type Money, sum, toCellNumber } from '../../domain/money';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import {
  EVENT_CATEGORY_COLUMNS as CA,
  EVENT_COLUMNS as E,
  EVENT_FIRST_ROW,
  EVENT_HEADER_ROW,
  EVENT_NAMES,
  EVENT_PARTNER_COLUMNS as PA,
  EVENT_TITLE_CELL,
} from './contract';

/** Free rows under the postes, and under the partners. */
export const FREE_EVENT_ROWS = 20;
export const FREE_PARTNER_ROWS = 5;

const num = (m: Money): number => toCellNumber(m);

export interface EventLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: EventResult;
}

/**
 * Budget d'un événement (avant-première, festival): postes grouped as logistique, communication et
 * marketing, frais administratifs (list), quantity × tarif; totals per category with their share;
 * the partners and their contribution (cash or in kind) and the balance left to the production.
 */
export function eventSheet(
  event: { input: EventInput; result: EventResult; note?: string },
  naming: Naming,
): EventLayout {
  const n = (b: string): string => naming.name(b);
  const name = naming.sheet('event');
  const { input, result, note } = event;
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Budget d’événement — avant-première, festival', style: 'title' },
    {
      address: 'A2',
      value:
        note ??
        'Une ligne par poste, dans sa catégorie (logistique, communication et marketing, frais administratifs) : quantité × tarif. À droite, les totaux par catégorie, les partenaires et ce qui reste à la charge de la production.',
      style: 'banner',
    },
    { address: 'A4', value: 'Événement', style: 'label' },
    { address: EVENT_TITLE_CELL, value: input.title || null, style: 'input' },
  ];
  const first = EVENT_FIRST_ROW;
  const last = first + input.lines.length + FREE_EVENT_ROWS - 1;
  for (const k of E.keys)
    cells.push({ address: E.cell(k, EVENT_HEADER_ROW), value: E.header(k), style: 'header' });
  for (let r = first; r <= last; r += 1) {
    const l = input.lines[r - first];
    const amount = result.amounts[r - first];
    const at = (k: (typeof E.keys)[number]): string => E.cell(k, r);
    cells.push(
      { address: at('category'), value: l?.category ?? null, style: 'input' },
      { address: at('label'), value: l?.label ?? null, style: 'input' },
      { address: at('quantity'), value: l ? num(l.quantity) : null, style: 'input' },
      { address: at('unit'), value: l?.unit ?? null, style: 'input' },
      { address: at('rate'), value: l ? num(l.rate) : null, numFmt: NUMFMT.euro, style: 'input' },
      {
        address: at('amount'),
        formula: `IF(OR(${at('quantity')}="",${at('rate')}=""),"",ROUND(${at('quantity')}*${at('rate')},2))`,
        result: amount ? num(amount) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      { address: at('comment'), value: null, style: 'input' },
    );
  }
  // ---- Per category
  const catFirst = EVENT_FIRST_ROW;
  const catLast = catFirst + EVENT_CATEGORIES.length - 1;
  // Under the categories: what no category holds (a poste without one), then the budget's total.
  const uncategorised = catLast + 1;
  const catTotal = catLast + 2;
  const total = CA.cell('amount', catTotal);
  for (const k of CA.keys)
    cells.push({ address: CA.cell(k, EVENT_HEADER_ROW), value: CA.header(k), style: 'header' });
  result.byCategory.forEach((c, i) => {
    const r = catFirst + i;
    cells.push(
      { address: CA.cell('category', r), value: c.category, style: 'label' },
      {
        address: CA.cell('amount', r),
        formula: `SUMIF(${n(EVENT_NAMES.lineCategories)},${CA.cell('category', r)},${n(EVENT_NAMES.lineAmounts)})`,
        result: num(c.amount),
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: CA.cell('share', r),
        formula: `IF(${total}=0,"",${CA.cell('amount', r)}/${total})`,
        result: result.total.isZero() ? '' : num(c.amount.dividedBy(result.total)),
        numFmt: NUMFMT.percent,
        style: 'computed',
      },
    );
  });
  const categorised = sum(result.byCategory.map((c) => c.amount));
  cells.push(
    { address: CA.cell('category', uncategorised), value: 'Sans catégorie', style: 'label' },
    {
      address: CA.cell('amount', uncategorised),
      formula: `${total}-SUM(${CA.span('amount', catFirst, catLast)})`,
      result: num(result.total.minus(categorised)),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    { address: CA.cell('category', catTotal), value: 'Total du budget', style: 'total' },
    {
      address: total,
      formula: `SUM(${E.span('amount', first, last)})`,
      result: num(result.total),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );

  // ---- Partners
  const partTitle = catTotal + 2;
  const partHeader = partTitle + 1;
  const partFirst = partHeader + 1;
  const partLast = partFirst + input.partners.length + FREE_PARTNER_ROWS - 1;
  const partTotal = partLast + 1;
  const balanceRow = partTotal + 1;
  cells.push({ address: PA.cell('name', partTitle), value: 'Partenaires et apports', style: 'section' });
  for (const k of PA.keys)
    cells.push({ address: PA.cell(k, partHeader), value: PA.header(k), style: 'header' });
  for (let r = partFirst; r <= partLast; r += 1) {
    const p = input.partners[r - partFirst];
    cells.push(
      { address: PA.cell('name', r), value: p?.name ?? null, style: 'input' },
      { address: PA.cell('kind', r), value: p?.kind ?? null, style: 'input' },
      { address: PA.cell('amount', r), value: p ? num(p.amount) : null, numFmt: NUMFMT.euro, style: 'input' },
    );
  }
  cells.push(
    { address: PA.cell('name', partTotal), value: 'Total des apports', style: 'total' },
    {
      address: PA.cell('amount', partTotal),
      formula: `SUM(${PA.span('amount', partFirst, partLast)})`,
      result: num(result.partners),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
    { address: PA.cell('name', balanceRow), value: 'Reste à la charge de la production', style: 'total' },
    {
      address: PA.cell('amount', balanceRow),
      formula: `${total}-${PA.cell('amount', partTotal)}`,
      result: num(result.balance),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );

  // ---- Lists
  const listHeader = balanceRow + 2;
  const lists: [string, readonly string[], (typeof PA.keys)[number]][] = [
    ['Catégories', EVENT_CATEGORIES, 'name'],
    ['Natures d’apport', PARTNER_KINDS, 'kind'],
  ];
  for (const [title, values, k] of lists) {
    cells.push({ address: PA.cell(k, listHeader), value: title, style: 'header' });
    values.forEach((v, i) =>
      cells.push({ address: PA.cell(k, listHeader + 1 + i), value: v, style: 'label' }),
    );
  }

  const names: NamePlan[] = [
    { name: n(EVENT_NAMES.title), sheet: name, ref: absolute(EVENT_TITLE_CELL) },
    { name: n(EVENT_NAMES.lines), sheet: name, ref: E.block(first, last) },
    { name: n(EVENT_NAMES.lineCategories), sheet: name, ref: E.range('category', first, last) },
    { name: n(EVENT_NAMES.lineAmounts), sheet: name, ref: E.range('amount', first, last) },
    { name: n(EVENT_NAMES.total), sheet: name, ref: absolute(total) },
    { name: n(EVENT_NAMES.byCategory), sheet: name, ref: CA.block(catFirst, catLast) },
    { name: n(EVENT_NAMES.partners), sheet: name, ref: PA.block(partFirst, partLast) },
    { name: n(EVENT_NAMES.partnersTotal), sheet: name, ref: absolute(PA.cell('amount', partTotal)) },
    { name: n(EVENT_NAMES.balance), sheet: name, ref: absolute(PA.cell('amount', balanceRow)) },
    {
      name: n(EVENT_NAMES.categories),
      sheet: name,
      ref: PA.range('name', listHeader + 1, listHeader + EVENT_CATEGORIES.length),
    },
    {
      name: n(EVENT_NAMES.kinds),
      sheet: name,
      ref: PA.range('kind', listHeader + 1, listHeader + PARTNER_KINDS.length),
    },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [26, 46, 10, 10, 12, 14, 30, 3, 36, 14, 18],
      freezeRows: EVENT_HEADER_ROW,
      validations: [
        {
          range: E.span('category', first, last),
          kind: 'list',
          listName: n(EVENT_NAMES.categories),
          error: 'Catégorie : Logistique, Communication et marketing ou Frais administratifs.',
        },
        {
          range: E.span('quantity', first, last),
          kind: 'decimalMin0',
          error: 'Quantité : un nombre positif ou nul.',
        },
        {
          range: E.span('rate', first, last),
          kind: 'decimalMin0',
          error: 'Tarif : un montant positif ou nul.',
        },
        {
          range: PA.span('kind', partFirst, partLast),
          kind: 'list',
          listName: n(EVENT_NAMES.kinds),
          error: 'Nature de l’apport : Numéraire ou En nature.',
        },
      ],
      conditionalFormats: [
        { range: `${PA.cell('amount', balanceRow)}:${PA.cell('amount', balanceRow)}`, when: 'negative' },
        {
          range: `${CA.cell('amount', uncategorised)}:${CA.cell('amount', uncategorised)}`,
          when: 'overrun',
        },
      ],
      merges: [`A2:${E.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: EVENT_HEADER_ROW },
    },
    names,
    result,
  };
}
