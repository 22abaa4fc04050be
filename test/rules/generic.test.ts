import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { editWithLibreOffice, recalcProfile } from '../support/libreoffice';
import { isLinkFormula } from '../../src/rules/grid';

/*
 * The generic spreadsheet-risk checks on real files: the example, then copies mutated as a person
 * would (in LibreOffice, which recalculates; or in exceljs, keeping a cached value that looks
 * fine), audited through `devis-cnc audit`, each finding at its exact address.
 */
jest.setTimeout(300_000);

const GENERIC = [
  'formula-inconsistent',
  'formula-short-range',
  'formula-undefined-name',
  'derived-out-of-bounds',
  'params-coherence',
];

interface JsonFinding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: string;
  sheet: string | null;
  address: string | null;
}

async function generic(file: string): Promise<{ code: number; found: string[]; messages: string[] }> {
  const out: string[] = [];
  const code = await main(['audit', file, '--format', 'json'], {
    out: (l) => out.push(l),
    err: () => undefined,
  });
  const parsed = JSON.parse(out.join('\n')) as { files: { findings?: JsonFinding[] }[] };
  const findings = (parsed.files[0]?.findings ?? []).filter((f) => GENERIC.includes(f.ruleId));
  return {
    code,
    // A short total inside a table the model knows is an erreur (marked « ! »), elsewhere a warning.
    found: findings
      .map(
        (f) =>
          `${f.messageId}@${f.sheet}!${f.address}${f.ruleId === 'formula-short-range' && f.severity === 'erreur' ? '!' : ''}`,
      )
      .sort(),
    messages: findings.map((f) => f.message.replace(/[\u202f\u00a0]/g, ' ')),
  };
}

const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('generic spreadsheet-risk checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-generic-'));
  const example = join(dir, 'exemple.xlsx');
  const silent = { out: () => undefined, err: () => undefined };

  beforeAll(async () => {
    expect(await main(['new', '--out', example, '--exemple'], silent)).toBe(0);
  });

  it('find nothing in the example, which still audits with exit 0', async () => {
    expect(await generic(example)).toEqual({ code: 0, found: [], messages: [] });
  });

  it('find an inconsistent formula, a typed value, a short total, a negative dont France, an étranger above its amount and an undefined name, each at its cell', async () => {
    const mutated = editWithLibreOffice(
      example,
      join(dir, 'mutated.xlsx'),
      [
        { op: 'formula', sheet: 'Devis', cell: 'H22', formula: '=ROUND(D22*F22;2)' },
        { op: 'set', sheet: 'Devis', cell: 'H27', value: 45000 },
        { op: 'formula', sheet: 'Devis', cell: 'H16', formula: '=SUBTOTAL(9;H5:H13)' },
        // H32 = 8 × 1 × 2 000 = 16 000: 100 € more abroad than the line costs.
        { op: 'set', sheet: 'Devis', cell: 'J32', value: 16100 },
        { op: 'formula', sheet: 'Récapitulatif', cell: 'C5', formula: '=Devis_Poste1_Ancien' },
      ],
      recalcProfile(),
    );
    const before = hash(mutated);
    const result = await generic(mutated);
    expect(result.found).toEqual([
      'derived-foreign-above@Devis!J32',
      'derived-negative@Devis!I32',
      'formula-inconsistent@Devis!H22',
      'formula-short-range-block@Devis!H16!',
      'formula-typed-value@Devis!H27',
      'formula-undefined-name@Récapitulatif!C5',
    ]);
    expect(result.messages).toEqual(
      expect.arrayContaining([
        'Formule différente de ses voisines : =ROUND(D22*F22,2) ; la colonne (ou la ligne) attend =ROUND(D22*F22*G22,2). Recopiez la formule voisine ou expliquez l’exception.',
        'Valeur saisie « 45000 » au milieu de formules : la colonne (ou la ligne) attend =ROUND(D27*F27*G27,2), qui se recalcule.',
        'Le total =SUBTOTAL(9,H5:H13) du devis laisse de côté la cellule H14 (4500) : il ne compte pas toutes les lignes de son bloc, le total est faux.',
        '« dont France » négatif (-100,00 €) : une part d’un montant ne peut pas être négative.',
        'Dépense à l’étranger (16 100,00 €) supérieure au montant de la ligne (Montant : 16 000,00 €).',
        // LibreOffice writes a name it does not know in lower case.
        'La formule =devis_poste1_ancien utilise un nom qui n’existe pas dans le classeur (devis_poste1_ancien) : Excel affichera #NOM? au prochain calcul.',
      ]),
    );
    expect(result.code).toBe(1);
    expect(hash(mutated)).toBe(before);
  });

  it('tell a link to workbook names from a formula copied down and broken', () => {
    expect(
      [
        'SUM(PdT_Couverts)',
        'COUNTIF(PdT_Lieux,"Lille")',
        'SUMPRODUCT(--(PdT_QuantitesCodes="7.1"),PdT_EnPlus)',
        'Param_Taux*2',
      ].map(isLinkFormula),
    ).toEqual([true, true, true, true]);
    expect(
      ['B5*C5', '1200', 'SUM($B$5:$B$9)', "'Plan de travail'!B5", 'IF(A1="x",Param_Titre,"")', 'TRUE'].map(
        isLinkFormula,
      ),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('find an undefined name even when the cached value looks fine', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(example);
    // Written by a program that kept the last result: 2 953 096,16 €, as if the name still existed.
    wb.getWorksheet('Récapitulatif')!.getCell('C14').value = { formula: 'Devis_Totl', result: 2953096.16 };
    const file = join(dir, 'cached.xlsx');
    await wb.xlsx.writeFile(file);
    const result = await generic(file);
    expect(result.found).toEqual(['formula-undefined-name@Récapitulatif!C14']);
  });

  it('find Paramètres dates out of order and durations that contradict them', async () => {
    const mutated = editWithLibreOffice(
      example,
      join(dir, 'dates.xlsx'),
      [
        // Shooting ends (1 April) before it starts (26 April); 40 weeks of préparation where
        // 8 separate its start from the shoot; frais généraux typed as 150 %.
        { op: 'formula', sheet: 'Paramètres', cell: 'B15', formula: '=DATE(2027;4;1)' },
        { op: 'set', sheet: 'Paramètres', cell: 'B9', value: 40 },
        { op: 'set', sheet: 'Paramètres', cell: 'B32', value: 1.5 },
      ],
      recalcProfile(),
    );
    const result = await generic(mutated);
    expect(result.found).toEqual([
      'params-date-order@Paramètres!B15',
      'params-prep-weeks@Paramètres!B9',
      'params-rate-bounds@Paramètres!B32',
    ]);
    expect(result.messages).toEqual([
      'Date de fin du tournage (01/04/2027) antérieure à la date de début du tournage (26/04/2027).',
      '40 semaines de préparation alors que 8 semaines séparent le début de la préparation du début du tournage.',
      'Le taux de frais généraux vaut 150 % : un taux est compris entre 0 et 100 %.',
    ]);
  });
});
