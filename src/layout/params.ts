import type { BudgetParams, Status } from '../domain/budget/types';
import { STATUSES } from '../domain/budget/types';
import type { ProductionParameters } from '../domain/budget/templates';
import { ceilingFacts, SOURCE_STATUSES, taxCreditFact } from '../domain/financing/categories';
import type { CeilingRules } from '../domain/financing/types';
import financement from '../../data/finance/financement.json';
import {
  chargeRateFact,
  contingencyRateFact,
  FORMATS,
  formatLabel,
  markLabel,
  overheadsRateFact,
  statusLabel,
  type FactMark,
  type ProductionFormat,
} from '../domain/facts/facts';
import { getNomenclature } from '../domain/nomenclature/nomenclature';
import type { NomenclatureId } from '../domain/nomenclature/types';
import { toCellNumber } from '../domain/money';
import type { Naming } from './naming';
import { NUMFMT, absolute, type CellPlan, type CellValue, type NamePlan, type SheetPlan } from './plan';

/** Workbook names of the public-aid ceilings and thresholds in Paramètres. */
export const CEILING_NAMES: Record<keyof CeilingRules, string> = {
  cinemaBase: 'Param_PlafondCinema',
  cinemaDerogation: 'Param_PlafondCinemaDerog',
  cinemaWithoutTaxCredit: 'Param_PlafondCinemaSansCI',
  cinemaSmallBudget: 'Param_SeuilPetitBudgetCinema',
  avBase: 'Param_PlafondAV',
  avDerogation: 'Param_PlafondAVDerog',
  avDocumentary: 'Param_PlafondDocu',
  avSmallBudgetPerHour: 'Param_SeuilAVHeure',
  avDocumentaryPerHour: 'Param_SeuilDocuHeure',
};

const MEASURE_TYPES: readonly string[] = financement.measureTypes;

export const UNITS = ['Forfait', 'Jour', 'Semaine', 'Mois', 'Heure', 'Cachet', 'Unité', 'Lot', 'Km'] as const;

/** Workbook name of the charge rate of a status, e.g. Param_TauxCharges_Technicien. */
export function chargeRateName(status: Status): string {
  return `Param_TauxCharges_${statusLabel(status)}`;
}

export interface ParamsSheetInput {
  format: ProductionFormat;
  nomenclature: NomenclatureId;
  params: BudgetParams;
  production: ProductionParameters | null;
  naming: Naming;
}

interface Row {
  label: string;
  name: string;
  value: CellValue;
  numFmt?: string;
  source?: string;
  mark?: string;
  list?: string;
}

/** The Paramètres sheet: every value a workbook name, every rate with its source and mark. */
export function paramsSheet(input: ParamsSheetInput): { sheet: SheetPlan; names: NamePlan[] } {
  const { naming, production: p } = input;
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
  ['Paramètre', 'Valeur', 'Nom', 'Source', 'Fiabilité'].forEach((h, i) =>
    cells.push({ address: `${'ABCDE'[i]}4`, value: h, style: 'header' }),
  );

  const production: Row[] = [
    { label: 'Titre du projet', name: 'Param_Titre', value: p?.title ?? null },
    { label: 'Format', name: 'Param_Format', value: formatLabel(input.format), list: 'Liste_Formats' },
    {
      label: 'Nomenclature du devis',
      name: 'Param_Nomenclature',
      value: getNomenclature(input.nomenclature).id,
      source: getNomenclature(input.nomenclature).title,
    },
    { label: 'Durée (minutes)', name: 'Param_Duree', value: p?.durationMinutes ?? null, numFmt: NUMFMT.integer },
    { label: 'Semaines de préparation', name: 'Param_SemainesPrepa', value: p?.prepWeeks ?? null, numFmt: NUMFMT.integer },
    { label: 'Jours de tournage', name: 'Param_JoursTournage', value: p?.shootingDays ?? null, numFmt: NUMFMT.integer },
    { label: 'Semaines de postproduction', name: 'Param_SemainesPostprod', value: p?.postWeeks ?? null, numFmt: NUMFMT.integer },
    { label: 'Début du développement (facultatif)', name: 'Param_DebutDev', value: p?.devStart ?? null, numFmt: NUMFMT.date },
    { label: 'Début de préparation', name: 'Param_DebutPrepa', value: p?.prepStart ?? null, numFmt: NUMFMT.date },
    { label: 'Premier jour de tournage', name: 'Param_DebutTournage', value: p?.shootStart ?? null, numFmt: NUMFMT.date },
    { label: 'Dernier jour de tournage', name: 'Param_FinTournage', value: p?.shootEnd ?? null, numFmt: NUMFMT.date },
    { label: 'Livraison PAD', name: 'Param_LivraisonPAD', value: p?.padDelivery ?? null, numFmt: NUMFMT.date },
    {
      label: 'Enveloppe budgétaire',
      name: 'Param_Enveloppe',
      value: p?.envelope ? toCellNumber(p.envelope) : null,
      numFmt: NUMFMT.euro,
    },
    {
      label: 'Premier ou deuxième film',
      name: 'Param_PremierFilm',
      value: p ? (p.firstOrSecondFilm ? 'Oui' : 'Non') : null,
      list: 'Liste_OuiNon',
    },
  ];

  const fg = overheadsRateFact(input.format);
  const tc = taxCreditFact(input.format);
  const imp = contingencyRateFact(input.format);
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
      label: 'Frais généraux (taux du sous-total)',
      name: 'Param_TauxFG',
      value: toCellNumber(input.params.overheadsRate),
      numFmt: NUMFMT.rate,
      source: `${fg.source} (données du ${fg.seededOn})`,
      mark: markLabel(fg.mark),
    },
    {
      label: 'Plafond des frais généraux',
      name: 'Param_PlafondFG',
      value: toCellNumber(fg.cap),
      numFmt: NUMFMT.rate,
      source: fg.source,
      mark: markLabel(fg.mark),
    },
    {
      label: 'Imprévus (taux du sous-total)',
      name: 'Param_TauxImprevus',
      value: toCellNumber(input.params.contingencyRate),
      numFmt: NUMFMT.rate,
      source: `${imp.source} (données du ${imp.seededOn})`,
      mark: markLabel(imp.mark),
    },
    {
      label: `${tc.label} — taux`,
      name: 'Param_TauxCI',
      value: toCellNumber(tc.rate),
      numFmt: NUMFMT.rate,
      source: tc.source,
      mark: markLabel(tc.mark as FactMark),
    },
    {
      label: `${tc.label} — plafond`,
      name: 'Param_PlafondCI',
      value: toCellNumber(tc.cap),
      numFmt: NUMFMT.euro,
      source: tc.capSource,
      mark: markLabel(tc.mark as FactMark),
    },
    ...ceilingFacts().map(
      (f): Row => ({
        label: f.label,
        name: CEILING_NAMES[f.key],
        value: toCellNumber(f.value),
        numFmt: f.kind === 'rate' ? NUMFMT.rate : NUMFMT.euro,
        source: f.source,
        mark: markLabel(f.mark as FactMark),
      }),
    ),
  ];

  let row = 5;
  const writeRow = (r: Row): void => {
    cells.push({ address: `A${row}`, value: r.label, style: 'label' });
    cells.push({ address: `B${row}`, value: r.value, style: 'input', ...(r.numFmt ? { numFmt: r.numFmt } : {}) });
    cells.push({ address: `C${row}`, value: naming.name(r.name), style: 'note' });
    if (r.source) cells.push({ address: `D${row}`, value: r.source, style: 'note' });
    if (r.mark) cells.push({ address: `E${row}`, value: r.mark, style: 'note' });
    names.push({ name: naming.name(r.name), sheet: sheetName, ref: absolute(`B${row}`) });
    if (r.list) {
      validations.push({
        range: `B${row}`,
        kind: 'list',
        listName: naming.name(r.list),
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

  // Lists used by data validation, kept in the workbook so the user can extend them.
  cells.push({ address: `A${row}`, value: 'Listes (extensibles)', style: 'section' });
  row += 1;
  const lists: { title: string; name: string; values: readonly string[] }[] = [
    { title: 'Statuts', name: 'Liste_Statuts', values: STATUSES.map(statusLabel) },
    { title: 'Unités', name: 'Liste_Unites', values: UNITS },
    { title: 'Formats', name: 'Liste_Formats', values: FORMATS.map(formatLabel) },
    { title: 'Oui / Non', name: 'Liste_OuiNon', values: ['Oui', 'Non'] },
    { title: 'Statut des sources', name: 'Liste_StatutsSource', values: SOURCE_STATUSES },
    { title: 'Mesures de trésorerie', name: 'Liste_Mesures', values: MEASURE_TYPES },
    { title: 'Nature', name: 'Liste_Natures', values: ['Public', 'Privé'] },
  ];
  lists.forEach((list, i) => {
    const col = 'ABCDEFG'[i] ?? 'A';
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
