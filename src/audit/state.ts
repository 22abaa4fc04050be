import { cellText } from '../domain/text/cellText';
import type { WorkbookPort } from '../workbook/port';
import { isReferentiel, type Referentiel } from './audit';

/** Hidden sheet where the taskpane keeps the chosen référentiel and the ticks (read by the CLI too). */
export const STATE_SHEET = 'Contrôle_État';

export interface Tick {
  ticked: boolean;
  comment: string;
}

export interface AuditState {
  referentiel: Referentiel | null;
  ticks: Record<string, Tick>;
}

export async function readState(port: WorkbookPort): Promise<AuditState> {
  const read = (await port.readSheets([STATE_SHEET]))[STATE_SHEET];
  const state: AuditState = { referentiel: null, ticks: {} };
  for (const row of read?.values ?? []) {
    const key = cellText(row[0]);
    if (key === 'referentiel' && isReferentiel(cellText(row[1])))
      state.referentiel = cellText(row[1]);
    if (key.includes(':'))
      state.ticks[key] = { ticked: row[1] === 'Oui' || row[1] === true, comment: cellText(row[2]) };
  }
  return state;
}

export async function saveState(port: WorkbookPort, state: AuditState): Promise<void> {
  const rows: (string | number | boolean | null)[][] = [
    ['Clé', 'Valeur', 'Commentaire'],
    ['referentiel', state.referentiel ?? 'tous', 'Référentiel choisi dans le volet Contrôle'],
    ...Object.entries(state.ticks).map(([criterion, t]) => [criterion, t.ticked ? 'Oui' : 'Non', t.comment]),
  ];
  await port.writeStateSheet(STATE_SHEET, rows);
}
