import { CARBON_NAMES } from '../sheets/carbon/contract';
import { CASHFLOW_NAMES } from '../sheets/cashflow/contract';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { FINANCING_NAMES } from '../sheets/financing/contract';
import { RECAP_NAMES } from '../sheets/recap/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { at, isExcelError } from './snapshot';
import type { Rule } from './types';

/** The ranges the other rules read: scanned for Excel errors when the workbook is not read whole. */
export const AUDITED = [
  DEVIS_NAMES.lines,
  RECAP_NAMES.lines,
  FINANCING_NAMES.table,
  FINANCING_NAMES.summary,
  CASHFLOW_NAMES.cumulative,
  CARBON_NAMES.summary,
  CARBON_NAMES.lines,
];

export const rule: Rule = {
  meta: {
    id: 'error-cells',
    title: 'Aucune erreur (#REF!, #DIV/0!, #VALUE!, #N/A…) dans les feuilles du classeur',
    criteria: ['cpacp:C20', 'rncp40642:C1.7'],
    why: 'Une cellule en erreur (#REF!, #DIV/0!…) propage l’erreur à tous les totaux qui la lisent.',
    fix: 'Ouvrez la cellule, retrouvez la référence supprimée ou la division par zéro, et corrigez la formule.',
    severity: 'erreur',
    kind: 'auto',
    reads: AUDITED,
    readsWorkbook: true,
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    // Every sheet when the workbook is read whole; else the ranges the other rules read.
    const ranges =
      ctx.snapshot.workbook?.sheets ??
      AUDITED.map(
        (name) =>
          ctx.snapshot.ranges[name] ?? (name === DEVIS_NAMES.lines ? ctx.snapshot.sheets.devis : null),
      );
    for (const r of ranges) {
      if (!r) continue;
      r.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const e = isExcelError(v);
          if (e) ctx.report('error-cell', { error: e }, at(r, i, j));
        }),
      );
    }
  },
};
