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

export interface RightsHolder {
  name: string;
  role: string;
  base: string;
  /** 0.03 for 3 %. */
  share: Money;
  /** Order in which the holder is paid (1 first), or null. */
  rank: number | null;
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

export interface RightsResult {
  /** The cascade, null while admissions or the average price is missing. */
  cascade: Cascade | null;
  /** Simulated receipts of each base, in RIGHTS_BASES order. */
  receipts: Map<RightsBase, Money>;
  holders: (RightsHolder & { part: Money; beyondMg: Money; uncoveredMg: Money })[];
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
  const holders = input.holders.map((h) => {
    const part = roundCents(h.share.times(receipts.get(h.base as RightsBase) ?? ZERO));
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
      share: sum(mine.map((h) => h.share)),
      receipts: r,
      distributed,
      left: r.minus(distributed),
    };
  });
  return { cascade, receipts, holders, byBase };
}

interface ExampleRights {
  holders: {
    name: string;
    role: string;
    base: string;
    share: string;
    rank: number | null;
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
    holders: e.holders.map((h) => ({
      ...h,
      share: toMoney(h.share),
      mg: moneyOrNull(h.mg),
    })),
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
