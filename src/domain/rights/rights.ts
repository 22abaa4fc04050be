import examples from '../../../data/exemples/ayants-droit.json';
import type { ProductionFormat } from '../facts/facts';
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

export interface BoxOffice {
  admissions: number | null;
  averagePrice: Money | null;
  /** Share of the box-office receipts that comes back to the producer (an assumption of contracts). */
  producerShare: Money | null;
}

export interface RightsInput {
  holders: RightsHolder[];
  /** Receipts entered per base; the producer's net receipts and the box office come from the box-office block. */
  receipts: { base: string; amount: Money }[];
  boxOffice: BoxOffice;
}

export interface RightsResult {
  boxOffice: Money | null;
  /** Recettes nettes part producteur from the box office, null while an input is missing. */
  producerNet: Money | null;
  /** Simulated receipts of each base, in RIGHTS_BASES order. */
  receipts: Map<RightsBase, Money>;
  holders: (RightsHolder & { part: Money; beyondMg: Money; uncoveredMg: Money })[];
  byBase: { base: RightsBase; share: Money; receipts: Money; distributed: Money; left: Money }[];
}

/** A simulation of the rights holders' parts, exact to the cent: what the sheet's formulas compute. */
export function computeRights(input: RightsInput): RightsResult {
  const bo = input.boxOffice;
  const boxOffice =
    bo.admissions !== null && bo.averagePrice !== null
      ? roundCents(bo.averagePrice.times(bo.admissions))
      : null;
  const producerNet =
    boxOffice !== null && bo.producerShare !== null ? roundCents(boxOffice.times(bo.producerShare)) : null;
  const receipts = new Map<RightsBase, Money>();
  for (const base of RIGHTS_BASES) {
    const typed = input.receipts.find((r) => r.base === base)?.amount;
    receipts.set(
      base,
      base === 'Recettes nettes part producteur'
        ? (producerNet ?? ZERO)
        : base === 'Recettes guichet'
          ? (boxOffice ?? ZERO)
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
  return { boxOffice, producerNet, receipts, holders, byBase };
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
  boxOffice: { admissions: number | null; averagePrice: string | null; producerShare: string | null };
}

/** The example's rights table (data/exemples/ayants-droit.json); empty where the example has none. */
export function exampleRights(format: ProductionFormat): RightsInput {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleRights>>)[format];
  if (!e) return emptyRights();
  return {
    holders: e.holders.map((h) => ({
      ...h,
      share: toMoney(h.share),
      mg: h.mg === null ? null : toMoney(h.mg),
    })),
    receipts: e.receipts.map((r) => ({ base: r.base, amount: toMoney(r.amount) })),
    boxOffice: {
      admissions: e.boxOffice.admissions,
      averagePrice: e.boxOffice.averagePrice === null ? null : toMoney(e.boxOffice.averagePrice),
      producerShare: e.boxOffice.producerShare === null ? null : toMoney(e.boxOffice.producerShare),
    },
  };
}

export function emptyRights(): RightsInput {
  return {
    holders: [],
    receipts: [],
    boxOffice: { admissions: null, averagePrice: null, producerShare: null },
  };
}

export const RIGHTS_EXAMPLE_NOTE: string = examples.note;
