import { parseAddress } from '../sheets/model/plan';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'sheet-read-partial',
    title: 'Feuilles lues en entier par les contrôles génériques',
    criteria: ['cpacp:C20'],
    why: 'Une feuille trop grande n’a été lue qu’en partie : l’absence de constat au-delà ne prouve rien.',
    fix: 'Contrôlez le reste à la main, ou allégez la feuille (lignes vides formatées jusqu’en bas, copies inutiles).',
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
