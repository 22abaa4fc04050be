import { namesUsed } from '../sheets/model/formula';
import { grid } from './grid';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    id: 'formula-undefined-name',
    title: 'Les formules n’utilisent que des noms qui existent',
    criteria: ['cpacp:C20', 'rncp40642:C1.5'],
    why: 'Une formule qui utilise un nom inexistant affiche #NAME? ou un résultat faux.',
    fix: 'Recréez le nom dans le Gestionnaire de noms, ou remplacez-le dans la formule par la bonne cellule.',
    severity: 'erreur',
    kind: 'auto',
    reads: [],
    readsWorkbook: true,
    sheet: 'Toutes les feuilles',
  },
  check(ctx) {
    const wb = ctx.snapshot.workbook;
    if (!wb) return;
    const global = new Set(wb.names.map((n) => n.toLowerCase()));
    const local = new Set(wb.localNames.map((n) => `${n.sheet.toLowerCase()}!${n.name.toLowerCase()}`));
    const defined = (sheet: string, name: string): boolean =>
      global.has(name.toLowerCase()) || local.has(`${sheet.toLowerCase()}!${name.toLowerCase()}`);
    for (const range of wb.sheets) {
      const g = grid(range);
      for (let i = 0; i < g.rows; i += 1) {
        for (let j = 0; j < g.cols; j += 1) {
          // The names of a formula form are read once: most cells only look them up.
          if (!g.names(i, j).some((u) => !defined(u.sheet ?? range.sheet, u.name))) continue;
          const f = g.formula(i, j) ?? '';
          const missing = namesUsed(f).filter((u) => !defined(u.sheet ?? range.sheet, u.name));
          ctx.report(
            'formula-undefined-name',
            { names: [...new Set(missing.map((u) => u.name))].join(', '), formula: f },
            g.at(i, j),
          );
        }
      }
    }
  },
};
