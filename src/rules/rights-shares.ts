import { formatPercent, sum, toMoney } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import { MODEL_READS, readModel } from '../model/read';
import type { Rule } from './types';

/**
 * The Ayants droit table: each holder's share sits on a base of the table, and the shares of one
 * base never add up to more than 100 % — summed from the holders' typed percentages, in decimals;
 * the cascade's rental rate within its legal cap (the formula applies the cap: a typed rate above
 * it is a contract the sheet does not simulate).
 */
export const rule: Rule = {
  meta: {
    id: 'rights-shares',
    title:
      'Ayants droit : chaque part sur une assiette, au plus 100 % par assiette, un taux de location dans son plafond',
    criteria: ['cefpf:C4.17'],
    why: 'Des parts qui dépassent 100 % d’une même assiette promettent plus que les recettes : le contrat d’un ayant droit ne pourra pas être honoré, et la répartition des recettes est fausse. Un taux de location au-delà du plafond n’est pas celui que la cascade applique : les recettes simulées ne sont pas celles du contrat saisi.',
    fix: 'Revoyez les pourcentages des ayants droit de l’assiette (feuille Ayants droit) pour que leur total ne dépasse pas 100 %, et donnez une assiette de la liste à chaque ligne ; ramenez le taux de location dans le plafond de Paramètres, ou corrigez le plafond s’il a changé.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.rights,
  },
  check(ctx) {
    // Over the model: the holders and the bases of the per-base table.
    const rights = readModel(ctx.snapshot).rights;
    if (!rights) return;
    const known = new Set(rights.bases.map((b) => b.base.value ?? '').filter((b) => b !== ''));
    const sharing = rights.holders.filter((h) => h.share.value !== null);
    for (const h of sharing) {
      const holder = h.name.value ?? 'sans nom';
      const base = h.base.value ?? '';
      if (!h.base.at) continue;
      if (base === '') ctx.report('rights-base-missing', { holder }, h.base.at);
      else if (!known.has(base)) ctx.report('rights-base-unknown', { holder, base }, h.base.at);
    }
    for (const b of rights.bases) {
      const base = b.base.value ?? '';
      const mine = sharing.filter((h) => h.base.value === base);
      const total = sum(mine.map((h) => h.share.value ?? toMoney(0)));
      if (total.gt(1) && b.share.at)
        ctx.report(
          'rights-over-100',
          { base, total: formatPercent(total), holders: mine.length },
          b.share.at,
        );
    }
    const { rentalRate: rate, rentalCap: cap } = rights;
    if (rate?.value && cap?.value && rate.at && rate.value.gt(cap.value))
      ctx.report(
        'rights-rental-over-cap',
        { rate: formatPercent(rate.value), cap: formatPercent(cap.value) },
        rate.at,
        { severity: 'avertissement' },
      );
  },
};
