import { csvField } from '../domain/text/injection';
import { cellText } from '../domain/text/cellText';
import { CARBON_LINE_COLUMNS, CARBON_NAMES } from '../sheets/carbon/contract';
import { makeNaming } from '../sheets/model/naming';
import { isBlank, readTable } from '../sheets/model/snapshot';
import type { WorkbookPort, WorkbookReader } from './port';
import { a1, type CellPlan } from '../sheets/model/plan';

/** Columns of the CSV export, in order (documented in docs/ligne-de-commande.md), each from a column of the carbon lines. */
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
  return csvField(cellText(v));
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
  const lines = await carbonLines(port, suffix);
  const body = [CARBON_CSV_COLUMNS.join(';'), ...lines.map((r) => CSV.map(([k]) => cell(r[k])).join(';'))];
  return { csv: `\ufeff${body.join('\r\n')}\r\n`, rows: lines.length };
}

/** The Bilan carbone lines that have a factor key; a French error when the sheet is missing. */
async function carbonLines(port: WorkbookReader, suffix: number | null) {
  const range = await port.readName(makeNaming(suffix).name(CARBON_NAMES.lines));
  if (!range)
    throw new CarbonExportError(
      'Pas de bilan carbone dans ce classeur : créez-le avec « devis-cnc new » ou le volet (onglet Créer).',
    );
  return readTable(range, CARBON_LINE_COLUMNS).filter((r) => !isBlank(r.key));
}

/** Sheet the pane writes the export into, on hosts (Excel for Mac) that ignore a download. */
export const CARBON_EXPORT_SHEET = 'Export carbone';

/**
 * The same export as a sheet of values (numbers stay numbers), on a free name ("Export carbone",
 * "Export carbone (2)"…): copied from there into the calculator, on every host. Refuses an empty
 * bilan rather than writing a sheet with headers only.
 */
export async function carbonSheet(
  port: WorkbookPort,
  suffix: number | null = null,
): Promise<{ sheet: string; rows: number }> {
  const lines = await carbonLines(port, suffix);
  if (lines.length === 0)
    throw new CarbonExportError(
      'Aucun poste dans le bilan carbone (aucune ligne avec une clé de facteur) : rien à exporter.',
    );
  const inv = await port.inventory();
  let name = CARBON_EXPORT_SHEET;
  for (let k = 2; inv.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase()); k += 1)
    name = `${CARBON_EXPORT_SHEET} (${k})`;
  const cells: CellPlan[] = CSV.map(([, header], j) => ({
    address: a1(j, 1),
    value: header,
    style: 'header',
  }));
  lines.forEach((r, i) =>
    CSV.forEach(([k], j) => {
      const v = r[k];
      if (v === null || v === undefined || v === '') return;
      cells.push({
        address: a1(j, i + 2),
        value: typeof v === 'number' || typeof v === 'string' ? v : cellText(v),
      });
    }),
  );
  await port.applyPlan({
    sheets: [
      {
        name,
        cells,
        columnWidths: CSV.map(([, h]) => Math.min(40, Math.max(12, h.length + 2))),
        freezeRows: 1,
        validations: [],
        conditionalFormats: [],
      },
    ],
    names: [],
    charts: [],
  });
  return { sheet: name, rows: lines.length };
}
