import type ExcelJS from 'exceljs';

/** The row of the first cell of a column whose formula result (or value) is `wanted`; 0 when none. */
export function rowOfResult(ws: ExcelJS.Worksheet | undefined, letter: string, wanted: unknown): number {
  let found = 0;
  ws?.getColumn(letter).eachCell((c, r) => {
    const v = c.value as { result?: unknown } | null;
    const value = v && typeof v === 'object' && 'result' in v ? v.result : v;
    if (found === 0 && value === wanted) found = r;
  });
  return found;
}

/** Values rounded to the cent: LibreOffice computes in binary floating point. */
export function toCents(values: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, x]) => [k, Math.round(Number(x) * 100) / 100]));
}
