import { severityCounts } from '../domain/text/french';
import {
  CHECKLIST_COLUMNS,
  FINDING_COLUMNS,
  REPORT_HEADER_ROW,
  REPORT_SHEET,
} from '../sheets/control/contract';
import { VERDICT_LABELS, type AuditState } from './state';
import { a1, type CellPlan, type SheetPlan, type WorkbookPlan } from '../sheets/model/plan';
import type { WorkbookInventory, WorkbookReader } from '../workbook/port';
import { cellText } from '../domain/text/cellText';
import type { AuditReport } from './audit';

/** The title in A1 of every report this add-in writes: how it knows its own report sheets. */
const REPORT_TITLE = 'Rapport de contrôle — référentiel';

/** "Contrôle", "Contrôle (2)"…: the names a report of ours may have. */
function isReportName(name: string): boolean {
  const m = /^(.*?)(?: \((\d+)\))?$/.exec(name);
  return (m?.[1] ?? '').toLowerCase() === REPORT_SHEET.toLowerCase();
}

/**
 * The report sheet this add-in wrote before, to update rather than add "Contrôle (2)", "(3)"…:
 * among the sheets named like a report, the last whose A1 holds our title. A sheet of the user's
 * own named "Contrôle" (any other A1) is never one.
 */
export async function existingReport(port: WorkbookReader): Promise<string | null> {
  const inv = await port.inventory();
  const candidates = inv.sheets.filter((s) => !s.empty && isReportName(s.name)).map((s) => s.name);
  if (!candidates.length) return null;
  const read = await port.readSheets(candidates);
  const ours = candidates.filter((name) => {
    const r = read[name];
    return r?.topLeft === 'A1' && cellText(r.values[0]?.[0]).startsWith(REPORT_TITLE);
  });
  return ours.at(-1) ?? null;
}

/** A free sheet name: "Contrôle", or "Contrôle (2)"… when a sheet has it. */
export function reportSheetName(inv: WorkbookInventory): string {
  for (let k = 1; k < 1000; k += 1) {
    const name = k === 1 ? REPORT_SHEET : `${REPORT_SHEET} (${k})`;
    const s = inv.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) return name;
  }
  throw new Error('Aucun nom de feuille libre pour le rapport.');
}

/** The audit written as a sheet: summary, findings (sheet, cell, severity, message, criteria), checklist with ticks. */
export function reportPlan(name: string, report: AuditReport, state: AuditState, date: Date): WorkbookPlan {
  const F = FINDING_COLUMNS;
  const C = CHECKLIST_COLUMNS;
  const cells: CellPlan[] = [
    { address: 'A1', value: `${REPORT_TITLE} ${report.referentiel}`, style: 'title' },
    {
      address: 'A2',
      value: `Établi le ${date.toLocaleDateString('fr-FR', { timeZone: 'UTC' })} par Devis CNC (${report.rules} règles). ${severityCounts(report.counts)}.`,
      style: 'note',
    },
  ];
  for (const k of F.keys)
    cells.push({ address: F.cell(k, REPORT_HEADER_ROW), value: F.header(k), style: 'header' });
  report.findings.forEach((f, i) => {
    const r = REPORT_HEADER_ROW + 1 + i;
    cells.push({ address: F.cell('sheet', r), value: f.location?.sheet ?? '—' });
    cells.push({ address: F.cell('address', r), value: f.location?.address ?? '—' });
    cells.push({ address: F.cell('severity', r), value: f.severity });
    cells.push({ address: F.cell('message', r), value: f.message });
    cells.push({ address: F.cell('criteria', r), value: f.criteria.join(', ') });
    cells.push({ address: F.cell('rule', r), value: f.ruleId });
    cells.push({ address: F.cell('fix', r), value: f.fix });
  });
  let row = REPORT_HEADER_ROW + 2 + report.findings.length;
  cells.push({
    address: C.cell('criterion', row),
    value: 'Critères jugés par une personne',
    style: 'section',
  });
  row += 1;
  for (const k of C.keys) cells.push({ address: C.cell(k, row), value: C.header(k), style: 'header' });
  for (const c of report.checklist) {
    row += 1;
    const t = state.ticks[c.criterion];
    cells.push({ address: C.cell('criterion', row), value: c.criterion });
    cells.push({ address: C.cell('sheet', row), value: c.sheet });
    cells.push({ address: C.cell('ticked', row), value: VERDICT_LABELS[t?.verdict ?? c.verdict] });
    cells.push({ address: C.cell('comment', row), value: t?.comment ?? '' });
    cells.push({ address: C.cell('wording', row), value: c.text });
  }
  const widths = [22, 10, 14, 90, 30, 28, 90];
  const sheet: SheetPlan = {
    name,
    cells,
    columnWidths: widths,
    freezeRows: REPORT_HEADER_ROW,
    validations: [],
    conditionalFormats: [],
    // A4 landscape, one page wide, the header row on every page, the whole report and nothing else.
    print: {
      orientation: 'landscape',
      repeatRows: REPORT_HEADER_ROW,
      area: `A1:${a1(widths.length - 1, row)}`,
    },
  };
  return { sheets: [sheet], names: [], charts: [] };
}
