import { formatPercent, sum, toMoney } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import { RIGHTS_NAMES } from '../sheets/rights/contract';
import { readRightsBases, readRightsRows } from '../sheets/rights/reader';
import { isNumber } from './snapshot';
import type { Rule } from './types';

/**
 * The Ayants droit table: each holder's share sits on a base of the table, and the shares of one
 * base never add up to more than 100 % — summed from the holders' typed percentages, in decimals.
 */
export const rule: Rule = {
  meta: {
    id: 'rights-shares',
    title: 'Ayants droit : chaque part sur une assiette, et au plus 100 % par assiette',
    criteria: ['cefpf:C4.17'],
    why: 'Des parts qui dépassent 100 % d’une même assiette promettent plus que les recettes : le contrat d’un ayant droit ne pourra pas être honoré, et la répartition des recettes est fausse.',
    fix: 'Revoyez les pourcentages des ayants droit de l’assiette (feuille Ayants droit) pour que leur total ne dépasse pas 100 %, et donnez une assiette de la liste à chaque ligne.',
    severity: 'erreur',
    kind: 'auto',
    reads: [RIGHTS_NAMES.lines, RIGHTS_NAMES.byBase],
    sheet: BASE_SHEETS.rights,
  },
  check(ctx) {
    const rows = readRightsRows(ctx.snapshot);
    const bases = readRightsBases(ctx.snapshot);
    if (!rows || !bases) return;
    const known = new Set(bases.map((b) => b.text('base')).filter((b) => b !== ''));
    const holder = (r: (typeof rows)[number]): string => r.text('name') || 'sans nom';
    for (const r of rows) {
      if (!isNumber(r.share)) continue;
      const base = r.text('base');
      if (base === '') ctx.report('rights-base-missing', { holder: holder(r) }, r.at('base'));
      else if (!known.has(base)) ctx.report('rights-base-unknown', { holder: holder(r), base }, r.at('base'));
    }
    for (const b of bases) {
      const base = b.text('base');
      if (base === '') continue;
      const mine = rows.filter((r) => r.text('base') === base && isNumber(r.share));
      const total = sum(mine.map((r) => toMoney(r.share as number)));
      if (total.gt(1))
        ctx.report(
          'rights-over-100',
          { base, total: formatPercent(total), holders: mine.length },
          b.at('share'),
        );
    }
  },
};
