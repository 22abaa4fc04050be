import { selectSheets } from '../../src/sheets/select';
import type { SheetPlan, WorkbookPlan } from '../../src/sheets/model/plan';

const sheet = (name: string, formulas: string[], listName?: string): SheetPlan => ({
  name,
  cells: formulas.map((formula, i) => ({ address: `A${i + 1}`, formula, result: 0 })),
  columnWidths: [],
  validations: listName ? [{ range: 'B1:B2', kind: 'list', listName, error: 'Choisissez.' }] : [],
  conditionalFormats: [],
});

describe('selectSheets', () => {
  const plan: WorkbookPlan = {
    sheets: [
      sheet('Paramètres', ['1+1']),
      sheet('Devis', ['Param_Taux*2']),
      sheet('Suivi budgétaire', ["'Devis'!A5*2", 'IF(A1="Fin_Total",1,0)']),
      sheet('Plan de financement', ['Devis_Total'], 'Liste_Statuts'),
      sheet('Listes', []),
    ],
    names: [
      { name: 'Param_Taux', sheet: 'Paramètres', ref: '$B$1' },
      { name: 'Devis_Total', sheet: 'Devis', ref: '$H$9' },
      { name: 'Fin_Total', sheet: 'Plan de financement', ref: '$C$5' },
      { name: 'Liste_Statuts', sheet: 'Listes', ref: '$A$1:$A$3' },
    ],
    charts: [
      { sheet: 'Devis', kind: 'line', title: 'T', source: 'A1:B2', seriesBy: 'columns', anchor: 'D1' },
    ],
  };

  it('keeps a sheet and every sheet it reads, by name, by reference or by list, in the plan’s order', () => {
    const chosen = selectSheets(plan, ['Suivi budgétaire']);
    // A name inside a string literal is not a reference: the plan is not read.
    expect(chosen.plan.sheets.map((s) => s.name)).toEqual(['Paramètres', 'Devis', 'Suivi budgétaire']);
    expect(chosen.added).toEqual(['Paramètres', 'Devis']);
    expect(chosen.plan.names.map((n) => n.name)).toEqual(['Param_Taux', 'Devis_Total']);
    expect(chosen.plan.charts).toHaveLength(1);
    expect(selectSheets(plan, ['Plan de financement']).plan.sheets.map((s) => s.name)).toEqual([
      'Paramètres',
      'Devis',
      'Plan de financement',
      'Listes',
    ]);
    expect(selectSheets(plan, ['Paramètres']).plan).toEqual({
      sheets: [plan.sheets[0]],
      names: [plan.names[0]],
      charts: [],
    });
  });
});
