import { cellText } from '../domain/text/cellText';
import { monthWords } from '../domain/text/french';
import { ACTUAL_NAMES } from '../sheets/actual/contract';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import {
  FOLLOWUP_BOARD,
  FOLLOWUP_NAMES,
  FOLLOWUP_TOP_COLUMNS,
  type BoardKey,
} from '../sheets/followup/contract';
import { makeNaming } from '../sheets/model/naming';
import { isNumber, readTable } from '../sheets/model/snapshot';
import type { WorkbookPort } from './port';

/** The dashboard of the Suivi budgétaire, as the pane shows it: numbers as the workbook computed them. */
export interface FollowUpSummary {
  sheet: string;
  /** Dashboard values (euros, or shares 0–1), null where the cell holds no number. */
  values: Record<BoardKey, number | null>;
  /** The five largest overruns, in rank order, with the cell of their row in the Suivi. */
  top: { rank: number; code: string; label: string; gap: number; cause: string; address: string }[];
  /**
   * The Trésorerie réelle's updated need, its critical month, the forecast need it is compared
   * with, and what the measures (drawn, then scheduled) leave uncovered; null
   * without a Trésorerie réelle.
   */
  cash: {
    need: number | null;
    month: string | null;
    planned: number | null;
    uncovered: number | null;
    sheet: string;
    address: string;
  } | null;
}

/**
 * Reads the Suivi budgétaire's dashboard and five largest overruns, and the Trésorerie réelle's
 * updated need, through the port (one call for every name: two `context.sync()` in Excel); null
 * when the workbook has no Suivi budgétaire.
 */
export async function readFollowUp(
  port: WorkbookPort,
  suffix: number | null = null,
): Promise<FollowUpSummary | null> {
  const naming = makeNaming(suffix);
  const board = FOLLOWUP_BOARD.map((k) => naming.name(FOLLOWUP_NAMES.boardValues[k]));
  const topName = naming.name(FOLLOWUP_NAMES.top);
  const cashNames = [
    ACTUAL_NAMES.need,
    ACTUAL_NAMES.criticalMonth,
    CASHFLOW_NAMES.need,
    ACTUAL_NAMES.uncoveredNeed,
  ].map((b) => naming.name(b));
  const read = await port.readNames([...board, topName, ...cashNames]);
  const top = read[topName];
  if (!top) return null;
  const values = Object.fromEntries(
    FOLLOWUP_BOARD.map((k, i) => {
      const v = read[board[i] ?? '']?.values[0]?.[0];
      return [k, isNumber(v) ? v : null];
    }),
  ) as Record<BoardKey, number | null>;
  const rows = readTable(top, FOLLOWUP_TOP_COLUMNS)
    .filter((r) => r.text('code') !== '' && isNumber(r.gap))
    .map((r) => ({
      rank: Number(r.rank),
      code: r.text('code'),
      label: r.text('label'),
      gap: r.gap as number,
      cause: cellText(r.cause).trim(),
      address: r.at('code').address,
    }));
  const [needRead, monthRead, plannedRead, uncoveredRead] = cashNames.map((k) => read[k] ?? null);
  const first = (r: typeof needRead): unknown => r?.values[0]?.[0];
  const number = (r: typeof needRead): number | null => (isNumber(first(r)) ? (first(r) as number) : null);
  const cash = needRead
    ? {
        need: number(needRead),
        month: monthWords(first(monthRead)),
        planned: number(plannedRead),
        uncovered: number(uncoveredRead),
        sheet: needRead.sheet,
        address: needRead.topLeft,
      }
    : null;
  return { sheet: top.sheet, values, top: rows, cash };
}
