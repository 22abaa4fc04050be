/**
 * What the recognition understood of a devis built by hand, beyond its sheet and columns: the
 * table's range, its hierarchy (each chapter, its lines, where its total sits), and how sure the
 * reading is of each part — so a reviewer knows what to look at twice.
 */
import type { DevisOutline, DevisTable } from '../sheets/devis/reader';
import { at } from '../sheets/model/snapshot';

/** How sure the reading is: the structure says it, it is the likeliest reading, or a guess. */
export type Confidence = 'sûre' | 'probable' | 'incertaine';

export interface Understood {
  /** The table as read: header row to last filled row, first to last column read. */
  range: string;
  hierarchy: { code: string; label: string; lines: number; total: string | null; above: boolean }[];
  confidence: {
    sheet: Confidence;
    columns: Confidence;
    hierarchy: Confidence;
    scale: Confidence;
    nomenclature: Confidence;
  };
}

/** The last row of the table with something in a column read. */
function lastRow(table: DevisTable): number {
  const columns = Object.values(table.columns);
  for (let i = table.range.values.length - 1; i > table.headerIndex; i -= 1) {
    const row = table.range.values[i] ?? [];
    if (columns.some((j) => row[j] !== null && row[j] !== undefined && row[j] !== '')) return i;
  }
  return table.headerIndex;
}

export function understood(
  table: DevisTable,
  outline: DevisOutline,
  read: { others: string[]; nomenclature: { known: number; codes: number } },
): Understood {
  const columns = Object.values(table.columns);
  const first = at(table.range, table.headerIndex, Math.min(...columns)).address;
  const last = at(table.range, lastRow(table), Math.max(...columns)).address;
  const hierarchy = outline.chapters.map((c) => ({
    code: c.code,
    label: c.label,
    lines: c.lines.length,
    total: c.total ? table.locate(c.total.i, 'amount').address : null,
    above: c.total !== null && c.lines.length > 0 && c.total.i < (c.lines[0]?.i ?? 0),
  }));
  const lines = hierarchy.reduce((n, c) => n + c.lines, 0);
  const { known, codes } = read.nomenclature;
  // Totals the formulas state (a sum over the chapter's rows) are read for sure; typed totals and
  // chapters taken from code prefixes are the likeliest reading.
  const stated = outline.chapters.every((c) => c.total !== null && table.sums.has(c.total.i));
  const has = (f: keyof DevisTable['columns']): boolean => table.columns[f] !== undefined;
  return {
    range: `${first}:${last}`,
    hierarchy,
    confidence: {
      sheet: lines < 3 ? 'incertaine' : read.others.length === 0 ? 'sûre' : 'probable',
      // Columns inferred from the cells (no header word) are the likeliest reading, not a certainty.
      columns: table.inferred
        ? 'probable'
        : has('amount') && (has('code') || table.combined) && has('label') && (has('quantity') || has('rate'))
          ? 'sûre'
          : has('amount') && (has('code') || has('label'))
            ? 'probable'
            : 'incertaine',
      hierarchy: outline.chapters.length === 0 ? 'incertaine' : stated ? 'sûre' : 'probable',
      scale: table.thousands || table.versions ? 'sûre' : 'probable',
      nomenclature:
        codes === 0
          ? 'incertaine'
          : known * 10 >= codes * 9
            ? 'sûre'
            : known * 2 >= codes
              ? 'probable'
              : 'incertaine',
    },
  };
}
