import { recogniseWorkbook, type Recognition } from '../sheets/recognition';
import type { Snapshot } from '../sheets/model/snapshot';
import type { WorkbookReader } from './port';

/** What a snapshot must hold: the workbook names read, and whether every sheet is read too. */
export interface SnapshotNeeds {
  names: readonly string[];
  /** Every sheet's used range with its formulas (the generic checks look at any sheet). */
  wholeWorkbook: boolean;
}

/**
 * Reads a snapshot in one batch: every workbook name asked (values and formulas). When the devis
 * names are missing (a workbook built by hand), it reads every sheet and recognises the devis and
 * the deliverables (`recognition`). With `wholeWorkbook`, every sheet's used range is read too,
 * once.
 */
export async function readWorkbookSnapshot(
  port: WorkbookReader,
  needs: SnapshotNeeds,
  suffix: (name: string) => string = (n) => n,
): Promise<Snapshot> {
  const names = [...new Set(needs.names)];
  const read = await port.readNames(names.map(suffix));
  const ranges: Snapshot['ranges'] = {};
  names.forEach((n) => (ranges[n] = read[suffix(n)] ?? null));
  const sheets: Snapshot['sheets'] = {};
  const wholeWorkbook = needs.wholeWorkbook;
  if (ranges.Devis_Lignes && !wholeWorkbook) return { ranges, sheets };
  // Listed once, read once. Without our names, every sheet is read: the devis built by hand is
  // recognised by its sheet's name and its header line, and the deliverables by their names.
  const inventory = await port.inventory();
  const sheetNames = inventory.sheets.map((s) => s.name);
  const foreign = !ranges.Devis_Lignes;
  const grid = await port.readSheets(wholeWorkbook || foreign ? sheetNames : []);
  const used = sheetNames.map((n) => grid[n]).filter((r): r is NonNullable<typeof r> => !!r);
  let recognition: Recognition | undefined;
  if (foreign) {
    recognition = recogniseWorkbook(used, sheetNames);
    const devis = recognition.devis?.sheet;
    if (devis) sheets.devis = grid[devis] ?? null;
    // The deliverables found by name (a topsheet, a plan de financement, a trésorerie built by
    // hand): read into the model as the devis is.
    for (const d of recognition.deliverables)
      if (d.key !== 'devis' && d.sheet && d.sheet !== devis) sheets[d.key] = grid[d.sheet] ?? null;
  }
  return {
    ranges,
    sheets,
    ...(recognition ? { recognition } : {}),
    ...(wholeWorkbook
      ? { workbook: { sheets: used, names: inventory.names, localNames: inventory.localNames ?? [] } }
      : {}),
  };
}
