/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import type { TaskpaneHost } from '../../src/taskpane/host';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { hostFromPort } from '../../src/taskpane/hostFromPort';
import { workbookHost } from '../support/paneHost';
import { WORKBOOK_SHEETS, besideSheets } from '../support/sheets';

/* The Créer tab: the workbook created, its sheets chosen, the grid refused, a conflict, the progress, an error. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — creer', () => {
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
    expect(wb.worksheets.map((w) => w.name)).toEqual([...WORKBOOK_SHEETS]);
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
      ...besideSheets(2),
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
});
