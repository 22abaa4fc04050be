import { boundingReference } from '../../src/sheets/model/plan';
import { fuzzAudit, fuzzOnce, fuzzRandom, violations } from '../support/fuzzAudit';

/* A short fuzz run of the audit in every `npm test`; `npm run fuzz -- --runs N` runs longer. */
jest.setTimeout(300_000);

it('audits 40 mutated and random workbooks: no crash, same report twice and through exceljs, findings located, file untouched', async () => {
  await expect(fuzzAudit(40)).resolves.toEqual({ runs: 40, seed: undefined });
});

it('leaves the workbook as it was when its Devis is renamed and rows are deleted (found by the fuzzer at run 1 826)', async () => {
  const mutations = [
    { kind: 'deleteRows', sheet: 4, row: 1, count: 2 },
    { kind: 'renameSheet', sheet: 1, name: 'Budget' },
    { kind: 'deleteRows', sheet: 0, row: 1, count: 1 },
  ] as const;
  expect(await fuzzOnce('long-metrage', [...mutations])).toEqual([]);
});

it('locates the producer fee read from several lines of a sheet taken as a hand-made devis (found by the fuzzer, seed 1375333124)', async () => {
  // Our Devis deleted: another sheet is read as a devis built by hand, with two producer lines.
  const mutations = [
    { kind: 'deleteSheet', sheet: 1 },
    { kind: 'set', sheet: 0, row: 1, col: 1, value: new Date('1990-01-01T00:00:00.000Z') },
  ] as const;
  expect(await fuzzOnce('long-metrage', [...mutations])).toEqual([]);
});

it('reads a name split in two areas by an inserted row as the rectangle around them (found by the fuzzer)', async () => {
  // exceljs writes Devis_Lignes as "Devis!$A$4:$K$4,Devis!$A$6:$K$153" after a row is inserted at 5.
  expect(boundingReference('Devis!$A$4:$K$4,Devis!$A$6:$K$153')).toEqual({
    sheet: 'Devis',
    start: 'A4',
    end: 'K153',
  });
  expect(boundingReference("'Plan, v2'!$B$2,'Plan, v2'!$C$9")).toEqual({
    sheet: 'Plan, v2',
    start: 'B2',
    end: 'C9',
  });
  expect(boundingReference('Devis!$A$1,Récap!$A$1')).toBeNull();
  expect(await fuzzOnce('long-metrage', [{ kind: 'insertRows', sheet: 1, row: 5, count: 1 }])).toEqual([]);
});

it('audits a random workbook with a name on a missing sheet, unknown names and a LET formula', async () => {
  expect(
    await fuzzRandom({
      sheets: [
        {
          name: 'Budget prévisionnel',
          cells: [
            { row: 1, col: 1, value: 'Compte' },
            { row: 2, col: 1, value: { formula: 'Nom_Inconnu+1', result: 3 } },
            { row: 3, col: 1, value: { formula: 'LET(x,1,x+1)' } },
          ],
        },
      ],
      names: [{ name: 'Devis_Lignes', sheet: 3, ref: '$A$1:$L$60' }],
    }),
  ).toEqual([]);
});

it('names an empty deliverable sheet the same way through both readers (found by the fuzzer, seed 910209242)', async () => {
  // The streaming reader has no used range for an empty sheet; exceljs had one for a cell set to null.
  expect(
    await fuzzRandom({
      sheets: [
        { name: 'Récap', cells: [{ row: 1, col: 1, value: null }] },
        { name: 'Devis', cells: [] },
      ],
      names: [],
    }),
  ).toEqual([]);
});

it('audits a workbook without its Devis, and one with #REF! in a line, without a crash', async () => {
  expect(await fuzzOnce('serie', [{ kind: 'deleteSheet', sheet: 1 }])).toEqual([]);
  expect(
    await fuzzOnce('long-metrage', [{ kind: 'set', sheet: 1, row: 6, col: 8, value: { error: '#REF!' } }]),
  ).toEqual([]);
});

it('reports what breaks a property (a report that names a cell that does not exist)', () => {
  const report = {
    referentiel: 'tous',
    recognition: null,
    rules: 1,
    counts: { erreur: 1, avertissement: 0, info: 0 },
    checklist: [],
    criteriaWording: {},
    blank: false,
    title: null,
    findings: [
      {
        ruleId: 'devis-line-amount',
        messageId: 'line-amount' as const,
        data: {},
        severity: 'erreur' as const,
        location: { sheet: 'Devis', address: 'H0' },
        message: '',
        criteria: [],
        title: '',
        why: '',
        fix: '',
      },
    ],
  };
  expect(violations(report, report, 'a', 'b')).toEqual([
    'adresse invalide {"sheet":"Devis","address":"H0"} (devis-line-amount)',
    'le contrôle a modifié le classeur',
  ]);
});
