import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runWebpack } from '../support/webpack';

/*
 * The taskpane as a person uses it, in headless Chromium (Debian package `chromium`, installed by
 * .ci/run): the bundle built by webpack, served on 127.0.0.1. Fails, never skips, without Chromium.
 */
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-output');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** axe-core's own script, injected into the page to measure it. */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The axe-core violations of the page as it stands (WCAG 2.1 A and AA, and best practices).
 * Colours are measured at rest: transitions are turned off, or a button caught mid-fade after a
 * click reads as a contrast failure. Left out: Tabster's focus sentinels (`<i data-tabster-dummy
 * tabindex="0" aria-hidden="true">`, put by Fluent UI around a TabList), which only hand the focus
 * on and must stay hidden from screen readers — a false positive of aria-hidden-focus known to
 * Microsoft (microsoft/tabster#288, microsoft/fluentui#25133).
 */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE });
    await page.addStyleTag({
      content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      },
    );
    return result.violations.map(
      (v) =>
        `${v.id} (${v.impact ?? '?'}) : ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.any[0]?.message ?? ''}`).join(', ')}`,
    );
  });
}

let server: Server;
let browser: Browser;
let base = '';

beforeAll(async () => {
  expect(existsSync(CHROMIUM)).toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'devis-cnc-addin-'));
  runWebpack(['--mode', 'development', '--env', `outDir=${out}`]);
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(out, path);
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('taskpane in Chromium', () => {
  it('outside Excel, says it must be opened in Excel', async () => {
    const page = await browser.newPage();
    // office.js comes from Microsoft's CDN, unreachable here: the page must still answer.
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${base}/taskpane.html`);
    await page.getByText('Ouvrez ce volet dans Excel').waitFor();
    expect(await page.getByRole('button', { name: 'Créer le classeur' }).count()).toBe(0);
    await page.close();
  });

  it('creates the example workbook from the form and shows the total', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
    await page.goto(`${base}/preview.html`);
    await page.getByRole('checkbox', { name: /Remplir avec l'exemple/ }).check();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    expect(await page.getByText(/Total général\s:\s3\s035\s291,62\s€/).count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { previewSheets: () => string[] }).previewSheets()),
    ).toEqual([
      'Paramètres',
      'Devis',
      'Récapitulatif',
      'Plan de financement',
      'Trésorerie',
      'Bilan carbone',
      'Dépenses',
      'Suivi budgétaire',
      'Trésorerie réelle',
      'Bilan financier',
      'Ayants droit',
      'Budget événement',
      'Facteurs',
    ]);
    await page.screenshot({ path: join(SHOTS, 'taskpane-cree.png') });
    // Then a source, typed as a French amount, through the "Ajouter une source" form.
    const form = page.getByRole('region', { name: 'Ajouter une source' });
    await form.getByRole('textbox', { name: 'Source' }).fill('Plateforme — préachat');
    await form.getByRole('combobox', { name: 'Catégorie' }).selectOption('Préachat plateforme (SMAD)');
    await form.getByRole('textbox', { name: 'Montant' }).fill('200 000,00 €');
    await form.getByRole('button', { name: 'Ajouter la source' }).click();
    await page.getByText(/ajoutée à la ligne 31 de la feuille Plan de financement/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'taskpane-source.png'), fullPage: true });
    // The Contrôle tab audits the same workbook.
    await page.getByRole('tab', { name: 'Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText('0 erreur, 1 avertissement, 0 info — 43 règles').waitFor();
    await page
      .getByRole('region', { name: 'Constats Bilan carbone' })
      .getByRole('button', {
        name: /^Aller à I22 — avertissement, feuille Bilan carbone : Bilan définitif partiel/,
      })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'taskpane-controle.png'), fullPage: true });
    await page.close();
  });

  it.each([270, 320, 350])('fits a %i px pane without sideways scrolling, on both tabs', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 720 } });
    await page.goto(`${base}/preview.html`);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    await page.getByRole('checkbox', { name: /Remplir avec l'exemple/ }).check();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    expect(await overflow()).toBe(0);
    await page.getByRole('tab', { name: 'Contrôle' }).click();
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText(/0 erreur, 1 avertissement/).waitFor();
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(SHOTS, `taskpane-controle-${width}.png`), fullPage: true });
    await page.close();
  });

  it('asks before writing beside a non-empty Devis sheet', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
    await page.goto(`${base}/preview.html?devis-existant`);
    await page.getByRole('combobox', { name: 'Format de la production' }).selectOption('documentaire');
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Feuilles existantes').waitFor();
    await page.screenshot({ path: join(SHOTS, 'taskpane-conflit.png') });
    const sheets = () =>
      page.evaluate(() => (window as unknown as { previewSheets: () => string[] }).previewSheets());
    expect(await sheets()).toEqual(['Devis']);
    await page.getByRole('button', { name: 'Créer à côté' }).click();
    await page.getByText('Classeur créé').waitFor();
    expect(await sheets()).toEqual([
      'Devis',
      'Paramètres (2)',
      'Devis (2)',
      'Récapitulatif (2)',
      'Plan de financement (2)',
      'Trésorerie (2)',
      'Bilan carbone (2)',
      'Dépenses (2)',
      'Suivi budgétaire (2)',
      'Trésorerie réelle (2)',
      'Bilan financier (2)',
      'Ayants droit (2)',
      'Budget événement (2)',
      'Facteurs (2)',
    ]);
    await page.close();
  });

  it('passes axe-core (WCAG 2.1 AA) in every state a user goes through', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    await page.goto(`${base}/preview.html`);
    const states: Record<string, string[]> = {};
    await page.getByRole('button', { name: 'Créer le classeur' }).waitFor();
    states['premier lancement'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Compris, ne plus afficher' }).click();
    await page.getByRole('tab', { name: 'Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText('Classeur vide').waitFor();
    states['contrôle d’un classeur vide'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    states['modèle vierge créé'] = await axeViolations(page);
    const form = page.getByRole('region', { name: 'Ajouter une source' });
    await form.getByRole('textbox', { name: 'Source' }).fill('Mécène');
    await form.getByRole('textbox', { name: 'Montant' }).fill('12,5 %');
    await form.getByRole('button', { name: 'Ajouter la source' }).click();
    states['montant refusé'] = await axeViolations(page);
    await page.getByRole('tab', { name: 'Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByRole('heading', { level: 3, name: /^À compléter \(13\)/ }).waitFor();
    await page.getByRole('button', { name: 'Pourquoi, comment corriger' }).first().click();
    await page.getByRole('button', { name: 'Commenter cpca:C1.4.1' }).click();
    states['modèle vierge contrôlé, explication et commentaire ouverts'] = await axeViolations(page);
    // The jury's verdicts, by keyboard: the first criterion's group, then Acquis with the arrows.
    const verdicts = page.getByRole('radiogroup', { name: /^cpca:C1\.4\.1/ });
    await verdicts.getByRole('radio', { name: 'Non acquis' }).check();
    await page.keyboard.press('ArrowLeft');
    expect(await verdicts.getByRole('radio', { name: 'Acquis', exact: true }).isChecked()).toBe(true);
    await page.getByText(/^1 \/ \d+ jugé$/).waitFor();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText(/^Constat 1 \/ \d+ : /).waitFor();
    states['verdict donné, premier constat parcouru'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Rapport' }).click();
    await page.getByText(/Rapport écrit dans la feuille/).waitFor();
    await page.getByRole('button', { name: 'Rapport' }).click();
    await page.getByText('Rapport existant').waitFor();
    states['rapport existant : la question'] = await axeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'taskpane-a11y.png'), fullPage: true });
    expect(states).toEqual({
      'premier lancement': [],
      'contrôle d’un classeur vide': [],
      'modèle vierge créé': [],
      'montant refusé': [],
      'modèle vierge contrôlé, explication et commentaire ouverts': [],
      'verdict donné, premier constat parcouru': [],
      'rapport existant : la question': [],
    });
    await page.close();
  });
});
