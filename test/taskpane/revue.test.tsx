/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import type { TaskpaneHost } from '../../src/taskpane/host';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { hostFromPort } from '../../src/taskpane/hostFromPort';
import { ControlPanel } from '../../src/taskpane/components/ControlPanel/ControlPanel';
import { workbookHost } from '../support/paneHost';

/* The Contrôler tab, reviewing: findings walked and filtered, ticks and comments kept and reported, progress. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — revue', () => {
  it('walks the findings with Précédent / Suivant, sheet then cell, selecting each and marking it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', 'fixtures', 'handmade', 'devis-ecole.xlsx'));
    const selected: string[] = [];
    render(
      <App
        host={{
          ...hostFromPort(new XlsxPort(wb)),
          selectCell: async (sheet, address) => void selected.push(`${sheet}!${address}`),
        }}
      />,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const filters = await screen.findByRole('search', { name: 'Filtrer les constats' });
    // Every finding with a cell, in sheet then row then column order, is what the walk visits.
    const cells = screen
      .getAllByRole('button', { name: /^Aller à / })
      .map((b) => /^Aller à ([A-Z]+\d+) — [^,]+, feuille (.+?) : /.exec(b.getAttribute('aria-label') ?? ''))
      .map((m) => `${m?.[2] ?? ''}!${m?.[1] ?? ''}`);
    const order = (c: string): [string, number, number] => {
      const [sheet, address] = c.split('!') as [string, string];
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      return [sheet, Number(m?.[2]), (m?.[1] ?? '').length * 100 + (m?.[1] ?? '').charCodeAt(0)];
    };
    const sheetsOrder = [...new Set(cells.map((c) => c.split('!')[0]))];
    const expected = [...cells].sort((a, b) => {
      const [sa, ra, ca] = order(a);
      const [sb, rb, cb] = order(b);
      return sheetsOrder.indexOf(sa) - sheetsOrder.indexOf(sb) || ra - rb || ca - cb;
    });
    const previous = within(filters).getByRole('button', { name: 'Précédent' });
    const next = within(filters).getByRole('button', { name: 'Suivant' });
    expect(previous.hasAttribute('disabled')).toBe(true);
    for (const [k, cell] of expected.entries()) {
      fireEvent.click(next);
      expect(selected.at(-1)).toBe(cell);
      expect(within(filters).getByText(`Constat ${k + 1} / ${expected.length} : ${cell}`)).toBeTruthy();
      expect(document.querySelectorAll('li[aria-current="true"]')).toHaveLength(1);
    }
    expect(next.hasAttribute('disabled')).toBe(true);
    fireEvent.click(previous);
    expect(selected.at(-1)).toBe(expected.at(-2));
  });

  it('filters the findings by severity, sheet and words; a finding without a cell is text, not a dead button', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', 'fixtures', 'handmade', 'devis-ecole.xlsx'));
    render(<App host={hostFromPort(new XlsxPort(wb))} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const filters = await screen.findByRole('search', { name: 'Filtrer les constats' });
    const total = Number(/^(\d+) constats?/.exec(within(filters).getByRole('status').textContent ?? '')?.[1]);
    expect(total).toBeGreaterThan(4);
    // Without a cell: « Pas de récapitulatif… » is text, not a disabled button.
    expect(screen.getByText(/^Pas de récapitulatif dans ce classeur\./).tagName).not.toBe('BUTTON');
    expect(screen.queryAllByRole('button', { name: /Pas de récapitulatif/ })).toEqual([]);
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Gravité' }), {
      target: { value: 'avertissement' },
    });
    expect(within(filters).getByRole('status').textContent).toBe(`1 constat affiché sur ${total}`);
    expect(
      screen.getByRole('button', {
        name: /^Aller à F31 — avertissement, feuille DEVIS : Le total =SUM\(F29:F29\) laisse de côté/,
      }),
    ).toBeTruthy();
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Gravité' }), {
      target: { value: 'toutes' },
    });
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Feuille' }), {
      target: { value: 'Classeur' },
    });
    expect(screen.queryByRole('region', { name: 'Constats DEVIS' })).toBeNull();
    fireEvent.change(within(filters).getByRole('combobox', { name: 'Feuille' }), {
      target: { value: 'toutes' },
    });
    fireEvent.change(within(filters).getByRole('searchbox', { name: 'Rechercher dans les constats' }), {
      target: { value: 'chapitre 7' },
    });
    expect(within(filters).getByRole('status').textContent).toBe(`1 constat affiché sur ${total}`);
    expect(screen.getByRole('button', { name: /^Aller à F31 — .* : Le total du chapitre 7/ })).toBeTruthy();
  });

  it('keeps the check’s results and an unsaved comment across tab switches', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    await screen.findByText(/0 erreur, 1 avertissement/);
    // No comment box until asked for: the list is not sixteen empty fields to tab through.
    expect(screen.queryByRole('textbox', { name: /^Commentaire sur/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Commenter cpca:C1.4.1' }));
    const comment = screen.getByRole('textbox', { name: 'Commentaire sur cpca:C1.4.1' });
    expect(document.activeElement).toBe(comment);
    fireEvent.change(comment, { target: { value: 'À revoir avec la production' } });
    fireEvent.keyDown(comment, { key: 'Enter' });
    expect(screen.getAllByRole('status').map((x) => x.textContent)).toContain(
      'Verdicts et commentaires non enregistrés dans le classeur.',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Créer' }));
    expect(screen.getByRole('tabpanel', { name: 'Créer' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    expect(screen.getByRole('tabpanel', { name: 'Contrôler' })).toBeTruthy();
    expect(screen.getByText(/0 erreur, 1 avertissement/)).toBeTruthy();
    expect(screen.getByText('« À revoir avec la production »')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Modifier le commentaire cpca:C1.4.1' })).toBeTruthy();
    expect(screen.getByText('Verdicts et commentaires non enregistrés dans le classeur.')).toBeTruthy();
    // Escape cancels an edit: the comment stays as it was.
    fireEvent.click(screen.getByRole('button', { name: 'Modifier le commentaire cpca:C1.4.1' }));
    const again = screen.getByRole('textbox', { name: 'Commentaire sur cpca:C1.4.1' });
    fireEvent.change(again, { target: { value: 'Texte abandonné' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.getByText('« À revoir avec la production »')).toBeTruthy();
    expect(screen.queryByText('« Texte abandonné »')).toBeNull();
  });

  it('exports the checklist with its ticks and comments as a file to hand in', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    const saved: [string, string][] = [];
    render(
      <ControlPanel host={workbookHost(wb)} suffix={null} save={(name, text) => saved.push([name, text])} />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    await screen.findByText(/0 erreur, 1 avertissement/);
    fireEvent.click(screen.getAllByRole('radio', { name: 'Acquis' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Commenter cpca:C1.4.1' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Commentaire sur cpca:C1.4.1' }), {
      target: { value: 'Vu ; « options » comparées' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Exporter la grille (CSV)' }));
    });
    expect(
      screen.getByText(
        'Grille des 16 critères exportée dans grille-de-controle.csv (verdicts et commentaires compris).',
      ),
    ).toBeTruthy();
    const [name, text] = saved[0] ?? ['', ''];
    expect(name).toBe('grille-de-controle.csv');
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Critère;Feuille;Verdict;Commentaire;Libellé du critère;Règles automatiques');
    expect(lines[1]).toMatch(/^cpca:C1\.4\.1;Plan de financement;Acquis;"Vu ; « options » comparées";/);
    expect(lines[2]).toMatch(/^cpca:C1\.4\.2;Bilan carbone;Non évalué;;/);
    expect(lines).toHaveLength(18);
  });

  it('keeps ticks and comments in the workbook and writes the report to a new sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    wb.addWorksheet('Contrôle').getCell('A1').value = 'Mes notes';
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Référentiel' }), { target: { value: 'cpca' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const verdicts = await screen.findByRole('radiogroup', { name: /^cpca:C1\.4\.1/ });
    expect(screen.getByText('0 / 4 jugé')).toBeTruthy();
    fireEvent.click(within(verdicts).getByRole('radio', { name: 'Acquis' }));
    expect(screen.getByText('1 / 4 jugé')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Commenter cpca:C1.4.1' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Commentaire sur cpca:C1.4.1' }), {
      target: { value: 'Étude comparative convaincante' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les verdicts' }));
    });
    expect(await screen.findByText(/Verdicts et référentiel enregistrés/)).toBeTruthy();
    expect(screen.queryByText('Verdicts et commentaires non enregistrés dans le classeur.')).toBeNull();
    const state = wb.getWorksheet('Contrôle_État');
    expect(state?.state).toBe('hidden');
    expect([state?.getCell('A2').value, state?.getCell('B2').value]).toEqual(['referentiel', 'cpca']);
    expect([state?.getCell('A3').value, state?.getCell('B3').value, state?.getCell('C3').value]).toEqual([
      'cpca:C1.4.1',
      'Acquis',
      'Étude comparative convaincante',
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    });
    expect(await screen.findByText('Rapport écrit dans la feuille « Contrôle (2) ».')).toBeTruthy();
    expect(wb.getWorksheet('Contrôle')?.getCell('A1').value).toBe('Mes notes');
    expect(wb.getWorksheet('Contrôle (2)')?.getCell('A1').value).toBe(
      'Rapport de contrôle — référentiel cpca',
    );
    // It prints on A4, landscape, one page wide, its header row on every page, the report only.
    const report = wb.getWorksheet('Contrôle (2)');
    const lastRow = report?.rowCount ?? 0;
    expect(report?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
      printArea: `A1:G${lastRow}`,
    });
  });

  it('updates its own report after asking, never a sheet of the user’s, and can still add one', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    wb.addWorksheet('Contrôle').getCell('A1').value = 'Mes notes';
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    await screen.findByText(/0 erreur, 1 avertissement/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    });
    expect(await screen.findByText('Rapport écrit dans la feuille « Contrôle (2) ».')).toBeTruthy();
    const order = wb.worksheets.map((w) => w.name);
    // A second report: asked first, then written over our own sheet, in its place.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    });
    expect(
      await screen.findByText(
        'La feuille « Contrôle (2) » contient le rapport d’un contrôle précédent. Le remplacer par celui-ci, ou écrire ce rapport dans une nouvelle feuille ?',
      ),
    ).toBeTruthy();
    (wb.getWorksheet('Contrôle (2)') as ExcelJS.Worksheet).getCell('H40').value = 'ancien';
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Mettre à jour «\s*Contrôle \(2\)\s*»$/ }));
    });
    expect(await screen.findByText('Rapport mis à jour dans la feuille « Contrôle (2) ».')).toBeTruthy();
    expect(wb.worksheets.map((w) => w.name)).toEqual(order);
    expect(wb.getWorksheet('Contrôle')?.getCell('A1').value).toBe('Mes notes');
    expect(wb.getWorksheet('Contrôle (2)')?.getCell('A1').value).toBe(
      'Rapport de contrôle — référentiel tous',
    );
    expect(wb.getWorksheet('Contrôle (2)')?.getCell('H40').value).toBeNull();
    // Cancel writes nothing; "Nouvelle feuille" adds one beside.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(order);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rapport' }));
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Nouvelle feuille' }));
    });
    expect(await screen.findByText('Rapport écrit dans la feuille « Contrôle (3) ».')).toBeTruthy();
  });

  it('reads a blank template as « À compléter », and an empty workbook as a workbook to create', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: false, onConflict: 'refuse' });
    const first = render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const headline = await screen.findByRole('heading', { level: 3, name: /^À compléter/ });
    // In French typography: a non-breaking space before « : » and a narrow one before « ; ».
    expect(headline.textContent).toBe(
      'À compléter (13)\u00a0: le devis n’a encore aucun montant\u202f; 1 avertissement, 0 info — 51 règles',
    );
    // The result takes the focus.
    expect(document.activeElement).toBe(headline);
    expect(screen.getAllByText('À compléter')).toHaveLength(13);
    expect(screen.queryByText('Erreur')).toBeNull();
    first.unmount();

    render(<App host={workbookHost(new ExcelJS.Workbook())} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    expect(await screen.findByText('Classeur vide')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    expect(screen.getByRole('tab', { name: 'Créer' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows the check’s progress in words: reading, then rule k of n', async () => {
    let release: () => void = () => undefined;
    const base = hostFromPort(new XlsxPort(new ExcelJS.Workbook()));
    const host: TaskpaneHost = {
      ...base,
      audit: async (referentiel, suffix, onProgress) => {
        onProgress?.({ phase: 'lecture' });
        await new Promise<void>((resolve) => (release = resolve));
        onProgress?.({ phase: 'règles', done: 12, total: 22 });
        await new Promise<void>((resolve) => (release = resolve));
        return base.audit(referentiel, suffix);
      },
    };
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    expect(screen.getByText('Lecture du classeur…')).toBeTruthy();
    await act(async () => release());
    expect(screen.getByText('Règle 12 sur 22')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Contrôle en cours' }).getAttribute('aria-valuenow')).toBe(
      String(12 / 22),
    );
    await act(async () => release());
    expect(await screen.findByText('Classeur vide')).toBeTruthy();
  });
});
