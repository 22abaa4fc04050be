import examples from '../../../data/exemples/ayants-droit.json';
import recettes from '../../../data/finance/recettes.json';
import type { FactMark, ProductionFormat } from '../facts/facts';
import { Money, ZERO, roundCents, sum, toMoney } from '../money';

/** Who holds rights on the film's receipts. */
export const RIGHTS_ROLES = [
  'Auteur',
  'Réalisateur',
  'Compositeur',
  'Producteur délégué',
  'Coproducteur',
  'Distributeur',
  'Interprète',
  'Autre',
] as const;

/** The receipts a share is computed on (assiette). */
export const RIGHTS_BASES = [
  'Recettes nettes part producteur',
  'Recettes brutes distributeur',
  'Recettes guichet',
  'Autre assiette',
] as const;
export type RightsBase = (typeof RIGHTS_BASES)[number];

/**
 * The base shared by rank: the producer's net receipts go first to the corridors (holders without
 * a rank, from the first euro), then rank by rank, each rank on what the ranks before it left.
 */
export const RANKED_BASE: RightsBase = 'Recettes nettes part producteur';
/** Ranks 1 to RIGHTS_RANKS share the RNPP in turn. */
export const RIGHTS_RANKS = 5;

export interface RightsHolder {
  name: string;
  role: string;
  base: string;
  /** 0.03 for 3 %. */
  share: Money;
  /**
   * Rank of payment on the RNPP (1 first, up to RIGHTS_RANKS), on what the corridors and the ranks
   * before left; null: a corridor, paid on the whole base from the first euro.
   */
  rank: number | null;
  /** What the holder takes at most on this line (a recoupment: a SOFICA's investment), or null. */
  cap: Money | null;
  /** Minimum garanti (à valoir) already paid, recouped against the share. */
  mg: Money | null;
}

/** What the film makes in French theatres, and the contract terms that bring it back to the producer. */
export interface BoxOffice {
  admissions: number | null;
  /** Average ticket price, VAT included. */
  averagePrice: Money | null;
  /** The exhibitors' rental rate (0.47 for 47 %), by contract; applied up to the legal cap. */
  rentalRate: Money | null;
  /** The distributor's fee on its gross receipts (0.25 for 25 %), by the distribution mandate. */
  distributionFee: Money | null;
  /** Prints and advertising the distributor spent, recouped from its receipts after its fee. */
  pa: Money | null;
  /** Minimum garanti the distributor paid the producer, recouped from the producer's net receipts. */
  mg: Money | null;
}

/** A rate of the cascade, with its public source and how sure it is. */
export interface CascadeRate {
  value: Money;
  source: string;
  mark: FactMark;
}

/** The rates of the law in the cascade (Paramètres), and the usual contract terms (defaults). */
export interface CascadeRates {
  ticketVat: CascadeRate;
  tsa: CascadeRate;
  rentalCap: CascadeRate;
  rentalRate: CascadeRate;
  distributionFee: CascadeRate;
}

const rate = (r: { value: string; source: string; mark: string }): CascadeRate => ({
  value: toMoney(r.value),
  source: r.source,
  mark: r.mark as FactMark,
});

/** The cascade's rates as data/finance/recettes.json gives them. */
export function cascadeRates(): CascadeRates {
  return {
    ticketVat: rate(recettes.ticketVat),
    tsa: rate(recettes.tsa),
    rentalCap: rate(recettes.rentalCap),
    rentalRate: rate(recettes.rentalRate),
    distributionFee: rate(recettes.distributionFee),
  };
}

/** The legal rates the sheet reads in Paramètres. */
export interface LegalCascadeRates {
  ticketVat: Money;
  tsa: Money;
  rentalCap: Money;
}

export interface RightsInput {
  holders: RightsHolder[];
  /** Receipts typed per base (« Autre assiette »); the others come from the cascade. */
  receipts: { base: string; amount: Money }[];
  boxOffice: BoxOffice;
}

/**
 * The French theatrical cascade, each step rounded to the cent as the sheet rounds it: box office
 * TTC → − ticket VAT → − TSA → net receipts of the theatres → × rental rate (capped) = the
 * distributor's gross receipts → − its fee → − P&A recouped = the producer's net receipts (RNPP)
 * → − the minimum garanti recouped = what comes back beyond it.
 */
export interface Cascade {
  boxOffice: Money;
  ticketVat: Money;
  tsa: Money;
  theatresNet: Money;
  /** The rental rate applied: the contract's, up to the cap. */
  rentalRate: Money;
  distributorGross: Money;
  distributionFee: Money;
  paRecouped: Money;
  /** P&A the receipts do not cover. */
  paUncovered: Money;
  producerNet: Money;
  mgRecouped: Money;
  /** MG the producer's net receipts do not cover: the distributor's loss on it. */
  mgUncovered: Money;
  beyondMg: Money;
  /** What the producer receives in all: the MG, or the net receipts when they pass it. */
  producerTotal: Money;
}

/** One step of the RNPP's waterfall: the shares there, what reaches it, what it takes and leaves. */
export interface RankStep {
  /** null: the corridors (holders without a rank). */
  rank: number | null;
  share: Money;
  available: Money;
  taken: Money;
  left: Money;
}

export interface RightsResult {
  /** The cascade, null while admissions or the average price is missing. */
  cascade: Cascade | null;
  /** Simulated receipts of each base, in RIGHTS_BASES order. */
  receipts: Map<RightsBase, Money>;
  holders: (RightsHolder & { part: Money; beyondMg: Money; uncoveredMg: Money })[];
  /** The RNPP's waterfall: the corridors, then ranks 1 to RIGHTS_RANKS. */
  ranks: RankStep[];
  byBase: { base: RightsBase; share: Money; receipts: Money; distributed: Money; left: Money }[];
}

/** The cascade from the box office down, exact to the cent; null while the box office is unknown. */
export function computeCascade(bo: BoxOffice, legal: LegalCascadeRates): Cascade | null {
  if (bo.admissions === null || bo.averagePrice === null) return null;
  const boxOffice = roundCents(bo.averagePrice.times(bo.admissions));
  const ticketVat = roundCents(boxOffice.minus(boxOffice.dividedBy(legal.ticketVat.plus(1))));
  const tsa = roundCents(boxOffice.minus(ticketVat).times(legal.tsa));
  const theatresNet = boxOffice.minus(ticketVat).minus(tsa);
  const rentalRate = Money.min(bo.rentalRate ?? ZERO, legal.rentalCap);
  const distributorGross = roundCents(theatresNet.times(rentalRate));
  const distributionFee = roundCents(distributorGross.times(bo.distributionFee ?? ZERO));
  const afterFee = distributorGross.minus(distributionFee);
  const pa = bo.pa ?? ZERO;
  const paRecouped = Money.min(pa, afterFee);
  const producerNet = afterFee.minus(paRecouped);
  const mg = bo.mg ?? ZERO;
  const mgRecouped = Money.min(mg, producerNet);
  return {
    boxOffice,
    ticketVat,
    tsa,
    theatresNet,
    rentalRate,
    distributorGross,
    distributionFee,
    paRecouped,
    paUncovered: pa.minus(paRecouped),
    producerNet,
    mgRecouped,
    mgUncovered: mg.minus(mgRecouped),
    beyondMg: producerNet.minus(mgRecouped),
    producerTotal: Money.max(mg, producerNet),
  };
}

/** The legal rates of the data (what a new workbook's Paramètres hold). */
export function legalCascadeRates(): LegalCascadeRates {
  const r = cascadeRates();
  return { ticketVat: r.ticketVat.value, tsa: r.tsa.value, rentalCap: r.rentalCap.value };
}

/** A simulation of the rights holders' parts, exact to the cent: what the sheet's formulas compute. */
export function computeRights(
  input: RightsInput,
  legal: LegalCascadeRates = legalCascadeRates(),
): RightsResult {
  const cascade = computeCascade(input.boxOffice, legal);
  const receipts = new Map<RightsBase, Money>();
  for (const base of RIGHTS_BASES) {
    const typed = input.receipts.find((r) => r.base === base)?.amount;
    receipts.set(
      base,
      base === 'Recettes nettes part producteur'
        ? (cascade?.producerNet ?? ZERO)
        : base === 'Recettes brutes distributeur'
          ? (cascade?.distributorGross ?? ZERO)
          : base === 'Recettes guichet'
            ? (cascade?.boxOffice ?? ZERO)
            : (typed ?? ZERO),
    );
  }
  const capped = (h: RightsHolder, on: Money): Money => {
    const p = roundCents(h.share.times(on));
    return h.cap ? Money.min(h.cap, p) : p;
  };
  const ranked = (h: RightsHolder): boolean => h.base === RANKED_BASE && h.rank !== null;
  const ranks = rankSteps(input.holders, receipts.get(RANKED_BASE) ?? ZERO, capped);
  const holders = input.holders.map((h) => {
    const on = ranked(h)
      ? (ranks[h.rank ?? 0]?.available ?? ZERO)
      : (receipts.get(h.base as RightsBase) ?? ZERO);
    const part = capped(h, on);
    const mg = h.mg ?? ZERO;
    return {
      ...h,
      part,
      beyondMg: Money.max(part.minus(mg), ZERO),
      uncoveredMg: Money.max(mg.minus(part), ZERO),
    };
  });
  const byBase = RIGHTS_BASES.map((base) => {
    const mine = holders.filter((h) => h.base === base);
    const distributed = sum(mine.map((h) => h.part));
    const r = receipts.get(base) ?? ZERO;
    return {
      base,
      share: sum(mine.filter((h) => !ranked(h)).map((h) => h.share)),
      receipts: r,
      distributed,
      left: r.minus(distributed),
    };
  });
  return { cascade, receipts, holders, ranks, byBase };
}

/** Whether a rank is one the waterfall has (a whole number from 1 to RIGHTS_RANKS). */
export const isRank = (r: number): boolean => Number.isInteger(r) && r >= 1 && r <= RIGHTS_RANKS;

/**
 * The RNPP's waterfall: the corridors take their shares of the whole RNPP; what is left reaches
 * rank 1, whose holders take their shares of it (each up to its cap); what rank 1 leaves reaches
 * rank 2, and so on. Each holder's part rounded to the cent, as the sheet rounds it.
 */
function rankSteps(
  holders: readonly RightsHolder[],
  rnpp: Money,
  capped: (h: RightsHolder, on: Money) => Money,
): RankStep[] {
  const steps: RankStep[] = [];
  let available = rnpp;
  for (let rank = 0; rank <= RIGHTS_RANKS; rank += 1) {
    const at = holders.filter((h) => h.base === RANKED_BASE && (h.rank ?? 0) === rank);
    const taken = sum(at.map((h) => capped(h, available)));
    const left = available.minus(taken);
    steps.push({
      rank: rank === 0 ? null : rank,
      share: sum(at.map((h) => h.share)),
      available,
      taken,
      left,
    });
    available = left;
  }
  return steps;
}

interface ExampleRights {
  holders: {
    name: string;
    role: string;
    base: string;
    share: string;
    rank: number | null;
    cap?: string | null;
    mg: string | null;
  }[];
  receipts: { base: string; amount: string }[];
  boxOffice: {
    admissions: number | null;
    averagePrice: string | null;
    rentalRate: string | null;
    distributionFee: string | null;
    pa: string | null;
    mg: string | null;
  };
}

const moneyOrNull = (v: string | null): Money | null => (v === null ? null : toMoney(v));

/** The example's rights table (data/exemples/ayants-droit.json); empty where the example has none. */
export function exampleRights(format: ProductionFormat): RightsInput {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleRights>>)[format];
  if (!e) return emptyRights();
  const bo = e.boxOffice;
  return {
    holders: e.holders.map((h) => {
      if (h.rank !== null && !isRank(h.rank))
        throw new Error(`Ayant droit d’exemple ${h.name} : rang ${h.rank} hors de 1 à ${RIGHTS_RANKS}`);
      return { ...h, share: toMoney(h.share), cap: moneyOrNull(h.cap ?? null), mg: moneyOrNull(h.mg) };
    }),
    receipts: e.receipts.map((r) => ({ base: r.base, amount: toMoney(r.amount) })),
    boxOffice: {
      admissions: bo.admissions,
      averagePrice: moneyOrNull(bo.averagePrice),
      rentalRate: moneyOrNull(bo.rentalRate),
      distributionFee: moneyOrNull(bo.distributionFee),
      pa: moneyOrNull(bo.pa),
      mg: moneyOrNull(bo.mg),
    },
  };
}

/** No holder and no box office; the contract terms at their usual values, to be adjusted. */
export function emptyRights(): RightsInput {
  const r = cascadeRates();
  return {
    holders: [],
    receipts: [],
    boxOffice: {
      admissions: null,
      averagePrice: null,
      rentalRate: r.rentalRate.value,
      distributionFee: r.distributionFee.value,
      pa: null,
      mg: null,
    },
  };
}

export const RIGHTS_EXAMPLE_NOTE: string = examples.note;
