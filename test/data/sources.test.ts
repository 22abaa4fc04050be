import ExcelJS from 'exceljs';
import { allFactors, describeSource } from '../../src/domain/carbon/factors';
import { FORMATS } from '../../src/domain/facts/facts';
import { exampleBudget, exampleParameters } from '../../src/domain/budget/templates';
import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { carbonCsv } from '../../src/workbook/carbonCsv';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';

/*
 * What a user reads as a source is a public reference (text and article, Base Carbone id), never
 * a file of ours, a repository, a package or a commit.
 */
const NOT_PUBLIC = /shared\/|\.md\b|\.tsx?\b|\.json\b|github|npm|@incubateur|publicodes|HEAD [0-9a-f]{7}|\b[0-9a-f]{7,40}\b|\[(V|V2|R)\]/;

describe.each(FORMATS)('%s example', (format) => {
  const { plan } = buildScaffoldPlan({ format, budget: exampleBudget(format), production: exampleParameters(format), financing: 'exemple', carbon: 'exemple' });

  it('shows no note file, repository, package, commit or mark letter in any cell', () => {
    const offending = plan.sheets.flatMap((s) =>
      s.cells
        .map((c) => ({ where: `${s.name}!${c.address}`, text: typeof c.value === 'string' ? c.value : typeof c.result === 'string' ? c.result : '' }))
        .filter((c) => NOT_PUBLIC.test(c.text)),
    );
    expect(offending).toEqual([]);
  });

  it('exports a carbon CSV without them', async () => {
    const wb = new ExcelJS.Workbook();
    await new XlsxPort(wb).applyPlan(plan);
    const { csv, rows } = await carbonCsv(new XlsxPort(wb));
    expect(rows).toBeGreaterThan(5);
    expect(csv.split('\r\n').filter((l) => NOT_PUBLIC.test(l))).toEqual([]);
  });
});

it('says, for each emission factor the tool derived, how and from which published factors', () => {
  const derived = allFactors().filter((f) => f.source === 'derived');
  expect(derived.map((f) => f.key)).toEqual(['taxi', 'truck.rigid.vehicle_km', 'coach.vehicle_km', 'generator.diesel.kwh', 'hvo100.litre', 'gas.natural.kwh_pci', 'paper.ream_a4']);
  // Each names a Base Carbone id or the ADEME source it starts from; none points to a note the user cannot see.
  expect(derived.filter((f) => !/^Calcul de l'outil : .*(Base Carbone® id \d+|ADEME)/.test(describeSource(f)) || /ci-dessus|en note/.test(describeSource(f)))).toEqual([]);
  expect(describeSource(derived[6]!)).toBe("Calcul de l'outil : 2,5 kg × papier moyen, 0,919 kgCO2e/kg (Base Carbone® id 24309) — millésime 2015 — NON VÉRIFIÉ");
});
