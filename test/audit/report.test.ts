import ExcelJS from 'exceljs';
import criteria from '../../data/referentiels/criteres.json';
import { audit, type AuditProgress } from '../../src/audit/audit';
import { existingReport, reportPlan } from '../../src/audit/reportSheet';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';

async function workbook(example: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await scaffold(new XlsxPort(wb), { format: 'long-metrage', example, onConflict: 'refuse' });
  return wb;
}

describe('audit report', () => {
  it('says where it is — reading, then rule k of n — and gives the same report as without', async () => {
    const wb = await workbook(true);
    const events: AuditProgress[] = [];
    const report = await audit(new XlsxPort(wb), 'tous', null, (p) => events.push(p));
    expect(events[0]).toEqual({ phase: 'lecture' });
    expect(events.slice(1)).toEqual(
      Array.from({ length: 51 }, (_, k) => ({ phase: 'règles', done: k + 1, total: 51 })),
    );
    expect(JSON.stringify(await audit(new XlsxPort(wb), 'tous'))).toBe(JSON.stringify(report));
  });

  it('gives each finding why it matters, how to fix it, and the wording of the criteria it cites', async () => {
    const report = await audit(new XlsxPort(await workbook(false)), 'tous');
    expect(report.blank).toBe(true);
    expect(report.counts).toEqual({ erreur: 13, avertissement: 1, info: 0 });
    const few = report.findings.find((f) => f.messageId === 'financing-few-sources');
    expect(few?.message).toBe('0 source de financement\u00a0: au moins 5 sont attendues.');
    expect(few?.why).toBe(
      'Un financement reposant sur peu de sources est fragile\u202f; les référentiels en demandent au moins cinq.',
    );
    expect(few?.fix).toMatch(/^Diversifiez le plan\u00a0: apport du producteur/);
    const wording = new Map(criteria.criteria.map((c) => [c.id, c.text]));
    expect(Object.keys(report.criteriaWording).sort()).toEqual(
      [...new Set(report.findings.flatMap((f) => f.criteria))].sort(),
    );
    for (const [id, text] of Object.entries(report.criteriaWording)) expect(text).toBe(wording.get(id));
    for (const f of report.findings) {
      expect(f.why.length).toBeGreaterThan(40);
      expect(f.fix.length).toBeGreaterThan(40);
    }
    expect((await audit(new XlsxPort(await workbook(true)), 'tous')).blank).toBe(false);
  });

  it('finds its own report sheet by its title, never a sheet of the user’s named « Contrôle »', async () => {
    const wb = await workbook(true);
    const port = new XlsxPort(wb);
    expect(await existingReport(port)).toBeNull();
    wb.addWorksheet('Contrôle').getCell('A1').value = 'Mes notes';
    wb.addWorksheet('Contrôle (5)');
    expect(await existingReport(port)).toBeNull();
    const report = await audit(port, 'cpca');
    await port.applyPlan(reportPlan('Contrôle (2)', report, { referentiel: 'cpca', ticks: {} }, new Date(0)));
    expect(await existingReport(port)).toBe('Contrôle (2)');
    await port.applyPlan(reportPlan('Contrôle (3)', report, { referentiel: 'cpca', ticks: {} }, new Date(0)));
    expect(await existingReport(port)).toBe('Contrôle (3)');
    // The user typed over our title: no longer ours.
    (wb.getWorksheet('Contrôle (3)') as ExcelJS.Worksheet).getCell('A1').value = 'Notes du jury';
    expect(await existingReport(port)).toBe('Contrôle (2)');
  });
});
