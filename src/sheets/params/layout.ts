import { SCHEDULE_NAMES } from '../schedule/contract';
import { cascadeRates } from '../../domain/rights/rights';
import { gapThresholdDefaults } from '../../domain/followup/followup';
import { chargeRate } from '../../domain/budget/compute';
import type { BudgetParams } from '../../domain/budget/types';
import { STATUSES } from '../../domain/budget/types';
import type { ProductionParameters } from '../../domain/budget/templates';
import {
  ceilingFacts,
  SOURCE_STATUSES,
  taxCreditFact,
  taxRefundFact,
  taxRefundOf,
  vatRefundFact,
} from '../../domain/financing/categories';
import financement from '../../../data/finance/financement.json';
import {
  chargeRateFact,
  shortContractSurchargeFact,
  contingencyRateFact,
  FORMATS,
  formatLabel,
  markLabel,
  overheadsRateFact,
  statusLabel,
  type FactMark,
  type ProductionFormat,
} from '../../domain/facts/facts';
import { getNomenclature, listNomenclatures, rolesOf } from '../../domain/nomenclature/nomenclature';
import type { NomenclatureId } from '../../domain/nomenclature/types';
import { Money, toCellNumber } from '../../domain/money';
import { DEVIS_NAMES } from '../devis/contract';
import { NATURES } from '../../domain/financing/types';
import { YES_NO } from '../model/labels';
import { SheetBuilder } from '../model/builder';
import type { Naming } from '../model/naming';
import {
  CEILING_NAMES,
  LIST_NAMES,
  PARAMS_COLUMNS as PC,
  PARAMS_FIRST_ROW,
  PARAMS_NAMES as P,
  chargeRateFormula,
  chargeRateName,
  type ListKey,
} from './contract';

export { CEILING_NAMES, chargeRateName };
import { NUMFMT, absolute, columnLetter, type CellValue, type NamePlan, type SheetPlan } from '../model/plan';

const MEASURE_TYPES: readonly string[] = financement.measureTypes;

export const UNITS = [
  'Forfait',
  'Jour',
  'Semaine',
  'Mois',
  'Heure',
  'Cachet',
  'Unité',
  'Lot',
  'Km',
  'Couvert',
] as const;

export interface ParamsSheetInput {
  format: ProductionFormat;
  nomenclature: NomenclatureId;
  params: BudgetParams;
  production: ProductionParameters | null;
  naming: Naming;
  /** The tax credit's ceiling as the domain computes it (fixed, or per minute × duration). */
  taxCreditCap: Money;
  /** The plan de travail's days, first and last: the shooting dates are then formulas on it. */
  schedule?: { days: number; first: Date; last: Date; postWeeks: number | null };
}

interface Row {
  label: string;
  name: string;
  value: CellValue;
  /** A computed parameter: its formula and cached result (value is then ignored). */
  formula?: string;
  numFmt?: string;
  source?: string;
  mark?: string;
  list?: ListKey;
}

const yesNoOf = (
  v: boolean | undefined,
  p: ProductionParameters | null,
  none: string | null = null,
): string | null => (p ? (v ? 'Oui' : 'Non') : none);

/** The Suivi budgétaire's thresholds for an écart to explain, with their source. */
function gapRows(): Row[] {
  const gaps = gapThresholdDefaults();
  return [
    {
      label: 'Suivi budgétaire : écart à expliquer à partir de (% de la ligne)',
      name: P.gapRate,
      value: toCellNumber(gaps.rate),
      numFmt: NUMFMT.rate,
      source: gaps.rateSource,
    },
    {
      label: 'Suivi budgétaire : écart à expliquer à partir de (€)',
      name: P.gapAmount,
      value: toCellNumber(gaps.amount),
      numFmt: NUMFMT.euro,
      source: gaps.amountSource,
    },
  ];
}

/** The production's own figures: title, format, grid, schedule, enveloppe, follow-up thresholds. */
function productionRows(input: ParamsSheetInput): Row[] {
  const p = input.production;
  const nom = getNomenclature(input.nomenclature);
  const whole = (label: string, name: string, value: number | null | undefined): Row => ({
    label,
    name,
    value: value ?? null,
    numFmt: NUMFMT.integer,
  });
  const date = (label: string, name: string, value: Date | null | undefined): Row => ({
    label,
    name,
    value: value ?? null,
    numFmt: NUMFMT.date,
  });
  // With a plan de travail, the shooting's days and dates are read on it: the Trésorerie follows.
  const s = input.schedule;
  const fromPlan = (row: Row, name: string): Row =>
    s ? { ...row, formula: input.naming.name(name), source: 'Calculé sur la feuille Plan de travail' } : row;
  return [
    { label: 'Titre du projet', name: P.title, value: p?.title ?? null },
    { label: 'Format', name: P.format, value: formatLabel(input.format), list: 'formats' },
    {
      label: 'Nomenclature du devis',
      name: P.nomenclature,
      value: nom.id,
      source: nom.title,
      list: 'nomenclatures',
    },
    whole('Durée (minutes)', P.duration, p?.durationMinutes),
    whole('Semaines de préparation', P.prepWeeks, p?.prepWeeks),
    fromPlan(
      whole('Jours de tournage', P.shootingDays, s ? s.days : p?.shootingDays),
      SCHEDULE_NAMES.dayCount,
    ),
    s?.postWeeks !== null && s?.postWeeks !== undefined
      ? fromPlan(whole('Semaines de postproduction', P.postWeeks, s.postWeeks), SCHEDULE_NAMES.postWeeks)
      : whole('Semaines de postproduction', P.postWeeks, p?.postWeeks),
    date('Début du développement (facultatif)', P.devStart, p?.devStart),
    date('Début de préparation', P.prepStart, p?.prepStart),
    fromPlan(
      date('Premier jour de tournage', P.shootStart, s ? s.first : p?.shootStart),
      SCHEDULE_NAMES.first,
    ),
    fromPlan(date('Dernier jour de tournage', P.shootEnd, s ? s.last : p?.shootEnd), SCHEDULE_NAMES.last),
    date('Livraison PAD', P.padDelivery, p?.padDelivery),
    {
      label: 'Enveloppe budgétaire',
      name: P.envelope,
      value: p?.envelope ? toCellNumber(p.envelope) : null,
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Premier ou deuxième film',
      name: P.firstOrSecondFilm,
      value: yesNoOf(p?.firstOrSecondFilm, p),
      list: 'yesNo',
    },
    {
      label: 'Agrément provisoire du crédit d’impôt obtenu',
      name: P.provisionalAgreement,
      value: yesNoOf(p?.provisionalAgreement, p),
      list: 'yesNo',
    },
    {
      label: 'Dérogation d’intensité des aides demandée au CNC (audiovisuel, RGA art. 311-19)',
      name: P.avDerogation,
      value: yesNoOf(p?.avDerogationRequested, p, 'Non'),
      list: 'yesNo',
    },
    ...gapRows(),
  ];
}

/** A rate of the data with its source, its date and its mark. */
const rateRow = (label: string, name: string, value: Money, source: string, mark: FactMark): Row => ({
  label,
  name,
  value: toCellNumber(value),
  numFmt: NUMFMT.rate,
  source,
  mark: markLabel(mark),
});

/** The social charges per status, the CDDU surcharge, frais généraux, the producer's fee cap, imprévus. */
function chargeAndIndirectRows(input: ParamsSheetInput): Row[] {
  const fg = overheadsRateFact(input.format);
  const surcharge = shortContractSurchargeFact();
  const protocol = rolesOf(getNomenclature(input.nomenclature)).protocol;
  const imp = contingencyRateFact(input.format);
  return [
    ...STATUSES.map((s): Row => {
      const f = chargeRateFact(s);
      const source = `${f.source} (données du ${f.seededOn})`;
      return rateRow(
        `Charges patronales — ${statusLabel(s)}`,
        chargeRateName(s),
        input.params.chargeRates[s],
        source,
        f.mark,
      );
    }),
    rateRow(
      'Majoration chômage des CDDU ≤ 3 mois (intermittents)',
      P.shortContractSurcharge,
      input.params.shortContractSurcharge,
      `${surcharge.source} Ajoutée aux taux technicien, cadre et artiste ; 0 si les contrats durent plus de 3 mois. (données du ${surcharge.seededOn})`,
      surcharge.mark,
    ),
    rateRow(
      protocol
        ? 'Frais généraux (taux de la base du protocole, sous le total du devis)'
        : 'Frais généraux (taux du sous-total)',
      P.overheadsRate,
      input.params.overheadsRate,
      `${fg.source} (données du ${fg.seededOn})`,
      fg.mark,
    ),
    rateRow('Plafond des frais généraux', P.overheadsCap, input.params.overheadsCap, fg.source, fg.mark),
    ...(protocol
      ? [
          rateRow(
            'Plafond de la rémunération du producteur délégué (charges comprises)',
            P.producerFeeCap,
            new Money(protocol.producerFeeCap),
            `${protocol.source} : rémunération du producteur délégué ≤ 5 % du coût hors cette rémunération, frais généraux et frais financiers, toutes charges sociales comprises.`,
            protocol.mark as FactMark,
          ),
        ]
      : []),
    rateRow(
      'Imprévus (taux du sous-total)',
      P.contingencyRate,
      input.params.contingencyRate,
      `${imp.source} (données du ${imp.seededOn})`,
      imp.mark,
    ),
  ];
}

/** The tax credit (rate, cap, when it is refunded) and the public-aid ceilings. */
function taxCreditAndCeilingRows(input: ParamsSheetInput, n: (base: string) => string): Row[] {
  const tc = taxCreditFact(input.format);
  const refund = taxRefundOf(input.format) ? taxRefundFact() : null;
  const vat = vatRefundFact();
  return [
    rateRow(`${tc.label} — taux`, P.taxCreditRate, tc.rate, tc.source, tc.mark as FactMark),
    {
      label: `${tc.label} — plafond`,
      name: P.taxCreditCap,
      value: toCellNumber(input.taxCreditCap),
      ...(tc.perMinute
        ? {
            formula: `ROUND(LOOKUP(IF(N(${n(P.duration)})=0,0,${n(DEVIS_NAMES.total.amount)}/${n(P.duration)}),${n(P.taxCreditBandFrom)},${n(P.taxCreditBandCap)})*N(${n(P.duration)}),2)`,
          }
        : {}),
      numFmt: NUMFMT.euro,
      source: tc.capSource,
      mark: markLabel((tc.perMinuteMark ?? tc.mark) as FactMark),
    },
    ...(refund
      ? [
          {
            label: 'Mois de clôture de l’exercice (1 à 12)',
            name: P.fiscalYearEnd,
            value: refund.closingMonth,
            numFmt: NUMFMT.integer,
            source: refund.closingSource,
            mark: markLabel(refund.closingMark),
          },
          {
            label: `${tc.label} — délai de remboursement après la clôture (mois)`,
            name: P.taxRefundDelay,
            value: refund.delayMonths,
            numFmt: NUMFMT.integer,
            source: `${refund.delaySource}. ${refund.shareNote}.`,
            mark: markLabel(refund.delayMark),
          },
        ]
      : []),
    {
      label: 'TVA sur les achats — délai de récupération (mois)',
      name: P.vatDelay,
      value: vat.delayMonths,
      numFmt: NUMFMT.integer,
      source: vat.source,
      mark: markLabel(vat.mark),
    },
    ...ceilingFacts().map((f): Row => ({
      label: f.label,
      name: CEILING_NAMES[f.key],
      value: toCellNumber(f.value),
      numFmt: f.kind === 'rate' ? NUMFMT.rate : NUMFMT.euro,
      source: f.source,
      mark: markLabel(f.mark as FactMark),
    })),
  ];
}

/** The law's rates in the theatrical cascade of the Ayants droit sheet. */
function cascadeRows(): Row[] {
  const r = cascadeRates();
  return [
    rateRow(
      'TVA sur les billets de cinéma',
      P.ticketVat,
      r.ticketVat.value,
      r.ticketVat.source,
      r.ticketVat.mark,
    ),
    rateRow('TSA (taxe sur le prix des entrées, hors TVA)', P.tsa, r.tsa.value, r.tsa.source, r.tsa.mark),
    rateRow(
      'Plafond du taux de location aux exploitants',
      P.rentalCap,
      r.rentalCap.value,
      r.rentalCap.source,
      r.rentalCap.mark,
    ),
  ];
}

/** One parameter: label, value (typed, or its formula), its name, source and mark; a list if any. */
function writeRow(b: SheetBuilder, r: Row, row: number): void {
  const fmt = r.numFmt ? { numFmt: r.numFmt } : {};
  b.push(
    { address: PC.cell('label', row), value: r.label, style: 'label' },
    r.formula
      ? { address: PC.cell('value', row), formula: r.formula, result: r.value, style: 'computed', ...fmt }
      : { address: PC.cell('value', row), value: r.value, style: 'input', ...fmt },
    { address: PC.cell('name', row), value: b.n(r.name), style: 'note' },
  );
  if (r.source) b.push({ address: PC.cell('source', row), value: r.source, style: 'note' });
  if (r.mark) b.push({ address: PC.cell('mark', row), value: r.mark, style: 'note' });
  b.name(r.name, absolute(PC.cell('value', row)));
  if (r.list)
    b.validations.push({
      range: PC.cell('value', row),
      kind: 'list',
      listName: b.n(LIST_NAMES[r.list]),
      error: 'Choisissez une valeur de la liste.',
    });
}

/** The audiovisual tax credit's ceiling per minute, by cost per minute (editable, named); the next row. */
function bandRows(b: SheetBuilder, format: ProductionFormat, start: number): number {
  const tc = taxCreditFact(format);
  if (!tc.perMinute) return start;
  let row = start;
  b.push({
    address: PC.cell('label', row),
    value: 'Plafond du crédit d’impôt par minute, selon le coût à la minute',
    style: 'section',
  });
  row += 1;
  b.push(
    { address: PC.cell('label', row), value: 'Coût à la minute à partir de (€)', style: 'header' },
    { address: PC.cell('value', row), value: 'Plafond par minute (€)', style: 'header' },
    { address: PC.cell('source', row), value: tc.capSource, style: 'note' },
    {
      address: PC.cell('mark', row),
      value: markLabel((tc.perMinuteMark ?? tc.mark) as FactMark),
      style: 'note',
    },
  );
  row += 1;
  const bandFirst = row;
  for (const band of tc.perMinute) {
    b.push(
      {
        address: PC.cell('label', row),
        value: toCellNumber(band.fromCostPerMinute),
        numFmt: NUMFMT.euro,
        style: 'input',
      },
      {
        address: PC.cell('value', row),
        value: toCellNumber(band.capPerMinute),
        numFmt: NUMFMT.euro,
        style: 'input',
      },
    );
    row += 1;
  }
  b.name(P.taxCreditBandFrom, PC.range('label', bandFirst, row - 1));
  b.name(P.taxCreditBandCap, PC.range('value', bandFirst, row - 1));
  return row + 1;
}

/** The rate applied to each status's lines (surcharge included): the Devis looks it up per line. */
function chargeRateRows(b: SheetBuilder, input: ParamsSheetInput, start: number): number {
  let row = start;
  b.push({
    address: `A${row}`,
    value: 'Taux de charges appliqué par statut (majoration des CDDU comprise)',
    style: 'section',
  });
  row += 1;
  const chargeFirst = row;
  for (const s of STATUSES) {
    b.push(
      { address: PC.cell('label', row), value: statusLabel(s), style: 'label' },
      {
        address: PC.cell('value', row),
        formula: chargeRateFormula(s, (x) => b.n(x)),
        result: toCellNumber(chargeRate(input, s)),
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
    );
    row += 1;
  }
  b.name(P.chargeStatuses, PC.range('label', chargeFirst, row - 1));
  b.name(P.chargeRates, PC.range('value', chargeFirst, row - 1));
  return row + 1;
}

/** Lists used by data validation, kept in the workbook so the user can extend them. */
function listColumns(b: SheetBuilder, start: number): void {
  b.push({ address: `A${start}`, value: 'Listes (extensibles)', style: 'section' });
  const row = start + 1;
  const lists: { title: string; name: string; values: readonly string[] }[] = [
    { title: 'Statuts', name: LIST_NAMES.statuses, values: STATUSES.map(statusLabel) },
    { title: 'Unités', name: LIST_NAMES.units, values: UNITS },
    { title: 'Formats', name: LIST_NAMES.formats, values: FORMATS.map(formatLabel) },
    { title: 'Oui / Non', name: LIST_NAMES.yesNo, values: YES_NO },
    { title: 'Statut des sources', name: LIST_NAMES.sourceStatuses, values: SOURCE_STATUSES },
    { title: 'Mesures de trésorerie', name: LIST_NAMES.measures, values: MEASURE_TYPES },
    { title: 'Nature', name: LIST_NAMES.natures, values: NATURES },
    { title: 'Nomenclatures', name: LIST_NAMES.nomenclatures, values: listNomenclatures().map((x) => x.id) },
  ];
  lists.forEach((list, i) => {
    const col = columnLetter(i);
    b.push({ address: `${col}${row}`, value: list.title, style: 'header' });
    list.values.forEach((v, k) => b.push({ address: `${col}${row + 1 + k}`, value: v, style: 'input' }));
    b.name(list.name, `${absolute(`${col}${row + 1}`)}:${absolute(`${col}${row + list.values.length}`)}`);
  });
}

/** The Paramètres sheet: every value a workbook name, every rate with its source and mark. */
export function paramsSheet(input: ParamsSheetInput): { sheet: SheetPlan; names: NamePlan[] } {
  const b = new SheetBuilder(input.naming, 'params');
  b.titled(
    'Paramètres de la production',
    'Cellules jaunes : à saisir. Chaque valeur porte un nom de classeur (colonne C) utilisé par les autres feuilles. Les taux viennent des données de l’outil avec leur source ; ils restent modifiables.',
  ).headers(PC, PARAMS_FIRST_ROW - 1);
  let row = PARAMS_FIRST_ROW;
  for (const r of productionRows(input)) writeRow(b, r, row++);
  row += 1;
  b.push({ address: `A${row}`, value: 'Taux (modifiables)', style: 'section' });
  row += 1;
  for (const r of [
    ...chargeAndIndirectRows(input),
    ...taxCreditAndCeilingRows(input, (x) => b.n(x)),
    ...cascadeRows(),
  ])
    writeRow(b, r, row++);
  row += 1;
  row = bandRows(b, input.format, row);
  row = chargeRateRows(b, input, row);
  listColumns(b, row);
  return {
    sheet: b.plan({
      columnWidths: [44, 22, 30, 90, 30, 24],
      freezeRows: 4,
      merges: ['A2:E2'],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: 4 },
    }),
    names: b.names,
  };
}
