import { formatAmount } from '../domain/money';
import { listNomenclatures } from '../domain/nomenclature/nomenclature';
import { DEVIS_NAMES, chapterNames } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { RECAP_NAMES } from '../sheets/recap/contract';
import { readRecap, recapFigure } from '../sheets/recap/reader';
import { isNumber, num, single } from './snapshot';
import type { Rule } from './types';

const fmt = (n: number): string => formatAmount(n);

/** Every chapter code of every nomenclature: the récap rows whose Devis total the rule reads. */
const CHAPTER_CODES = [...new Set(listNomenclatures().flatMap((n) => n.chapters.map((c) => c.code)))];

export const rule: Rule = {
  meta: {
    id: 'devis-recap-consistent',
    title: 'Récapitulatif : chaque poste et le total égaux au devis',
    criteria: ['cpca:C1.3.3', 'cpacp:C6'],
    why: 'Le récapitulatif est ce que le lecteur regarde d’abord : s’il diffère du devis, plus aucun chiffre n’est fiable.',
    fix: 'Reliez chaque poste du récapitulatif au total de son chapitre par une formule, au lieu d’un nombre saisi.',
    severity: 'erreur',
    kind: 'auto',
    reads: [
      RECAP_NAMES.lines,
      RECAP_NAMES.total,
      DEVIS_NAMES.total.amount,
      ...CHAPTER_CODES.map((c) => chapterNames(c).amount),
    ],
    sheet: BASE_SHEETS.recap,
    unlocated: { 'name-missing': 'le Récapitulatif n’existe pas : il n’y a pas de cellule à désigner' },
  },
  check(ctx) {
    const recap = readRecap(ctx.snapshot);
    if (!recap) {
      ctx.report('name-missing', { name: RECAP_NAMES.lines, what: 'tableau du récapitulatif' }, null);
      return;
    }
    for (const row of recap) {
      const code = row.text('code');
      if (!CHAPTER_CODES.includes(code)) continue;
      const devis = single(ctx.snapshot, chapterNames(code).amount);
      if (!devis || !isNumber(row.amount)) continue;
      if (Math.abs(num(row.amount) - num(devis.value)) > 0.005)
        ctx.report(
          'recap-mismatch',
          { code, recap: fmt(num(row.amount)), devis: fmt(num(devis.value)) },
          row.at('amount'),
        );
    }
    const rt = recapFigure(ctx.snapshot, 'total');
    const dt = single(ctx.snapshot, DEVIS_NAMES.total.amount);
    if (rt && dt && isNumber(rt.value) && isNumber(dt.value) && Math.abs(rt.value - dt.value) > 0.005) {
      ctx.report('recap-total-mismatch', { recap: fmt(rt.value), devis: fmt(dt.value) }, rt.location);
    }
  },
};
