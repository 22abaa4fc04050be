import { columnAfter, contiguousColumns, tableColumns } from '../../src/sheets/model/contract';
import { readTable, type RangeRead } from '../../src/sheets/model/snapshot';
import { devisTable } from '../../src/sheets/devis/reader';
import { SOURCE_COLUMNS, milestoneColumn } from '../../src/sheets/financing/contract';
import { readSources } from '../../src/sheets/financing/reader';

describe('table columns', () => {
  const t = tableColumns({
    aid: { header: 'Aide', col: 'B' },
    amount: { header: 'Montant', col: 'F' },
    retained: { header: 'Retenue', col: 'L' },
  });

  it('gives letters, cells, ranges and positions by key', () => {
    expect([t.first, t.last]).toEqual(['B', 'L']);
    expect(t.letter('amount')).toBe('F');
    expect(t.index('amount')).toBe(4);
    expect(t.cell('retained', 30)).toBe('L30');
    expect(t.range('amount', 5, 9)).toBe('$F$5:$F$9');
    expect(t.span('amount', 5, 9)).toBe('F5:F9');
    expect(t.block(5, 9)).toBe('$B$5:$L$9');
    expect(t.header('aid')).toBe('Aide');
  });

  it('lays contiguous columns out in order and refuses a key a reader uses for itself', () => {
    const c = contiguousColumns('C', { a: 'A', b: 'B', c: 'C' });
    expect(c.keys.map((k) => c.letter(k))).toEqual(['C', 'D', 'E']);
    expect(columnAfter('Z', 2)).toBe('AB');
    expect(() => tableColumns({ at: { header: 'x', col: 'A' } })).toThrow('Clé de colonne réservée : at');
  });

  it('puts the plan milestones right of the RSE bonus and their total after them', () => {
    expect([milestoneColumn(0), milestoneColumn(5), SOURCE_COLUMNS.letter('scheduleTotal')]).toEqual([
      'M',
      'R',
      'S',
    ]);
  });
});

describe('readers', () => {
  it('reads a table by its contract letters wherever the named range starts, with exact addresses', () => {
    const t = tableColumns({ aid: { header: 'Aide', col: 'B' }, amount: { header: 'Montant', col: 'F' } });
    const range: RangeRead = {
      sheet: 'Plan',
      topLeft: 'B40',
      values: [['Région', null, null, null, 300000]],
      formulas: [['Région', null, null, null, '=1+1']],
    };
    const [row] = readTable(range, t);
    expect(row?.aid).toBe('Région');
    expect(row?.amount).toBe(300000);
    expect(row?.at('amount')).toEqual({ sheet: 'Plan', address: 'F40' });
    expect(row?.formula('amount')).toBe('=1+1');
    expect(row?.text('aid')).toBe('Région');
  });

  it('turns Fin_Tableau into typed source rows, the header row left out', () => {
    const header = SOURCE_COLUMNS.keys.map((k) => SOURCE_COLUMNS.header(k));
    const width = 19;
    const line = Array<unknown>(width).fill(null);
    line[SOURCE_COLUMNS.index('source')] = 'Canal+ — préachat';
    line[SOURCE_COLUMNS.index('amount')] = 700000;
    line[SOURCE_COLUMNS.index('deadline')] = '';
    const rows = readSources({
      ranges: { Fin_Tableau: { sheet: 'Plan de financement', topLeft: 'A21', values: [header, line] } },
      sheets: {},
    });
    expect(rows).toHaveLength(1);
    expect(rows?.[0]?.source).toBe('Canal+ — préachat');
    expect(rows?.[0]?.amount).toBe(700000);
    expect(rows?.[0]?.at('deadline')).toEqual({ sheet: 'Plan de financement', address: 'H22' });
  });

  it('finds a hand-made devis header row by synonyms (Poste, Désignation, Qté, Tarif, Total)', () => {
    const values = [
      ['Budget du film', null, null, null, null],
      ['Poste', 'Désignation', 'Qté', 'Tarif', 'Total'],
      ['2.4.1', 'Directeur de la photographie', 9, 3500, 31500],
    ];
    const table = devisTable({ ranges: {}, sheets: { devis: { sheet: 'Devis', topLeft: 'A3', values } } });
    expect(table?.headerIndex).toBe(1);
    expect(table?.rows[0]?.code).toBe('2.4.1');
    expect(table?.rows[0]?.amount).toBe(31500);
    expect(table?.locate(2, 'amount')).toEqual({ sheet: 'Devis', address: 'E5' });
  });
});
