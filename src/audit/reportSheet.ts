import type { CellPlan, SheetPlan, WorkbookPlan } from '../sheets/model/plan';
import type { WorkbookInventory } from '../workbook/port';
import type { AuditReport } from './audit';
import type { AuditState } from './state';

/** A free sheet name: "Contrôle", or "Contrôle (2)"… when a non-empty sheet has it. */
export function reportSheetName(inv: WorkbookInventory): string {
  for (let k = 1; k < 1000; k += 1) {
    const name = k === 1 ? 'Contrôle' : `Contrôle (${k})`;
    const s = inv.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) return name;
  }
  throw new Error('Aucun nom de feuille libre pour le rapport.');
}

/** The audit written as a sheet: summary, findings (sheet, cell, severity, message, criteria), checklist with ticks. */
export function reportPlan(name: string, report: AuditReport, state: AuditState, date: Date): WorkbookPlan {
  const cells: CellPlan[] = [
    { address: 'A1', value: `Rapport de contrôle — référentiel ${report.referentiel}`, style: 'title' },
    {
      address: 'A2',
      value: `Établi le ${date.toLocaleDateString('fr-FR', { timeZone: 'UTC' })} par Devis CNC (${report.rules} règles). ${report.counts.erreur} erreur(s), ${report.counts.avertissement} avertissement(s), ${report.counts.info} info(s).`,
      style: 'note',
    },
  ];
  ['Feuille', 'Cellule', 'Gravité', 'Constat', 'Critères', 'Règle'].forEach((h, i) =>
    cells.push({ address: `${'ABCDEF'[i]}4`, value: h, style: 'header' }),
  );
  report.findings.forEach((f, i) => {
    const r = 5 + i;
    cells.push({ address: `A${r}`, value: f.location?.sheet ?? '—' });
    cells.push({ address: `B${r}`, value: f.location?.address ?? '—' });
    cells.push({ address: `C${r}`, value: f.severity });
    cells.push({ address: `D${r}`, value: f.message });
    cells.push({ address: `E${r}`, value: f.criteria.join(', ') });
    cells.push({ address: `F${r}`, value: f.ruleId });
  });
  let row = 6 + report.findings.length;
  cells.push({ address: `A${row}`, value: 'Critères jugés par une personne', style: 'section' });
  row += 1;
  ['Critère', 'Feuille', 'Coché', 'Commentaire', 'Texte du critère'].forEach((h, i) =>
    cells.push({ address: `${'ABCDE'[i]}${row}`, value: h, style: 'header' }),
  );
  for (const c of report.checklist) {
    row += 1;
    const t = state.ticks[c.criterion];
    cells.push({ address: `A${row}`, value: c.criterion });
    cells.push({ address: `B${row}`, value: c.sheet });
    cells.push({ address: `C${row}`, value: t?.ticked ? 'Oui' : 'Non' });
    cells.push({ address: `D${row}`, value: t?.comment ?? '' });
    cells.push({ address: `E${row}`, value: c.text });
  }
  const sheet: SheetPlan = {
    name,
    cells,
    columnWidths: [22, 10, 14, 90, 30, 28],
    freezeRows: 4,
    validations: [],
    conditionalFormats: [],
    print: { orientation: 'landscape', repeatRows: 4 },
  };
  return { sheets: [sheet], names: [], charts: [] };
}
