import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { renderMessage } from '../../src/rules/messages';
import { type Case, r, one, snap, sheet, day, found, devis, DEFINITIVE_SHORT } from './tables/support';

/*
 * A valid / invalid table per rule, over small in-memory snapshots: one file per rule in
 * test/rules/tables/ (named by the rule's id), found here — a new rule's table is a new file.
 */
/** A table file's cases (jest compiles it on require). */
const casesOf = (file: string): Case[] =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, 'tables', file)) as { cases: Case[] }).cases;
const FILES = readdirSync(join(__dirname, 'tables'))
  .filter((f) => f !== 'support.ts' && f.endsWith('.ts'))
  .sort()
  .map((f) => [f.replace(/\.ts$/, ''), casesOf(f)] as const);
const TABLES: Case[] = FILES.flatMap(([, cases]) => cases);

it('names each table file after the rule its cases check, a rule of the registry', () => {
  const ids = new Set(RULES.map((x) => x.meta.id));
  for (const [file, cases] of FILES) {
    expect(ids.has(file)).toBe(true);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.filter(([id]) => id !== file)).toEqual([]);
  }
});

describe.each(TABLES)('%s', (id, snapshot, expected) => {
  it(`gives ${expected.length ? expected.join(', ') : 'no finding'}`, () => {
    expect(found(id, snapshot)).toEqual(expected);
  });
});

describe('every finding is located', () => {
  // Every rule over every snapshot of the tables and over an empty workbook: a finding without a
  // cell must be one its rule declares workbook-level (meta.unlocated), with the reason.
  const snapshots = [...TABLES.map(([, s]) => s), snap({})];
  it.each(RULES.map((x) => [x.meta.id, x] as const))('%s', (_id, rule) => {
    const unlocated = rule.meta.unlocated ?? {};
    for (const reason of Object.values(unlocated)) expect(reason.length).toBeGreaterThan(20);
    for (const s of snapshots) {
      for (const f of runRules([rule], s)) {
        if (f.location) {
          expect(f.location.sheet).not.toBe('');
          expect(f.location.address).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        } else
          expect([f.messageId, Object.keys(unlocated)]).toEqual([
            f.messageId,
            expect.arrayContaining([f.messageId]),
          ]);
      }
    }
  });
});

it('covers every registered rule with a table', () => {
  // Derived, not typed: the rules of the tables above, and those whose tests live in another file
  // (each named there by its id, with a finding expected).
  const elsewhere: Record<string, string> = {
    'carbon-categories': 'test/rules/rules.test.ts',
    'carbon-decors-ratio': 'test/rules/rules.test.ts',
    'carbon-reduction-measures': 'test/rules/rules.test.ts',
    'carbon-previsionnel-definitif': 'test/rules/rules.test.ts',
    'model-invariants': 'test/model/invariants.libreoffice.test.ts',
  };
  const covered = new Set(TABLES.filter(([, , expected]) => expected.length > 0).map(([id]) => id));
  for (const [id, file] of Object.entries(elsewhere)) {
    const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
    if (text.includes(`'${id}'`) && /toContainEqual|toEqual/.test(text)) covered.add(id);
  }
  expect(RULES.map((x) => x.meta.id).filter((id) => !covered.has(id))).toEqual([]);
});

it("renders each finding inside its rule's guard: a message that cannot render is that rule's crash, the others go on", () => {
  const broken = {
    meta: { ...RULES[0]!.meta, id: 'broken-rule' },
    check(ctx: Parameters<(typeof RULES)[number]['check']>[0]) {
      // A message id the catalogue does not have, as a rule written without the compiler would.
      (ctx.report as (id: string, data: object, at: null) => void)('no-such-message', {}, null);
    },
  };
  const s = snap({ Fin_NbBonusRSE: one('P', 'C18', 0) });
  const findings = runRules([broken, ...RULES.filter((x) => x.meta.id === 'financing-rse-bonus')], s);
  expect(findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
    [
      'broken-rule',
      'rule-crashed',
      renderMessage('rule-crashed', { detail: 'Message inconnu : no-such-message' }),
    ],
    ['financing-rse-bonus', 'financing-no-rse', renderMessage('financing-no-rse', {})],
  ]);
});

it('tells a partial définitif with how many postes are left and the first one', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'carbon-previsionnel-definitif'),
    snap({
      Carbone_TotalPrev: one('Bilan carbone', 'B17', 53940.2),
      Carbone_TotalDef: one('Bilan carbone', 'D17', 10412.5),
      Carbone_Lignes: r('Bilan carbone', 'A21', [
        ['Décors', 'Construction (k€)', 'k', 350, 'u', 85, 0.35, 10412.5, 85, 10412.5, 's', ''],
        ['Transports', 'Équipe en TGV', 'k', 0.00293, 'u', 460, 120, 161.7, null, 0, 's', ''],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' '))).toEqual([
    'Bilan définitif partiel : 1 des 2 postes chiffrés au prévisionnel n’a pas encore de quantité définitive (dont « Équipe en TGV ») : complétez-les d’après les consommations réelles.',
  ]);
});

it('tells what the measures leave uncovered, with the updated need and its month', () => {
  const [f] = runRules(
    RULES.filter((x) => x.meta.id === 'cashflow-actual'),
    snap({
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', -35_384.07),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 35_384.07),
    }),
  );
  expect(f && renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
    'Trésorerie réelle : après les mesures tirées et celles que la Trésorerie prévoit encore, le solde actualisé descend à -35 384,07 € ; il manque 35 384,07 € que les mesures ne couvrent plus (besoin actualisé avant mesures : 1 235 412,60 €, au plus bas en septembre 2027).',
  );
});

it('tells the tax credit définitif below the plan with both amounts, and the intensity on the coût définitif', () => {
  const found = runRules(
    RULES.filter((x) => x.meta.id === 'closing-definitive'),
    DEFINITIVE_SHORT,
  );
  expect(
    found.map((f) => [f.severity, renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')]),
  ).toEqual([
    [
      'avertissement',
      'Crédit d’impôt définitif de 630 000,00 € sur les dépenses réelles : 23 220,54 € de moins que les 653 220,54 € du plan de financement ; le financement définitif retient le définitif, et ce qu’un préfinancement a avancé au-delà se rembourse.',
    ],
    [
      'erreur',
      'Aides publiques de 1 203 220,54 € : 63,3 % du coût définitif (1 900 000,00 €), au-delà du plafond de 60 % : l’intensité se vérifie aussi au coût définitif.',
    ],
  ]);
});

it('tells a TTC that is not HT + TVA with the three amounts, in euros to the cent', () => {
  const [f] = runRules(
    RULES.filter((x) => x.meta.id === 'expenses-ledger'),
    snap({
      Dep_Lignes: r('Dépenses', 'A5', [
        [
          null,
          'F-1',
          'Quais',
          'Facture',
          '1.1',
          'Option',
          15000,
          825,
          15826,
          'Payé',
          null,
          null,
          'Oui',
          'F-1',
        ],
      ]),
      Dep_Codes: r('Dépenses', 'P5', [['1.1']]),
    }),
  );
  expect(f && renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
    'Dépense F-1 : TTC 15 826,00 € au lieu de HT 15 000,00 € + TVA 825,00 € = 15 825,00 €.',
  );
});

it('tells the protocol overshoot in euros, with the base and the gap', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'devis-protocol-caps'),
    snap({
      Devis_FraisGeneraux: one('Devis', 'H151', 184568.51),
      Devis_RemunProducteur: one('Devis', 'H156', 100000),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Frais généraux de 184 568,51 € (7,5 % de la base) au-dessus du plafond de 7,0 % : 171 688,51 € sur une base de 2 452 693,00 € (coût hors frais généraux, rémunération du producteur et frais financiers ; Protocole du 16/12/2010 art. 2.12). Dépassement : 12 880,00 €.',
  ]);
});

it('names the sequences a plan day shoots and the dépouillement does not list', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'breakdown-scenes'),
    snap({
      Depou_Sequences: r('Dépouillement', 'A6', [
        ['1', 'Port', 'EXT', 'Jour', 8, 1, 'Léa', 0, '', '', '', '', 1],
      ]),
      PdT_Jours: r('Plan de travail', 'A11', [
        [
          1,
          day(2027, 4, 26),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1, 4,5',
          'Léa',
          0,
          0.3,
          0.7,
          1,
          9,
          '',
          1,
        ],
        [
          2,
          day(2027, 4, 27),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1, 7',
          'Léa',
          0,
          0.3,
          0.7,
          1,
          9,
          14,
          2,
        ],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Journée du 26/04/2027 : le dépouillement ne liste pas les séquences 4, 5 — dépouillez ce que le plan tourne ou corrigez le numéro.',
    'Journée du 27/04/2027 : le dépouillement ne liste pas la séquence 7 — dépouillez ce que le plan tourne ou corrigez le numéro.',
  ]);
});

it('tells a cue sheet’s devis line short of the rights it charges to it, in euros', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'cue-sheet'),
    snap({
      Devis_Lignes: devis(),
      Cue_Lignes: r('CUE sheet', 'A8', [
        [
          '1M1',
          'Chanson',
          0,
          60 / 86400,
          60,
          'Visuelle',
          'Préexistante',
          'A',
          'B',
          'C',
          'Acquis',
          750.5,
          '5.1',
        ],
        [
          '1M2',
          'Chanson',
          60 / 86400,
          90 / 86400,
          30,
          'Visuelle',
          'Préexistante',
          'A',
          'B',
          'C',
          'Acquis',
          300,
          '5.1',
        ],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Ligne 5.1 du devis (Ligne) : 1 000,00 € au devis pour 1 050,50 € de droits imputés par la CUE sheet ; il manque 50,50 €.',
  ]);
});

it('tells a line amount of a devis in k€ in euros', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'devis-line-amount'),
    snap(
      {},
      {
        devis: sheet('Budget', [
          ['Budget du court métrage (k€)'],
          ['Compte', 'Désignation', 'Qté', 'Nb', 'Tarif', 'Total'],
          ['1 - DROITS ARTISTIQUES', null, null, null, null, null],
          ['1.2', 'Musique', 10, 1, 1.2345, 12.5],
        ]),
      },
    ),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Montant 12 500,00 € au lieu de quantité × nombre × taux = 12 350,00 €.',
  ]);
});
