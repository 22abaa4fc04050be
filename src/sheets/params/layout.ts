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
import {
  NUMFMT,
  absolute,
  columnLetter,
  type CellPlan,
  type CellValue,
  type NamePlan,
  type SheetPlan,
} from '../model/plan';

const MEASURE_TYPES: readonly string[] = financement.measureTypes;

export const UNITS = ['Forfait', 'Jour', 'Semaine', 'Mois', 'Heure', 'Cachet', 'Unité', 'Lot', 'Km'] as const;

export interface ParamsSheetInput {
  format: ProductionFormat;
  nomenclature: NomenclatureId;
  params: BudgetParams;
  production: ProductionParameters | null;
  naming: Naming;
  /** The tax credit's ceiling as the domain computes it (fixed, or per minute × duration). */
  taxCreditCap: Money;
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

/** The Paramètres sheet: every value a workbook name, every rate with its source and mark. */
export function paramsSheet(input: ParamsSheetInput): { sheet: SheetPlan; names: NamePlan[] } {
  const { naming, production: p } = input;
  const n = (base: string): string => naming.name(base);
  const sheetName = naming.sheet('params');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const validations: SheetPlan['validations'] = [];
  cells.push({ address: 'A1', value: 'Paramètres de la production', style: 'title' });
  cells.push({
    address: 'A2',
    value:
      'Cellules jaunes : à saisir. Chaque valeur porte un nom de classeur (colonne C) utilisé par les autres feuilles. Les taux viennent des données de l’outil avec leur source ; ils restent modifiables.',
    style: 'banner',
  });
  for (const k of PC.keys)
    cells.push({ address: PC.cell(k, PARAMS_FIRST_ROW - 1), value: PC.header(k), style: 'header' });

  const gaps = gapThresholdDefaults();
  const production: Row[] = [
    { label: 'Titre du projet', name: P.title, value: p?.title ?? null },
    { label: 'Format', name: P.format, value: formatLabel(input.format), list: 'formats' },
    {
      label: 'Nomenclature du devis',
      name: P.nomenclature,
      value: getNomenclature(input.nomenclature).id,
      source: getNomenclature(input.nomenclature).title,
      list: 'nomenclatures',
    },
    { label: 'Durée (minutes)', name: P.duration, value: p?.durationMinutes ?? null, numFmt: NUMFMT.integer },
    {
      label: 'Semaines de préparation',
      name: P.prepWeeks,
      value: p?.prepWeeks ?? null,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Jours de tournage',
      name: P.shootingDays,
      value: p?.shootingDays ?? null,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Semaines de postproduction',
      name: P.postWeeks,
      value: p?.postWeeks ?? null,
      numFmt: NUMFMT.integer,
    },
    {
      label: 'Début du développement (facultatif)',
      name: P.devStart,
      value: p?.devStart ?? null,
      numFmt: NUMFMT.date,
    },
    { label: 'Début de préparation', name: P.prepStart, value: p?.prepStart ?? null, numFmt: NUMFMT.date },
    {
      label: 'Premier jour de tournage',
      name: P.shootStart,
      value: p?.shootStart ?? null,
      numFmt: NUMFMT.date,
    },
    { label: 'Dernier jour de tournage', name: P.shootEnd, value: p?.shootEnd ?? null, numFmt: NUMFMT.date },
    { label: 'Livraison PAD', name: P.padDelivery, value: p?.padDelivery ?? null, numFmt: NUMFMT.date },
    {
      label: 'Enveloppe budgétaire',
      name: P.envelope,
      value: p?.envelope ? toCellNumber(p.envelope) : null,
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Premier ou deuxième film',
      name: P.firstOrSecondFilm,
      value: p ? (p.firstOrSecondFilm ? 'Oui' : 'Non') : null,
      list: 'yesNo',
    },
    {
      label: 'Agrément provisoire du crédit d’impôt obtenu',
      name: P.provisionalAgreement,
      value: p ? (p.provisionalAgreement ? 'Oui' : 'Non') : null,
      list: 'yesNo',
    },
    {
      label: 'Dérogation d’intensité des aides demandée au CNC (audiovisuel, RGA art. 311-19)',
      name: P.avDerogation,
      value: p ? (p.avDerogationRequested ? 'Oui' : 'Non') : 'Non',
      list: 'yesNo',
    },
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

  const fg = overheadsRateFact(input.format);
  const surcharge = shortContractSurchargeFact();
  const protocol = rolesOf(getNomenclature(input.nomenclature)).protocol;
  const tc = taxCreditFact(input.format);
  const imp = contingencyRateFact(input.format);
  const refund = taxRefundOf(input.format) ? taxRefundFact() : null;
  const rates: Row[] = [
    ...STATUSES.map((s): Row => {
      const f = chargeRateFact(s);
      return {
        label: `Charges patronales — ${statusLabel(s)}`,
        name: chargeRateName(s),
        value: toCellNumber(input.params.chargeRates[s]),
        numFmt: NUMFMT.rate,
        source: `${f.source} (données du ${f.seededOn})`,
        mark: markLabel(f.mark),
      };
    }),
    {
      label: 'Majoration chômage des CDDU ≤ 3 mois (intermittents)',
      name: P.shortContractSurcharge,
      value: toCellNumber(input.params.shortContractSurcharge),
      numFmt: NUMFMT.rate,
      source: `${surcharge.source} Ajoutée aux taux technicien, cadre et artiste ; 0 si les contrats durent plus de 3 mois. (données du ${surcharge.seededOn})`,
      mark: markLabel(surcharge.mark),
    },
    {
      label: protocol
        ? 'Frais généraux (taux de la base du protocole, sous le total du devis)'
        : 'Frais généraux (taux du sous-total)',
      name: P.overheadsRate,
      value: toCellNumber(input.params.overheadsRate),
      numFmt: NUMFMT.rate,
      source: `${fg.source} (données du ${fg.seededOn})`,
      mark: markLabel(fg.mark),
    },
    {
      label: 'Plafond des frais généraux',
      name: P.overheadsCap,
      value: toCellNumber(input.params.overheadsCap),
      numFmt: NUMFMT.rate,
      source: fg.source,
      mark: markLabel(fg.mark),
    },
    ...(protocol
      ? [
          {
            label: 'Plafond de la rémunération du producteur délégué (charges comprises)',
            name: P.producerFeeCap,
            value: toCellNumber(new Money(protocol.producerFeeCap)),
            numFmt: NUMFMT.rate,
            source: `${protocol.source} : rémunération du producteur délégué ≤ 5 % du coût hors cette rémunération, frais généraux et frais financiers, toutes charges sociales comprises.`,
            mark: markLabel(protocol.mark as FactMark),
          },
        ]
      : []),
    {
      label: 'Imprévus (taux du sous-total)',
      name: P.contingencyRate,
      value: toCellNumber(input.params.contingencyRate),
      numFmt: NUMFMT.rate,
      source: `${imp.source} (données du ${imp.seededOn})`,
      mark: markLabel(imp.mark),
    },
    {
      label: `${tc.label} — taux`,
      name: P.taxCreditRate,
      value: toCellNumber(tc.rate),
      numFmt: NUMFMT.rate,
      source: tc.source,
      mark: markLabel(tc.mark as FactMark),
    },
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
    ...ceilingFacts().map((f): Row => ({
      label: f.label,
      name: CEILING_NAMES[f.key],
      value: toCellNumber(f.value),
      numFmt: f.kind === 'rate' ? NUMFMT.rate : NUMFMT.euro,
      source: f.source,
      mark: markLabel(f.mark as FactMark),
    })),
  ];

  let row = PARAMS_FIRST_ROW;
  const writeRow = (r: Row): void => {
    cells.push({ address: PC.cell('label', row), value: r.label, style: 'label' });
    const fmt = r.numFmt ? { numFmt: r.numFmt } : {};
    if (r.formula)
      cells.push({
        address: PC.cell('value', row),
        formula: r.formula,
        result: r.value,
        style: 'computed',
        ...fmt,
      });
    else cells.push({ address: PC.cell('value', row), value: r.value, style: 'input', ...fmt });
    cells.push({ address: PC.cell('name', row), value: naming.name(r.name), style: 'note' });
    if (r.source) cells.push({ address: PC.cell('source', row), value: r.source, style: 'note' });
    if (r.mark) cells.push({ address: PC.cell('mark', row), value: r.mark, style: 'note' });
    names.push({ name: naming.name(r.name), sheet: sheetName, ref: absolute(PC.cell('value', row)) });
    if (r.list) {
      validations.push({
        range: PC.cell('value', row),
        kind: 'list',
        listName: naming.name(LIST_NAMES[r.list]),
        error: 'Choisissez une valeur de la liste.',
      });
    }
    row += 1;
  };
  production.forEach(writeRow);
  row += 1;
  cells.push({ address: `A${row}`, value: 'Taux (modifiables)', style: 'section' });
  row += 1;
  rates.forEach(writeRow);
  row += 1;

  // The audiovisual tax credit's ceiling per minute, by cost per minute (editable, named).
  if (tc.perMinute) {
    cells.push({
      address: PC.cell('label', row),
      value: 'Plafond du crédit d’impôt par minute, selon le coût à la minute',
      style: 'section',
    });
    row += 1;
    cells.push({
      address: PC.cell('label', row),
      value: 'Coût à la minute à partir de (€)',
      style: 'header',
    });
    cells.push({ address: PC.cell('value', row), value: 'Plafond par minute (€)', style: 'header' });
    cells.push({ address: PC.cell('source', row), value: tc.capSource, style: 'note' });
    cells.push({
      address: PC.cell('mark', row),
      value: markLabel((tc.perMinuteMark ?? tc.mark) as FactMark),
      style: 'note',
    });
    row += 1;
    const bandFirst = row;
    for (const b of tc.perMinute) {
      cells.push({
        address: PC.cell('label', row),
        value: toCellNumber(b.fromCostPerMinute),
        numFmt: NUMFMT.euro,
        style: 'input',
      });
      cells.push({
        address: PC.cell('value', row),
        value: toCellNumber(b.capPerMinute),
        numFmt: NUMFMT.euro,
        style: 'input',
      });
      row += 1;
    }
    names.push({
      name: n(P.taxCreditBandFrom),
      sheet: sheetName,
      ref: PC.range('label', bandFirst, row - 1),
    });
    names.push({ name: n(P.taxCreditBandCap), sheet: sheetName, ref: PC.range('value', bandFirst, row - 1) });
    row += 1;
  }

  // The rate applied to each status's lines (surcharge included): the Devis looks it up per line.
  cells.push({
    address: `A${row}`,
    value: 'Taux de charges appliqué par statut (majoration des CDDU comprise)',
    style: 'section',
  });
  row += 1;
  const chargeFirst = row;
  for (const s of STATUSES) {
    cells.push({ address: PC.cell('label', row), value: statusLabel(s), style: 'label' });
    cells.push({
      address: PC.cell('value', row),
      formula: chargeRateFormula(s, n),
      result: toCellNumber(chargeRate(input, s)),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
    row += 1;
  }
  names.push({ name: n(P.chargeStatuses), sheet: sheetName, ref: PC.range('label', chargeFirst, row - 1) });
  names.push({ name: n(P.chargeRates), sheet: sheetName, ref: PC.range('value', chargeFirst, row - 1) });
  row += 1;

  // Lists used by data validation, kept in the workbook so the user can extend them.
  cells.push({ address: `A${row}`, value: 'Listes (extensibles)', style: 'section' });
  row += 1;
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
    cells.push({ address: `${col}${row}`, value: list.title, style: 'header' });
    list.values.forEach((v, k) => cells.push({ address: `${col}${row + 1 + k}`, value: v, style: 'input' }));
    names.push({
      name: naming.name(list.name),
      sheet: sheetName,
      ref: `${absolute(`${col}${row + 1}`)}:${absolute(`${col}${row + list.values.length}`)}`,
    });
  });

  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [44, 22, 30, 90, 30, 24],
      freezeRows: 4,
      validations,
      conditionalFormats: [],
      merges: ['A2:E2'],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: 4 },
    },
    names,
  };
}
