/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { workbookHost } from '../support/paneHost';

/* The pane as a whole: its first-run text, its headings, outside Excel. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — pane', () => {
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
});
