import { makeNaming } from '../layout/naming';
import type { WorkbookPort } from './port';

/** Columns of the CSV export, in order (documented in the README). */
export const CARBON_CSV_COLUMNS = [
  'Catégorie',
  'Poste',
  'Clé du facteur',
  'Facteur (kgCO2e/unité)',
  'Unité',
  'Quantité prévisionnelle',
  'Multiplicateur',
  'Prévisionnel (kgCO2e)',
  'Quantité définitive',
  'Définitif (kgCO2e)',
  'Source du facteur',
  'Hypothèse',
] as const;

export class CarbonExportError extends Error {}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && v !== null && 'error' in v) return String((v as { error: unknown }).error);
  const s = String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The Bilan carbone lines as a French CSV (';' separators, decimal commas, UTF-8 with BOM, CRLF),
 * one row per line that has a factor key — the order of Carbon'Clap's manual entry: category,
 * item, quantity, unit. Reads the sheet through the port; writes nothing to the workbook.
 */
export async function carbonCsv(port: WorkbookPort, suffix: number | null = null): Promise<{ csv: string; rows: number }> {
  const name = makeNaming(suffix).name('Carbone_Lignes');
  const range = await port.readName(name);
  if (!range) throw new CarbonExportError(`Feuille Bilan carbone introuvable (nom ${name}) : créez le classeur avec « devis-cnc new » ou le volet.`);
  const lines = range.values.filter((r) => r[2] !== null && r[2] !== undefined && r[2] !== '');
  const body = [CARBON_CSV_COLUMNS.join(';'), ...lines.map((r) => CARBON_CSV_COLUMNS.map((_, i) => cell(r[i])).join(';'))];
  return { csv: `\ufeff${body.join('\r\n')}\r\n`, rows: lines.length };
}
