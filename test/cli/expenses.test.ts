import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mapColumns, parseMapping, readCsv, readStatement, frenchDate } from '../../src/domain/expenses/csv';
import { namedValues, recalcProfile, recalcWithLibreOffice } from '../support/libreoffice';
import { frenchStatement, ledgerCodes } from '../support/statement';
import { toCents } from '../support/cells';
import { damagePart } from '../support/damage';

/*
 * `devis-cnc depenses importer`: a French CSV statement appended to the Dépenses ledger, all or
 * nothing; the totals LibreOffice recomputes count the new pieces; a bad row refuses the file
 * with its line number and leaves the workbook byte for byte as it was.
 */
jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-depenses-cli-'));
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'devis-cnc.js'), ...args], { encoding: 'utf8' });
const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

const HEADER =
  'Date;N° de pièce;Fournisseur;Nature;Code;Libellé;Montant HT;TVA;Montant TTC;Statut;Date de paiement;Mode de paiement;Justificatif;Référence';

describe('reading a French statement', () => {
  it('reads « ; », quotes, a « ; » inside quotes, CRLF and a BOM, keeping each record’s line', () => {
    const records = readCsv('\ufeffA;B\r\n1;"x; y"\r\n\r\n2;"dit ""non"""\n');
    expect(records).toEqual([
      { line: 1, cells: ['A', 'B'] },
      { line: 2, cells: ['1', 'x; y'] },
      { line: 4, cells: ['2', 'dit "non"'] },
    ]);
  });

  it('maps columns by their headers, and by --colonnes where the file names them otherwise', () => {
    expect(mapColumns(HEADER.split(';'))).toEqual({
      date: 0,
      piece: 1,
      payee: 2,
      nature: 3,
      code: 4,
      label: 5,
      ht: 6,
      tva: 7,
      ttc: 8,
      status: 9,
      paidOn: 10,
      mode: 11,
      proof: 12,
      proofRef: 13,
    });
    expect(
      mapColumns(
        ['Jour', 'Compte analytique', 'Net HT'],
        parseMapping('date=Jour;code=Compte analytique;ht=Net HT'),
      ),
    ).toEqual({
      date: 0,
      code: 1,
      ht: 2,
    });
    expect(() => mapColumns(['Jour'], parseMapping('date=Quand'))).toThrow(
      /colonne « Quand » \(pour date\) absente/,
    );
    expect(() => parseMapping('montant')).toThrow(/correspondance « montant » illisible/);
  });

  it('reads dd/mm/yyyy only when it is a calendar day', () => {
    expect(frenchDate('06/11/2026')).toBe('2026-11-06');
    expect(frenchDate('2026-11-06')).toBe('2026-11-06');
    expect(frenchDate('31/02/2026')).toBeNull();
    expect(frenchDate('11/6/26')).toBeNull();
  });

  it('refuses every bad row with its reasons; reads French amounts exactly', () => {
    const records = readCsv(
      `${HEADER}\n01/12/2026;F-1;Hôtel;Facture;6.2.1;Nuits;"1 020,50";"204,10";"1 224,60";payé;03/12/2026;Carte;oui;F-1\n` +
        `01/12/2026;F-2;X;Facture;6.2.1;Y;12,5 %;0;;engagé;;;oui;\n` +
        `01/12/2026;F-3;X;Fiche;6.2.1;Y;10,005;0;;bof;;;peut-être;\n`,
    );
    const [header, ...rows] = records;
    const codes = new Set(['6.2.1']);
    const ok = readStatement(rows.slice(0, 1), mapColumns(header?.cells ?? []), codes);
    expect(
      ok.ok && ok.expenses.map((e) => [e.ht.toFixed(2), e.tva.toFixed(2), e.status, e.paidOn, e.proof]),
    ).toEqual([['1020.50', '204.10', 'Payé', '2026-12-03', true]]);
    const bad = readStatement(rows, mapColumns(header?.cells ?? []), codes);
    expect(bad.ok ? [] : bad.refused).toEqual([
      { line: 3, reasons: ['montant HT « 12,5 % » n’est pas un montant'] },
      {
        line: 4,
        reasons: [
          'montant HT « 10,005 » a plus de deux décimales',
          'nature « Fiche » inconnue (Facture, Note de frais, Salaire, Note de droits, Acompte, Avoir)',
          'statut « bof » inconnu (engagé ou payé)',
          'justificatif « peut-être » : oui ou non',
        ],
      },
    ]);
  });
});

describe('where a piece was spent', () => {
  it('reads « France / étranger » in a statement: empty is France, a foreign word is Étranger, anything else refused', () => {
    const records = readCsv(
      'Date;Code;HT;France / étranger\n01/12/2026;6.2.1;100;\n02/12/2026;6.2.1;200;à l’étranger\n03/12/2026;6.2.1;300;ETRANGER\n04/12/2026;6.2.1;400;Belgique\n',
    );
    const [header, ...rows] = records;
    const map = mapColumns(header?.cells ?? []);
    const codes = new Set(['6.2.1']);
    const ok = readStatement(rows.slice(0, 3), map, codes);
    expect(ok.ok && ok.expenses.map((e) => [e.ht.toFixed(2), e.place])).toEqual([
      ['100.00', 'France'],
      ['200.00', 'Étranger'],
      ['300.00', 'Étranger'],
    ]);
    const bad = readStatement(rows, map, codes);
    expect(bad.ok ? [] : bad.refused).toEqual([
      { line: 5, reasons: ['lieu « Belgique » : France ou Étranger'] },
    ]);
  });
});

describe('devis-cnc depenses importer', () => {
  const book = join(dir, 'classeur.xlsx');

  beforeAll(() => {
    expect(cli(['new', '--out', book, '--exemple']).status).toBe(0);
  });

  it('appends the statement to the first free rows; LibreOffice counts the new pieces in every total', async () => {
    const target = join(dir, 'importe.xlsx');
    copyFileSync(book, target);
    const csv = join(dir, 'releve.csv');
    writeFileSync(
      csv,
      `\ufeff${HEADER}\r\n01/12/2026;F-0101;Hôtel du Nord;Facture;6.2.1;"Repérages; 3 nuits";"1 020,00";"102,00";"1 122,00";payé;03/12/2026;Carte;oui;F-0101.pdf\r\n` +
        `02/12/2026;NF-0102;Marc Dubreuil;Note de frais;6.1.2;Train Lille;93,50;9,35;;engagé;;;oui;NF-0102\r\n`,
    );
    const run = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(run.status).toBe(0);
    expect(plain(run.stdout.trim())).toBe(
      `2 pièces importées dans la feuille Dépenses de « ${target} » (lignes 186 à 187) : 1 113,50 € HT, dont 1 020,00 € payés.`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('Dépenses');
    expect([
      ws?.getCell('B186').value,
      ws?.getCell('E186').value,
      ws?.getCell('F186').value,
      ws?.getCell('G186').value,
    ]).toEqual(['F-0101', '6.2.1', 'Repérages; 3 nuits', 1020]);
    const recomputed = recalcWithLibreOffice(target, join(dir, 'lo'), recalcProfile());
    // The example's 181 pieces (2 580 658,10 € HT, 1 360 607,32 € paid, 2 724 097,70 € TTC) and these two.
    expect(toCents(await namedValues(recomputed, ['Dep_Engage', 'Dep_Paye', 'Dep_TotalTTC']))).toEqual({
      Dep_Engage: 2581771.6,
      Dep_Paye: 1361627.32,
      Dep_TotalTTC: 2725322.55,
    });
    // The audit of the new workbook: the pieces are charged to known codes, justified.
    const audit = cli(['audit', target, '--format', 'json']);
    const findings =
      (JSON.parse(audit.stdout) as { files: { findings: { sheet: string }[] }[] }).files[0]?.findings ?? [];
    expect(findings.filter((f) => f.sheet === 'Dépenses')).toEqual([]);
  });

  it('refuses a statement imported twice, listing the pieces already there, unless --doublons', () => {
    const target = join(dir, 'deux-fois.xlsx');
    copyFileSync(book, target);
    const csv = join(dir, 'releve-deux-fois.csv');
    writeFileSync(
      csv,
      `${HEADER}\n01/12/2026;F-0201;Hôtel du Nord;Facture;6.2.1;Repérages;"1 020,00";"102,00";;payé;03/12/2026;Carte;oui;F-0201.pdf\n` +
        `02/12/2026;;Marc Dubreuil;Note de frais;6.1.2;Train Lille;93,50;9,35;;engagé;;;oui;NF\n`,
    );
    expect(cli(['depenses', 'importer', csv, '--classeur', target]).status).toBe(0);
    const once = hash(target);
    const again = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(again.status).toBe(1);
    expect(plain(again.stderr).trim().split('\n')).toEqual([
      `2 pièces du relevé sont déjà au grand livre de « ${target} » (même date, même numéro, même montant HT) : rien n'a été écrit. Ajoutez --doublons pour les importer quand même.`,
      '  ligne 2 : pièce F-0201 du 01/12/2026, 1 020,00 € HT (déjà en Dépenses!B186)',
      '  ligne 3 : pièce sans numéro du 02/12/2026, 93,50 € HT (déjà en Dépenses!B187)',
    ]);
    expect(hash(target)).toBe(once);
    // The same train, another day: not a duplicate.
    const other = join(dir, 'releve-autre-jour.csv');
    writeFileSync(
      other,
      `${HEADER}\n03/12/2026;;Marc Dubreuil;Note de frais;6.1.2;Train Lille;93,50;9,35;;engagé;;;oui;NF\n`,
    );
    expect(cli(['depenses', 'importer', other, '--classeur', target]).status).toBe(0);
    const forced = cli(['depenses', 'importer', csv, '--classeur', target, '--doublons']);
    expect(forced.status).toBe(0);
    expect(plain(forced.stdout)).toContain('2 pièces importées');
  });

  it('grows the ledger inside itself for a statement longer than its free rows; LibreOffice counts every piece', async () => {
    const before = await namedValues(recalcWithLibreOffice(book, join(dir, 'lo-base'), recalcProfile()), [
      'Dep_Engage',
      'Dep_Paye',
      'Dep_TotalTTC',
    ]);
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(book);
    const codes = ledgerCodes(source);
    const ledger = source.definedNames.getRanges('Dep_Lignes').ranges[0] ?? '';
    const [, top = '', bottom = ''] = /!\$A\$(\d+):\$O\$(\d+)$/.exec(ledger) ?? [];
    const pieces =
      source
        .getWorksheet('Dépenses')
        ?.getColumn('B')
        .values.filter((v, r) => r > 4 && v) ?? [];
    const freeRows = Number(bottom) - Number(top) + 1 - pieces.length;
    expect(freeRows).toBe(150);

    // Invoices and expense claims on every third line of the devis, not on the charges chapter:
    // its pieces follow the pay, which an invoice statement does not carry.
    const st = frenchStatement(
      400,
      codes.filter((c, i) => i % 3 === 0 && !c.startsWith('4.')),
    );
    const csv = join(dir, 'releve-long.csv');
    writeFileSync(csv, st.csv);
    const target = join(dir, 'agrandi.xlsx');
    copyFileSync(book, target);
    const run = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const euros = (cents: number): string =>
      new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
    const firstRow = Number(top) + pieces.length;
    expect(plain(run.stdout.trim())).toBe(
      plain(
        `400 pièces importées dans la feuille Dépenses de « ${target} » (lignes ${firstRow} à ${firstRow + 399}) : ${euros(st.htCents)} HT, dont ${euros(st.paidCents)} payés. Le grand livre s'est agrandi de 400 lignes, insérées au-dessus de sa dernière ligne : ses totaux, ses listes et le suivi budgétaire les comptent, et 150 lignes libres restent.`,
      ),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const ws = wb.getWorksheet('Dépenses');
    const newBottom = Number(bottom) + 400;
    expect(wb.definedNames.getRanges('Dep_Lignes').ranges).toEqual([`'Dépenses'!$A$${top}:$O$${newBottom}`]);
    expect(ws?.getCell(`F${newBottom + 1}`).value).toBe('Total');
    expect(ws?.getCell(`I${firstRow + 400}`).formula).toBe(
      `IF(AND(G${firstRow + 400}="",H${firstRow + 400}=""),"",G${firstRow + 400}+H${firstRow + 400})`,
    );
    const after = await namedValues(recalcWithLibreOffice(target, join(dir, 'lo-grown'), recalcProfile()), [
      'Dep_Engage',
      'Dep_Paye',
      'Dep_TotalTTC',
    ]);
    const cents = (v: unknown): number => Math.round(Number(v) * 100);
    expect({
      engage: cents(after.Dep_Engage) - cents(before.Dep_Engage),
      paye: cents(after.Dep_Paye) - cents(before.Dep_Paye),
      ttc: cents(after.Dep_TotalTTC) - cents(before.Dep_TotalTTC),
    }).toEqual({ engage: st.htCents, paye: st.paidCents, ttc: st.ttcCents });
    // Nothing wrong in the ledger itself: every piece is on a known code, justified, TTC = HT + TVA.
    const audit = cli(['audit', target, '--format', 'json']);
    expect(audit.status).not.toBe(2);
    const findings =
      (JSON.parse(audit.stdout) as { files: { findings: { sheet: string }[] }[] }).files[0]?.findings ?? [];
    expect(findings.filter((f) => f.sheet === 'Dépenses')).toEqual([]);
  });

  /** The example with a chart of the ledger's HT column, as Excel would save it beside its sheets. */
  async function withChart(source: string, name: string): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(source));
    zip.file(
      'xl/charts/chart1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>'Dépenses'!$G$5:$G$335</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    );
    const file = join(dir, name);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return file;
  }

  it('keeps in place what exceljs would lose (a chart), its series grown with the ledger', async () => {
    const target = await withChart(book, 'graphique.xlsx');
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(book);
    const csv = join(dir, 'releve-160.csv');
    writeFileSync(csv, frenchStatement(160, ledgerCodes(source)).csv);
    const run = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(plain(run.stdout)).toContain("Le grand livre s'est agrandi de 160 lignes");
    const zip = await JSZip.loadAsync(readFileSync(target));
    expect(await zip.file('xl/charts/chart1.xml')?.async('string')).toContain(
      "<c:f>'Dépenses'!$G$5:$G$495</c:f>",
    );
  });

  it('goes through exceljs when the ledger sheet holds an Excel table, and then refuses to lose a chart without --out', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet('Dépenses')?.addTable({
      name: 'Notes',
      ref: 'Y400',
      columns: [{ name: 'Note' }],
      rows: [['à vérifier']],
    });
    const tabled = join(dir, 'tableau.xlsx');
    await wb.xlsx.writeFile(tabled);
    const target = await withChart(tabled, 'tableau-graphique.xlsx');
    const before = hash(target);
    const csv = join(dir, 'releve-3.csv');
    writeFileSync(csv, frenchStatement(3, ledgerCodes(wb)).csv);
    const refused = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(
      "Ce classeur contient des graphiques que la réécriture par la ligne de commande perdrait (la feuille Dépenses contient un tableau, un dessin ou des commentaires) : rien n'a été écrit. Donnez un autre fichier avec --out NOUVEAU.xlsx, ou saisissez les dépenses dans Excel (volet « Saisir une dépense »).",
    );
    expect(hash(target)).toBe(before);
    const out = join(dir, 'tableau-importe.xlsx');
    const run = cli(['depenses', 'importer', csv, '--classeur', target, '--out', out]);
    expect(run.status).toBe(0);
    expect(hash(target)).toBe(before);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('Dépenses')?.getCell('B186').value).toBe('R-00001');
  });

  it('refuses a workbook with a damaged sheet, with a clear message, writing nothing', async () => {
    // The Suivi budgétaire's part, its deflated bytes overwritten: the workbook is refused on
    // opening, before the statement is read.
    const damaged = join(dir, 'abime.xlsx');
    writeFileSync(damaged, damagePart(readFileSync(book), 'xl/worksheets/sheet8.xml'));
    const before = hash(damaged);
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(book);
    const csv = join(dir, 'releve-200.csv');
    writeFileSync(csv, frenchStatement(200, ledgerCodes(source)).csv);
    const run = cli(['depenses', 'importer', csv, '--classeur', damaged]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `Classeur illisible « ${damaged} » : classeur .xlsx incomplet ou corrompu (est-il encore en cours d’écriture par un autre programme ?).`,
    );
    expect(hash(damaged)).toBe(before);
  });

  it('refuses a statement with a bad row, naming each line, and leaves the workbook as it was', () => {
    const target = join(dir, 'refuse.xlsx');
    copyFileSync(book, target);
    const before = hash(target);
    const csv = join(dir, 'mauvais.csv');
    writeFileSync(
      csv,
      `Date;Code;Montant HT;TVA;Montant TTC\n31/02/2026;6.2.1;1000;200;1200\n01/12/2026;9.9;abc;0;\n01/12/2026;6.2.1;1000;200;1250\n`,
    );
    const run = cli(['depenses', 'importer', csv, '--classeur', target]);
    expect(run.status).toBe(1);
    expect(plain(run.stderr).trim().split('\n')).toEqual([
      `3 lignes refusées dans « ${csv} » : rien n'a été écrit.`,
      '  ligne 2 : date « 31/02/2026 » illisible (attendu jj/mm/aaaa)',
      '  ligne 3 : montant HT « abc » n’est pas un montant ; code « 9.9 » absent du devis',
      '  ligne 4 : TTC 1 250,00 € ≠ HT 1 000,00 € + TVA 200,00 € = 1 200,00 €',
    ]);
    expect(hash(target)).toBe(before);
  });

  it('refuses a workbook without a Dépenses sheet, and a file that is no workbook, writing nothing', () => {
    const csv = join(dir, 'ok.csv');
    writeFileSync(csv, `Date;Code;Montant HT\n01/12/2026;6.2.1;10\n`);
    const old = join(dir, 'ancien.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('A1').value = 'Code';
    return wb.xlsx.writeFile(old).then(() => {
      const before = hash(old);
      const run = cli(['depenses', 'importer', csv, '--classeur', old]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^Pas de feuille Dépenses dans ce classeur/);
      expect(hash(old)).toBe(before);
      const junk = join(dir, 'pas-un-classeur.xlsx');
      writeFileSync(junk, 'bonjour');
      const bad = cli(['depenses', 'importer', csv, '--classeur', junk]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^Classeur illisible/);
    });
  });
});
