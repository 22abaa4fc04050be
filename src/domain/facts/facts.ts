import charges from '../../../data/finance/charges-sociales.json';
import overheads from '../../../data/finance/frais-generaux.json';
import { Money } from '../money';
import { STATUSES, type BudgetParams, type Status } from '../budget/types';
import { findNomenclature, getNomenclature, rolesOf } from '../nomenclature/nomenclature';
import type { NomenclatureId } from '../nomenclature/types';

/** How sure a fact is: read in the source, read in a secondary source, or recalled (unverified). */
export type FactMark = 'verified' | 'secondary' | 'recalled';

/** A dated, sourced rate, as shown to the user. */
export interface Fact {
  label: string;
  value: Money;
  mark: FactMark;
  source: string;
  seededOn: string;
}

export type ProductionFormat = 'long-metrage' | 'court-metrage' | 'serie' | 'documentaire';
export const FORMATS: readonly ProductionFormat[] = [
  'long-metrage',
  'court-metrage',
  'serie',
  'documentaire',
];

export function isFormat(value: string): value is ProductionFormat {
  return (FORMATS as readonly string[]).includes(value);
}

interface FormatRow {
  id: string;
  label: string;
  defaultDurationMinutes: number;
  nomenclature: string;
  overheads: { rate: string; cap: string; mark: string; source: string };
  contingency: { rate: string; mark: string; source: string };
}

function formatRow(format: ProductionFormat): FormatRow {
  const row = (overheads.formats as FormatRow[]).find((f) => f.id === format);
  if (!row) throw new Error(`Format absent de data/finance/frais-generaux.json : ${format}`);
  return row;
}

export function formatLabel(format: ProductionFormat): string {
  return formatRow(format).label;
}

export function formatFromLabel(label: string): ProductionFormat | undefined {
  const row = (overheads.formats as FormatRow[]).find(
    (f) => f.label.toLowerCase() === label.trim().toLowerCase(),
  );
  return row && isFormat(row.id) ? row.id : undefined;
}

/** The devis grid a format uses by default: cinema grid for films, audiovisual grid for séries and documentaires. */
export function defaultNomenclature(format: ProductionFormat): NomenclatureId {
  const id = formatRow(format).nomenclature;
  const nom = findNomenclature(id);
  if (!nom) throw new Error(`Nomenclature inconnue pour le format ${format} : ${id}`);
  return nom.id;
}

export function defaultDurationMinutes(format: ProductionFormat): number {
  return formatRow(format).defaultDurationMinutes;
}

export function statusLabel(status: Status): string {
  const row = charges.statuses.find((s) => s.id === status);
  if (!row) throw new Error(`Statut absent de data/finance/charges-sociales.json : ${status}`);
  return row.label;
}

/** Employer-charge rate per status, with its source and mark. */
export function chargeRateFact(status: Status): Fact & { range: [Money, Money] } {
  const row = charges.statuses.find((s) => s.id === status);
  if (!row) throw new Error(`Statut absent de data/finance/charges-sociales.json : ${status}`);
  return {
    label: `Taux de charges patronales — ${row.label}`,
    value: new Money(row.rate),
    mark: row.mark as FactMark,
    source: row.source,
    seededOn: charges.seededOn,
    range: [new Money(row.range[0] ?? row.rate), new Money(row.range[1] ?? row.rate)],
  };
}

export function overheadsRateFact(format: ProductionFormat): Fact & { cap: Money } {
  const row = formatRow(format);
  return {
    label: 'Frais généraux (taux du sous-total)',
    value: new Money(row.overheads.rate),
    cap: new Money(row.overheads.cap),
    mark: row.overheads.mark as FactMark,
    source: row.overheads.source,
    seededOn: overheads.seededOn,
  };
}

export function contingencyRateFact(format: ProductionFormat): Fact {
  const row = formatRow(format);
  return {
    label: 'Imprévus (taux du sous-total)',
    value: new Money(row.contingency.rate),
    mark: row.contingency.mark as FactMark,
    source: row.contingency.source,
    seededOn: overheads.seededOn,
  };
}

/** Intermittent du spectacle (CDDU): the short-contract chômage surcharge applies. */
export function isIntermittent(status: Status): boolean {
  return charges.statuses.find((s) => s.id === status)?.intermittent === true;
}

/** Words of a line label that name salaried people (a warning's hint, never a computation). */
export function salariedLabelWords(): readonly string[] {
  return charges.salariedLabelWords.words;
}

/** +0,5 point of chômage on the intermittents' CDDU of 3 months or less. */
export function shortContractSurchargeFact(): Fact {
  const row = charges.shortContractSurcharge;
  return {
    label: row.label,
    value: new Money(row.rate),
    mark: row.mark as FactMark,
    source: row.source,
    seededOn: charges.seededOn,
  };
}

/** Default budget parameters of a format, all from data/. */
export function defaultParams(format: ProductionFormat): BudgetParams {
  const chargeRates = Object.fromEntries(STATUSES.map((s) => [s, chargeRateFact(s).value])) as Record<
    Status,
    Money
  >;
  return {
    chargeRates,
    shortContractSurcharge: shortContractSurchargeFact().value,
    overheadsRate: overheadsRateFact(format).value,
    overheadsCap: overheadsRateFact(format).cap,
    contingencyRate: contingencyRateFact(format).value,
  };
}

export interface ChargesLineDef {
  code: string;
  label: string;
  status: Status;
}

/** The computed lines of a nomenclature's charges chapter (one per status), from its roles. */
export function chargesLines(nomenclature: NomenclatureId): ChargesLineDef[] {
  return rolesOf(getNomenclature(nomenclature)).chargesLines;
}

/** French wording of a mark, for the Paramètres sheet and the taskpane. */
export function markLabel(mark: FactMark): string {
  switch (mark) {
    case 'verified':
      return 'vérifié';
    case 'secondary':
      return 'source secondaire — à revérifier';
    case 'recalled':
      return 'NON VÉRIFIÉ — usage, à ajuster';
  }
}
