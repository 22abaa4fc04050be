import { fuzzAudit, fuzzOnce, violations } from '../support/fuzzAudit';

/* A short fuzz run of the audit in every `npm test`; `npm run fuzz -- --runs N` runs longer. */
jest.setTimeout(300_000);

it('audits 40 mutated example workbooks: no crash, same report twice, findings located, file untouched', async () => {
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

it('audits a workbook without its Devis, and one with #REF! in a line, without a crash', async () => {
  expect(await fuzzOnce('serie', [{ kind: 'deleteSheet', sheet: 1 }])).toEqual([]);
  expect(
    await fuzzOnce('long-metrage', [{ kind: 'set', sheet: 1, row: 6, col: 8, value: { error: '#REF!' } }]),
  ).toEqual([]);
});

it('reports what breaks a property (a report that names a cell that does not exist)', () => {
  const report = {
    referentiel: 'tous',
    rules: 1,
    counts: { erreur: 1, avertissement: 0, info: 0 },
    checklist: [],
    findings: [
      {
        ruleId: 'devis-line-amount',
        messageId: 'line-amount',
        data: {},
        severity: 'erreur' as const,
        location: { sheet: 'Devis', address: 'H0' },
        message: '',
        criteria: [],
        title: '',
      },
    ],
  };
  expect(violations(report, report, 'a', 'b')).toEqual([
    'adresse invalide {"sheet":"Devis","address":"H0"} (devis-line-amount)',
    'le contrôle a modifié le classeur',
  ]);
});
