import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encrypt } from 'officecrypto-tool';
import { main } from '../../src/cli/main';
import { inspectWorkbookFile } from '../../src/workbook/xlsx/fileKind';
import { editWithLibreOffice, recalcProfile } from '../support/libreoffice';

/*
 * Files people hand in that are not an .xlsx we can read: each gets its real cause in one line of
 * French and exit 2, never a stack trace, and stays untouched. The .xls and .ods files are written
 * by LibreOffice, the protected one is encrypted as Excel encrypts a workbook saved with a password.
 */
jest.setTimeout(240_000);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}
const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-files-'));
const profile = recalcProfile();
const example = join(dir, 'exemple.xlsx');
const as = (name: string, filter: string): string =>
  editWithLibreOffice(example, join(dir, name), [{ op: 'store', filter }], profile);

let files: Record<string, string> = {};

beforeAll(async () => {
  expect(
    await main(['new', '--out', example, '--format', 'court-metrage'], {
      out: () => undefined,
      err: () => undefined,
    }),
  ).toBe(0);
  const truncated = join(dir, 'en-cours.xlsx');
  const bytes = readFileSync(example);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const csv = join(dir, 'releve.xlsx');
  writeFileSync(csv, 'Code;Libellé;Montant\n2.4.1;Chef opérateur;31 500,00\n');
  const folder = join(dir, 'dossier.xlsx');
  mkdirSync(folder);
  // Encrypted as Excel does when a workbook is saved with a password (ECMA-376 agile encryption).
  const protectedCopy = join(dir, 'protege.xlsx');
  writeFileSync(protectedCopy, encrypt(readFileSync(example), { password: 'secret' }));
  files = {
    protected: protectedCopy,
    xls: as('ancien.xlsx', 'MS Excel 97'),
    ods: as('libre.xlsx', 'calc8'),
    truncated,
    csv,
    folder,
  };
});

describe('devis-cnc audit names the real cause of an unreadable file', () => {
  it.each([
    ['protected', 'classeur protégé par mot de passe : enregistrez-le sans mot de passe'],
    ['xls', 'format .xls (Excel 97-2003) : enregistrez-le en .xlsx'],
    ['ods', 'format OpenDocument (.ods, LibreOffice) : enregistrez-le en .xlsx'],
    ['csv', 'fichier texte (CSV ?) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le en .xlsx'],
    [
      'truncated',
      'classeur .xlsx incomplet ou corrompu (est-il encore en cours d’écriture par un autre programme ?)',
    ],
  ])('%s: exit 2, one line, file untouched', async (kind, cause) => {
    const file = files[kind] ?? '';
    const before = kind === 'folder' ? '' : hash(file);
    const c = capture();
    expect(await main(['audit', file], c.io)).toBe(2);
    expect(c.err).toEqual([`Illisible : ${file} — ${cause}.`]);
    if (kind !== 'folder') expect(hash(file)).toBe(before);
  });

  it('says a folder without a workbook holds none: exit 2', async () => {
    const c = capture();
    expect(await main(['audit', files.folder ?? ''], c.io)).toBe(2);
    expect(c.err[0]).toBe(`Erreur : Aucun classeur .xlsx dans le dossier « ${files.folder ?? ''} ».`);
  });

  it('reads the example itself (a zip that is an .xlsx) without a problem', () => {
    expect(inspectWorkbookFile(example)).toBeNull();
  });
});
