import { cellText } from '../domain/text/cellText';
import {
  STATE_COLUMNS,
  STATE_REFERENTIEL_KEY,
  STATE_SETTING,
  STATE_SHEET,
  STATE_SUFFIX_KEY,
} from '../sheets/control/contract';
import { makeNaming } from '../sheets/model/naming';
import { YES } from '../sheets/model/labels';
import { readTable } from '../sheets/model/snapshot';
import type { WorkbookPort, WorkbookReader } from '../workbook/port';
import { ALL_REFERENTIELS, isReferentiel, type Referentiel } from './referentiels';

export { STATE_SHEET };

/** A jury's verdict on a criterion a person judges. */
export type Verdict = 'acquis' | 'non-acquis' | 'non-evalue';

export const VERDICTS: readonly Verdict[] = ['acquis', 'non-acquis', 'non-evalue'];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  acquis: 'Acquis',
  'non-acquis': 'Non acquis',
  'non-evalue': 'Non évalué',
};

/** A verdict as the state sheet holds it; « Oui » (a tick of earlier versions) reads as acquis. */
export function verdictOf(value: unknown): Verdict {
  if (value === true) return 'acquis';
  const t = cellText(value).trim().toLowerCase();
  if (t === 'acquis' || t === YES.toLowerCase()) return 'acquis';
  if (t === 'non acquis') return 'non-acquis';
  return 'non-evalue';
}

/** What a person said of a criterion: a verdict and a comment. */
export interface Tick {
  verdict: Verdict;
  comment: string;
}

export interface AuditState {
  referentiel: Referentiel | null;
  ticks: Record<string, Tick>;
  /**
   * The pane's working set: the suffix of the sheets it reads and writes (« Devis (2) »…), when
   * they were created beside a user's own or converted from a hand-made devis; null or absent: the
   * plain names.
   */
  suffix?: number | null;
}

/** « (2) » → 2; anything else → null. */
function suffixOf(value: string): number | null {
  const m = /^\(?\s*(\d+)\s*\)?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n >= 2 ? n : null;
}

export async function readState(port: WorkbookReader): Promise<AuditState> {
  const read = (await port.readSheets([STATE_SHEET]))[STATE_SHEET];
  const state: AuditState = { referentiel: null, ticks: {}, suffix: null };
  for (const row of read ? readTable(read, STATE_COLUMNS) : []) {
    const key = row.text('key');
    const value = cellText(row.value);
    if (key === STATE_REFERENTIEL_KEY && isReferentiel(value)) state.referentiel = value;
    if (key === STATE_SUFFIX_KEY) state.suffix = suffixOf(value);
    if (key.includes(':'))
      state.ticks[key] = { verdict: verdictOf(row.value), comment: cellText(row.comment) };
  }
  return state;
}

export async function saveState(port: WorkbookPort, state: AuditState): Promise<void> {
  const referentiel = state.referentiel ?? ALL_REFERENTIELS;
  const rows: (string | number | boolean | null)[][] = [
    STATE_COLUMNS.keys.map((k) => STATE_COLUMNS.header(k)),
    [STATE_REFERENTIEL_KEY, referentiel, 'Référentiel choisi dans le volet Contrôle'],
    ...(state.suffix
      ? [
          [
            STATE_SUFFIX_KEY,
            `(${state.suffix})`,
            `Feuilles du volet : ${makeNaming(state.suffix).sheet('devis')} et les autres feuilles suffixées (${state.suffix})`,
          ],
        ]
      : []),
    ...Object.entries(state.ticks).map(([criterion, t]) => [criterion, VERDICT_LABELS[t.verdict], t.comment]),
  ];
  await port.writeStateSheet(STATE_SHEET, rows, { [STATE_SETTING]: referentiel });
}

/**
 * The working set the pane remembered in the workbook, if its Devis is still there: what the
 * command line audits by default, so a workbook converted in Excel is audited on its converted
 * sheets. Null: the plain names.
 */
export async function rememberedSuffix(port: WorkbookReader): Promise<number | null> {
  const { suffix } = await readState(port);
  if (!suffix) return null;
  const devis = makeNaming(suffix).sheet('devis');
  return (await port.readSheets([devis]))[devis] ? suffix : null;
}
