import { CARBON_NAMES } from '../sheets/carbon/contract';
import { CLOSING_NAMES } from '../sheets/closing/contract';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { EVENT_NAMES } from '../sheets/event/contract';
import { EXPENSE_NAMES } from '../sheets/expenses/contract';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { parseAddress } from '../sheets/model/plan';
import type { RangeRead, Snapshot } from '../sheets/model/snapshot';
import { RIGHTS_NAMES } from '../sheets/rights/contract';

/** A block of rows the model knows: a table and the total row under it. */
export interface KnownBlock {
  sheet: string;
  /** Sheet rows (1-based), the total row under the table included, and columns (0-based). */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** How a message names it: « devis », « grand livre des dépenses »… */
  what: string;
}

/** The tables of our sheets, by workbook name, with the words a message uses. */
const TABLES: readonly [string, string][] = [
  [DEVIS_NAMES.lines, 'devis'],
  [EXPENSE_NAMES.lines, 'grand livre des dépenses'],
  [FINANCING_NAMES.table, 'plan de financement'],
  [FOLLOWUP_NAMES.lines, 'suivi budgétaire'],
  [CARBON_NAMES.lines, 'bilan carbone'],
  [RIGHTS_NAMES.lines, 'tableau des ayants droit'],
  [EVENT_NAMES.lines, 'budget de l’événement'],
  [CLOSING_NAMES.costs, 'coût définitif'],
  [CLOSING_NAMES.funding, 'financement définitif'],
];

/** The workbook names of the tables whose totals the model knows. */
export const BLOCK_READS: readonly string[] = TABLES.map(([name]) => name);

function blockOf(range: RangeRead, what: string): KnownBlock {
  const { col, row } = parseAddress(range.topLeft);
  const width = Math.max(1, ...range.values.map((r) => r.length));
  return {
    sheet: range.sheet,
    firstRow: row,
    lastRow: row + range.values.length, // the total row right under the table
    firstCol: col,
    lastCol: col + width - 1,
    what,
  };
}

/**
 * The blocks of a snapshot: our named tables. A devis built by hand is not one of them here: its
 * chapter totals that leave out lines are devis-chapter-totals' erreurs already (one finding per
 * fault, not two).
 */
export function knownBlocks(s: Snapshot): KnownBlock[] {
  return TABLES.flatMap(([name, what]) => {
    const range = s.ranges[name];
    return range ? [blockOf(range, what)] : [];
  });
}

/** The block a cell (1-based row, 0-based column) belongs to, if any. */
export function blockAt(
  blocks: readonly KnownBlock[],
  sheet: string,
  row: number,
  col: number,
): KnownBlock | null {
  return (
    blocks.find(
      (b) =>
        b.sheet === sheet && row >= b.firstRow && row <= b.lastRow && col >= b.firstCol && col <= b.lastCol,
    ) ?? null
  );
}
