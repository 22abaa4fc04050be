import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { computeBudget, exampleBudget, type ItemInput } from '../../src/domain/budget';
import { Money } from '../../src/domain/money';
import { addSource } from '../../src/workbook/sources';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { DEVIS_COLUMNS } from '../../src/sheets/devis/contract';
import { rowOfResult, toCents } from '../support/cells';
import {
  compareFormulaCells,
  editWithLibreOffice,
  namedCells,
  namedValues,
  recalcProfile,
  rowValues,
  recalcWithLibreOffice,
  sofficePath,
} from '../support/libreoffice';

/*
 * LibreOffice, a spreadsheet program we did not write, recalculates every formula of our
 * workbooks; each recomputed value must equal the cached value our domain wrote. LibreOffice is
 * required: `.ci/run` installs it, and these tests fail (never skip) when it is missing.
 */
jest.setTimeout(240_000);

const silent = { out: () => undefined, err: () => undefined };

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.getWorksheet(sheet)?.getCell(address).text ?? '';
}

/** The quantities of devis lines, by code, as a file holds them (the cached results of their formulas). */
async function devisQuantities(file: string, codes: readonly string[]): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const devis = wb.getWorksheet('Devis');
  return codes.map((code) => {
    const c = devis?.getCell(
      DEVIS_COLUMNS.cell('quantity', rowOfResult(devis, DEVIS_COLUMNS.letter('code'), code)),
    );
    return c?.formula ? c.result : c?.value;
  });
}

describe('LibreOffice recomputes our formulas to our numbers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-lo-test-'));
  const profile = recalcProfile();
  const example = join(dir, 'exemple.xlsx');

  beforeAll(async () => {
    expect(await main(['new', '--out', example, '--exemple'], silent)).toBe(0);
  });

  it('finds LibreOffice', () => {
    expect(sofficePath()).not.toBeNull();
  });

  it('agrees on every formula cell of the example workbook (every sheet)', async () => {
    const recomputed = recalcWithLibreOffice(example, join(dir, 'lo'), profile);
    const { formulaCells, mismatches } = await compareFormulaCells(example, recomputed);
    expect(formulaCells).toBeGreaterThan(1300);
    expect(mismatches).toEqual([]);
    const v = await namedValues(recomputed, ['Carbone_TotalPrev', 'Carbone_Economies']);
    // Rigid trucks at 0,9 kg/km (90 980,79 kgCO2e), then décors on their material share and in
    // tonnes: 85 k€ × 35 % × 600 + 0,5 t of steel × 2 211 + 1,2 t of furniture × 1 833 = 21 155,1 kg
    // instead of 97 k€ × 600 = 58 200 kg; the shoot in Lille: trains Paris–Lille (225 km) and
    // Lille–Bruxelles (110 km), the décors truck Paris–Lille (450 t.km × 4): 53 437,73 kgCO2e. The
    // train instead of the car saves 120 × 225 km × (0,227 / 1,6 − 0,00293) = 3 751,5 kg.
    expect(Number(v.Carbone_TotalPrev)).toBeCloseTo(53437.726, 6);
    expect(v.Carbone_Economies).toBe(10097.4);
  });

  it('shows, recomputed by LibreOffice, a balanced plan under its ceiling and a cash flow matching devis and plan', async () => {
    const recomputed = recalcWithLibreOffice(example, join(dir, 'lo-figures'), profile);
    const v = await namedValues(recomputed, [
      'Fin_Ecart',
      'Fin_Intensite',
      'Fin_Plafond',
      'Fin_NbSources',
      'Fin_NbBonusRSE',
      'Fin_EcartCreditImpot',
      'Treso_EcartPlan',
      'Treso_EcartDevis',
      'Treso_TotalEncaissements',
      'Treso_TotalDecaissements',
      'Treso_MoisCritique',
      'Treso_MoisDeficit',
      'Treso_Besoin',
      'Treso_BesoinNonCouvert',
      'Treso_SoldeMinApresMesures',
      'Treso_CoutMesures',
      'Treso_EcartFraisFinanciers',
      'Devis_Total',
    ]);
    expect(v.Fin_Ecart).toBe(0);
    expect(Number(v.Fin_Intensite)).toBeCloseTo(0.39641, 6);
    expect(v.Fin_Plafond).toBe(0.6);
    expect(v.Fin_NbSources).toBe(9);
    expect(v.Fin_NbBonusRSE).toBe(1);
    expect(v.Fin_EcartCreditImpot).toBe(0);
    expect(v.Treso_EcartPlan).toBe(0);
    expect(v.Treso_EcartDevis).toBe(0);
    expect(v.Treso_TotalEncaissements).toBe(3035291.62);
    expect(v.Treso_TotalDecaissements).toBe(3035291.62);
    expect(v.Treso_MoisCritique).toEqual(new Date('2027-09-01T00:00:00Z'));
    // The CIC comes after each fiscal year's close (+6 months): 21 504,71 € in June 2027 for the
    // 2026 spend, 631 715,83 € in June 2028; before the measures, 14 months in deficit.
    expect(v.Treso_MoisDeficit).toBe(14);
    // With the VAT advanced on the purchases (back two months later): 1 190 418,53 € without it.
    expect(v.Treso_Besoin).toBe(1204196.03);
    // Current account, bridging loan, supplier delay, CIC pre-financing and a deferred fee cover it
    // month by month, for 16 191,78 € + 21 104,93 € of interest and fees, within the devis's 40 000 €.
    expect(v.Treso_SoldeMinApresMesures).toBe(0);
    expect(v.Treso_BesoinNonCouvert).toBe(0);
    expect(v.Treso_CoutMesures).toBe(37296.71);
    expect(v.Treso_EcartFraisFinanciers).toBe(2703.29);
  });

  it('carries the VAT advanced on the purchases in the balance: the need without it is 13 777,50 € lower', async () => {
    const recomputed = recalcWithLibreOffice(example, join(dir, 'lo-tva'), profile);
    const cents = (xs: unknown[]): number =>
      xs.reduce<number>((a, x) => a + (typeof x === 'number' ? Math.round(x * 100) : 0), 0);
    const paid = (await namedCells(recomputed, 'Treso_TVAPayeeMois')).map((c) => c.value);
    const back = (await namedCells(recomputed, 'Treso_TVARecupereeMois')).map((c) => c.value);
    // 20 % on décors, technique and laboratoires, 10 % on rights, transports and divers: 166 843 €,
    // 5,5 % of the devis; all of it back by the end of the grid, two months after each payment.
    expect([cents(paid), cents(back)]).toEqual([16684300, 16684300]);
    expect(paid.slice(0, 4)).toEqual([4996.25, 4996.25, 4996.25, 4996.25]);
    expect(back.slice(0, 4)).toEqual([0, 0, 4996.25, 4996.25]);
    const rates = await namedCells(example, 'Treso_TauxTVA');
    expect(rates.map((r) => r.value)).toEqual([0.1, 0, 0, 0, 0.2, 0.1, 0.2, 0.2, 0.1, 0, 0]);
    const noVat = editWithLibreOffice(
      example,
      join(dir, 'sans-tva.xlsx'),
      rates.map((r) => ({ op: 'set' as const, sheet: 'Trésorerie', cell: r.address, value: 0 })),
      profile,
    );
    const v = await namedValues(noVat, ['Treso_Besoin', 'TresoR_Besoin']);
    // The Trésorerie réelle's months to come take the forecast's VAT: at their critical month
    // (September 2027, as forecast) both views carry the same 13 777,50 € of VAT float.
    const withVat = await namedValues(recomputed, ['Treso_Besoin', 'TresoR_Besoin']);
    expect(v).toEqual({ Treso_Besoin: 1190418.53, TresoR_Besoin: 991732.96 });
    expect(withVat).toEqual({ Treso_Besoin: 1204196.03, TresoR_Besoin: 1005510.46 });
  });

  it('checks the regional aid’s territorial spend on the devis; a line moved out of the region breaks it, found at its cell', async () => {
    const lo = recalcWithLibreOffice(example, join(dir, 'lo-conditions'), profile);
    // 20 lines of chapters 5 to 7 spent in the Hauts-de-France: 492 750 € for 160 % × 300 000 €.
    expect(toCents(await namedValues(lo, ['Devis_DontRegion']))).toEqual({ Devis_DontRegion: 492750 });
    const [row] = (await namedCells(lo, 'Fin_Conditions')).filter((c) => c.address.startsWith('H'));
    expect(row?.value).toBe(492750);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const hotels = rowOfResult(wb.getWorksheet('Devis'), DEVIS_COLUMNS.letter('code'), '6.2.1');
    expect(wb.getWorksheet('Devis')?.getCell(DEVIS_COLUMNS.cell('region', hotels)).value).toBe(63750);
    const moved = editWithLibreOffice(
      example,
      join(dir, 'hotels-hors-region.xlsx'),
      // The crew sleeps outside the region: 63 750 € less spent there, 51 000 € short of 480 000 €.
      [{ op: 'set', sheet: 'Devis', cell: DEVIS_COLUMNS.cell('region', hotels), value: 0 }],
      profile,
    );
    const out: string[] = [];
    expect(
      await main(['audit', moved, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined }),
    ).toBe(1);
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId === 'financing-condition-unmet');
    expect(found?.map((f) => `${f.sheet}!${f.address}`)).toEqual([`Plan de financement!${row?.address}`]);
    expect(found?.[0]?.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Région Hauts-de-France — fonds de soutien : condition « Dépenses en région ≥ taux × aide » non remplie — le devis dépense 429 000,00 € dans la région pour 480 000,00 € exigés ; il manque 51 000,00 €.',
    );
  });

  it('orders the windows of the chronologie des médias; Canal+ opened before the accord’s 6 months is found at its cell', async () => {
    const lo = recalcWithLibreOffice(example, join(dir, 'lo-chronologie'), profile);
    const cells = await namedCells(lo, 'Fin_Chronologie');
    const col = (letter: string): (string | number | null)[] =>
      cells.filter((c) => c.address.startsWith(letter)).map((c) => c.value as string | number | null);
    // The distributor's video at 4 months, Canal+ at 6, France Télévisions at 22, as the accord.
    expect(col('D').slice(0, 3)).toEqual([4, 6, 22]);
    expect(col('E').slice(0, 3)).toEqual([4, 6, 22]);
    expect(col('H').slice(0, 3)).toEqual([1, 2, 3]);
    expect(col('I').slice(0, 3)).toEqual([
      'Conforme à l’accord',
      'Conforme à l’accord',
      'Conforme à l’accord',
    ]);
    const canal = cells.find((c) => c.value === 'Canal+ — préachat');
    const row = canal?.address.replace(/^[A-Z]+/, '');
    expect(row).toBeDefined();
    const early = editWithLibreOffice(
      example,
      join(dir, 'canal-a-3-mois.xlsx'),
      [{ op: 'set', sheet: 'Plan de financement', cell: `D${row}`, value: 3 }],
      profile,
    );
    const recomputed = await namedCells(early, 'Fin_Chronologie');
    const at = (letter: string): unknown => recomputed.find((c) => c.address === `${letter}${row}`)?.value;
    // Canal+ now opens first, 3 months before the accord's pay-TV window.
    expect([at('E'), at('F'), at('H'), at('I')]).toEqual([6, -3, 1, 'Avant la fenêtre de l’accord']);
    const out: string[] = [];
    expect(
      await main(['audit', early, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined }),
    ).toBe(1);
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId === 'media-window-early');
    expect(found?.map((f) => `${f.sheet}!${f.address}`)).toEqual([`Plan de financement!D${row}`]);
    expect(found?.[0]?.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Canal+ — préachat : fenêtre « Télévision payante signataire (Canal+, OCS) » ouverte à 3 mois après la sortie en salle, avant les 6 mois de l’accord — le contrat contredit la chronologie des médias.',
    );
  });

  it('times the CUE sheet’s cues and charges their rights to the devis; a dearer song is found short on its line', async () => {
    const lo = recalcWithLibreOffice(example, join(dir, 'lo-cue'), profile);
    const cells = await namedCells(lo, 'Cue_Lignes');
    const col = (letter: string): unknown[] =>
      cells.filter((c) => c.address.replace(/\d+$/, '') === letter).map((c) => c.value);
    expect(col('E').slice(0, 11)).toEqual([130, 145, 192, 275, 12, 255, 200, 345, 165, 280, 240]);
    // The devis's lines read back by code: 1.4.2 holds 3 titles × 6 000 €, all charged.
    const song = cells.find((c) => c.value === 'Nuit sur l’Escaut' || c.value === "Nuit sur l'Escaut");
    const row = song?.address.replace(/^[A-Z]+/, '');
    expect(row).toBeDefined();
    const at = (cs: { address: string; value: unknown }[], letter: string): unknown =>
      cs.find((c) => c.address === `${letter}${row}`)?.value;
    expect([at(cells, 'M'), at(cells, 'N'), at(cells, 'O'), at(cells, 'P')]).toEqual([
      '1.4.2',
      'Droits de synchronisation, titres préexistants',
      18000,
      18000,
    ]);
    expect(await rowValues(lo, 'Cue_ParOrigine')).toEqual([
      'Originale',
      7,
      1670,
      27.83,
      0,
      'Préexistante',
      3,
      557,
      9.28,
      18000,
      'Archive',
      1,
      12,
      0.2,
      600,
    ]);
    const dearer = editWithLibreOffice(
      example,
      join(dir, 'chanson-plus-chere.xlsx'),
      // The publisher asks 8 000 € for « Nuit sur l'Escaut » instead of 7 500 €.
      [{ op: 'set', sheet: 'CUE sheet', cell: `L${row}`, value: 8000 }],
      profile,
    );
    const after = await namedCells(dearer, 'Cue_Lignes');
    expect(at(after, 'P')).toBe(18500);
    const out: string[] = [];
    expect(
      await main(['audit', dearer, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined }),
    ).toBe(1);
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId === 'cue-devis-short');
    // Found at the code of the last cue charged to 1.4.2, « Sous les néons ».
    const last = after.find((c) => c.value === 'Sous les néons')?.address.replace(/^[A-Z]+/, '');
    expect(found?.map((f) => `${f.sheet}!${f.address}`)).toEqual([`CUE sheet!M${last}`]);
    expect(found?.[0]?.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Ligne 1.4.2 du devis (Droits de synchronisation, titres préexistants) : 18 000,00 € au devis pour 18 500,00 € de droits imputés par la CUE sheet ; il manque 500,00 €.',
    );
  });

  it('moves the devis and the Trésorerie with the plan de travail: a day moved from Lille to Brussels', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const devis = wb.getWorksheet('Devis');
    const rowOf = (code: string): number => rowOfResult(devis, DEVIS_COLUMNS.letter('code'), code);
    const codes = ['6.1.3', '6.2.1', '6.2.2', '6.2.3'];
    expect(codes.map((c) => devis?.getCell(DEVIS_COLUMNS.cell('quantity', rowOf(c))).formula)).toEqual([
      'COUNTIF(PdT_Lieux,"Bruxelles")',
      'COUNTIF(PdT_Lieux,"Lille")',
      'COUNTIF(PdT_Lieux,"Bruxelles")',
      'COUNTIF(PdT_Lieux,"Lille")',
    ]);
    const plan = wb.getWorksheet('Plan de travail');
    // The tenth shooting day (Friday 7 May 2027), shot in Lille.
    expect(plan?.getCell('D20').value).toBe('Lille');
    const before = await namedValues(example, ['Devis_Total', 'Treso_TotalDecaissements']);
    const moved = editWithLibreOffice(
      example,
      join(dir, 'jour-a-bruxelles.xlsx'),
      [
        { op: 'set', sheet: 'Plan de travail', cell: 'D20', value: 'Bruxelles' },
        // And the Brussels hotel typed over its formula: 4 nights where the plan now says 5.
        { op: 'set', sheet: 'Devis', cell: DEVIS_COLUMNS.cell('quantity', rowOf('6.2.2')), value: 4 },
      ],
      profile,
    );
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(moved);
    const after = out.getWorksheet('Devis');
    const cell = (code: string, k: 'quantity' | 'amount'): unknown => {
      const c = after?.getCell(DEVIS_COLUMNS.cell(k, rowOf(code)));
      return c?.formula ? c.result : c?.value;
    };
    // One more day of Belgian vehicles (4 × 180 €), one night and one meal less in the region
    // (30 × 85 € and 30 × 20 €); the Brussels hotel stays at the 4 nights typed.
    expect(codes.map((c) => [cell(c, 'quantity'), cell(c, 'amount')])).toEqual([
      [5, 3600],
      [24, 61200],
      [4, 13200],
      [24, 14400],
    ]);
    const v = await namedValues(moved, ['Devis_Total', 'Treso_TotalDecaissements', 'Treso_EcartDevis']);
    // The Trésorerie pays the new devis to the cent.
    expect(v.Treso_EcartDevis).toBe(0);
    // −2 430 € of lines, with their frais généraux and imprévus: −2 721,60 € on the devis and on the payments.
    const cents = (x: unknown, y: unknown): number => Math.round((Number(x) - Number(y)) * 100);
    expect(cents(v.Devis_Total, before.Devis_Total)).toBe(-272160);
    expect(cents(v.Treso_TotalDecaissements, before.Treso_TotalDecaissements)).toBe(-272160);
    const outLines: string[] = [];
    await main(['audit', moved, '--format', 'json'], { out: (x) => outLines.push(x), err: () => undefined });
    const found = (
      JSON.parse(outLines.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId.startsWith('schedule-'));
    expect(found?.map((f) => [`${f.sheet}!${f.address}`, f.message.replace(/[\u00a0\u202f]/g, ' ')])).toEqual(
      [
        [
          expect.stringMatching(/^Plan de travail!F\d+$/),
          "Ligne 6.2.2 du devis (Hébergement de l'équipe à Bruxelles) : quantité 4 pour 5 selon le plan de travail (Jours à Bruxelles) — remettez la formule du plan ou corrigez le plan.",
        ],
      ],
    );
  });

  it('dates the shooting in Paramètres and the Trésorerie from the plan de travail: the last day moved to July', async () => {
    const iso = (v: unknown): unknown =>
      v instanceof Date
        ? v.toISOString().slice(0, 10)
        : typeof v === 'number'
          ? new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10)
          : v;
    const names = ['Param_DebutTournage', 'Param_FinTournage'];
    const before = await namedValues(example, [...names, 'Param_JoursTournage']);
    expect([...names.map((n) => iso(before[n])), before.Param_JoursTournage]).toEqual([
      '2027-04-26',
      '2027-06-11',
      35,
    ]);
    expect((await rowValues(example, 'Treso_Jalons')).map(iso).slice(2, 4)).toEqual([
      '2027-04-01',
      '2027-06-01',
    ]);
    const later = editWithLibreOffice(
      example,
      join(dir, 'dernier-jour-en-juillet.xlsx'),
      // The last shooting day (row 45) pushed to Friday 2 July 2027.
      [{ op: 'set', sheet: 'Plan de travail', cell: 'B45', value: 46570 }],
      profile,
    );
    const after = await namedValues(later, [...names, 'Param_JoursTournage']);
    expect([...names.map((n) => iso(after[n])), after.Param_JoursTournage]).toEqual([
      '2027-04-26',
      '2027-07-02',
      35,
    ]);
    // The end-of-shooting milestone moves to July: the receipts due then move with it.
    expect((await rowValues(later, 'Treso_Jalons')).map(iso).slice(2, 4)).toEqual([
      '2027-04-01',
      '2027-07-01',
    ]);
    const phases = await rowValues(later, 'Treso_Phases');
    const months = (await rowValues(later, 'Treso_Mois')).map(iso);
    expect(phases[months.indexOf('2027-07-01')]).toBe('Tournage');
    expect((await rowValues(example, 'Treso_Phases'))[months.indexOf('2027-07-01')]).not.toBe('Tournage');
    // The shoot now spans 10 calendar weeks (26 April – 2 July): the crew's and the gear's weeks follow,
    // each with its own weeks of preparation (first assistant director: 3, second camera assistant: 0).
    expect(await devisQuantities(later, ['2.2.2', '2.4.3', '7.1', '2.6.1'])).toEqual([13, 10, 10, 16]);
    expect(await devisQuantities(example, ['2.2.2', '2.4.3', '7.1', '2.6.1'])).toEqual([10, 7, 7, 16]);
  });

  it('moves the devis and Paramètres with the postproduction planning: two more weeks of picture editing, the PAD step after the delivery', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const plan = wb.getWorksheet('Plan de travail');
    // The postproduction planning starts at row 121: picture editing first, the PAD step seventh.
    expect([plan?.getCell('A121').value, plan?.getCell('D121').value]).toEqual(['Montage image', 80]);
    expect([plan?.getCell('A127').value, plan?.getCell('D127').value]).toEqual(['Conformation et PAD', 5]);
    const before = await namedValues(example, ['Devis_Total', 'Param_SemainesPostprod']);
    expect(before.Param_SemainesPostprod).toBe(18);
    const longer = editWithLibreOffice(
      example,
      join(dir, 'montage-plus-long.xlsx'),
      [
        { op: 'set', sheet: 'Plan de travail', cell: 'D121', value: 90 },
        { op: 'set', sheet: 'Plan de travail', cell: 'D127', value: 20 },
      ],
      profile,
    );
    // 18 weeks for the editor, the assistant and the editing room (16 before).
    expect(await devisQuantities(longer, ['2.6.1', '2.6.2', '7.5.1', '7.5.2'])).toEqual([18, 18, 18, 4]);
    const budget = exampleBudget();
    const weeks18 = new Set(['2.6.1', '2.6.2', '7.5.1']);
    const changed = {
      ...budget,
      chapters: budget.chapters.map((c) => ({
        ...c,
        items: c.items.map((i): ItemInput => {
          if (i.kind === 'line') return weeks18.has(i.code) ? { ...i, quantity: new Money(18) } : i;
          if (i.kind !== 'group') return i;
          return {
            ...i,
            lines: i.lines.map((l) => (weeks18.has(l.code) ? { ...l, quantity: new Money(18) } : l)),
          };
        }),
      })),
    };
    const v = await namedValues(longer, ['Devis_Total', 'Param_SemainesPostprod', 'PdT_SemainesPostprod']);
    // LibreOffice's total is the domain's for the same 18 weeks, to the cent.
    const cents = (x: unknown): number => Math.round(Number(x) * 100);
    expect(cents(v.Devis_Total)).toBe(cents(computeBudget(changed).total.amount.toNumber()));
    expect(cents(v.Devis_Total)).toBeGreaterThan(cents(before.Devis_Total));
    // The PAD step ends on Friday 5 November 2027: 21 weeks after the shoot, in Paramètres too.
    expect([v.Param_SemainesPostprod, v.PdT_SemainesPostprod]).toEqual([21, 21]);
    const out: string[] = [];
    expect(
      await main(['audit', longer, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined }),
    ).toBe(1);
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId.startsWith('post-'));
    expect(found?.map((f) => [`${f.sheet}!${f.address}`, f.message.replace(/[\u00a0\u202f]/g, ' ')])).toEqual(
      [
        // The erreur first, then the avertissement.
        [
          'Plan de travail!E127',
          'Postproduction, « Conformation et PAD » : finit le 05/11/2027, après la livraison du PAD le 29/10/2027 — avancez l’étape, raccourcissez-la ou repoussez la livraison.',
        ],
        [
          'Plan de travail!C123',
          'Postproduction, « Montage son » : commence le 30/08/2027, avant la fin de « Montage image » le 10/09/2027 qu’elle suit — décalez son début.',
        ],
      ],
    );
  });

  it('counts the plan de travail’s days of each sequence of the dépouillement; a sequence dropped from its day is found', async () => {
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(example);
    // The 17th shooting day (row 27) shoots sequences 49, 50 and 51 in Brussels.
    expect(plan.getWorksheet('Plan de travail')?.getCell('H27').value).toBe('49, 50, 51');
    expect(plan.getWorksheet('Dépouillement')?.getCell('A55').value).toBe('50');
    const lo = recalcWithLibreOffice(example, join(dir, 'lo-depouillement'), profile);
    const days = (await namedCells(lo, 'Depou_Sequences')).filter((c) => /^M\d+$/.test(c.address));
    // Sequence 42 (the stunt) is shot over three days, every other one on one day.
    expect(days.slice(0, 105).map((c) => c.value)).toEqual(
      Array.from({ length: 105 }, (_, i) => (i + 1 === 42 ? 3 : 1)),
    );
    const dropped = editWithLibreOffice(
      example,
      join(dir, 'sequence-50-oubliee.xlsx'),
      [{ op: 'set', sheet: 'Plan de travail', cell: 'H27', value: '49, 51' }],
      profile,
    );
    const after = await namedCells(dropped, 'Depou_Sequences');
    expect(after.find((c) => c.address === 'M55')?.value).toBe(0);
    const out: string[] = [];
    expect(
      await main(['audit', dropped, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined }),
    ).toBe(1);
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId.startsWith('scene-'));
    expect(found?.map((f) => [`${f.sheet}!${f.address}`, f.message.replace(/[\u00a0\u202f]/g, ' ')])).toEqual(
      [
        [
          'Dépouillement!M55',
          'Séquence 50 : aucun jour du plan de travail ne la tourne — ajoutez-la aux séquences du jour qui la tourne.',
        ],
      ],
    );
  });

  it('counts each role’s days on the plan de travail; the stunt team called after its contract is found', async () => {
    const roles = await namedCells(example, 'PdT_Roles');
    const cascade = roles.find((c) => c.value === 'Cascadeurs')?.address.replace(/^[A-Z]+/, '');
    expect(cascade).toBeDefined();
    const shortened = editWithLibreOffice(
      example,
      join(dir, 'cascade-contrat-court.xlsx'),
      // Their contract ends on Wednesday 2 June 2027 (serial 46540): the third stunt day is the 3rd.
      [{ op: 'set', sheet: 'Plan de travail', cell: `D${cascade}`, value: 46540 }],
      profile,
    );
    const after = await namedCells(shortened, 'PdT_Roles');
    const at = (letter: string): unknown => after.find((c) => c.address === `${letter}${cascade}`)?.value;
    expect([at('E'), at('F')]).toEqual([3, 1]);
    const out: string[] = [];
    await main(['audit', shortened, '--format', 'json'], { out: (x) => out.push(x), err: () => undefined });
    const found = (
      JSON.parse(out.join('')) as {
        files: { findings: { messageId: string; sheet: string; address: string; message: string }[] }[];
      }
    ).files[0]?.findings.filter((f) => f.messageId === 'schedule-role-contract');
    // The 29th shooting day, Thursday 3 June 2027, on row 39.
    expect(found?.map((f) => [`${f.sheet}!${f.address}`, f.message.replace(/[\u00a0\u202f]/g, ' ')])).toEqual(
      [
        [
          'Plan de travail!I39',
          'Journée du 03/06/2027 : « Cascadeurs » convoqué hors de son contrat (du 01/06/2027 au 02/06/2027) — prolongez le contrat ou déplacez la séquence.',
        ],
      ],
    );
  });

  it('agrees on a blank série workbook too', async () => {
    const file = join(dir, 'serie.xlsx');
    expect(await main(['new', '--out', file, '--format', 'serie'], silent)).toBe(0);
    const recomputed = recalcWithLibreOffice(file, join(dir, 'lo-serie'), profile);
    const { formulaCells, mismatches } = await compareFormulaCells(file, recomputed);
    expect(formulaCells).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });

  it('keeps an audiovisual work at 50 % until the derogation is requested (RGA art. 311-19)', async () => {
    const doc = join(dir, 'documentaire.xlsx');
    expect(await main(['new', '--out', doc, '--format', 'documentaire', '--exemple'], silent)).toBe(0);
    // 331 086,72 € over 150 minutes: 132 435 €/h, under the 150 000 €/h of a creative documentary.
    const cheaper = editWithLibreOffice(
      doc,
      join(dir, 'doc-150.xlsx'),
      [{ op: 'set', sheet: 'Paramètres', cell: 'B8', value: 150 }],
      profile,
    );
    const before = await namedValues(cheaper, ['Fin_Plafond']);
    expect(before.Fin_Plafond).toBe(0.5);
    const note = await cellText(cheaper, 'Plan de financement', 'D13');
    expect(note).toContain('dérogation possible sur demande motivée au CNC (art. 311-19)');
    const requested = editWithLibreOffice(
      doc,
      join(dir, 'doc-150-derogation.xlsx'),
      [
        { op: 'set', sheet: 'Paramètres', cell: 'B8', value: 150 },
        { op: 'set', sheet: 'Paramètres', cell: 'B20', value: 'Oui' },
      ],
      profile,
    );
    expect((await namedValues(requested, ['Fin_Plafond'])).Fin_Plafond).toBe(0.8);
  });

  it('catches a wrong cached value (so LibreOffice really recalculated)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const cell = wb.getWorksheet('Devis')?.getCell('H158');
    if (!cell) throw new Error('no total cell');
    cell.value = { formula: cell.formula, result: 3035291.63 };
    const broken = join(dir, 'faux.xlsx');
    await wb.xlsx.writeFile(broken);
    const recomputed = recalcWithLibreOffice(broken, join(dir, 'lo-faux'), profile);
    const { mismatches } = await compareFormulaCells(broken, recomputed);
    expect(mismatches).toEqual([
      {
        sheet: 'Devis',
        address: 'H158',
        formula: 'H155+H156+H157',
        cached: 3035291.63,
        recomputed: 3035291.62,
      },
    ]);
  });

  it('carries a source row inserted in the plan and a changed devis line through to the summary and the cash flow', async () => {
    const edited = editWithLibreOffice(
      example,
      join(dir, 'insertion.xlsx'),
      [
        // A new row inside the source table (rows 22–38), as a person inserts it, with the nature formula copied.
        { op: 'insertRow', sheet: 'Plan de financement', row: 25 },
        { op: 'set', sheet: 'Plan de financement', cell: 'B25', value: 'Plateforme — préachat' },
        { op: 'set', sheet: 'Plan de financement', cell: 'C25', value: 'Préachat plateforme (SMAD)' },
        {
          op: 'formula',
          sheet: 'Plan de financement',
          cell: 'D25',
          formula:
            '=IF(C25="";"";IFERROR(INDEX(Fin_CatNatures;MATCH(C25;Fin_CatLibelles;0));"Catégorie inconnue"))',
        },
        { op: 'set', sheet: 'Plan de financement', cell: 'E25', value: 'Sollicité' },
        { op: 'set', sheet: 'Plan de financement', cell: 'F25', value: 200000 },
        { op: 'set', sheet: 'Plan de financement', cell: 'N25', value: 0.5 },
        { op: 'set', sheet: 'Plan de financement', cell: 'O25', value: 0.5 },
        // The rights to the novel double: quantity 1 → 2 on Devis line 1.1.
        { op: 'set', sheet: 'Devis', cell: 'D6', value: 2 },
      ],
      profile,
    );
    const budget = exampleBudget();
    const changed = {
      ...budget,
      chapters: budget.chapters.map((c) =>
        c.code === '1'
          ? {
              ...c,
              items: c.items.map((i): ItemInput =>
                i.kind === 'line' && i.code === '1.1' ? { ...i, quantity: new Money(2) } : i,
              ),
            }
          : c,
      ),
    };
    const newTotal = computeBudget(changed).total.amount.toNumber();
    // + 60 000 droits, + 660 charges auteur (1,1 %), + 7 % de FG (base du protocole) et 5 % d'imprévus sur 60 660.
    expect(newTotal).toBe(3103230.82);
    const v = await namedValues(edited, [
      'Devis_Total',
      'Fin_Total',
      'Fin_Prive',
      'Fin_Ecart',
      'Fin_NbSources',
      'Treso_TotalEncaissements',
      'Treso_TotalDecaissements',
      'Treso_EcartPlan',
      'Treso_EcartDevis',
    ]);
    expect(v.Devis_Total).toBe(newTotal);
    expect(v.Fin_Total).toBe(3235291.62);
    expect(v.Fin_Prive).toBe(2032071.08);
    expect(v.Fin_NbSources).toBe(10);
    expect(Number(v.Fin_Ecart)).toBeCloseTo(3235291.62 - newTotal, 6);
    expect(v.Treso_TotalEncaissements).toBe(3235291.62);
    expect(v.Treso_EcartPlan).toBe(0);
    expect(v.Treso_TotalDecaissements).toBe(newTotal);
    expect(v.Treso_EcartDevis).toBe(0);
  });

  it('counts each line in the tax credit base for its eligible share, edited in LibreOffice, and flags a blank share', async () => {
    // The lead actress fully eligible (12,5 % → 100 %), the lead actor's share erased.
    const edited = editWithLibreOffice(
      example,
      join(dir, 'part-eligible.xlsx'),
      [
        { op: 'set', sheet: 'Devis', cell: 'L63', value: 1 },
        { op: 'set', sheet: 'Devis', cell: 'L64', value: '' },
      ],
      profile,
    );
    const budget = exampleBudget();
    const share = (code: string): Money | undefined =>
      code === '3.1.1' ? new Money(1) : code === '3.1.2' ? new Money(0) : undefined;
    const changed = {
      ...budget,
      chapters: budget.chapters.map((c) => ({
        ...c,
        items: c.items.map((i): ItemInput => {
          if (i.kind !== 'group') return i;
          return {
            ...i,
            lines: i.lines.map((l) => (share(l.code) ? { ...l, taxCreditShare: share(l.code) } : l)),
          };
        }),
      })),
    };
    const base = computeBudget(changed).bases.taxCredit.toNumber();
    // + 105 000 € × (1 + 50,5 % of an artiste's charges) − 15 000 € × 1,505 on 2 177 401,80 €.
    expect(base).toBe(2312851.8);
    const v = await namedValues(edited, ['Devis_BaseCreditImpot', 'Fin_CreditImpotEstime']);
    expect(v.Devis_BaseCreditImpot).toBe(base);
    expect(v.Fin_CreditImpotEstime).toBe(693855.54);
    const c = { out: [] as string[], err: [] as string[] };
    await main(['audit', edited, '--format', 'json'], {
      out: (l) => c.out.push(l),
      err: (l) => c.err.push(l),
    });
    const findings = (
      JSON.parse(c.out.join('\n')) as { files: { findings: { ruleId: string; address: string }[] }[] }
    ).files[0]?.findings.filter((f) => f.ruleId === 'devis-tax-credit-share');
    expect(findings?.map((f) => f.address)).toEqual(['L64']);
  });

  it('takes a source added from the taskpane action into the summary and the cash flow', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    const port = new XlsxPort(wb);
    const added = await addSource(port, {
      label: 'Mécénat d’entreprise',
      category: 'Placement de produit / partenariat',
      status: 'Acquis',
      amount: new Money('45000'),
    });
    expect(added).toEqual({ sheet: 'Plan de financement', row: 31 });
    const file = join(dir, 'source-ajoutee.xlsx');
    await wb.xlsx.writeFile(file);
    const recomputed = recalcWithLibreOffice(file, join(dir, 'lo-source'), profile);
    const v = await namedValues(recomputed, [
      'Fin_Total',
      'Fin_Ecart',
      'Fin_NbSources',
      'Treso_TotalEncaissements',
      'Treso_EcartPlan',
    ]);
    expect(v).toMatchObject({
      Fin_Total: 3080291.62,
      Fin_NbSources: 10,
      Treso_TotalEncaissements: 3080291.62,
      Treso_EcartPlan: 0,
    });
    expect(Number(v.Fin_Ecart)).toBeCloseTo(45000, 6); // a difference of two doubles
  });
});
