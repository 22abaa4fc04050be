import { buildScaffoldPlan } from '../../src/sheets/workbook';
import { OfficePort } from '../../src/workbook/office/officePort';
import { exampleParameters } from '../../src/domain/budget/templates';
import { bigBudget } from '../support/bigBudget';
import { officeJsContext } from '../support/officeJs';

/** Excel on the web refuses a request above 5 MB; the scaffold keeps each one under 4 MB. */
const LIMIT = 4_000_000;

function plan(lines: number) {
  return buildScaffoldPlan({
    format: 'long-metrage',
    budget: bigBudget(lines),
    production: exampleParameters(),
  }).plan;
}

describe('the scaffold through Microsoft’s own Excel library (the requests Excel on the web receives)', () => {
  it.each([
    [100, 2, true],
    [5000, 2, true],
    [20000, 4, true],
    // Without ExcelApi 1.9 (no Range.copyFrom) every formula is sent: more batches, each still under 4 MB.
    // The Bilan financier's coût définitif line by line (9 cells a line) adds one batch at 5 000
    // lines and four at 20 000.
    [5000, 4, false],
    [20000, 12, false],
  ])(
    '%i devis lines: every request under 4 MB, %i context.sync() (fill down: %s)',
    async (lines, syncs, fillDown) => {
      const office = officeJsContext();
      const report = await new OfficePort((batch) => batch(office.context), { fillDown }).applyPlan(
        plan(lines),
      );
      expect(report).toEqual({ skipped: [] });
      expect(office.sizes).toHaveLength(syncs);
      expect(Math.max(...office.sizes)).toBeLessThan(LIMIT);
      // The data batches carry the values; the last one, the cosmetics, is small.
      expect(office.sizes[syncs - 1]).toBeLessThan(100_000);
    },
    60_000,
  );

  it('says which batch Excel refused and what was written before it', async () => {
    const office = officeJsContext();
    office.failAt(1, 'La requête est trop volumineuse.');
    await expect(new OfficePort((batch) => batch(office.context)).applyPlan(plan(20000))).rejects.toThrow(
      'Excel a refusé l’écriture du lot 2 sur 3 (Devis, lignes 6 à 20\u202f058 ; Dépouillement, lignes 1 à 20 ; Plan de travail, lignes 1 à 41 ; Récapitulatif, lignes 1 à 23 ; Plan de financement, lignes 1 à 98 ; Trésorerie, lignes 1 à 78 ; Bilan carbone, lignes 1 à 39 ; Dépenses, lignes 1 à 20\u202f030) : InvalidArgument: La requête est trop volumineuse. Écrit avant ce lot : Paramètres, Devis (lignes 1 à 16\u202f048) ; pas encore écrit : Dépouillement, Plan de travail, Récapitulatif, Plan de financement, Trésorerie, Bilan carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, CUE sheet, Budget événement, Facteurs. Le lot refusé peut être écrit en partie : supprimez les feuilles créées avant de recommencer.',
    );
    // Nothing is sent after the refused batch.
    expect(office.sizes).toHaveLength(2);
  }, 60_000);
});
