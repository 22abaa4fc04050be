import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { audit } from '../../src/audit/audit';
import { recognitionLines } from '../../src/audit/recognitionText';
import { XlsxReader } from '../../src/workbook/xlsx/xlsxReader';
import { renderMessage } from '../../src/rules/messages';
import { compactJson } from '../support/compactJson';
import { CHAPTERS, handmadeWorkbook, LAYOUTS } from '../support/handmade';

/*
 * The corpus of hand-made devis (test/fixtures/handmade/, written by test/support/handmade.ts,
 * two of them saved by LibreOffice): `devis-cnc audit` recognises each devis, says what it read,
 * and finds the planted fault at its cell, in plain French. UPDATE_GOLDEN=1 rewrites the goldens.
 */
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'handmade');

interface JsonFinding {
  ruleId: string;
  messageId: string;
  severity: string;
  message: string;
  sheet: string | null;
  address: string | null;
}
interface JsonFile {
  recognition: {
    devis: {
      sheet: string;
      headerRow: number;
      columns: { title: string; column: string; header: string }[];
      chapters: string[];
      lines: number;
      thousands: boolean;
      combined: boolean;
      others: string[];
      reason: string;
      versions: { read: string; others: string[] } | null;
      audiovisual: boolean;
      range: string;
      hierarchy: { code: string; label: string; lines: number; total: string | null; above: boolean }[];
      confidence: Record<'sheet' | 'columns' | 'hierarchy' | 'scale' | 'nomenclature', string>;
    } | null;
    deliverables: { label: string; sheet: string | null; read: string | null }[];
    unverifiable: { check: string; reason: string }[];
  } | null;
  findings: JsonFinding[];
  summary: Record<string, number>;
}

function auditJson(name: string): { status: number | null; file: JsonFile } {
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin', 'devis-cnc.js'),
      'audit',
      join(DIR, `${name}.xlsx`),
      '--referentiel',
      'tous',
      '--format',
      'json',
    ],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(run.stdout) as { files: JsonFile[] };
  const file = parsed.files[0];
  if (!file) throw new Error(run.stderr);
  return { status: run.status, file };
}

/**
 * Each layout: the sheet taken as the devis, its costed lines, its columns recognised, and the
 * findings located at a cell — exactly the planted mistakes (a planted cell may carry two findings:
 * a typed total is also « a number where a formula is expected »). The one other located finding
 * every layout carries is true of the corpus: no costed RSE line (checked apart below).
 */
const PLANTED: Record<string, { sheet: string; lines: number; columns: number; at: string[] }> = {
  'budget-previsionnel': {
    sheet: 'Budget prévisionnel',
    lines: 18,
    columns: 6,
    at: ['typed-total@Budget prévisionnel!F17', 'chapter-total-mismatch@Budget prévisionnel!F17'],
  },
  'devis-ecole': {
    sheet: 'DEVIS',
    lines: 18,
    columns: 6,
    at: ['chapter-total-omits@DEVIS!F31', 'formula-short-range@DEVIS!F31'],
  },
  'code-libelle-une-colonne': {
    sheet: 'Budget',
    lines: 18,
    columns: 4,
    at: ['line-wrong-chapter@Budget!A18'],
  },
  milliers: {
    sheet: 'Devis de production',
    lines: 18,
    columns: 6,
    at: ['typed-total@Devis de production!F23', 'chapter-total-mismatch@Devis de production!F23'],
  },
  'deux-versions': {
    sheet: 'Devis V2',
    lines: 18,
    columns: 6,
    at: ['typed-total@Devis V2!F44', 'grand-total-mismatch@Devis V2!F44'],
  },
  'modele-cnc': {
    sheet: 'Devis',
    lines: 18,
    columns: 8,
    at: ['chapter-total-omits@Devis!F12', 'formula-short-range@Devis!F12'],
  },
  'montants-texte': {
    sheet: 'Budget prévisionnel',
    lines: 18,
    columns: 6,
    // The planted total, and every rate typed as text (the layout's own mistake, cell by cell).
    at: [
      'chapter-total-mismatch@Budget prévisionnel!F27',
      ...[5, 6, 9, 10, 13, 14, 17, 18, 21, 22, 25, 26, 29, 30, 33, 34, 37, 38].map(
        (r) => `text-number@Budget prévisionnel!E${r}`,
      ),
    ],
  },
  'sans-chapitres': {
    sheet: 'Devis prévisionnel',
    lines: 18,
    columns: 5,
    at: ['typed-total@Devis prévisionnel!E25', 'grand-total-mismatch@Devis prévisionnel!E25'],
  },
  'avec-financement': { sheet: 'Devis', lines: 18, columns: 6, at: [] },
  anglais: {
    sheet: 'Budget',
    lines: 18,
    columns: 7,
    at: ['typed-total@Budget!F13', 'line-amount@Budget!F13'],
  },
  'colonnes-versions': {
    sheet: 'Devis',
    lines: 18,
    columns: 6,
    at: ['typed-total@Devis!G11', 'chapter-total-mismatch@Devis!G11'],
  },
  'totaux-au-dessus': { sheet: 'Devis', lines: 18, columns: 6, at: ['chapter-total-omits@Devis!F16'] },
  'page-de-garde': { sheet: 'Feuil2', lines: 18, columns: 6, at: ['protocol-overheads-over@Feuil2!F41'] },
  'trois-niveaux': {
    sheet: 'Budget',
    lines: 36,
    columns: 6,
    at: ['typed-total@Budget!F80', 'grand-total-mismatch@Budget!F80'],
  },
  'codes-points': {
    sheet: 'Devis',
    lines: 18,
    columns: 7,
    at: ['typed-total@Devis!G29', 'line-amount@Devis!G29'],
  },
  'postes-4-chiffres': {
    sheet: 'Budget',
    lines: 18,
    columns: 6,
    at: ['chapter-total-omits@Budget!F35', 'formula-short-range@Budget!F35'],
  },
  'lignes-masquees': {
    sheet: 'Devis',
    lines: 18,
    columns: 6,
    at: ['typed-total@Devis!F26', 'line-amount@Devis!F26'],
  },
  'topsheet-detail': {
    sheet: 'Détail',
    lines: 18,
    columns: 6,
    at: ['recap-mismatch@Topsheet!C7', 'typed-total@Topsheet!C7'],
  },
  'court-metrage-financement': {
    sheet: 'Court métrage',
    lines: 18,
    columns: 6,
    at: ['financing-unbalanced@Court métrage!F54'],
  },
  'serie-episodes': {
    sheet: 'Budget série',
    lines: 18,
    columns: 3,
    at: ['typed-total@Budget série!F31', 'chapter-total-mismatch@Budget série!F31'],
  },
  'documentaire-av': {
    sheet: 'Devis documentaire',
    lines: 18,
    columns: 6,
    at: ['chapter-total-omits@Devis documentaire!F15', 'formula-short-range@Devis documentaire!F15'],
  },
  'sans-en-tetes': {
    sheet: 'Feuil1',
    lines: 18,
    columns: 5,
    at: [
      'typed-total@Feuil1!E27',
      'chapter-total-mismatch@Feuil1!E27',
      'typed-total@Feuil1!E30',
      'line-amount@Feuil1!E30',
    ],
  },
  'sous-totaux': {
    sheet: 'Budget',
    lines: 18,
    columns: 6,
    at: ['typed-total@Budget!F13', 'chapter-total-mismatch@Budget!F13'],
  },
  'plan-et-tresorerie': {
    sheet: 'Devis',
    lines: 18,
    columns: 6,
    at: [
      'financing-unbalanced@Financement!B8',
      'cash-month-total@Trésorerie!D22',
      'formula-typed-value@Trésorerie!D22',
    ],
  },
};

const plain = (t: string): string => t.replace(/[\u202f\u00a0]/g, ' ');

describe('hand-made devis corpus', () => {
  it('holds at least twenty layouts, each with its planted mistakes listed', () => {
    expect(Object.keys(LAYOUTS).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(PLANTED).sort()).toEqual(Object.keys(LAYOUTS).sort());
  });

  it.each(Object.keys(LAYOUTS))('%s: recognised, every planted mistake at its cell, nothing else', (name) => {
    const expected = PLANTED[name];
    if (!expected) throw new Error(name);
    const { status, file } = auditJson(name);
    const devis = file.recognition?.devis;
    expect(devis?.sheet).toBe(expected.sheet);
    expect(devis?.chapters).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(devis?.lines).toBe(expected.lines);
    expect(devis?.columns).toHaveLength(expected.columns);
    expect(devis?.columns.map((c) => c.title)).toEqual(expect.arrayContaining(['Montant']));
    const located = file.findings.filter((f) => f.address !== null && f.ruleId !== 'devis-rse-lines');
    expect(located.map((f) => `${f.messageId}@${f.sheet ?? ''}!${f.address ?? ''}`).sort()).toEqual(
      [...expected.at].sort(),
    );
    // True of the whole corpus, not planted: no costed RSE line, said once at the table's header.
    expect(file.findings.filter((f) => f.ruleId === 'devis-rse-lines')).toHaveLength(1);
    for (const f of file.findings)
      expect(f.message).not.toMatch(/\b(Devis|Recap|Fin|Treso|Carbone|Param)_[A-Za-z]/);
    // Deliverables the workbook lacks: one plain info each, never an erreur.
    for (const f of file.findings.filter((x) => x.address === null)) {
      expect(f.severity).toBe('info');
      expect(plain(f.message)).toMatch(/^(Pas de .* dans ce classeur\.|.* : la feuille « .* » est là, mais)/);
    }
    // Every layout has at least its RSE erreur: the audit exits 1.
    expect(status).toBe(1);
    const golden = join(DIR, `${name}.golden.json`);
    const actual = {
      recognition: file.recognition,
      findings: file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        at: f.address ? `${f.sheet}!${f.address}` : null,
        message: plain(f.message),
      })),
    };
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden))
      writeFileSync(golden, `${compactJson(actual)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('reads amounts in k€ as thousands, and tells the gap in euros', () => {
    const { file } = auditJson('milliers');
    expect(file.recognition?.devis?.thousands).toBe(true);
    const gap = file.findings.find((f) => f.messageId === 'chapter-total-mismatch');
    expect(gap?.message.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      'Total du chapitre 5 : 68 000,00 € affichés, mais ses 2 lignes font 63 000,00 € (écart 5 000,00 €).',
    );
  });

  it('takes the latest version of two devis sheets, and says so', () => {
    const { file } = auditJson('deux-versions');
    expect(file.recognition?.devis?.others).toEqual(['Devis V1']);
  });

  it('says where each chapter total sits, above or below its lines, and how sure the reading is', () => {
    const above = auditJson('totaux-au-dessus').file.recognition?.devis;
    expect(above?.range).toBe('A3:F35');
    expect(above?.hierarchy[0]).toEqual({
      code: '1',
      label: 'DROITS ARTISTIQUES',
      lines: 2,
      total: 'F4',
      above: true,
    });
    expect(above?.hierarchy.every((c) => c.above && c.lines === 2)).toBe(true);
    expect(above?.confidence).toEqual({
      sheet: 'sûre',
      columns: 'sûre',
      hierarchy: 'sûre',
      scale: 'probable',
      nomenclature: 'sûre',
    });
    // Chapters taken from the codes' prefixes, no total rows: the likeliest reading, said so.
    const flat = auditJson('sans-chapitres').file.recognition?.devis;
    expect(flat?.hierarchy.map((c) => c.total)).toEqual(Array(9).fill(null));
    expect(flat?.confidence.hierarchy).toBe('probable');
    // A devis coded its own way (0101 under 01): the nomenclature reading is uncertain.
    expect(auditJson('postes-4-chiffres').file.recognition?.devis?.confidence.nomenclature).toBe(
      'incertaine',
    );
  });

  it('infers the columns of a devis whose headers name nothing it knows, from its cells', () => {
    const devis = auditJson('sans-en-tetes').file.recognition?.devis;
    expect(devis?.reason).toBe(
      'son contenu : 18 lignes codées avec un montant (colonnes déduites des cellules : aucun en-tête reconnu)',
    );
    // Volume × P.U. give the amount on most rows: they are the quantity and the rate.
    expect(devis?.columns.map((c) => `${c.title}=${c.column}`)).toEqual([
      'Code=A',
      'Libellé=B',
      'Quantité=C',
      'Taux=D',
      'Montant=E',
    ]);
    expect(devis?.confidence.columns).toBe('probable');
  });

  it('reads the latest of two version columns side by side, and says which', () => {
    const { file } = auditJson('colonnes-versions');
    expect(file.recognition?.devis?.versions).toEqual({ read: 'V2 (mars)', others: ['V1 (janvier)'] });
    const amount = file.recognition?.devis?.columns.find((c) => c.title === 'Montant');
    expect(amount).toEqual({ title: 'Montant', column: 'G', header: 'V2 (mars)' });
  });

  it('holds frais généraux to the protocol cap computed from the amounts read', () => {
    // Chapters of the corpus as written: the base, 9 % of it typed, the 7 % cap.
    const base = CHAPTERS.flatMap((c) => c.lines).reduce((n, l) => n + l.qty * l.rate, 0);
    const fmt = (n: number): string =>
      new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        .format(n)
        .replace(/[\u202f\u00a0]/g, ' ');
    expect(base).toBe(545100);
    const { file } = auditJson('page-de-garde');
    expect(file.recognition?.devis?.reason).toMatch(/^son contenu : 18 lignes codées/);
    const f = file.findings.find((x) => x.messageId === 'protocol-overheads-over');
    expect(plain(f?.message ?? '')).toContain(
      `Frais généraux de ${fmt(base * 0.09)} € (9,0 % de la base) au-dessus du plafond de 7,0 % : ${fmt(base * 0.07)} € sur une base de ${fmt(base)} €`,
    );
  });

  it('does not hold a series (episode columns) nor a documentary grid to the cinema caps, and says so', () => {
    for (const name of ['serie-episodes', 'documentaire-av']) {
      const { file } = auditJson(name);
      expect(file.findings.filter((f) => f.ruleId === 'devis-protocol-caps')).toEqual([]);
      expect(file.recognition?.unverifiable).toEqual(
        expect.arrayContaining([
          {
            check: 'Plafond des frais généraux',
            reason:
              'grille audiovisuelle : les frais généraux y sont un forfait (accord du 19 février 2016), pas un plafond',
          },
        ]),
      );
    }
    expect(auditJson('serie-episodes').file.recognition?.devis?.audiovisual).toBe(true);
  });

  it('reads a trésorerie by month: a total that is not the sum of its rows, at its cell, with the gap', () => {
    const { file } = auditJson('plan-et-tresorerie');
    const f = file.findings.find((x) => x.messageId === 'cash-month-total');
    expect(plain(f?.message ?? '')).toMatch(
      /^Trésorerie, total décaissements de mars 2027 : .* affichés, mais la somme de ses 10 lignes fait .* \(écart 1 500,00 €\)\.$/,
    );
    expect(file.recognition?.deliverables.find((d) => d.label === 'trésorerie')?.read).toBe(
      'lu : 6 mois (janv. 2027 à juin 2027), 2 blocs avec leur total',
    );
  });

  it('reads a plan de financement below the devis: its gap with the devis, at its total', () => {
    const { file } = auditJson('court-metrage-financement');
    const f = file.findings.find((x) => x.messageId === 'financing-unbalanced');
    expect(plain(f?.message ?? '')).toBe(
      'Plan de financement déséquilibré : écart de -5 000,00 € avec le devis.',
    );
    expect(file.recognition?.deliverables.find((d) => d.label === 'plan de financement')?.read).toBe(
      'lu : 5 sources, total en Court métrage!F54',
    );
  });
});

describe('a plan de financement built by hand, checked as ours', () => {
  it('counts its sources: three where the référentiels ask for five, at its total', async () => {
    const wb = handmadeWorkbook('avec-financement');
    const plan = wb.getWorksheet('Plan de financement');
    if (!plan) throw new Error('pas de plan');
    // Keep three sources; the last one takes what the two removed gave, so the plan still covers the devis.
    const amount = (r: number): number => Number(plan.getCell(`B${r}`).value);
    plan.getCell('B5').value = amount(5) + amount(6) + amount(7);
    plan.spliceRows(6, 2);
    const total = plan.getCell('B6');
    total.value = { formula: 'SUM(B3:B5)', result: amount(3) + amount(4) + amount(5) };
    const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-plan-'));
    const file = join(dir, 'plan.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await audit(await XlsxReader.open(file), 'tous');
    const few = report.findings.filter((f) => f.messageId === 'financing-few-sources');
    expect(
      few.map((f) => [f.location?.sheet, f.location?.address, plain(renderMessage(f.messageId, f.data))]),
    ).toEqual([['Plan de financement', 'B6', '3 sources de financement : au moins 5 sont attendues.']]);
    expect(report.findings.filter((f) => f.messageId === 'financing-unbalanced')).toEqual([]);
  });
});

describe('deliverables found by name but not readable', () => {
  it('says a deliverable sheet is empty, and a sheet named like a devis has no header line', async () => {
    const wb = new ExcelJS.Workbook();
    const budget = wb.addWorksheet('Budget');
    budget.getCell('A1').value = 'Budget du film — à faire';
    budget.getCell('B3').value = 12000;
    wb.addWorksheet('Récap');
    const plan = wb.addWorksheet('Plan de financement');
    plan.getCell('A1').value = null;
    const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-livrables-'));
    const file = join(dir, 'classeur.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await audit(await XlsxReader.open(file), 'tous');
    expect(report.recognition?.devis).toBeNull();
    const plain = (t: string): string => t.replace(/[\u202f\u00a0]/g, ' ');
    expect(report.findings.filter((f) => f.location === null).map((f) => plain(f.message))).toEqual([
      'La feuille « Budget » porte un nom de devis, mais aucune ligne d’en-têtes (code ou libellé, et montant) dans ses 40 premières lignes : le devis n’est pas lu.',
      'Récapitulatif : la feuille « Récap » est là, mais vide.',
      'Plan de financement : la feuille « Plan de financement » est là, mais vide.',
      'Pas de trésorerie dans ce classeur.',
      'Pas de bilan carbone dans ce classeur.',
    ]);
    if (!report.recognition) throw new Error('pas de reconnaissance');
    expect(recognitionLines(report.recognition).at(-1)).toBe(
      '  Autres livrables : récapitulatif (feuille « Récap », vide) ; plan de financement (feuille « Plan de financement », vide) ; trésorerie absent ; bilan carbone absent ; suivi des dépenses absent.',
    );
  });
});
