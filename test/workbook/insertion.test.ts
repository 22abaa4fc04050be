import { areasAfterInsert, formulaAfterInsert, type Insertion } from '../../src/workbook/insertion';

/* What a reference becomes when cells are inserted in column B of « Dépenses », rows 3 and 4 (as Excel does). */
const ins: Insertion = { sheet: 'Dépenses', c1: 2, c2: 2, row: 3, count: 2 };

describe('references after cells are inserted (« Décaler les cellules vers le bas »)', () => {
  it('moves a cell at or below the row in the moved column, absolute or not, and nothing else', () => {
    expect(formulaAfterInsert('B3+$B$9+B2+A9+C9', 'Dépenses', ins)).toBe('B5+$B$11+B2+A9+C9');
    // Another sheet reaches the moved cells only by naming their sheet (in any case).
    expect(formulaAfterInsert("B9+'Dépenses'!B9+dépenses!B3", 'Bilan', ins)).toBe(
      "B9+'Dépenses'!B11+dépenses!B5",
    );
  });

  it('grows a range that spans the row, moves one below it, and leaves one that straddles the columns', () => {
    expect(formulaAfterInsert('SUM(B1:B5)+SUM(B3:B4)+SUM(B1:B2)', 'Dépenses', ins)).toBe(
      'SUM(B1:B7)+SUM(B5:B6)+SUM(B1:B2)',
    );
    expect(formulaAfterInsert('SUM(A1:B5)+SUM(B1:C9)', 'Dépenses', ins)).toBe('SUM(A1:B5)+SUM(B1:C9)');
  });

  it('cuts an area that straddles the columns, as Excel cuts a validation or a format', () => {
    expect(areasAfterInsert('A1:C5', 'Dépenses', ins)).toEqual(['A1:A5', 'B1:B7', 'C1:C5']);
    expect(areasAfterInsert('B2:C2', 'Dépenses', ins)).toEqual(['B2:C2']); // above the row: as it was
    expect(areasAfterInsert('B4', 'Dépenses', ins)).toEqual(['B6']);
    expect(areasAfterInsert('A1:A9', 'Dépenses', ins)).toEqual(['A1:A9']);
  });
});
