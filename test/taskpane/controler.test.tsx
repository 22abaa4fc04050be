/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import type { TaskpaneHost } from '../../src/taskpane/host';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { hostFromPort } from '../../src/taskpane/hostFromPort';
import { OfficePort } from '../../src/workbook/office/officePort';
import { createFakeExcel } from '../support/fakeExcel';
import { workbookHost } from '../support/paneHost';
import { WORKBOOK_SHEETS } from '../support/sheets';

/* The Contrôler tab: the check run and its findings, a devis built by hand, the converted set, two versions compared. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — controler', () => {
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget prévisionnel', ...WORKBOOK_SHEETS]);
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
});
