/**
 * The model's parts that follow the shoot and close it (Dépenses, Suivi budgétaire, Bilan
 * financier, ayants droit, budget d'événement, bilan carbone), read from a snapshot.
 */
import { CARBON_NAMES } from '../sheets/carbon/contract';
import { readCarbonLines, readCarbonMeasures, readCarbonSummary } from '../sheets/carbon/reader';
import { CLOSING_FUNDING_COLUMNS, CLOSING_NAMES } from '../sheets/closing/contract';
import { readClosingCosts } from '../sheets/closing/reader';
import { EVENT_NAMES, EVENT_PARTNER_COLUMNS } from '../sheets/event/contract';
import {
  readEventRows,
  readFestivalRows,
  readRetroRows,
  type FestivalDateRow,
  type RetroDateRow,
} from '../sheets/event/reader';
import { EXPENSE_CODE_COLUMNS, EXPENSE_NAMES } from '../sheets/expenses/contract';
import { isPiece, readExpenseRows } from '../sheets/expenses/reader';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { readFollowUpRows } from '../sheets/followup/reader';
import { isNumber, readTable, type Snapshot } from '../sheets/model/snapshot';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { RIGHTS_NAMES } from '../sheets/rights/contract';
import { readRightsBases, readRightsRanks, readRightsRows } from '../sheets/rights/reader';
import { asDay, asMoney, asText, asTimecode } from './field';
import { CUE_COLUMNS, CUE_NAMES } from '../sheets/cues/contract';
import { BREAKDOWN_NAMES, SCENE_COLUMNS } from '../sheets/breakdown/contract';
import {
  DAY_COLUMNS,
  LINK_COLUMNS,
  POST_COLUMNS,
  ROLE_COLUMNS,
  SCHEDULE_NAMES,
  WEEK_COLUMNS,
} from '../sheets/schedule/contract';
import type {
  CarbonModel,
  ClosingModel,
  BreakdownModel,
  CueSheetModel,
  EventModel,
  ScheduleModel,
  FollowUpModel,
  LedgerModel,
  FestivalModel,
  RetroTaskModel,
  RightsModel,
} from './model';
import { fields, figureAt, filledRows, listOf, moneyAt } from './readCells';

/** Every workbook name these readers read. */
export const FOLLOWING_READS: readonly string[] = [
  EXPENSE_NAMES.lines,
  EXPENSE_NAMES.byCode,
  EXPENSE_NAMES.statuses,
  EXPENSE_NAMES.codes,
  FOLLOWUP_NAMES.lines,
  FOLLOWUP_NAMES.boardValues.devis,
  FOLLOWUP_NAMES.boardValues.final,
  FOLLOWUP_NAMES.boardValues.baseFinal,
  FOLLOWUP_NAMES.arbitrage,
  CLOSING_NAMES.funding,
  CLOSING_NAMES.costs,
  CLOSING_NAMES.devis,
  CLOSING_NAMES.balance,
  CLOSING_NAMES.cost,
  CLOSING_NAMES.taxCredit,
  CLOSING_NAMES.taxCreditPlan,
  CLOSING_NAMES.taxCreditGap,
  CLOSING_NAMES.personnelGap,
  CLOSING_NAMES.providersGap,
  RIGHTS_NAMES.lines,
  RIGHTS_NAMES.byBase,
  RIGHTS_NAMES.ranks,
  RIGHTS_NAMES.rentalRate,
  PARAMS_NAMES.rentalCap,
  CUE_NAMES.lines,
  CUE_NAMES.filmSeconds,
  BREAKDOWN_NAMES.scenes,
  SCHEDULE_NAMES.days,
  SCHEDULE_NAMES.links,
  SCHEDULE_NAMES.roles,
  SCHEDULE_NAMES.dailyMax,
  SCHEDULE_NAMES.restMin,
  SCHEDULE_NAMES.consecutiveMax,
  SCHEDULE_NAMES.weeklyMax,
  SCHEDULE_NAMES.weeks,
  SCHEDULE_NAMES.post,
  SCHEDULE_NAMES.postWeeks,
  SCHEDULE_NAMES.first,
  SCHEDULE_NAMES.last,
  EVENT_NAMES.lines,
  EVENT_NAMES.partners,
  EVENT_NAMES.eventDate,
  EVENT_NAMES.retro,
  EVENT_NAMES.retroDates,
  EVENT_NAMES.festivals,
  EVENT_NAMES.festivalDates,
  CARBON_NAMES.lines,
  CARBON_NAMES.summary,
  CARBON_NAMES.measures,
  CARBON_NAMES.totalPrev,
  CARBON_NAMES.totalDef,
];

export function readLedger(s: Snapshot): LedgerModel | null {
  const rows = readExpenseRows(s);
  if (!rows) return null;
  const byCode = s.ranges[EXPENSE_NAMES.byCode];
  return {
    pieces: rows.filter(isPiece).map((r) =>
      fields(r, {
        date: asDay,
        piece: asText,
        code: asText,
        ht: asMoney,
        tva: asMoney,
        status: asText,
        paidOn: asDay,
        nature: asText,
        payee: asText,
        label: asText,
        ttc: asMoney,
        proof: asText,
      }),
    ),
    statuses: listOf(s, EXPENSE_NAMES.statuses),
    codes: s.ranges[EXPENSE_NAMES.codes] ? listOf(s, EXPENSE_NAMES.codes) : null,
    byCode: byCode
      ? readTable(byCode, EXPENSE_CODE_COLUMNS)
          .filter((r) => r.text('code') !== '')
          .map((r) => fields(r, { code: asText, engaged: asMoney, paid: asMoney }))
      : [],
  };
}

export function readFollowUp(s: Snapshot): FollowUpModel | null {
  // A line is a row with a code or a label, or an écart (a line typed in the Suivi without a code).
  const rows = readFollowUpRows(s)?.filter(
    (r) => r.text('code') !== '' || r.text('label') !== '' || (isNumber(r.gap) && r.gap !== 0),
  );
  const devis = moneyAt(s, FOLLOWUP_NAMES.boardValues.devis);
  const final = moneyAt(s, FOLLOWUP_NAMES.boardValues.final);
  const baseFinal = moneyAt(s, FOLLOWUP_NAMES.boardValues.baseFinal);
  const arbitrage = figureAt(s, FOLLOWUP_NAMES.arbitrage, asText);
  if (!rows && !devis && !final && !arbitrage) return null;
  return {
    lines: (rows ?? []).map((r) =>
      fields(r, {
        code: asText,
        label: asText,
        devis: asMoney,
        engaged: asMoney,
        paid: asMoney,
        remaining: asMoney,
        final: asMoney,
        gap: asMoney,
        cause: asText,
        explanation: asText,
      }),
    ),
    devis,
    final,
    baseFinal,
    arbitrage,
  };
}

export function readClosing(s: Snapshot): ClosingModel | null {
  const range = s.ranges[CLOSING_NAMES.funding];
  const rows = range ? readTable(range, CLOSING_FUNDING_COLUMNS).filter((r) => r.text('source') !== '') : [];
  const costs = filledRows(readClosingCosts(s), ['chapter', 'label', 'devis', 'final']);
  const devis = moneyAt(s, CLOSING_NAMES.devis);
  const balance = moneyAt(s, CLOSING_NAMES.balance);
  const cost = moneyAt(s, CLOSING_NAMES.cost);
  const taxCredit = moneyAt(s, CLOSING_NAMES.taxCredit);
  const taxCreditPlan = moneyAt(s, CLOSING_NAMES.taxCreditPlan);
  const taxCreditGap = moneyAt(s, CLOSING_NAMES.taxCreditGap);
  const personnelGap = moneyAt(s, CLOSING_NAMES.personnelGap);
  const providersGap = moneyAt(s, CLOSING_NAMES.providersGap);
  if (!range && !costs && !devis && !balance && !cost && !taxCredit && !taxCreditGap && !personnelGap)
    return null;
  return {
    devis,
    funding: rows.map((r) => fields(r, { source: asText, planned: asMoney, obtained: asMoney })),
    costs: (costs ?? []).map((r) =>
      fields(r, {
        chapter: asText,
        label: asText,
        devis: asMoney,
        final: asMoney,
        explanation: asText,
      }),
    ),
    balance,
    cost,
    taxCredit,
    taxCreditPlan,
    taxCreditGap,
    personnelGap,
    providersGap,
  };
}

export function readRights(s: Snapshot): RightsModel | null {
  const rows = filledRows(readRightsRows(s), ['name', 'base', 'share']);
  if (!rows) return null;
  const bases = readRightsBases(s) ?? [];
  return {
    holders: rows.map((r) =>
      fields(r, { name: asText, base: asText, share: asMoney, rank: asMoney, mg: asMoney }),
    ),
    bases: bases.filter((b) => b.text('base') !== '').map((b) => fields(b, { base: asText, share: asMoney })),
    ranks: (readRightsRanks(s) ?? []).map((r) => fields(r, { label: asText, share: asMoney })),
    rentalRate: moneyAt(s, RIGHTS_NAMES.rentalRate),
    rentalCap: moneyAt(s, PARAMS_NAMES.rentalCap),
  };
}

/** A task's three dates; empty fields where the sheet has no date columns. */
function retroDates(row: RetroDateRow | null): Pick<RetroTaskModel, 'start' | 'end' | 'due'> {
  if (row) return fields(row, { start: asDay, end: asDay, due: asDay });
  const none = { value: null, raw: null, at: null, typed: false };
  return { start: none, end: none, due: none };
}

/** A festival's dates and duration criteria; empty fields where the sheet has no such columns. */
function festivalCriteria(
  row: FestivalDateRow | null,
): Pick<FestivalModel, 'start' | 'deadline' | 'minutesMin' | 'minutesMax'> {
  if (row) return fields(row, { start: asDay, deadline: asDay, minutesMin: asMoney, minutesMax: asMoney });
  const none = { value: null, raw: null, at: null, typed: false };
  return { start: none, deadline: none, minutesMin: none, minutesMax: none };
}

/** The festivals listed, with their criteria. */
function readFestivals(s: Snapshot): FestivalModel[] {
  return (readFestivalRows(s) ?? [])
    .filter((r) => r.festival.text('name') !== '')
    .map((r) => ({
      ...fields(r.festival, { name: asText, rank: asMoney, premiere: asText }),
      ...festivalCriteria(r.dates),
    }));
}

export function readEvent(s: Snapshot): EventModel | null {
  const rows = filledRows(readEventRows(s), ['label', 'amount', 'rate']);
  if (!rows) return null;
  const partners = s.ranges[EVENT_NAMES.partners];
  const tasks = (readRetroRows(s) ?? []).filter(
    (r) => r.task.text('task') !== '' || r.task.text('phase') !== '' || r.task.text('rank') !== '',
  );
  return {
    eventDate: figureAt(s, EVENT_NAMES.eventDate, asDay),
    festivals: readFestivals(s),
    tasks: tasks.map((r) => ({
      ...fields(r.task, {
        phase: asText,
        task: asText,
        rank: asMoney,
        after: asMoney,
        days: asMoney,
        margin: asMoney,
        owner: asText,
      }),
      ...retroDates(r.dates),
    })),
    lines: rows.map((r) => fields(r, { category: asText, label: asText, quantity: asMoney, rate: asMoney })),
    partners: partners
      ? readTable(partners, EVENT_PARTNER_COLUMNS)
          .filter((r) => r.text('name') !== '' || r.text('amount') !== '')
          .map((r) => fields(r, { name: asText, amount: asMoney }))
      : [],
  };
}

/** The plan de travail (PdT_Jours, PdT_Quantites, its limits); null without the sheet. */
export function readSchedule(s: Snapshot): ScheduleModel | null {
  const range = s.ranges[SCHEDULE_NAMES.days];
  if (!range) return null;
  const links = s.ranges[SCHEDULE_NAMES.links];
  const roles = s.ranges[SCHEDULE_NAMES.roles];
  const weeks = s.ranges[SCHEDULE_NAMES.weeks];
  const post = s.ranges[SCHEDULE_NAMES.post];
  return {
    days: readTable(range, DAY_COLUMNS)
      .filter((r) => r.text('date') !== '')
      .map((r) =>
        fields(r, {
          date: asDay,
          set: asText,
          scenes: asText,
          cast: asText,
          hours: asMoney,
          rest: asMoney,
          consecutive: asMoney,
        }),
      ),
    links: links
      ? readTable(links, LINK_COLUMNS)
          .filter((r) => r.text('code') !== '')
          .map((r) =>
            fields(r, { code: asText, label: asText, measure: asText, plan: asMoney, devis: asMoney }),
          )
      : [],
    roles: roles
      ? readTable(roles, ROLE_COLUMNS)
          .filter((r) => r.text('role') !== '')
          .map((r) => fields(r, { role: asText, start: asDay, end: asDay }))
      : [],
    dailyMax: moneyAt(s, SCHEDULE_NAMES.dailyMax),
    restMin: moneyAt(s, SCHEDULE_NAMES.restMin),
    consecutiveMax: moneyAt(s, SCHEDULE_NAMES.consecutiveMax),
    weeklyMax: moneyAt(s, SCHEDULE_NAMES.weeklyMax),
    weeks: weeks
      ? readTable(weeks, WEEK_COLUMNS)
          .filter((r) => r.text('monday') !== '')
          .map((r) => fields(r, { monday: asDay, hours: asMoney }))
      : [],
    post: post
      ? readTable(post, POST_COLUMNS)
          .filter((r) => r.text('step') !== '' || r.text('start') !== '')
          .map((r) => fields(r, { step: asText, after: asText, start: asDay, end: asDay }))
      : [],
    postWeeks: moneyAt(s, SCHEDULE_NAMES.postWeeks),
    first: figureAt(s, SCHEDULE_NAMES.first, asDay),
    last: figureAt(s, SCHEDULE_NAMES.last, asDay),
  };
}

/** The dépouillement's sequences (Depou_Sequences), the filled rows; null without the sheet. */
export function readBreakdown(s: Snapshot): BreakdownModel | null {
  const range = s.ranges[BREAKDOWN_NAMES.scenes];
  if (!range) return null;
  return {
    scenes: readTable(range, SCENE_COLUMNS)
      .filter((r) => r.text('number') !== '')
      .map((r) => fields(r, { number: asText, days: asMoney })),
  };
}

/** The CUE sheet's cues (Cue_Lignes), the filled rows; null without the sheet. */
export function readCues(s: Snapshot): CueSheetModel | null {
  const range = s.ranges[CUE_NAMES.lines];
  if (!range) return null;
  const rows = readTable(range, CUE_COLUMNS).filter((r) =>
    (['number', 'title', 'in', 'out', 'code'] as const).some((k) => r.text(k) !== ''),
  );
  return {
    cues: rows.map((r) =>
      fields(r, {
        number: asText,
        title: asText,
        in: asTimecode,
        out: asTimecode,
        origin: asText,
        rights: asText,
        cost: asMoney,
        code: asText,
      }),
    ),
    filmSeconds: moneyAt(s, CUE_NAMES.filmSeconds),
  };
}

export function readCarbon(s: Snapshot): CarbonModel | null {
  const rows = filledRows(readCarbonLines(s), ['key', 'quantityPrev', 'quantityDef']);
  const summary = readCarbonSummary(s);
  const measures = readCarbonMeasures(s);
  const totalPrev = moneyAt(s, CARBON_NAMES.totalPrev);
  const totalDef = moneyAt(s, CARBON_NAMES.totalDef);
  if (!rows && !summary && !measures && !totalPrev && !totalDef) return null;
  return {
    lines: (rows ?? []).map((r) =>
      fields(r, {
        category: asText,
        label: asText,
        key: asText,
        unit: asText,
        quantityPrev: asMoney,
        multiplier: asMoney,
        prev: asMoney,
        quantityDef: asMoney,
        assumption: asText,
      }),
    ),
    summary: summary ? summary.map((r) => fields(r, { category: asText, prev: asMoney })) : null,
    measures: measures ? measures.map((r) => fields(r, { label: asText, saving: asMoney })) : null,
    totalPrev,
    totalDef,
  };
}
