/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { App } from '../../src/taskpane/App';
import { scaffold } from '../../src/workbook/scaffold';
import { XlsxPort } from '../../src/workbook/xlsx/xlsxPort';
import { CarbonExport } from '../../src/taskpane/components/CarbonExport/CarbonExport';
import { workbookHost } from '../support/paneHost';

/* The Suivre tab: the Bilan carbone exported (file or sheet), the Suivi budgétaire read. */

// A check yields to the pane between rules (to show its progress) and reads a whole workbook:
// under a loaded CI machine it takes more than testing-library's default 1 s to finish.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

describe('taskpane — suivre', () => {
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
});
