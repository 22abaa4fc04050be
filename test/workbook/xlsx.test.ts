import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { scaffold } from '../../src/workbook/scaffold';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  return back;
}

function nameRef(wb: ExcelJS.Workbook, name: string): string[] {
  return wb.definedNames.getRanges(name).ranges ?? [];
}

describe('xlsx adapter', () => {
  it('writes formulas with their cached results, names, lists and frozen headers, and reads them back', async () => {
    const wb = new ExcelJS.Workbook();
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: true,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('done');
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      'Paramètres',
      'Devis',
      'Récapitulatif',
      'Plan de financement',
      'Trésorerie',
      'Bilan carbone',
      'Dépenses',
      'Suivi budgétaire',
      'Bilan financier',
      'Ayants droit',
      'Budget événement',
      'Facteurs',
    ]);

    expect(nameRef(back, 'Devis_Total')).toEqual(['Devis!$H$158']);
    const devis = back.getWorksheet('Devis');
    const total = devis?.getCell('H158');
    expect(total?.formula).toBe('H155+H156+H157');
    expect(total?.result).toBe(3035291.62);
    expect(devis?.getCell('H6').formula).toBe('ROUND(D6*F6*G6,2)');
    expect(devis?.getCell('H6').result).toBe(60000);
    expect(devis?.getCell('C6').value).toBe('Auteur');
    expect(devis?.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(devis?.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    });
    expect(devis?.getCell('A2').isMerged).toBe(true);
    const dv = (
      devis as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    expect(Object.values(dv).some((v) => v.type === 'list' && v.formulae[0] === 'Liste_Statuts')).toBe(true);

    const recap = back.getWorksheet('Récapitulatif');
    expect(recap?.getCell('C5').formula).toBe('Devis_Poste1');
    expect(recap?.getCell('C5').result).toBe(285500);
    expect(nameRef(back, 'Param_Enveloppe')).toEqual(["'Paramètres'!$B$17"]);
    expect(back.getWorksheet('Paramètres')?.getCell('B17').value).toBe(3200000);
    expect(nameRef(back, 'Liste_Statuts')).toEqual(["'Paramètres'!$A$60:$A$65"]);
    expect(outcome.status === 'done' && outcome.skipped[0]).toMatch(/exceljs ne sait pas créer de graphique/);
    // Excel recalculates everything on open: calcPr fullCalcOnLoad in workbook.xml.
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('refuses to write over a non-empty sheet and changes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('B2').value = 'Mon devis à la main';
    const before = Buffer.from(await wb.xlsx.writeBuffer());
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('conflict');
    if (outcome.status === 'conflict') {
      expect(outcome.sheets).toEqual(['Devis']);
      expect(outcome.message).toContain("Rien n'a été modifié");
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Devis']);
    const after = Buffer.from(await wb.xlsx.writeBuffer());
    expect(after.length).toBe(before.length);
  });

  it('writes beside when asked, with suffixed sheets and names, and keeps the user sheet intact', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('B2').value = 'Mon devis à la main';
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      example: true,
      onConflict: 'beside',
    });
    expect(outcome.status === 'done' && outcome.suffix).toBe(2);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Devis',
      'Paramètres (2)',
      'Devis (2)',
      'Récapitulatif (2)',
      'Plan de financement (2)',
      'Trésorerie (2)',
      'Bilan carbone (2)',
      'Dépenses (2)',
      'Suivi budgétaire (2)',
      'Bilan financier (2)',
      'Ayants droit (2)',
      'Budget événement (2)',
      'Facteurs (2)',
    ]);
    expect(wb.getWorksheet('Devis')?.getCell('B2').value).toBe('Mon devis à la main');
    const back = await roundTrip(wb);
    expect(nameRef(back, 'Devis_Total_2')).toEqual(["'Devis (2)'!$H$158"]);
    expect(back.getWorksheet('Récapitulatif (2)')?.getCell('C5').formula).toBe('Devis_Poste1_2');
  });

  it('reuses an empty sheet of the same name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis');
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'serie',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('done');
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual([
      'Ayants droit',
      'Bilan carbone',
      'Bilan financier',
      'Budget événement',
      'Devis',
      'Dépenses',
      'Facteurs',
      'Paramètres',
      'Plan de financement',
      'Récapitulatif',
      'Suivi budgétaire',
      'Trésorerie',
    ]);
  });

  it('refuses, without reading or writing, a grid that cannot be scaffolded', async () => {
    const wb = new ExcelJS.Workbook();
    const outcome = await scaffold(new XlsxPort(wb), {
      format: 'long-metrage',
      nomenclature: 'cnc-2018',
      example: false,
      onConflict: 'refuse',
    });
    expect(outcome.status).toBe('refused');
    expect(wb.worksheets).toHaveLength(0);
  });
});
