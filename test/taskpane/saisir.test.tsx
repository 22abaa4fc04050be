/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { workbookHost } from '../support/paneHost';

/* The Saisir tab: a source added to the plan, an amount read as typed, an expense in the ledger. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — saisir', () => {
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
