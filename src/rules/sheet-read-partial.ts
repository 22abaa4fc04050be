import { parseAddress } from '../sheets/model/plan';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'sheet-read-partial',
    title: 'Feuilles lues en entier par les contrôles génériques',
    criteria: ['cpacp:C20'],
    severity: 'info',
    kind: 'auto',
    reads: [],
    readsWorkbook: true,
    sheet: 'Toutes les feuilles',
  },
  check(ctx) {
    for (const range of ctx.snapshot.workbook?.sheets ?? []) {
      if (!range.truncated) continue;
      const { row } = parseAddress(range.topLeft);
      const next = row + range.values.length;
      ctx.report('sheet-read-partial', { row: next }, { sheet: range.sheet, address: `A${next}` });
    }
  },
};
