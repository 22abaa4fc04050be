import { EVENT_CATEGORIES, PARTNER_KINDS, type EventInput, type EventResult } from '../../domain/event/event';
import { PREMIERE_STATUSES, strategyFees } from '../../domain/event/festivals';
import { RETRO_PHASES, placeTasks } from '../../domain/event/retroplanning';
import { PARAMS_NAMES } from '../params/contract';
import { type Money, sum, toCellNumber } from '../../domain/money';
import type { Naming } from '../model/naming';
import { SheetBuilder } from '../model/builder';
import { NUMFMT, absolute, type NamePlan, type SheetPlan } from '../model/plan';
import {
  EVENT_CATEGORY_COLUMNS as CA,
  EVENT_COLUMNS as E,
  EVENT_FIRST_ROW,
  EVENT_HEADER_ROW,
  EVENT_NAMES,
  EVENT_PARTNER_COLUMNS as PA,
  EVENT_TITLE_CELL,
  FESTIVAL_COLUMNS as FE,
  FESTIVAL_DATE_COLUMNS as FD,
  RETRO_COLUMNS as RT,
  RETRO_DATE_COLUMNS as RD,
} from './contract';

/** Free rows under the postes, and under the partners. */
export const FREE_EVENT_ROWS = 20;
export const FREE_PARTNER_ROWS = 5;
/** Free rows under the rétroplanning's tasks, and under the festivals. */
export const FREE_RETRO_ROWS = 10;
export const FREE_FESTIVAL_ROWS = 5;

const num = (m: Money): number => toCellNumber(m);

export interface EventLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: EventResult;
}

type Lines = { first: number; last: number };
type Categories = {
  catFirst: number;
  catLast: number;
  uncategorised: number;
  catTotal: number;
  total: string;
};
type Partners = { partFirst: number; partLast: number; partTotal: number; balanceRow: number };

/** The postes, quantity × tarif, with free rows under them. */
function lineRows(b: SheetBuilder, input: EventInput, result: EventResult): Lines {
  const first = EVENT_FIRST_ROW;
  const last = first + input.lines.length + FREE_EVENT_ROWS - 1;
  b.headers(E, EVENT_HEADER_ROW);
  for (let r = first; r <= last; r += 1) {
    const l = input.lines[r - first];
    const amount = result.amounts[r - first];
    const at = (k: (typeof E.keys)[number]): string => E.cell(k, r);
    b.push(
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
  return { first, last };
}

/** Totals per category with their share, what no category holds, and the budget's total. */
function categoryRows(b: SheetBuilder, result: EventResult, lines: Lines): Categories {
  const catFirst = EVENT_FIRST_ROW;
  const catLast = catFirst + EVENT_CATEGORIES.length - 1;
  // Under the categories: what no category holds (a poste without one), then the budget's total.
  const uncategorised = catLast + 1;
  const catTotal = catLast + 2;
  const total = CA.cell('amount', catTotal);
  b.headers(CA, EVENT_HEADER_ROW);
  result.byCategory.forEach((c, i) => {
    const r = catFirst + i;
    b.push(
      { address: CA.cell('category', r), value: c.category, style: 'label' },
      {
        address: CA.cell('amount', r),
        formula: `SUMIF(${b.n(EVENT_NAMES.lineCategories)},${CA.cell('category', r)},${b.n(EVENT_NAMES.lineAmounts)})`,
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
  b.push(
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
      formula: `SUM(${E.span('amount', lines.first, lines.last)})`,
      result: num(result.total),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  return { catFirst, catLast, uncategorised, catTotal, total };
}

/** The partners and their contribution, then what is left to the production. */
function partnerRows(b: SheetBuilder, input: EventInput, result: EventResult, cat: Categories): Partners {
  const partTitle = cat.catTotal + 2;
  const partHeader = partTitle + 1;
  const partFirst = partHeader + 1;
  const partLast = partFirst + input.partners.length + FREE_PARTNER_ROWS - 1;
  const partTotal = partLast + 1;
  const balanceRow = partTotal + 1;
  b.push({ address: PA.cell('name', partTitle), value: 'Partenaires et apports', style: 'section' });
  b.headers(PA, partHeader);
  for (let r = partFirst; r <= partLast; r += 1) {
    const p = input.partners[r - partFirst];
    b.push(
      { address: PA.cell('name', r), value: p?.name ?? null, style: 'input' },
      { address: PA.cell('kind', r), value: p?.kind ?? null, style: 'input' },
      { address: PA.cell('amount', r), value: p ? num(p.amount) : null, numFmt: NUMFMT.euro, style: 'input' },
    );
  }
  b.push(
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
      formula: `${cat.total}-${PA.cell('amount', partTotal)}`,
      result: num(result.balance),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  return { partFirst, partLast, partTotal, balanceRow };
}

/** The drop-down lists (categories, natures of contribution), under the partners; their first row. */
function listRows(b: SheetBuilder, partners: Partners): number {
  const listHeader = partners.balanceRow + 2;
  const lists: [string, readonly string[], (typeof PA.keys)[number]][] = [
    ['Catégories', EVENT_CATEGORIES, 'name'],
    ['Phases', RETRO_PHASES, 'amount'],
    ['Natures d’apport', PARTNER_KINDS, 'kind'],
  ];
  // The premieres a festival may require, beside the phases (one column further right).
  b.push({ address: `L${listHeader}`, value: 'Premières', style: 'header' });
  PREMIERE_STATUSES.forEach((v, i) =>
    b.push({ address: `L${listHeader + 1 + i}`, value: v, style: 'label' }),
  );
  for (const [title, values, k] of lists) {
    b.push({ address: PA.cell(k, listHeader), value: title, style: 'header' });
    values.forEach((v, i) => b.push({ address: PA.cell(k, listHeader + 1 + i), value: v, style: 'label' }));
  }
  return listHeader;
}

function eventNames(
  b: SheetBuilder,
  lines: Lines,
  cat: Categories,
  partners: Partners,
  listHeader: number,
): void {
  b.name(EVENT_NAMES.title, absolute(EVENT_TITLE_CELL))
    .name(EVENT_NAMES.lines, E.block(lines.first, lines.last))
    .name(EVENT_NAMES.lineCategories, E.range('category', lines.first, lines.last))
    .name(EVENT_NAMES.lineAmounts, E.range('amount', lines.first, lines.last))
    .name(EVENT_NAMES.total, absolute(cat.total))
    .name(EVENT_NAMES.byCategory, CA.block(cat.catFirst, cat.catLast))
    .name(EVENT_NAMES.partners, PA.block(partners.partFirst, partners.partLast))
    .name(EVENT_NAMES.partnersTotal, absolute(PA.cell('amount', partners.partTotal)))
    .name(EVENT_NAMES.balance, absolute(PA.cell('amount', partners.balanceRow)))
    .name(EVENT_NAMES.categories, PA.range('name', listHeader + 1, listHeader + EVENT_CATEGORIES.length))
    .name(EVENT_NAMES.kinds, PA.range('kind', listHeader + 1, listHeader + PARTNER_KINDS.length))
    .name(EVENT_NAMES.phases, PA.range('amount', listHeader + 1, listHeader + RETRO_PHASES.length))
    .name(EVENT_NAMES.premieres, `$L$${listHeader + 1}:$L$${listHeader + PREMIERE_STATUSES.length}`);
}

function eventChecks(b: SheetBuilder, lines: Lines, cat: Categories, partners: Partners): void {
  const { first, last } = lines;
  b.validations.push(
    {
      range: E.span('category', first, last),
      kind: 'list',
      listName: b.n(EVENT_NAMES.categories),
      error: 'Catégorie : Logistique, Communication et marketing ou Frais administratifs.',
    },
    {
      range: E.span('quantity', first, last),
      kind: 'decimalMin0',
      error: 'Quantité : un nombre positif ou nul.',
    },
    { range: E.span('rate', first, last), kind: 'decimalMin0', error: 'Tarif : un montant positif ou nul.' },
    {
      range: PA.span('kind', partners.partFirst, partners.partLast),
      kind: 'list',
      listName: b.n(EVENT_NAMES.kinds),
      error: 'Nature de l’apport : Numéraire ou En nature.',
    },
  );
  const balance = PA.cell('amount', partners.balanceRow);
  const uncategorised = CA.cell('amount', cat.uncategorised);
  b.conditionalFormats.push(
    { range: `${balance}:${balance}`, when: 'negative' },
    { range: `${uncategorised}:${uncategorised}`, when: 'overrun' },
  );
}

type Retro = { first: number; last: number };
/** The film, as Paramètres give it: its duration in minutes and its delivery (PAD) date. */
export type Film = { minutes: number | null; delivery: Date | null };

/** A date cell of the rétroplanning: a date, or blank. */
const dateCell = (d: Date | null | undefined): Date | null => d ?? null;

/**
 * The rétroplanning of the avant-première (cpca C.4.2.3), under the postes and the lists: its date,
 * then one row per task — phase (list), task, number, the task it follows, duration, safety margin,
 * who is responsible — and its dates: start (typed), end = start + duration − 1, deadline = end +
 * margin, days left before the avant-première.
 */
function retroRows(b: SheetBuilder, input: EventInput, below: number): Retro {
  const retro = input.retroplanning;
  const placed = placeTasks(retro);
  const title = below + 2;
  const dateRow = title + 1;
  const header = dateRow + 2;
  const first = header + 1;
  const last = first + retro.tasks.length + FREE_RETRO_ROWS - 1;
  const eventDate = RT.cell('task', dateRow);
  b.push(
    { address: RT.cell('phase', title), value: 'RÉTROPLANNING DE L’AVANT-PREMIÈRE', style: 'section' },
    { address: RT.cell('phase', dateRow), value: 'Date de l’avant-première', style: 'label' },
    { address: eventDate, value: dateCell(retro.eventDate), numFmt: NUMFMT.date, style: 'input' },
  );
  b.headers(RT, header).headers(RD, header);
  b.name(EVENT_NAMES.eventDate, absolute(eventDate));
  const event = b.n(EVENT_NAMES.eventDate);
  for (let r = first; r <= last; r += 1) {
    const t = placed[r - first];
    const at = (k: (typeof RT.keys)[number]): string => RT.cell(k, r);
    const d = (k: (typeof RD.keys)[number]): string => RD.cell(k, r);
    b.push(
      { address: at('phase'), value: t?.phase ?? null, style: 'input' },
      { address: at('task'), value: t?.task ?? null, style: 'input' },
      { address: at('rank'), value: t?.rank ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('after'), value: t?.after ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('days'), value: t?.days ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('margin'), value: t?.margin ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('owner'), value: t?.owner ?? null, style: 'input' },
      { address: d('start'), value: dateCell(t?.start), numFmt: NUMFMT.date, style: 'input' },
      {
        address: d('end'),
        formula: `IF(OR(${d('start')}="",${at('days')}=""),"",${d('start')}+${at('days')}-1)`,
        result: t ? t.end : '',
        numFmt: NUMFMT.date,
        style: 'computed',
      },
      {
        address: d('due'),
        formula: `IF(${d('end')}="","",${d('end')}+N(${at('margin')}))`,
        result: t ? t.due : '',
        numFmt: NUMFMT.date,
        style: 'computed',
      },
      {
        address: d('before'),
        formula: `IF(OR(${d('due')}="",${event}=""),"",${event}-${d('due')})`,
        result: t?.daysBefore ?? '',
        numFmt: NUMFMT.integer,
        style: 'computed',
      },
    );
  }
  b.name(EVENT_NAMES.retro, RT.block(first, last)).name(EVENT_NAMES.retroDates, RD.block(first, last));
  const whole = (k: (typeof RT.keys)[number], bounds: readonly [number, number], error: string) => ({
    range: RT.span(k, first, last),
    kind: 'wholeBetween' as const,
    bounds,
    error,
  });
  b.validations.push(
    {
      range: RT.span('phase', first, last),
      kind: 'list',
      listName: b.n(EVENT_NAMES.phases),
      error: 'Phase : Préparation, Communication, Logistique, Jour J ou Bilan.',
    },
    whole('rank', [1, 999], 'N° : un nombre entier (1, 2, 3…).'),
    whole('after', [1, 999], 'Après la tâche n° : le numéro d’une tâche du rétroplanning.'),
    whole('days', [1, 365], 'Durée : un nombre entier de jours, au moins 1.'),
    whole('margin', [0, 365], 'Marge de sécurité : un nombre entier de jours, 0 ou plus.'),
  );
  b.conditionalFormats.push({ range: RD.span('before', first, last), when: 'negative' });
  return { first, last };
}

/**
 * The festival strategy (cpca C.4.2.1, cefpf C4.14), under the rétroplanning: each festival with
 * its section, place, rank in the strategy (blank: listed, set aside), the premiere it requires,
 * genres and expected benefits; its dates, fee, duration and year criteria; whether the film is
 * delivered by the deadline and within the durations (Paramètres); the fees of the ranked ones.
 */
function festivalRows(b: SheetBuilder, input: EventInput, film: Film, below: number): void {
  const festivals = input.festivals;
  const title = below + 2;
  const header = title + 1;
  const first = header + 1;
  const last = first + festivals.length + FREE_FESTIVAL_ROWS - 1;
  const total = last + 1;
  b.push({ address: FE.cell('name', title), value: 'FESTIVALS — STRATÉGIE D’INSCRIPTION', style: 'section' });
  b.headers(FE, header).headers(FD, header);
  const delivery = b.n(PARAMS_NAMES.padDelivery);
  const minutes = b.n(PARAMS_NAMES.duration);
  for (let r = first; r <= last; r += 1) {
    const f = festivals[r - first];
    const at = (k: (typeof FE.keys)[number]): string => FE.cell(k, r);
    const d = (k: (typeof FD.keys)[number]): string => FD.cell(k, r);
    const minutesOk = (x: NonNullable<typeof f>, m: number): boolean =>
      (x.minutesMin === null || m >= x.minutesMin) && (x.minutesMax === null || m <= x.minutesMax);
    b.push(
      { address: at('name'), value: f?.name ?? null, style: 'input' },
      { address: at('section'), value: f?.section ?? null, style: 'input' },
      { address: at('place'), value: f?.place ?? null, style: 'input' },
      { address: at('rank'), value: f?.rank ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('premiere'), value: f?.premiere ?? null, style: 'input' },
      { address: at('genres'), value: f?.genres ?? null, style: 'input' },
      { address: at('benefits'), value: f?.benefits ?? null, style: 'input' },
      { address: d('start'), value: f?.start ?? null, numFmt: NUMFMT.date, style: 'input' },
      { address: d('deadline'), value: f?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' },
      { address: d('fee'), value: f ? num(f.fee) : null, numFmt: NUMFMT.euro, style: 'input' },
      { address: d('minutesMin'), value: f?.minutesMin ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: d('minutesMax'), value: f?.minutesMax ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: d('yearMin'), value: f?.yearMin ?? null, numFmt: NUMFMT.integer, style: 'input' },
      {
        address: d('ready'),
        formula: `IF(OR(${d('deadline')}="",N(${delivery})=0),"",IF(${d('deadline')}>=${delivery},"Oui","Non"))`,
        result: f && film.delivery ? (f.deadline >= film.delivery ? 'Oui' : 'Non') : '',
        style: 'computed',
      },
      {
        address: d('eligible'),
        formula: `IF(OR(${at('name')}="",N(${minutes})=0),"",IF(AND(OR(${d('minutesMin')}="",${minutes}>=${d('minutesMin')}),OR(${d('minutesMax')}="",${minutes}<=${d('minutesMax')})),"Oui","Non"))`,
        result: f && film.minutes ? (minutesOk(f, film.minutes) ? 'Oui' : 'Non') : '',
        style: 'computed',
      },
    );
  }
  b.push(
    {
      address: FE.cell('name', total),
      value: 'Frais d’inscription des festivals de la stratégie',
      style: 'total',
    },
    {
      address: FD.cell('fee', total),
      formula: `SUMIF(${FE.range('rank', first, last)},">0",${FD.range('fee', first, last)})`,
      result: num(strategyFees(festivals)),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
  );
  b.name(EVENT_NAMES.festivals, FE.block(first, last))
    .name(EVENT_NAMES.festivalDates, FD.block(first, last))
    .name(EVENT_NAMES.festivalFees, absolute(FD.cell('fee', total)));
  festivalChecks(b, first, last);
}

/** The festivals' drop-down and number checks. */
function festivalChecks(b: SheetBuilder, first: number, last: number): void {
  b.validations.push(
    {
      range: FE.span('premiere', first, last),
      kind: 'list',
      listName: b.n(EVENT_NAMES.premieres),
      error: 'Première exigée : Mondiale, Internationale, Nationale ou Aucune.',
    },
    {
      range: FE.span('rank', first, last),
      kind: 'wholeBetween',
      bounds: [1, 99],
      error: 'Rang : 1, 2, 3… (vide : écarté).',
    },
    {
      range: FD.span('fee', first, last),
      kind: 'decimalMin0',
      error: 'Frais d’inscription : un montant positif ou nul.',
    },
  );
}

/**
 * Budget d'un événement (avant-première, festival): postes grouped as logistique, communication et
 * marketing, frais administratifs (list), quantity × tarif; totals per category with their share;
 * the partners and their contribution (cash or in kind) and the balance left to the production.
 */
export function eventSheet(
  event: { input: EventInput; result: EventResult; note?: string },
  naming: Naming,
  film: Film = { minutes: null, delivery: null },
): EventLayout {
  const { input, result, note } = event;
  const b = new SheetBuilder(naming, 'event');
  b.titled(
    'Budget d’événement — avant-première, festival',
    note ??
      'Une ligne par poste, dans sa catégorie (logistique, communication et marketing, frais administratifs) : quantité × tarif. À droite, les totaux par catégorie, les partenaires et ce qui reste à la charge de la production. Sous les postes, le rétroplanning de l’avant-première : chaque tâche dans sa phase, sa durée, sa marge de sécurité, son responsable et la tâche qu’elle suit ; fin, échéance et jours restants se calculent.',
  ).push(
    { address: 'A4', value: 'Événement', style: 'label' },
    { address: EVENT_TITLE_CELL, value: input.title || null, style: 'input' },
  );
  const lines = lineRows(b, input, result);
  const cat = categoryRows(b, result, lines);
  const partners = partnerRows(b, input, result, cat);
  const listHeader = listRows(b, partners);
  eventNames(b, lines, cat, partners, listHeader);
  eventChecks(b, lines, cat, partners);
  const retro = retroRows(b, input, Math.max(lines.last, listHeader + RETRO_PHASES.length));
  festivalRows(b, input, film, retro.last);
  return {
    sheet: b.plan({
      columnWidths: [26, 46, 10, 12, 12, 14, 30, 3, 36, 14, 18, 14, 12, 10, 10, 12],
      freezeRows: EVENT_HEADER_ROW,
      merges: [`A2:${E.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: EVENT_HEADER_ROW },
    }),
    names: b.names,
    result,
  };
}
