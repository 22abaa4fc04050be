import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
    expect(await page.getByText(/Total général : 3\u202f035\u202f291,62\u00a0€/).count()).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { previewSheets: () => string[] }).previewSheets()),
    ).toEqual([
      'Paramètres',
      'Devis',
      'Récapitulatif',
      'Plan de financement',
      'Trésorerie',
      'Bilan carbone',
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
    await page.getByText('0 erreur, 1 avertissement, 0 info — 35 règles').waitFor();
    await page
      .getByRole('region', { name: 'Constats Bilan carbone' })
      .getByRole('button', { name: /^D17 — Bilan définitif non renseigné/ })
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
      'Facteurs (2)',
    ]);
    await page.close();
  });
});
