import { cellText } from '../domain/text/cellText';
import { STATE_COLUMNS, STATE_REFERENTIEL_KEY, STATE_SETTING, STATE_SHEET } from '../sheets/control/contract';
import { YES, yesNo } from '../sheets/model/labels';
import { readTable } from '../sheets/model/snapshot';
import type { WorkbookPort, WorkbookReader } from '../workbook/port';
import { ALL_REFERENTIELS, isReferentiel, type Referentiel } from './referentiels';

export { STATE_SHEET };

export interface Tick {
  ticked: boolean;
  comment: string;
}

export interface AuditState {
  referentiel: Referentiel | null;
  ticks: Record<string, Tick>;
}

export async function readState(port: WorkbookReader): Promise<AuditState> {
  const read = (await port.readSheets([STATE_SHEET]))[STATE_SHEET];
  const state: AuditState = { referentiel: null, ticks: {} };
  for (const row of read ? readTable(read, STATE_COLUMNS) : []) {
    const key = row.text('key');
    const value = cellText(row.value);
    if (key === STATE_REFERENTIEL_KEY && isReferentiel(value)) state.referentiel = value;
    if (key.includes(':'))
      state.ticks[key] = { ticked: value === YES || row.value === true, comment: cellText(row.comment) };
  }
  return state;
}

export async function saveState(port: WorkbookPort, state: AuditState): Promise<void> {
  const referentiel = state.referentiel ?? ALL_REFERENTIELS;
  const rows: (string | number | boolean | null)[][] = [
    STATE_COLUMNS.keys.map((k) => STATE_COLUMNS.header(k)),
    [STATE_REFERENTIEL_KEY, referentiel, 'Référentiel choisi dans le volet Contrôle'],
    ...Object.entries(state.ticks).map(([criterion, t]) => [criterion, yesNo(t.ticked), t.comment]),
  ];
  await port.writeStateSheet(STATE_SHEET, rows, { [STATE_SETTING]: referentiel });
}
