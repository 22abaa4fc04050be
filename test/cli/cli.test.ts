import { namedValues } from '../support/libreoffice';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('devis-cnc new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-cli-'));

  it('writes the example and prints the récapitulatif', async () => {
    const c = capture();
    const file = join(dir, 'sous', 'dossier', 'exemple.xlsx');
    expect(await main(['new', '--out', file, '--exemple'], c.io)).toBe(0);
    expect(existsSync(file)).toBe(true);
    const text = c.out.join('\n');
    expect(text).toContain(
      'Feuilles : Paramètres, Devis, Dépouillement, Plan de travail, Récapitulatif, Plan de financement, Trésorerie, Bilan carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, CUE sheet, Budget événement, Facteurs',
    );
    expect(text).toContain(
      'Total 3\u202f035\u202f291,62\u00a0€ pour 9 sources ; écart avec le devis 0,00\u00a0€ (équilibré)',
    );
    expect(text).toContain('intensité 39,6\u00a0% pour un plafond de 60,0\u00a0%');
    expect(text).toContain(
      'solde cumulé le plus bas -1\u202f204\u202f196,03\u00a0€ (septembre 2027) ; 14 mois en déficit',
    );
    expect(text).toContain(
      'TVA avancée sur les décaissements 166\u202f843,00\u00a0€, récupérée après 2 mois (Paramètres) : comprise dans les soldes',
    );
    expect(text).toContain(
      'avec 5 mesures : solde cumulé le plus bas 0,00\u00a0€, besoin non couvert 0,00\u00a0€ ; intérêts et frais estimés 37\u202f296,71\u00a0€',
    );
    expect(text).toContain(
      'Prévisionnel (mesures comprises) 53,44 tCO2e ; sans les mesures 63,54 tCO2e (effet des mesures 10,10 t)',
    );
    expect(text).toContain(
      'Plus gros postes : Décors et matériaux 21,16 t (39,6\u00a0%) ; Transports de personnes 9,25 t (17,3\u00a0%) ; Hébergement 8,62 t (16,1\u00a0%)',
    );
    expect(text).toMatch(/3\s+Interprétation\s+313\u202f360,00\u00a0€/);
    expect(text).toMatch(
      /TOTAL GÉNÉRAL\s+3\u202f035\u202f291,62\u00a0€\s+100,0\u00a0%\s+2\u202f999\u202f211,62\u00a0€\s+36\u202f080,00\u00a0€/,
    );
    expect(c.err).toEqual([]);
  });

  it('writes only the sheets asked for with --feuilles, and those their formulas read; the audit says the others are absent', async () => {
    const c = capture();
    const file = join(dir, 'musiques.xlsx');
    expect(await main(['new', '--out', file, '--exemple', '--feuilles', 'cue-sheet'], c.io)).toBe(0);
    // The devis's quantities are formulas on the plan de travail: it comes with the devis.
    expect(c.out).toContain('Feuilles : Paramètres, Devis, Plan de travail, CUE sheet');
    expect(c.out).toContain(
      '  dont, parce que les feuilles demandées les lisent : Paramètres, Devis, Plan de travail',
    );
    const a = capture();
    // No formula points to a sheet left out (formula-undefined-name would say so): no erreur.
    expect(await main(['audit', file, '--format', 'json'], a.io)).toBe(0);
    const findings = (
      JSON.parse(a.out.join('')) as {
        files: { findings: { messageId: string; severity: string; message: string }[] }[];
      }
    ).files[0]?.findings;
    expect(findings?.filter((f) => f.severity === 'erreur')).toEqual([]);
    expect(
      findings?.filter((f) => f.messageId === 'deliverable-missing').map((f) => [f.severity, f.message]),
    ).toEqual([
      ['info', 'Pas de récapitulatif dans ce classeur.'],
      ['info', 'Pas de plan de financement dans ce classeur.'],
      ['info', 'Pas de trésorerie dans ce classeur.'],
      ['info', 'Pas de bilan carbone dans ce classeur.'],
    ]);
    // The sheet's French name is understood too; a word that names no sheet is refused.
    const named = capture();
    expect(
      await main(
        ['new', '--out', join(dir, 'evt.xlsx'), '--feuilles', 'Budget événement, plan-de-financement'],
        named.io,
      ),
    ).toBe(0);
    // Blank: no plan de travail quantity in the devis, so none written.
    expect(named.out).toContain('Feuilles : Paramètres, Devis, Plan de financement, Budget événement');
    const bad = capture();
    expect(await main(['new', '--out', join(dir, 'x.xlsx'), '--feuilles', 'devis,musique'], bad.io)).toBe(2);
    expect(bad.err[0]).toContain('Feuille inconnue « musique » : choisissez parmi parametres, devis,');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('refuses to overwrite without --force, leaving the file untouched (exit 2)', async () => {
    const file = join(dir, 'existant.xlsx');
    writeFileSync(file, 'contenu de l’utilisateur');
    const before = hash(file);
    const c = capture();
    expect(await main(['new', '--out', file], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain("existe déjà : rien n'a été écrit. Ajoutez --force");
    expect(hash(file)).toBe(before);
  });

  it('overwrites with --force', async () => {
    const file = join(dir, 'force.xlsx');
    writeFileSync(file, 'ancien');
    expect(await main(['new', '--out', file, '--force', '--format', 'documentaire'], capture().io)).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [['new'], 'Indiquez le fichier à écrire avec --out'],
    [['new', '--out'], "L'option --out attend une valeur."],
    [['new', '--out', 'x.csv'], 'doit finir par .xlsx'],
    [['new', '--out', 'x.xlsx', '--format', 'clip'], 'Format inconnu « clip »'],
    [['new', '--out', 'x.xlsx', '--bavard'], 'Option inconnue « --bavard »'],
    [
      ['new', '--out', 'x.xlsx', '--nomenclature', 'cnc-1984'],
      'Nomenclature inconnue « cnc-1984 » : choisissez parmi cnc-classique, cnc-2018, cnc-audiovisuel.',
    ],
    [['audit-tout'], 'Commande inconnue « audit-tout »'],
  ])('%p is a usage error (exit 2): %s', async (argv, message) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(message);
  });

  it('refuses a grid that cannot be scaffolded with its reason (exit 2, nothing written)', async () => {
    const file = join(dir, 'cnc-2018.xlsx');
    const c = capture();
    expect(await main(['new', '--out', file, '--nomenclature', 'cnc-2018'], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(
      'La nomenclature cnc-2018 ne peut pas encore servir de modèle de devis : 20 postes sans libellé connu (12, 13, 16, 17, 41, 42…) ; chapitre 8 sans poste connu',
    );
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an example asked in another grid than its own (exit 2, nothing written)', async () => {
    const file = join(dir, 'serie-classique.xlsx');
    const c = capture();
    expect(
      await main(
        ['new', '--out', file, '--format', 'serie', '--nomenclature', 'classique', '--exemple'],
        c.io,
      ),
    ).toBe(2);
    expect(c.err.join('\n')).toContain('L’exemple Série est écrit dans la nomenclature cnc-audiovisuel');
    expect(existsSync(file)).toBe(false);
  });

  it('writes a blank série in the audiovisual grid, and a blank one in the grid asked for', async () => {
    const c = capture();
    expect(await main(['new', '--out', join(dir, 'serie-vierge.xlsx'), '--format', 'serie'], c.io)).toBe(0);
    expect(c.out[0]).toBe(
      `Classeur écrit : ${join(dir, 'serie-vierge.xlsx')} (Série, nomenclature cnc-audiovisuel)`,
    );
    const d = capture();
    expect(
      await main(
        [
          'new',
          '--out',
          join(dir, 'serie-cinema.xlsx'),
          '--format',
          'serie',
          '--nomenclature',
          'cnc-classique',
        ],
        d.io,
      ),
    ).toBe(0);
    expect(d.out[0]).toContain('(Série, nomenclature cnc-classique)');
  });

  it('says clearly when the file cannot be written (exit 2)', async () => {
    const blocker = join(dir, 'fichier-ordinaire');
    writeFileSync(blocker, 'x');
    const c = capture();
    expect(await main(['new', '--out', join(blocker, 'devis.xlsx')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(
      /Impossible d'écrire « .*devis\.xlsx » : un élément du chemin n’est pas un dossier\. Rien n'a été écrit\./,
    );
  });

  it('prints help with exit 0', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('devis-cnc new --out FICHIER.xlsx');
  });

  it.each(['new', 'audit', 'comparer', 'convertir', 'carbone', 'depenses'])(
    'gives « %s » its own help: synopsis, exit codes 0 / 1 / 2, an example',
    async (command) => {
      const c = capture();
      expect(await main([command, '--help'], c.io)).toBe(0);
      const page = c.out.join('\n');
      expect(page.split('\n')[0]).toMatch(new RegExp(`^devis-cnc ${command}\\b.* — `));
      expect(page).toMatch(/\n {2}0 {2}.+\n {2}1 {2}.+\n {2}2 {2}.+/);
      expect(page).toMatch(new RegExp(`Exemples? :\n {2}devis-cnc ${command} `));
    },
  );

  it('lists the examples in « new --help » with their totals as the examples compute them', async () => {
    const c = capture();
    expect(await main(['new', '--help'], c.io)).toBe(0);
    const page = c.out.join('\n').replace(/[\u202f\u00a0]/g, ' ');
    // Each total is the one the written example shows in its Devis (Devis_Total).
    for (const format of ['long-metrage', 'court-metrage', 'serie', 'documentaire']) {
      const file = join(dir, `aide-${format}.xlsx`);
      expect(await main(['new', '--out', file, '--format', format, '--exemple'], capture().io)).toBe(0);
      const total = (await namedValues(file, ['Devis_Total'])).Devis_Total as number;
      const shown = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2 })
        .format(total)
        .replace(/[\u202f\u00a0]/g, ' ');
      expect(page).toContain(`devis de ${shown} €`);
    }
    expect(page).not.toContain('M€');
  });

  it('prints its version', async () => {
    const c = capture();
    expect(await main(['--version'], c.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(c.out).toEqual([`devis-cnc ${pkg.version}`]);
  });

  it('exports the Bilan carbone lines as a French CSV without touching the workbook', async () => {
    const book = join(dir, 'carbone.xlsx');
    expect(await main(['new', '--out', book, '--exemple'], capture().io)).toBe(0);
    const before = hash(book);
    const c = capture();
    const csvFile = join(dir, 'carbone.csv');
    expect(await main(['carbone', book, '--out', csvFile], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Bilan carbone exporté : 31 postes');
    expect(hash(book)).toBe(before);
    const csv = readFileSync(csvFile, 'utf8');
    const rows = csv
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(32);
    // Nothing left beside it: the CSV is written to a temporary file, then renamed.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A path it cannot write: exit 2, a French reason, nothing written.
    const blocker = join(dir, 'pas-un-dossier');
    writeFileSync(blocker, 'x');
    const e = capture();
    expect(await main(['carbone', book, '--out', join(blocker, 'carbone.csv')], e.io)).toBe(2);
    expect(e.err.join('\n')).toMatch(
      /Impossible d'écrire « .*carbone\.csv » : un élément du chemin n’est pas un dossier\. Rien n'a été écrit\./,
    );
    expect(rows[0]).toBe(
      'Catégorie;Poste;Clé du facteur;Facteur (kgCO2e/unité);Unité;Quantité prévisionnelle;Multiplicateur;Prévisionnel (kgCO2e);Quantité définitive;Définitif (kgCO2e);Source du facteur;Hypothèse',
    );
    expect(rows[1]?.split(';').slice(0, 10)).toEqual([
      'Transports de personnes',
      'Équipe Paris–Lille en TGV',
      'train.tgv',
      '0,00293',
      'kgCO2e/passenger.km',
      // 225 km × 120 trips × 0,00293 kg.
      '225',
      '120',
      '79,11',
      '',
      '0',
    ]);
  });

  it.each([
    [['carbone', 'absent.xlsx'], 'Classeur introuvable'],
    [['carbone'], 'Indiquez le classeur'],
  ])('carbone %p fails clearly (exit 2)', async (argv, message) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(message);
  });

  it('refuses a corrupt file and a workbook without Bilan carbone (exit 2)', async () => {
    const corrupt = join(dir, 'corrompu.xlsx');
    writeFileSync(corrupt, 'ceci n’est pas un classeur');
    const c = capture();
    expect(await main(['carbone', corrupt], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(`Classeur illisible « ${corrupt} » : fichier texte (CSV ?)`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 1;
    const plain = join(dir, 'simple.xlsx');
    await wb.xlsx.writeFile(plain);
    const d = capture();
    expect(await main(['carbone', plain], d.io)).toBe(2);
    expect(d.err.join('\n')).toContain('Pas de bilan carbone dans ce classeur');
  });
});
