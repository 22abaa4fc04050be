import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runWebpack } from '../support/webpack';
import { WORKBOOK_SHEETS, besideSheets } from '../support/sheets';

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

/** The text of what has the focus, spaces normalised (French narrow spaces included). */
async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());
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
  it('outside Excel, paints before office.js arrives, then says it must be opened in Excel, without a console error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      // The one expected failure: office.js, which this test holds, then refuses.
      if (m.type() === 'error' && !m.location().url.startsWith('https://appsforoffice.microsoft.com/'))
        errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // office.js comes from Microsoft's CDN, unreachable here; held first, to see what paints meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('https://appsforoffice.microsoft.com/**', async (route) => {
      await held;
      await route.abort();
    });
    await page.goto(`${base}/taskpane.html`, { waitUntil: 'commit' });
    // office.js is still on its way: the page shows its title and what it is doing.
    await page.getByText('Chargement du volet…').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Devis CNC' }).isVisible()).toBe(true);
    release();
    await page.getByText('Ouvrez ce volet dans Excel').waitFor();
    expect(await page.getByRole('button', { name: 'Créer le classeur' }).count()).toBe(0);
    expect(await page.getByText('Chargement du volet…').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates the example workbook from the form and shows the total', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 720 } });
    await page.goto(`${base}/preview.html`);
    await page.getByRole('checkbox', { name: /Remplir avec l'exemple/ }).check();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    expect(await page.getByText(/Total général\s:\s3\s035\s291,62\s€/).count()).toBe(1);
    // The result has the focus (a screen reader reads it), with the next steps after it.
    expect(await focusedText(page)).toContain('Classeur créé');
    expect(
      await page.evaluate(() => (window as unknown as { previewSheets: () => string[] }).previewSheets()),
    ).toEqual([...WORKBOOK_SHEETS]);
    await page.screenshot({ path: join(SHOTS, 'taskpane-cree.png') });
    // Then a source, typed as a French amount: the next step « Saisir les sources » opens its form.
    await page.getByRole('button', { name: 'Saisir les sources' }).click();
    expect(await page.getByRole('tab', { name: 'Saisir' }).getAttribute('aria-selected')).toBe('true');
    const form = page.getByRole('region', { name: 'Ajouter une source' });
    await form.getByRole('textbox', { name: 'Source' }).fill('Plateforme — préachat');
    await form.getByRole('combobox', { name: 'Catégorie' }).selectOption('Préachat plateforme (SMAD)');
    await form.getByRole('textbox', { name: 'Montant' }).fill('200 000,00 €');
    await form.getByRole('button', { name: 'Ajouter la source' }).click();
    await page.getByText(/ajoutée à la ligne 31 de la feuille Plan de financement/).waitFor();
    expect(await focusedText(page)).toMatch(/^Source ajoutée/);
    await page.screenshot({ path: join(SHOTS, 'taskpane-source.png'), fullPage: true });
    // The Contrôler tab audits the same workbook.
    await page.getByRole('tab', { name: 'Contrôler' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText('0 erreur, 2 avertissements, 0 info — 51 règles').waitFor();
    await page
      .getByRole('region', { name: 'Constats Bilan carbone' })
      .getByRole('button', {
        name: /^Aller à I22 — avertissement, feuille Bilan carbone : Bilan définitif partiel/,
      })
      .waitFor();
    await page.screenshot({ path: join(SHOTS, 'taskpane-controle.png'), fullPage: true });
    await page.close();
  });

  it.each([270, 320, 350, 160])(
    'fits a %i px pane (160: 320 px at 200 %% zoom) without sideways scrolling, in every view',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 720 } });
      await page.goto(`${base}/preview.html`);
      await page.getByRole('button', { name: 'Créer le classeur' }).waitFor();
      const views = ['Créer', 'Saisir', 'Suivre', 'Contrôler'];
      /** Sideways overflow of the page, in each view, as a record: every value must be 0. */
      const overflows = async (): Promise<Record<string, number>> => {
        const out: Record<string, number> = {};
        for (const view of views) {
          await page.getByRole('tab', { name: view }).click();
          out[view] = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
        }
        return out;
      };
      const none = Object.fromEntries(views.map((v) => [v, 0]));
      expect(await overflows()).toEqual(none);
      await page.getByRole('tab', { name: 'Créer' }).click();
      await page.getByRole('checkbox', { name: /Remplir avec l'exemple/ }).check();
      await page.getByRole('button', { name: 'Créer le classeur' }).click();
      await page.getByText('Classeur créé').waitFor();
      expect(await overflows()).toEqual(none);
      // Results in every view: a source added, the follow-up read, the check run.
      await page.getByRole('tab', { name: 'Saisir' }).click();
      const form = page.getByRole('region', { name: 'Ajouter une source' });
      await form.getByRole('textbox', { name: 'Source' }).fill('Plateforme — préachat');
      await form.getByRole('textbox', { name: 'Montant' }).fill('200 000,00 €');
      await form.getByRole('button', { name: 'Ajouter la source' }).click();
      await page.getByText('Source ajoutée').waitFor();
      await page.getByRole('tab', { name: 'Suivre' }).click();
      await page.getByRole('button', { name: 'Lire le suivi' }).click();
      await page.getByRole('group', { name: 'Suivi lu' }).waitFor();
      await page.getByRole('tab', { name: 'Contrôler' }).click();
      await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
      await page.getByText(/0 erreur, 1 avertissement/).waitFor();
      expect(await overflows()).toEqual(none);
      await page.getByRole('tab', { name: 'Suivre' }).click();
      await page.screenshot({ path: join(SHOTS, `taskpane-suivre-${width}.png`), fullPage: true });
      await page.getByRole('tab', { name: 'Contrôler' }).click();
      await page.screenshot({ path: join(SHOTS, `taskpane-controle-${width}.png`), fullPage: true });
      await page.close();
    },
  );

  it('shows each task on its own: every view before results is at most 1 200 px tall at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    await page.goto(`${base}/preview.html`);
    await page.getByRole('button', { name: 'Créer le classeur' }).waitFor();
    /** The page's height in each view, the first-run text shown (the longest case). */
    const heights = async (): Promise<Record<string, number>> => {
      const out: Record<string, number> = {};
      for (const view of ['Créer', 'Saisir', 'Suivre', 'Contrôler']) {
        await page.getByRole('tab', { name: view }).click();
        out[view] = await page.evaluate(() => document.documentElement.scrollHeight);
      }
      return out;
    };
    const empty = await heights();
    await page.getByRole('tab', { name: 'Créer' }).click();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    // Created: Saisir, Suivre and Contrôler are ready to act, nothing run in them yet.
    const created = await heights();
    // The measures, for the record (docs/mesures.md).
    writeFileSync(join(SHOTS, 'hauteurs-320.json'), JSON.stringify({ vide: empty, cree: created }, null, 2));
    // Before results: Créer before the creation, the other three after it (ready to act).
    const before = {
      Créer: empty.Créer ?? 0,
      Saisir: created.Saisir ?? 0,
      Suivre: created.Suivre ?? 0,
      Contrôler: created.Contrôler ?? 0,
    };
    expect(Object.entries(before).filter(([, height]) => height > 1200 || height < 300)).toEqual([]);
    await page.close();
  });

  it('puts the focus on each result and gives it back to the trigger on Escape', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    await page.goto(`${base}/preview.html`);
    await page.getByRole('button', { name: 'Compris, ne plus afficher' }).click();
    // « Compris »: the focus goes to the pane's title, not to the page.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    expect(await focusedText(page)).toContain('Classeur créé');
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toBe('Créer le classeur');
    // Saisir: a refused amount focuses its field; an added source focuses its result.
    await page.getByRole('tab', { name: 'Saisir' }).click();
    const form = page.getByRole('region', { name: 'Ajouter une source' });
    await form.getByRole('textbox', { name: 'Source' }).fill('Mécène');
    await form.getByRole('textbox', { name: 'Montant' }).fill('12 000');
    await form.getByRole('button', { name: 'Ajouter la source' }).click();
    await page.getByText('Source ajoutée').waitFor();
    expect(await focusedText(page)).toMatch(/^Source ajoutée/);
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toBe('Ajouter la source');
    // Suivre: the follow-up read takes the focus; Escape goes back to « Lire le suivi ».
    await page.getByRole('tab', { name: 'Suivre' }).click();
    await page.getByRole('button', { name: 'Lire le suivi' }).click();
    await page.getByRole('group', { name: 'Suivi lu' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Suivi lu');
    await page.keyboard.press('Escape');
    expect(await focusedText(page)).toBe('Lire le suivi');
    // Contrôler: the check's headline takes the focus.
    await page.getByRole('tab', { name: 'Contrôler' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByRole('heading', { level: 3, name: /^À compléter/ }).waitFor();
    expect(await focusedText(page)).toMatch(/erreur|avertissement|compléter/);
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
      ...besideSheets(2),
      // The workbook remembers the pane's working set (the sheets suffixed (2)).
      'Contrôle_État',
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
    await page.getByRole('tab', { name: 'Contrôler' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText('Classeur vide').waitFor();
    states['contrôle d’un classeur vide'] = await axeViolations(page);
    // The empty workbook's action leads to the Créer view, whose button creates it.
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByRole('button', { name: 'Créer le classeur' }).click();
    await page.getByText('Classeur créé').waitFor();
    states['modèle vierge créé'] = await axeViolations(page);
    await page.getByRole('tab', { name: 'Suivre' }).click();
    await page.getByRole('button', { name: 'Lire le suivi' }).click();
    await page.getByRole('group', { name: 'Suivi lu' }).waitFor();
    states['suivi lu'] = await axeViolations(page);
    await page.getByRole('tab', { name: 'Saisir' }).click();
    const form = page.getByRole('region', { name: 'Ajouter une source' });
    await form.getByRole('textbox', { name: 'Source' }).fill('Mécène');
    await form.getByRole('textbox', { name: 'Montant' }).fill('12,5 %');
    await form.getByRole('button', { name: 'Ajouter la source' }).click();
    states['montant refusé'] = await axeViolations(page);
    await page.setViewportSize({ width: 160, height: 720 });
    states['montant refusé, 200 % (160 px)'] = await axeViolations(page);
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByRole('tab', { name: 'Contrôler' }).click();
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
    await page.setViewportSize({ width: 160, height: 720 });
    states['constat parcouru, 200 % (160 px)'] = await axeViolations(page);
    await page.setViewportSize({ width: 320, height: 720 });
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    await page.getByText(/Rapport écrit dans la feuille/).waitFor();
    await page.getByRole('button', { name: 'Rapport', exact: true }).click();
    await page.getByText('Rapport existant').waitFor();
    states['rapport existant : la question'] = await axeViolations(page);
    await page.screenshot({ path: join(SHOTS, 'taskpane-a11y.png'), fullPage: true });
    expect(states).toEqual({
      'premier lancement': [],
      'contrôle d’un classeur vide': [],
      'modèle vierge créé': [],
      'suivi lu': [],
      'montant refusé': [],
      'montant refusé, 200 % (160 px)': [],
      'modèle vierge contrôlé, explication et commentaire ouverts': [],
      'verdict donné, premier constat parcouru': [],
      'constat parcouru, 200 % (160 px)': [],
      'rapport existant : la question': [],
    });
    await page.close();
  });
});
