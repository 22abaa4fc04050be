import { RANKED_BASE, RIGHTS_RANKS, isRank } from '../domain/rights/rights';
import { formatPercent, sum, toMoney, type Money } from '../domain/money';
import type { RightsHolderModel } from '../model/model';
import { BASE_SHEETS } from '../sheets/model/naming';
import { MODEL_READS, readModel } from '../model/read';
import type { Rule } from './types';

/** A holder paid by rank on the RNPP (not a corridor). */
const ranked = (h: RightsHolderModel): boolean => h.base.value === RANKED_BASE && h.rank.value !== null;

/** The total of shares, in decimals, and how many holders carry them. */
const total = (hs: readonly RightsHolderModel[]): { total: Money; holders: number } => ({
  total: sum(hs.map((h) => h.share.value ?? toMoney(0))),
  holders: hs.length,
});

/**
 * The Ayants droit table: each holder's share sits on a base of the table, and the shares of one
 * base never add up to more than 100 % — on the RNPP, the corridors' and each rank's apart, a rank
 * being a whole number from 1 to 5 — summed from the holders' typed percentages, in decimals;
 * the cascade's rental rate within its legal cap (the formula applies the cap: a typed rate above
 * it is a contract the sheet does not simulate).
 */
export const rule: Rule = {
  meta: {
    id: 'rights-shares',
    title:
      'Ayants droit : chaque part sur une assiette, au plus 100 % par assiette et par rang des RNPP, un taux de location dans son plafond',
    criteria: ['cefpf:C4.17'],
    why: 'Des parts qui dépassent 100 % d’une même assiette, ou de ce qui reste à un rang des RNPP, promettent plus que les recettes : le contrat d’un ayant droit ne pourra pas être honoré, et la répartition des recettes est fausse. Un taux de location au-delà du plafond n’est pas celui que la cascade applique : les recettes simulées ne sont pas celles du contrat saisi.',
    fix: 'Revoyez les pourcentages des ayants droit de l’assiette ou du rang (feuille Ayants droit) pour que leur total ne dépasse pas 100 %, donnez une assiette de la liste à chaque ligne et un rang de 1 à 5 (ou aucun, pour un couloir) ; ramenez le taux de location dans le plafond de Paramètres, ou corrigez le plafond s’il a changé.',
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
      const rank = h.rank.value;
      if (base === RANKED_BASE && rank !== null && h.rank.at && !isRank(rank.toNumber()))
        ctx.report('rights-rank-unknown', { holder, rank: rank.toString().replace('.', ',') }, h.rank.at);
    }
    for (const b of rights.bases) {
      const base = b.base.value ?? '';
      const t = total(sharing.filter((h) => h.base.value === base && !ranked(h)));
      if (t.total.gt(1) && b.share.at)
        ctx.report(
          'rights-over-100',
          { base, total: formatPercent(t.total), holders: t.holders },
          b.share.at,
        );
    }
    for (let rank = 1; rank <= RIGHTS_RANKS; rank += 1) {
      const t = total(sharing.filter((h) => ranked(h) && h.rank.value?.eq(rank)));
      const at = rights.ranks[rank]?.share.at;
      if (t.total.gt(1) && at)
        ctx.report(
          'rights-rank-over-100',
          { rank: `Rang ${rank}`, total: formatPercent(t.total), holders: t.holders },
          at,
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
