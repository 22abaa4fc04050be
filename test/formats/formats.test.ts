import { cellText } from '../../src/domain/text/cellText';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FORMATS, type ProductionFormat } from '../../src/domain/facts/facts';
import {
  compareFormulaCells,
  namedValues,
  recalcProfile,
  recalcWithLibreOffice,
} from '../support/libreoffice';

/*
 * Every format end to end, as a user runs it: `devis-cnc new --format F --exemple` writes a
 * workbook in the format's grid that audits with exit 0, whose code cells are text, and whose
 * every formula LibreOffice recomputes to the value we cached.
 */
jest.setTimeout(300_000);

const silent = { out: () => undefined, err: () => undefined };
function capture() {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: () => undefined }, out };
}

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-formats-'));
const profile = recalcProfile();
const file = (f: ProductionFormat): string => join(dir, `${f}.xlsx`);

beforeAll(async () => {
  for (const f of FORMATS)
    expect(await main(['new', '--out', file(f), '--format', f, '--exemple'], silent)).toBe(0);
});

describe.each(FORMATS)('format %s, example', (format) => {
  it('audits with exit 0 and no erreur', async () => {
    const c = capture();
    expect(await main(['audit', file(format), '--format', 'json'], c.io)).toBe(0);
    const report = JSON.parse(c.out.join('\n')) as {
      files: { findings: { severity: string; ruleId: string; message: string }[] }[];
    };
    expect(report.files[0]?.findings.filter((f) => f.severity === 'erreur')).toEqual([]);
  });

  it('writes every code cell of the Devis, the Récapitulatif and the Trésorerie as text with the @ format', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file(format));
    let codes = 0;
    for (const [sheet, first] of [
      ['Devis', 5],
      ['Récapitulatif', 5],
    ] as const) {
      const ws = wb.getWorksheet(sheet);
      if (!ws) throw new Error(sheet);
      ws.getColumn(1).eachCell((cell, row) => {
        if (row < first || cell.value === null || cell.value === '') return;
        codes += 1;
        expect([cell.address, typeof cell.value, cell.numFmt]).toEqual([cell.address, 'string', '@']);
      });
    }
    expect(codes).toBeGreaterThan(40);
    // The Trésorerie's payment and profile rows carry the devis codes too.
    const treso = wb.getWorksheet('Trésorerie');
    let tresoCodes = 0;
    treso?.getColumn(1).eachCell((cell) => {
      if (typeof cell.value === 'string' && /^(\d+|FG|IMP)$/.test(cell.value)) {
        tresoCodes += 1;
        expect([cell.address, cell.numFmt]).toEqual([cell.address, '@']);
      }
    });
    expect(tresoCodes).toBeGreaterThanOrEqual(20);
  });

  it('is recomputed by LibreOffice to our cached values, every formula cell', async () => {
    const recomputed = recalcWithLibreOffice(file(format), join(dir, `lo-${format}`), profile);
    const { formulaCells, mismatches } = await compareFormulaCells(file(format), recomputed);
    // The short film has fewer months of cash flow, hence fewer formulas.
    expect(formulaCells).toBeGreaterThan(format === 'court-metrage' ? 700 : 1000);
    expect(mismatches).toEqual([]);
  });
});

describe('the audiovisual formats carry the audiovisual grid and credit', () => {
  it.each(['serie', 'documentaire'] as const)(
    '%s: ten chapters, indirect costs in chapter 10, no cinema chapter 8',
    async (format) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file(format));
      const devis = wb.getWorksheet('Devis');
      expect(devis?.getCell('A1').value).toBe(
        'Devis de production — grille audiovisuelle CNC (10 chapitres)',
      );
      const chapters: string[] = [];
      devis?.getColumn(1).eachCell((cell, row) => {
        if (row > 4 && /^\d+$/.test(cellText(cell.value)))
          chapters.push(`${cellText(cell.value)} ${cellText(devis.getCell(row, 2).value)}`);
      });
      expect(chapters).toEqual([
        '1 DROITS ARTISTIQUES',
        '2 PERSONNEL',
        '3 INTERPRÉTATION',
        '4 CHARGES SOCIALES',
        '5 DÉCORS ET COSTUMES',
        '6 TRANSPORT, DÉFRAIEMENT, RÉGIE',
        '7 MOYENS TECHNIQUES DE TOURNAGE',
        '8 POST-PRODUCTION',
        '9 ASSURANCE',
        '10 IMPRÉVUS, FRAIS GÉNÉRAUX, PRODUCTION DÉLÉGUÉE',
      ]);
    },
  );

  it('série: the credit is the audiovisual one, capped per minute (2 000 €/min × 312 min), not 30 M€', async () => {
    const v = await namedValues(file('serie'), [
      'Param_TauxCI',
      'Param_PlafondCI',
      'Fin_CreditImpotEstime',
      'Devis_Total',
      'Devis_FraisGeneraux',
      'Devis_TotalPostes',
      'Devis_Poste10',
    ]);
    expect(v.Param_TauxCI).toBe(0.25);
    expect(v.Param_PlafondCI).toBe(624000);
    expect(v.Fin_CreditImpotEstime).toBe(624000);
    // Frais généraux: the fiction forfait of 10 % of chapters 1 to 9, inside chapter 10.
    expect(v.Devis_FraisGeneraux).toBe(435035.44);
    expect(v.Devis_TotalPostes).toBe(4350354.4);
    expect(Number(v.Devis_TotalPostes) + Number(v.Devis_Poste10)).toBeCloseTo(Number(v.Devis_Total), 2);
  });

  it('documentaire: 1 150 €/min × 52 min caps the credit; frais généraux at the documentary forfait of 15 %', async () => {
    const v = await namedValues(file('documentaire'), [
      'Param_PlafondCI',
      'Fin_CreditImpotEstime',
      'Param_TauxFG',
      'Param_TauxImprevus',
    ]);
    expect(v.Param_PlafondCI).toBe(59800);
    expect(v.Fin_CreditImpotEstime).toBe(59800);
    expect(v.Param_TauxFG).toBe(0.15);
    expect(v.Param_TauxImprevus).toBe(0.07);
  });

  it('court métrage: no crédit d’impôt cinéma, and the 70 % ceiling of a film without it', async () => {
    const v = await namedValues(file('court-metrage'), [
      'Param_TauxCI',
      'Fin_CreditImpotEstime',
      'Fin_CreditImpotPlan',
      'Fin_Plafond',
    ]);
    expect(v.Param_TauxCI).toBe(0);
    expect(v.Fin_CreditImpotEstime).toBe(0);
    expect(v.Fin_CreditImpotPlan).toBe(0);
    expect(v.Fin_Plafond).toBe(0.7);
  });
});
