import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { LAYOUTS } from '../support/handmade';
import {
  compareFormulaCells,
  namedValues,
  recalcProfile,
  recalcWithLibreOffice,
} from '../support/libreoffice';

/*
 * `devis-cnc convertir` on every layout of the hand-made corpus: a Devis CNC workbook that
 * LibreOffice recomputes to our cached values, whose total is the source's lines, frais généraux
 * and imprévus (the source's own total when it adds up), the source never touched.
 */
jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'handmade');
const out = mkdtempSync(join(tmpdir(), 'devis-cnc-convert-'));
const profile = recalcProfile();

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'devis-cnc.js'), ...args], { encoding: 'utf8' });
const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const euros = (s: string): number => Number(s.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.'));

/** The layouts whose totals add up (their planted mistakes are elsewhere): converted as they are. */
const CONSISTENT = [
  'code-libelle-une-colonne',
  'avec-financement',
  'anglais',
  'page-de-garde',
  'codes-points',
  'lignes-masquees',
  'topsheet-detail',
  'court-metrage-financement',
  'plan-et-tresorerie',
];
// sans-en-tetes: a chapter total typed above its lines — converted only with --ecart-accepte.

/** The gaps « D’où vient l’écart » lists, in euros. */
const explained = (stdout: string): number[] =>
  [...stdout.matchAll(/^ {4}.+ — .+\(écart (.+?€)\)$/gm)].map((m) => euros(m[1] ?? ''));

describe('devis-cnc convertir', () => {
  it.each(Object.keys(LAYOUTS))(
    '%s: the total kept to the cent, or nothing written and the gap explained; LibreOffice agrees',
    async (name) => {
      const source = join(DIR, `${name}.xlsx`);
      const before = hash(source);
      const target = join(out, `${name}.xlsx`);
      const first = cli(['convertir', source, '--out', target]);
      const consistent = CONSISTENT.includes(name);
      if (consistent) {
        expect(first.stderr).toBe('');
        expect(first.status).toBe(0);
        expect(first.stdout).toContain('— le même que la source');
      } else {
        // A source whose shown totals do not follow its lines: nothing written, exit 1, and the
        // gap explained to the cent by the totals at fault.
        expect(first.status).toBe(1);
        expect(existsSync(target)).toBe(false);
        expect(first.stderr).toMatch(/^Rien n’a été écrit : le total repris des lignes/);
        const [mine, shown] = [
          /Total général du nouveau classeur : (.+?€)/.exec(first.stdout)?.[1] ?? '',
          /la source affiche (.+?€)/.exec(first.stdout)?.[1] ?? '',
        ].map(euros);
        const gaps = explained(first.stdout);
        expect(gaps.length).toBeGreaterThan(0);
        expect(first.stdout).not.toContain('que la lecture n’explique pas');
        expect(gaps.reduce((a, b) => a + b, 0)).toBeCloseTo((shown ?? 0) - (mine ?? 0), 2);
      }
      const run = consistent ? first : cli(['convertir', source, '--out', target, '--ecart-accepte']);
      expect(run.status).toBe(consistent ? 0 : 1);
      expect(hash(source)).toBe(before);
      const said = /Total général du nouveau classeur : (.+?€)/.exec(run.stdout)?.[1] ?? '';
      const { Devis_Total: total } = await namedValues(target, ['Devis_Total']);
      expect(total).toBeCloseTo(euros(said), 2);
      const recomputed = recalcWithLibreOffice(target, join(out, 'lo'), profile);
      const { formulaCells, mismatches } = await compareFormulaCells(target, recomputed);
      expect(formulaCells).toBeGreaterThan(500);
      expect(mismatches).toEqual([]);
      // The converted devis audits without a structural error of its own: nine chapters, known codes.
      const audit = cli(['audit', target, '--referentiel', 'rncp40642', '--format', 'json']);
      const report = JSON.parse(audit.stdout) as { files: { findings: { messageId: string }[] }[] };
      const ids = report.files[0]?.findings.map((f) => f.messageId) ?? [];
      expect(ids.filter((m) => /devis-chapter-missing|devis-code-unknown|line-amount/.test(m))).toEqual([]);
    },
  );

  it('puts a line back in the chapter of its code and says so', () => {
    const run = cli([
      'convertir',
      join(DIR, 'code-libelle-une-colonne.xlsx'),
      '--out',
      join(out, 'deplacee.xlsx'),
    ]);
    expect(run.stdout).toContain(
      'Lignes rangées dans le chapitre de leur code : 1 : « Costumes » (Budget!A18) chapitre 4 → 5',
    );
  });

  it('never writes over the source nor an existing file, and refuses what it cannot convert', async () => {
    const source = join(DIR, 'milliers.xlsx');
    const same = cli(['convertir', source, '--out', source]);
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('Le nouveau classeur ne peut pas remplacer la source.');
    const existing = join(out, 'existe.xlsx');
    writeFileSync(existing, 'à garder');
    const refused = cli(['convertir', source, '--out', existing]);
    expect(refused.status).toBe(2);
    expect(readFileSync(existing, 'utf8')).toBe('à garder');
    // Our own workbook: nothing to convert.
    const ours = join(out, 'notre.xlsx');
    expect(cli(['new', '--out', ours]).status).toBe(0);
    const own = cli(['convertir', ours, '--out', join(out, 'x.xlsx')]);
    expect([own.status, own.stderr.trim()]).toEqual([
      2,
      'Ce classeur est déjà au modèle Devis CNC : rien à convertir.',
    ]);
    // A workbook with no devis in it.
    const empty = join(out, 'vide.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'Rien ici';
    await wb.xlsx.writeFile(empty);
    const none = cli(['convertir', empty, '--out', join(out, 'y.xlsx')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Pas de devis reconnu dans ce classeur/);
    expect(existsSync(join(out, 'y.xlsx'))).toBe(false);
    // A budget sheet with its headers and no line under them: no empty 0,00 € devis written.
    const bare = join(out, 'sans-lignes.xlsx');
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet('Budget');
    ws.addRow(['Code', 'Désignation', 'Qté', 'Tarif', 'Total']);
    ws.addRow([null, 'À compléter', null, null, null]);
    await b.xlsx.writeFile(bare);
    const noLine = cli(['convertir', bare, '--out', join(out, 'z.xlsx')]);
    expect(noLine.status).toBe(2);
    expect(noLine.stderr.trim()).toBe(
      'Aucune ligne de devis lue dans la feuille « Budget » (en-têtes trouvés, mais pas de ligne avec un code et un montant dessous) : rien n’a été écrit.',
    );
    expect(existsSync(join(out, 'z.xlsx'))).toBe(false);
  });

  it('converts into the audiovisual grid for a series: chapter 10 holds the frais généraux and imprévus', async () => {
    const source = join(DIR, 'avec-financement.xlsx');
    const target = join(out, 'serie.xlsx');
    const run = cli(['convertir', source, '--out', target, '--format', 'serie']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('nomenclature cnc-audiovisuel');
    expect(run.stdout).toContain('— le même que la source');
    const { Devis_Total: total } = await namedValues(target, ['Devis_Total']);
    expect(total).toBe(610512);
    const recomputed = recalcWithLibreOffice(target, join(out, 'lo-serie'), profile);
    expect((await compareFormulaCells(target, recomputed)).mismatches).toEqual([]);
  });
});
