/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import type { TaskpaneHost } from '../../src/taskpane/host';
import { scaffold, type ScaffoldRequest } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { hostFromPort } from '../../src/taskpane/hostFromPort';
import { OfficePort } from '../../src/workbook/office/officePort';
import { createFakeExcel } from '../support/fakeExcel';
import { CarbonExport } from '../../src/taskpane/components/CarbonExport/CarbonExport';
import { ControlPanel } from '../../src/taskpane/components/ControlPanel/ControlPanel';

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

/** A host over an in-memory workbook: the same scaffold the Excel host runs, through the xlsx port. */
function workbookHost(wb: ExcelJS.Workbook): TaskpaneHost & { requests: ScaffoldRequest[] } {
  const requests: ScaffoldRequest[] = [];
  const base = hostFromPort(new XlsxPort(wb));
  return {
    ...base,
    requests,
    scaffold: (request, onProgress) => {
      requests.push(request);
      return base.scaffold(request, onProgress);
    },
  };
}

describe('taskpane', () => {
  it('shows its first-run text until it is dismissed, then never again; one h1, an h2 per section', async () => {
    window.localStorage.clear();
    const first = render(<App host={workbookHost(new ExcelJS.Workbook())} />);
    expect(screen.getByRole('region', { name: 'Premiers pas' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Devis CNC']);
    // One view per task, each with its own sections.
    expect(screen.getAllByRole('tab')).toEqual(
      ['Créer', 'Saisir', 'Suivre', 'Contrôler'].map((name) => screen.getByRole('tab', { name })),
    );
    const headings = (): (string | null)[] =>
      screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings()).toEqual(['Classeur']);
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    // Saisir: one form at a time, sources or expense pieces.
    expect(headings()).toEqual(['Financement\u00a0: ajouter une source']);
    fireEvent.click(screen.getByRole('tab', { name: 'Dépenses' }));
    expect(headings()).toEqual(['Dépenses\u00a0: saisir une pièce']);
    fireEvent.click(screen.getByRole('tab', { name: 'Sources' }));
    expect(headings()).toEqual(['Financement\u00a0: ajouter une source']);
    fireEvent.click(screen.getByRole('tab', { name: 'Suivre' }));
    expect(headings()).toEqual(['Suivi budgétaire', 'Bilan carbone']);
    fireEvent.click(screen.getByRole('tab', { name: 'Créer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Compris, ne plus afficher' }));
    expect(screen.queryByRole('region', { name: 'Premiers pas' })).toBeNull();
    // The text is gone: the focus goes to the top of the pane, not to the page's body.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    first.unmount();
    render(<App host={workbookHost(new ExcelJS.Workbook())} />);
    expect(screen.queryByRole('region', { name: 'Premiers pas' })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    });
    // The comparison loads after the first paint (its own chunk).
    await screen.findByRole('heading', { name: 'Comparer deux versions du devis' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Contrôle du classeur',
      'Comparer deux versions du devis',
    ]);
  });

  it('says it must be opened in Excel when there is no host', () => {
    render(<App host={null} />);
    expect(screen.getByText('Ouvrez ce volet dans Excel')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Créer le classeur' })).toBeNull();
  });

  it('creates the example workbook and reports the total', async () => {
    const wb = new ExcelJS.Workbook();
    const host = workbookHost(wb);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Remplir avec l'exemple/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    expect(await screen.findByText('Classeur créé')).toBeTruthy();
    expect(screen.getByText(/Total général : 3 035 291,62 €/)).toBeTruthy();
    expect(host.requests).toEqual([
      { format: 'long-metrage', nomenclature: 'cnc-classique', example: true, onConflict: 'refuse' },
    ]);
    // What the adapter could not draw is said, not hidden (here: exceljs draws no chart).
    expect(screen.getByText('Présentation incomplète')).toBeTruthy();
    expect(screen.getByText(/Graphique « .+ » \(feuille Trésorerie\) non dessiné/)).toBeTruthy();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Paramètres',
      'Devis',
      'Dépouillement',
      'Plan de travail',
      'Récapitulatif',
      'Plan de financement',
      'Trésorerie',
      'Bilan carbone',
      'Dépenses',
      'Suivi budgétaire',
      'Trésorerie réelle',
      'Bilan financier',
      'Ayants droit',
      'CUE sheet',
      'Budget événement',
      'Facteurs',
    ]);
  });

  it('creates only the sheets chosen, and those they read, and says which were added', async () => {
    const wb = new ExcelJS.Workbook();
    const host = workbookHost(wb);
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Remplir avec l'exemple/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Choisir les feuilles à créer' }));
    const group = screen.getByRole('group', { name: 'Feuilles à créer' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(16);
    // Untick every sheet: nothing to create, the button waits.
    for (const b of boxes) fireEvent.click(b);
    expect(screen.getByText('Choisissez au moins une feuille.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Créer le classeur' }).disabled).toBe(true);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'CUE sheet' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    expect(await screen.findByText('Classeur créé')).toBeTruthy();
    expect(host.requests).toEqual([
      {
        format: 'long-metrage',
        nomenclature: 'cnc-classique',
        example: true,
        onConflict: 'refuse',
        sheets: ['cues'],
      },
    ]);
    // The CUE sheet reads the devis lines and the film's duration; the devis reads the plan de travail.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Paramètres', 'Devis', 'Plan de travail', 'CUE sheet']);
    expect(
      screen.getByText(
        // The default normalizer turns the no-break spaces of French typography into spaces.
        /Ajoutées parce que les feuilles choisies les lisent : « Paramètres », « Devis », « Plan de travail »\./,
      ),
    ).toBeTruthy();
  });

  it('creates the series example in the audiovisual grid', async () => {
    const wb = new ExcelJS.Workbook();
    const host = workbookHost(wb);
    render(<App host={host} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Format de la production' }), {
      target: { value: 'serie' },
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Nomenclature du devis' }).value).toBe(
      'cnc-audiovisuel',
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /Remplir avec l'exemple \(série\)/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    expect(await screen.findByText('Classeur créé')).toBeTruthy();
    expect(host.requests).toEqual([
      { format: 'serie', nomenclature: 'cnc-audiovisuel', example: true, onConflict: 'refuse' },
    ]);
    expect(wb.getWorksheet('Devis')?.getCell('A1').value).toBe(
      'Devis de production — grille audiovisuelle CNC (10 chapitres)',
    );
  });

  it('refuses a grid that cannot be scaffolded, with its reason, and the example in another grid', () => {
    render(<App host={workbookHost(new ExcelJS.Workbook())} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nomenclature du devis' }), {
      target: { value: 'cnc-2018' },
    });
    expect(
      screen.getByText(
        /La nomenclature cnc-2018 ne peut pas encore servir de modèle de devis : 20 postes sans libellé connu/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Créer le classeur' }).disabled).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Nomenclature du devis' }), {
      target: { value: 'cnc-audiovisuel' },
    });
    const box = screen.getByRole<HTMLInputElement>('checkbox', {
      name: /L’exemple Long métrage est écrit dans la nomenclature cnc-classique/,
    });
    expect(box.disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Créer le classeur' }).disabled).toBe(false);
  });

  it('asks before touching a non-empty sheet, then writes beside it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Devis').getCell('A1').value = 'à moi';
    const host = workbookHost(wb);
    render(<App host={host} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    const warning = await screen.findByText('Feuilles existantes');
    const bar = warning.closest('[role="group"]') ?? document.body;
    expect(
      within(bar as HTMLElement).getByText(
        /déjà une feuille «\sDevis\s» qui n’est pas vide\. Rien n’a été modifié/,
      ),
    ).toBeTruthy();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Devis']);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer à côté' }));
    });
    expect(await screen.findByText('Classeur créé')).toBeTruthy();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Devis',
      'Paramètres (2)',
      'Devis (2)',
      'Dépouillement (2)',
      'Plan de travail (2)',
      'Récapitulatif (2)',
      'Plan de financement (2)',
      'Trésorerie (2)',
      'Bilan carbone (2)',
      'Dépenses (2)',
      'Suivi budgétaire (2)',
      'Trésorerie réelle (2)',
      'Bilan financier (2)',
      'Ayants droit (2)',
      'CUE sheet (2)',
      'Budget événement (2)',
      'Facteurs (2)',
      // The working set, remembered in the workbook (the add-in's hidden state sheet).
      'Contrôle_État',
    ]);
    expect(wb.getWorksheet('Devis')?.getCell('A1').value).toBe('à moi');
    expect(wb.getWorksheet('Contrôle_État')?.getRow(3).values).toEqual([
      undefined,
      'feuilles',
      '(2)',
      'Feuilles du volet : Devis (2) et les autres feuilles suffixées (2)',
    ]);
    expect(
      screen.getByText(/^Le volet travaille sur les feuilles suffixées \(2\)\s: «\sDevis \(2\)\s»/),
    ).toBeTruthy();
  });

  it('shows an error in a MessageBar, never swallows it', async () => {
    const host: TaskpaneHost = {
      ...hostFromPort(new XlsxPort(new ExcelJS.Workbook())),
      scaffold: () => Promise.reject(new Error('Excel a refusé la requête (RichApi.Error).')),
    };
    render(<App host={host} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    expect(await screen.findByText('Erreur')).toBeTruthy();
    expect(screen.getByText('Excel a refusé la requête (RichApi.Error).')).toBeTruthy();
  });

  it('adds a source to the plan after creating the workbook, reading a French amount', async () => {
    const wb = new ExcelJS.Workbook();
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /Remplir avec l'exemple/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    await screen.findByText('Classeur créé');
    // The creation says what comes next: open the Devis, enter the sources, check.
    expect(screen.getByRole('button', { name: 'Ouvrir le Devis' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Saisir les sources' }));
    expect(screen.getByRole('tab', { name: 'Saisir' }).getAttribute('aria-selected')).toBe('true');
    const form = screen.getByRole('region', { name: 'Ajouter une source' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Source' }), {
      target: { value: 'Plateforme — préachat' },
    });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Catégorie' }), {
      target: { value: 'Préachat plateforme (SMAD)' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Montant/ }), {
      target: { value: '200 000 €' },
    });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la source' }));
    });
    expect(await screen.findByText('Source ajoutée')).toBeTruthy();
    expect(screen.getByText(/ajoutée à la ligne 31 de la feuille Plan de financement/)).toBeTruthy();
    const plan = wb.getWorksheet('Plan de financement');
    expect([
      plan?.getCell('B31').value,
      plan?.getCell('C31').value,
      plan?.getCell('F31').value,
      plan?.getCell('N31').value,
    ]).toEqual(['Plateforme — préachat', 'Préachat plateforme (SMAD)', 200000, 0.2]);
  });

  it.each([
    ['beaucoup', 'Un nombre est attendu, par exemple 150 000 €.'],
    ['12,5 %', 'Un montant en euros est attendu, pas un pourcentage.'],
    ['1 234,567', 'Deux décimales au plus : un montant s’arrête aux centimes.'],
    ['-5', 'Le montant doit être positif.'],
    ['0', 'Le montant doit être positif.'],
    ['', 'Indiquez le montant, par exemple 150 000 €.'],
  ])(
    'refuses the amount « %s » with one French message at the field, nothing written',
    async (typed, message) => {
      const wb = new ExcelJS.Workbook();
      const host = workbookHost(wb);
      const added = jest.spyOn(host, 'addSource');
      render(<App host={host} />);
      fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
      const form = screen.getByRole('region', { name: 'Ajouter une source' });
      fireEvent.change(within(form).getByRole('textbox', { name: 'Source' }), {
        target: { value: 'Mécène' },
      });
      const amount = within(form).getByRole('textbox', { name: /^Montant/ });
      fireEvent.change(amount, { target: { value: typed } });
      await act(async () => {
        fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la source' }));
      });
      expect(within(form).getAllByText(message)).toHaveLength(1);
      expect(within(form).queryByText('Source non ajoutée')).toBeNull();
      expect(added).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(amount);
    },
  );

  it('shows how an amount reads as it is typed, sends on Enter, focuses the result, then the next source', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    const host = workbookHost(wb);
    const select = jest.spyOn(host, 'selectCell');
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    const form = screen.getByRole('region', { name: 'Ajouter une source' });
    const source = within(form).getByRole('textbox', { name: 'Source' });
    fireEvent.change(source, { target: { value: 'Mécène' } });
    const amount = within(form).getByRole('textbox', { name: /^Montant/ });
    fireEvent.change(amount, { target: { value: '1234,5' } });
    expect(within(form).getByText(/^= 1\s234,50\s€$/)).toBeTruthy();
    amount.focus();
    await act(async () => {
      fireEvent.submit(amount.closest('form') as HTMLFormElement);
    });
    const done = await screen.findByText('Source ajoutée');
    expect(wb.getWorksheet('Plan de financement')?.getCell('F31').value).toBe(1234.5);
    // The result has the focus (read first by a screen reader); the emptied amount is not refused.
    expect((document.activeElement as HTMLElement).contains(done)).toBe(true);
    fireEvent.blur(amount);
    expect(within(form).queryByText('Indiquez le montant, par exemple 150 000 €.')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Voir la ligne' }));
    expect(select).toHaveBeenCalledWith('Plan de financement', 'A31');
    // Escape goes back to the button that added it; « Saisir une autre source » to the first field.
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    fireEvent.keyDown(within(form).getByText('Source ajoutée'), { key: 'Escape' });
    expect(document.activeElement).toBe(within(form).getByRole('button', { name: 'Ajouter la source' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Saisir une autre source' }));
    expect(document.activeElement).toBe(source);
    // A source without a name is refused at its field, with the reason, and nothing is written.
    fireEvent.change(amount, { target: { value: '500' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la source' }));
    });
    expect(within(form).getByText(/^Nommez la source \(par exemple/)).toBeTruthy();
    expect(document.activeElement).toBe(source);
    expect(wb.getWorksheet('Plan de financement')?.getCell('B32').value ?? null).toBeNull();
  });

  it('says the plan must be created first: the action is disabled with its reason, then enabled once created', async () => {
    const wb = new ExcelJS.Workbook();
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    const form = screen.getByRole('region', { name: 'Ajouter une source' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Source' }), { target: { value: 'Mécène' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Montant/ }), { target: { value: '10000' } });
    const reason =
      'Pas encore de plan de financement dans ce classeur : créez d’abord le classeur (onglet Créer).';
    expect(await within(form).findByText(reason)).toBeTruthy();
    const add = within(form).getByRole('button', { name: 'Ajouter la source' });
    // Still reachable with Tab, the reason read with it; a click does nothing.
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(add.getAttribute('aria-describedby')).toBe(within(form).getByText(reason).id);
    await act(async () => {
      fireEvent.click(add);
    });
    expect(within(form).queryByText('Source ajoutée')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Suivre' }));
    const carbon = screen.getByRole('region', { name: 'Exporter le bilan carbone' });
    expect(
      within(carbon).getByText(
        'Pas encore de bilan carbone dans ce classeur : créez d’abord le classeur (onglet Créer).',
      ),
    ).toBeTruthy();
    expect(
      within(carbon)
        .getByRole('button', { name: 'Écrire l’export dans une feuille' })
        .hasAttribute('disabled'),
    ).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Créer' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    await screen.findByText('Classeur créé');
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    await waitFor(() => expect(within(form).queryByText(reason)).toBeNull());
    expect(
      within(form).getByRole('button', { name: 'Ajouter la source' }).getAttribute('aria-disabled'),
    ).toBeNull();
  });

  it('while the workbook is being created, says so step by step and holds the other actions', async () => {
    let finish: () => void = () => undefined;
    const base = hostFromPort(new XlsxPort(new ExcelJS.Workbook()));
    const host: TaskpaneHost = {
      ...base,
      scaffold: async (request, onProgress) => {
        onProgress('inventaire');
        await new Promise<void>((resolve) => (finish = resolve));
        return base.scaffold(request, onProgress);
      },
    };
    render(<App host={host} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Créer le classeur' }));
    });
    expect(screen.getByText('Étape 1 sur 3 : lecture des feuilles existantes…')).toBeTruthy();
    expect(screen.getByText('Création du classeur… Les autres actions attendent la fin.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Créer le classeur' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    expect(screen.getByRole('button', { name: 'Lancer le contrôle' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Créer' }));
    await act(async () => {
      finish();
    });
    expect(await screen.findByText('Classeur créé')).toBeTruthy();
    // The outcome takes the focus.
    expect(document.activeElement).toBe(screen.getByText('Classeur créé').closest('[tabindex="-1"]'));
    expect(screen.queryByText('Création du classeur… Les autres actions attendent la fin.')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Lancer le contrôle', hidden: true }).hasAttribute('disabled'),
    ).toBe(false);
  });

  it('exports the Bilan carbone as CSV after creating the example', async () => {
    const wb = new ExcelJS.Workbook();
    const host = workbookHost(wb);
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    const saved: [string, string][] = [];
    render(<CarbonExport host={host} suffix={null} save={(name, text) => saved.push([name, text])} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Exporter le bilan carbone (CSV)' }));
    });
    expect(await screen.findByText('31 postes exportés dans bilan-carbone.csv.')).toBeTruthy();
    expect(saved[0]?.[0]).toBe('bilan-carbone.csv');
    expect(saved[0]?.[1].split('\r\n')[1]).toMatch(
      /^Transports de personnes;Équipe Paris–Lille en TGV;train\.tgv;0,00293;/,
    );
  });

  it('writes the carbon export into a sheet (every host), a second one beside it', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    render(<CarbonExport host={workbookHost(wb)} suffix={null} save={() => undefined} />);
    const write = screen.getByRole('button', { name: 'Écrire l’export dans une feuille' });
    await act(async () => {
      fireEvent.click(write);
    });
    expect(
      await screen.findByText(
        '31 postes écrits dans la feuille « Export carbone » : copiez-les dans le calculateur.',
      ),
    ).toBeTruthy();
    const sheet = wb.getWorksheet('Export carbone');
    expect([sheet?.getCell('A1').value, sheet?.getCell('B2').value, sheet?.getCell('D2').value]).toEqual([
      'Catégorie',
      'Équipe Paris–Lille en TGV',
      0.00293,
    ]);
    expect(sheet?.actualRowCount).toBe(32);
    await act(async () => {
      fireEvent.click(write);
    });
    expect(await screen.findByText(/dans la feuille « Export carbone \(2\) »/)).toBeTruthy();
  });

  it('never reports an empty export as a success: no file, no sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: false, onConflict: 'refuse' });
    const saved: string[] = [];
    render(<CarbonExport host={workbookHost(wb)} suffix={null} save={(name) => saved.push(name)} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Exporter le bilan carbone (CSV)' }));
    });
    expect(
      await screen.findByText(
        'Aucun poste dans le bilan carbone (aucune ligne avec une clé de facteur) : rien à exporter.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('Export prêt')).toBeNull();
    expect(saved).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Écrire l’export dans une feuille' }));
    });
    expect(wb.getWorksheet('Export carbone')).toBeUndefined();
  });

  it('on Excel for Mac offers only the sheet, and says why', () => {
    const wb = new ExcelJS.Workbook();
    render(<CarbonExport host={{ ...workbookHost(wb), canDownload: false }} suffix={null} />);
    expect(screen.queryByRole('button', { name: 'Exporter le bilan carbone (CSV)' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Écrire l’export dans une feuille' })).toBeTruthy();
    expect(screen.getByText(/Excel pour Mac ne télécharge pas de fichier depuis un volet/)).toBeTruthy();
  });

  it('says why the export is impossible before the workbook exists', async () => {
    render(<App host={workbookHost(new ExcelJS.Workbook())} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Suivre' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Exporter le bilan carbone (CSV)' }));
    });
    expect(await screen.findByText(/Pas de bilan carbone dans ce classeur/)).toBeTruthy();
  });

  it('runs the audit in the Contrôle tab, lists findings by sheet and selects the cell in Excel (office-addin-mock)', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    const excel = createFakeExcel({ 'Bilan carbone': false });
    const host: TaskpaneHost = {
      ...hostFromPort(new XlsxPort(wb)),
      selectCell: (sheet, address) => new OfficePort(excel.run).selectCell(sheet, address),
    };
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Référentiel' }), { target: { value: 'par' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    expect(await screen.findByText(/0 erreur, 1 avertissement, 0 info/)).toBeTruthy();
    const carbon = screen.getByRole('region', { name: 'Constats Bilan carbone' });
    // The go-to button names the cell, the severity, the sheet and the message.
    const finding = within(carbon).getByRole('button', {
      name: /^Aller à I22 — avertissement, feuille Bilan carbone : Bilan définitif partiel/,
    });
    expect(finding.textContent).toBe('Aller à I22');
    const item = finding.closest('li') as HTMLElement;
    expect(within(item).getByText('Avertissement')).toBeTruthy();
    expect(within(item).getByText('Bilan carbone · I22 · par:C4.2.2')).toBeTruthy();
    // Why it matters, how to fix it and the criterion's wording, on demand.
    const why = within(item).getByRole('button', { name: 'Pourquoi, comment corriger' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(item).getByText(/^Le bilan définitif montre ce que les mesures ont réellement changé/),
    ).toBeTruthy();
    expect(
      within(item).getByText(/^Renseignez la colonne définitive d’après les consommations réelles/),
    ).toBeTruthy();
    expect(within(item).getByText('par:C4.2.2').parentElement?.textContent).toMatch(/^par:C4\.2\.2 — \S/);
    await act(async () => {
      fireEvent.click(finding);
    });
    const sheet = excel.recorder.sheets.get('Bilan carbone');
    expect(sheet?.activated).toBe(true);
    expect(sheet?.ranges.find((r) => r.address === 'I22')?.selected).toBe(true);
  });

  it('audits a devis built by hand: says what it read, then the fault at its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', 'fixtures', 'handmade', 'budget-previsionnel.xlsx'));
    render(<App host={hostFromPort(new XlsxPort(wb))} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const read = await screen.findByRole('region', { name: 'Ce que le contrôle a lu' });
    expect(
      within(read).getByText(
        /^Devis : feuille « Budget prévisionnel », retenue pour son contenu : 18 lignes codées avec un montant/,
      ),
    ).toBeTruthy();
    // What cannot be verified on a devis built by hand is said before the findings, not as an erreur.
    expect(
      within(read).getByText(
        /^Non vérifiable ici : Statuts des lignes et charges sociales par statut — le devis n’a pas de colonne Statut ;/,
      ),
    ).toBeTruthy();
    expect(
      within(read).getByText(
        'En-têtes en ligne 5 : Code = A « Compte », Libellé = B « Désignation », Quantité = C « Qté », Unité = D « Unité », Taux = E « Tarif », Montant = F « Total ».',
      ),
    ).toBeTruthy();
    const devis = screen.getByRole('region', { name: 'Constats Budget prévisionnel' });
    expect(
      within(devis).getByRole('button', {
        name: /^Aller à F17 — erreur, feuille Budget prévisionnel : Total du chapitre 3\s: 45\s800,00\s€ affichés/,
      }),
    ).toBeTruthy();
    expect(screen.getByText(/Pas de plan de financement dans ce classeur\./)).toBeTruthy();
    // Taken into our sheets, beside the hand-made one, which stays as it was.
    const before = JSON.stringify(wb.getWorksheet('Budget prévisionnel')?.getSheetValues());
    await act(async () => {
      fireEvent.click(
        within(read).getByRole('button', { name: 'Reprendre ce devis dans le modèle Devis CNC' }),
      );
    });
    expect(
      await screen.findByText(
        /^Devis repris de la feuille « Budget prévisionnel » de ce classeur : 18 lignes dans 9 chapitres/,
      ),
    ).toBeTruthy();
    // The converted total is the lines'; where it parts from the source's, the pane says why.
    expect(
      screen.getByText(
        /^Budget prévisionnel!F17 — total du chapitre 3 : 45\s800,00\s€ affichés, ses lignes font 40\s800,00\s€ \(écart 5\s000,00\s€\)$/,
      ),
    ).toBeTruthy();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Budget prévisionnel',
      'Paramètres',
      'Devis',
      'Dépouillement',
      'Plan de travail',
      'Récapitulatif',
      'Plan de financement',
      'Trésorerie',
      'Bilan carbone',
      'Dépenses',
      'Suivi budgétaire',
      'Trésorerie réelle',
      'Bilan financier',
      'Ayants droit',
      'CUE sheet',
      'Budget événement',
      'Facteurs',
    ]);
    expect(JSON.stringify(wb.getWorksheet('Budget prévisionnel')?.getSheetValues())).toBe(before);
  });

  it('keeps working on the converted sheets after a reload: the set is remembered in the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', 'fixtures', 'handmade', 'budget-previsionnel.xlsx'));
    // The hand-made budget sits on a sheet named « Devis »: ours must go beside it, suffixed.
    const own = wb.getWorksheet('Budget prévisionnel');
    if (!own) throw new Error('fixture: no « Budget prévisionnel »');
    own.name = 'Devis';
    const before = JSON.stringify(own.getSheetValues());
    const first = render(<App host={hostFromPort(new XlsxPort(wb))} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    const read = await screen.findByRole('region', { name: 'Ce que le contrôle a lu' });
    await act(async () => {
      fireEvent.click(
        within(read).getByRole('button', { name: 'Reprendre ce devis dans le modèle Devis CNC' }),
      );
    });
    await screen.findByText(
      /^Devis repris de la feuille « Devis » de ce classeur : 18 lignes dans 9 chapitres/,
    );
    expect(wb.worksheets.map((w) => w.name).slice(0, 6)).toEqual([
      'Devis',
      'Paramètres (2)',
      'Devis (2)',
      'Dépouillement (2)',
      'Plan de travail (2)',
      'Récapitulatif (2)',
    ]);
    expect(JSON.stringify(wb.getWorksheet('Devis')?.getSheetValues())).toBe(before);
    // The workbook remembers the set (Contrôle_État), not the pane's memory.
    await waitFor(() =>
      expect(
        wb
          .getWorksheet('Contrôle_État')
          ?.getSheetValues()
          .slice(1)
          .map((r) => (r as unknown[])?.slice(1, 3)),
      ).toContainEqual(['feuilles', '(2)']),
    );
    first.unmount();

    // Reopened: the pane says which sheets it works on and checks those, not the hand-made one.
    render(<App host={hostFromPort(new XlsxPort(wb))} />);
    expect(
      await screen.findByText(/^Le volet travaille sur les feuilles suffixées \(2\)\s: «\sDevis \(2\)\s»/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Lancer le contrôle' }));
    });
    await screen.findByRole('region', { name: 'Constats Devis (2)' });
    expect(screen.queryByRole('region', { name: 'Ce que le contrôle a lu' })).toBeNull();
    expect(screen.queryByText(/Pas de plan de financement dans ce classeur\./)).toBeNull();
    // The source form writes to the converted plan.
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    expect(screen.getByRole('button', { name: 'Ajouter la source' }).hasAttribute('disabled')).toBe(false);
  });

  it('compares two versions of the devis kept in the workbook: the lines changed, added and removed', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    // « Devis V1 »: a copy of the sheet as Excel makes one (formulas and their values), as it was
    // before: the director's rate at 3 000 €, no scripte yet.
    const devis = wb.getWorksheet('Devis');
    const v1 = wb.addWorksheet('Devis V1');
    devis?.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        v1.getCell(r, c).value = cell.value;
      });
    });
    v1.getCell('G21').value = 3000;
    v1.getCell('H21').value = { formula: 'ROUND(D21*F21*G21,2)', result: 45000 };
    for (let c = 1; c <= 16; c += 1) v1.getCell(24, c).value = null;
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    const panel = await screen.findByRole('region', { name: 'Comparer deux versions du devis' });
    const before = await within(panel).findByRole<HTMLSelectElement>('combobox', {
      name: 'Version précédente',
    });
    await waitFor(() => expect(before.options.length).toBeGreaterThan(2));
    fireEvent.change(before, { target: { value: 'Devis V1' } });
    expect(within(panel).getByRole<HTMLSelectElement>('combobox', { name: 'Version à comparer' }).value).toBe(
      'Devis',
    );
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Comparer' }));
    });
    const list = await within(panel).findByRole('list', { name: 'Différences entre les deux devis' });
    const lines = within(list)
      .getAllByRole('listitem')
      .map((li) => (li.textContent ?? '').replace(/[\u202f\u00a0]/g, ' '));
    expect(lines).toContain(
      'modifiée  2.2.1 Réalisateur — salaire de technicien : taux 3 000,00 € → 3 200,00 € ; montant 45 000,00 € → 48 000,00 € (+3 000,00 €) — Devis!H21',
    );
    expect(lines).toContain('ajoutée   2.2.4 Scripte : 15 200,00 € — Devis!H24');
    expect(lines.filter((l) => /^(modifiée|ajoutée|supprimée) /.test(l))).toHaveLength(2);
    // The same sheet twice: said, nothing compared.
    fireEvent.change(before, { target: { value: 'Devis' } });
    await act(async () => {
      fireEvent.click(within(panel).getByRole('button', { name: 'Comparer' }));
    });
    expect(within(panel).getByText('Choisissez deux feuilles différentes.')).toBeTruthy();
  });

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

  it('reads the Suivi budgétaire: the estimated final cost against the devis, the overruns, each a link to its line', async () => {
    const wb = new ExcelJS.Workbook();
    const selected: string[] = [];
    render(
      <App
        host={{
          ...workbookHost(wb),
          selectCell: async (sheet, address) => void selected.push(`${sheet}!${address}`),
        }}
      />,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Suivre' }));
    const panel = screen.getByRole('region', { name: 'Suivi budgétaire' });
    const button = within(panel).getByRole('button', { name: 'Lire le suivi' });
    // Before the workbook exists: disabled, with its reason.
    await waitFor(() => expect(within(panel).getByText(/Pas encore de Suivi budgétaire/)).toBeTruthy());
    expect(button.getAttribute('aria-describedby')).toBe('suivi-indisponible');
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Contrôler' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: 'Suivre' }));
    });
    await waitFor(() => expect(within(panel).queryByText(/Pas encore de Suivi budgétaire/)).toBeNull());
    await act(async () => {
      fireEvent.click(button);
    });
    const figures = await within(panel).findByLabelText('Tableau de bord du suivi');
    // The dashboard read takes the focus; Escape gives it back to « Lire le suivi ».
    const read = within(panel).getByRole('group', { name: 'Suivi lu' });
    expect(document.activeElement).toBe(read);
    fireEvent.keyDown(read, { key: 'Escape' });
    expect(document.activeElement).toBe(button);
    const pairs = [...figures.querySelectorAll('dt')].map((dt) =>
      `${dt.textContent ?? ''} = ${dt.nextElementSibling?.textContent ?? ''}`.replace(/[\u00a0\u202f]/g, ' '),
    );
    expect(pairs).toEqual([
      'Devis (total général) = 3 035 291,62 €',
      'Coût estimé final = 2 902 451,90 €',
      'Écart au devis = -132 839,72 € (-4,4 %)',
      'Imprévus restants = 133 045,59 €',
      'Payé = 44,8 % du devis',
      'Calendrier écoulé = 42,1 %',
      // The Trésorerie réelle: timing catches up after the situation, no overrun: the forecast need.
      'Besoin de trésorerie actualisé = 1 005 510,46 € (septembre 2027)',
      'Besoin prévu (Trésorerie) = 1 204 196,03 €',
      'Non couvert par les mesures = 0,00 €',
    ]);
    expect(within(panel).queryByText(/^Trésorerie : le besoin actualisé/)).toBeNull();
    expect(
      within(panel)
        .getByText(/^Dans le devis/)
        .textContent?.replace(/[\u00a0\u202f]/g, ' '),
    ).toBe('Dans le devis : 132 839,72 € sous le total général, imprévus compris.');
    const overruns = within(panel).getByRole('list', { name: 'Les 4 plus gros dépassements' });
    expect(
      within(overruns)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/[\u00a0\u202f]/g, ' ')),
    ).toEqual([
      "1.1 Droits d'adaptation du roman : +5 000,00 € (cause externe)Aller à 1.1",
      '5.1 Studios : +3 500,00 € (cause externe)Aller à 5.1',
      '6.1.2 Billets de train équipe (TGV) : +1 386,00 € (cause interne)Aller à 6.1.2',
      // The authors' charges follow their rights' overrun (1,1 % of 5 000 €).
      "4.3 Charges sur droits d'auteur : +55,00 € (cause à indiquer)Aller à 4.3",
    ]);
    await act(async () => {
      fireEvent.click(
        within(overruns).getByRole('button', {
          // The visible words first (WCAG 2.5.3, label in name).
          name: 'Aller à 5.1, dépassement, feuille Suivi budgétaire',
        }),
      );
    });
    // The five largest overruns start under the dashboard: rank 2 is the second of them.
    expect(selected).toEqual(['Suivi budgétaire!O28']);
    // As Excel would recompute it after an unfunded overrun: the measures leave 72 600,28 € uncovered.
    const [uncoveredRef] = wb.definedNames.getRanges('TresoR_BesoinNonCouvert').ranges;
    const uncoveredCell = wb
      .getWorksheet('Trésorerie réelle')
      ?.getCell(uncoveredRef?.split('!')[1]?.replace(/\$/g, '') ?? '');
    if (!uncoveredCell) throw new Error('TresoR_BesoinNonCouvert introuvable');
    uncoveredCell.value = { formula: uncoveredCell.formula, result: 72600.28 };
    await act(async () => {
      fireEvent.click(button);
    });
    expect(
      (await within(panel).findByText(/^Trésorerie : après les mesures/)).textContent?.replace(
        /[\u00a0\u202f]/g,
        ' ',
      ),
    ).toBe(
      'Trésorerie : après les mesures tirées et prévues, il manque 72 600,28 € (feuille Trésorerie réelle) ; ajoutez une mesure dans la feuille Trésorerie.',
    );
  });

  it('enters an expense: the devis codes to pick from, French amounts, the first free row of the ledger', async () => {
    const wb = new ExcelJS.Workbook();
    await scaffold(new XlsxPort(wb), { format: 'long-metrage', example: true, onConflict: 'refuse' });
    render(<App host={workbookHost(wb)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Saisir' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Dépenses' }));
    const form = screen.getByRole('region', { name: 'Saisir une dépense' });
    const code = within(form).getByRole('combobox', { name: 'Code du devis' });
    await waitFor(() =>
      expect(within(code).getByRole('option', { name: '7.1 — Caméra (matériel image)' })).toBeTruthy(),
    );
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-12-01' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'N° de pièce' }), {
      target: { value: 'F-0101' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Fournisseur ou bénéficiaire' }), {
      target: { value: 'Hôtel du Nord' },
    });
    fireEvent.change(code, { target: { value: '6.2.1' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Libellé' }), {
      target: { value: 'Repérages, 3 nuits' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Montant HT/ }), {
      target: { value: '1 020,5' },
    });
    expect(within(form).getByText('= 1 020,50 €')).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: /^TVA/ }), { target: { value: '102,05' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Engagé ou payé' }), {
      target: { value: 'Payé' },
    });
    // Spent abroad: out of the French part of the coût définitif.
    fireEvent.change(within(form).getByRole('combobox', { name: /^Dépense faite/ }), {
      target: { value: 'Étranger' },
    });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la dépense' }));
    });
    expect(
      await within(form).findByText(
        /^F-0101 \(1\s020,50\s€ HT, code 6\.2\.1\) ajoutée à la ligne 186 de la feuille Dépenses\.$/,
      ),
    ).toBeTruthy();
    const ws = wb.getWorksheet('Dépenses');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 15].map((c) => ws?.getRow(186).getCell(c).value)).toEqual([
      new Date('2026-12-01T00:00:00Z'),
      'F-0101',
      'Hôtel du Nord',
      'Facture',
      '6.2.1',
      'Repérages, 3 nuits',
      1020.5,
      102.05,
      'Payé',
      new Date('2026-12-01T00:00:00Z'),
      'Oui',
      'Étranger',
    ]);
    // The form is ready for the next piece (same code kept); an empty code is refused at the
    // field, an empty HT too; nothing written.
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: /^Montant HT/ }).value).toBe('');
    fireEvent.change(code, { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la dépense' }));
    });
    expect(within(form).getByText('Choisissez le code du devis.')).toBeTruthy();
    expect(within(form).getByText('Indiquez le montant, par exemple 150 000 €.')).toBeTruthy();
    expect(ws?.getRow(187).getCell(2).value).toBeNull();
  });
});
