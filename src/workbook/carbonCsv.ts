import { neutraliseForCsv } from '../domain/text/injection';
import { cellText } from '../domain/text/cellText';
import { CARBON_LINE_COLUMNS, CARBON_NAMES } from '../sheets/carbon/contract';
import { makeNaming } from '../sheets/model/naming';
import { isBlank, readTable } from '../sheets/model/snapshot';
import type { WorkbookReader } from './port';

/** Columns of the CSV export, in order (documented in the README), each from a column of the carbon lines. */
const CSV: readonly (readonly [CarbonLineKey, string])[] = [
  ['category', 'Catégorie'],
  ['label', 'Poste'],
  ['key', 'Clé du facteur'],
  ['factor', 'Facteur (kgCO2e/unité)'],
  ['unit', 'Unité'],
  ['quantityPrev', 'Quantité prévisionnelle'],
  ['multiplier', 'Multiplicateur'],
  ['prev', 'Prévisionnel (kgCO2e)'],
  ['quantityDef', 'Quantité définitive'],
  ['def', 'Définitif (kgCO2e)'],
  ['source', 'Source du facteur'],
  ['assumption', 'Hypothèse'],
];
type CarbonLineKey = (typeof CARBON_LINE_COLUMNS.keys)[number];

export const CARBON_CSV_COLUMNS: readonly string[] = CSV.map(([, header]) => header);

export class CarbonExportError extends Error {}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && 'error' in v) return String(v.error);
  const s = neutraliseForCsv(cellText(v));
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The Bilan carbone lines as a French CSV (';' separators, decimal commas, UTF-8 with BOM, CRLF),
 * one row per line that has a factor key — the order of Carbon'Clap's manual entry: category,
 * item, quantity, unit. Reads the sheet through the port; writes nothing to the workbook.
 */
export async function carbonCsv(
  port: WorkbookReader,
  suffix: number | null = null,
): Promise<{ csv: string; rows: number }> {
  const range = await port.readName(makeNaming(suffix).name(CARBON_NAMES.lines));
  if (!range)
    throw new CarbonExportError(
      'Pas de bilan carbone dans ce classeur : créez-le avec « devis-cnc new » ou le volet (onglet Créer).',
    );
  const lines = readTable(range, CARBON_LINE_COLUMNS).filter((r) => !isBlank(r.key));
  const body = [CARBON_CSV_COLUMNS.join(';'), ...lines.map((r) => CSV.map(([k]) => cell(r[k])).join(';'))];
  return { csv: `\ufeff${body.join('\r\n')}\r\n`, rows: lines.length };
}
