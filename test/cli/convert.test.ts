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

/** The source's total when its chapters add up (the layouts without a planted total fault). */
const CONSISTENT = ['code-libelle-une-colonne', 'avec-financement'];

describe('devis-cnc convertir', () => {
  it.each(Object.keys(LAYOUTS))(
    '%s: a live workbook LibreOffice agrees with, the total kept',
    async (name) => {
      const source = join(DIR, `${name}.xlsx`);
      const before = hash(source);
      const target = join(out, `${name}.xlsx`);
      const run = cli(['convertir', source, '--out', target]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(hash(source)).toBe(before);
      const said = /Total général du nouveau classeur : (.+?€)/.exec(run.stdout)?.[1] ?? '';
      const { Devis_Total: total } = await namedValues(target, ['Devis_Total']);
      expect(total).toBeCloseTo(euros(said), 2);
      if (CONSISTENT.includes(name)) expect(run.stdout).toContain('— le même que la source');
      else expect(run.stdout).toMatch(/la source affiche .* \(écart /);
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
