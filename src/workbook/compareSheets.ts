/**
 * Two versions of the devis kept in one workbook compared (a copy « Devis V1 » beside the Devis, a
 * devis built by hand beside ours): each sheet read on its own, as the recognition reads a devis
 * built by hand, into the model, then compared line by line. Reads only.
 */
import { compareModels } from '../model/compare';
import { comparisonText } from '../model/compareRender';
import { readModel } from '../model/read';
import type { ProductionModel } from '../model/model';
import { recogniseWorkbook } from '../sheets/recognition';
import type { WorkbookReader } from './port';

/** The sheets of the workbook, in their order: what the pane offers to compare. */
export async function sheetNames(port: WorkbookReader): Promise<string[]> {
  return (await port.inventory()).sheets.map((s) => s.name);
}

/** One sheet's devis in the model; the French reason when the sheet holds none. */
async function sheetModel(port: WorkbookReader, sheet: string): Promise<ProductionModel | string> {
  const range = (await port.readSheets([sheet]))[sheet];
  if (!range) return `La feuille « ${sheet} » est vide ou n’existe plus.`;
  const recognition = recogniseWorkbook([range], [sheet]);
  if (recognition.devis?.sheet !== sheet)
    return `Pas de devis reconnu dans la feuille « ${sheet} » (ni ligne d’en-têtes avec un code ou un libellé et un montant, ni nom de devis ou de budget).`;
  const model = readModel({ ranges: {}, sheets: { devis: range }, recognition });
  if (!model.budget?.lines.length) return `Aucune ligne de devis lue dans la feuille « ${sheet} ».`;
  return model;
}

/** What changed from the devis of one sheet to the devis of another, in French lines. */
export async function compareDevisSheets(
  port: WorkbookReader,
  before: string,
  after: string,
): Promise<{ lines: string[] } | { refused: string }> {
  if (before === after) return { refused: 'Choisissez deux feuilles différentes.' };
  const a = await sheetModel(port, before);
  if (typeof a === 'string') return { refused: a };
  const b = await sheetModel(port, after);
  if (typeof b === 'string') return { refused: b };
  return { lines: comparisonText(before, after, compareModels(a, b), { financing: false }) };
}
