import {
  RANKED_BASE,
  RIGHTS_BASES,
  RIGHTS_RANKS,
  RIGHTS_ROLES,
  type RankStep,
  type BoxOffice,
  type Cascade,
  type RightsInput,
  type RightsResult,
} from '../../domain/rights/rights';
import { PARAMS_NAMES as P } from '../params/contract';
import { type Money, toCellNumber } from '../../domain/money';
import type { Naming } from '../model/naming';
import { SheetBuilder } from '../model/builder';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import {
  RIGHTS_BASE_COLUMNS as BA,
  RIGHTS_BOX_COLUMNS as BO,
  RIGHTS_BOX_ROWS,
  RIGHTS_COLUMNS as R,
  RIGHTS_FIRST_ROW,
  RIGHTS_HEADER_ROW,
  RIGHTS_NAMES,
  RIGHTS_RANK_COLUMNS as RK,
} from './contract';

/** Free rows under the holders. */
export const FREE_RIGHTS_ROWS = 15;

const num = (m: Money): number => toCellNumber(m);

export interface RightsLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: RightsResult;
}

const BOX_LABELS: Record<(typeof RIGHTS_BOX_ROWS)[number], string> = {
  admissions: 'Entrées en salle',
  averagePrice: 'Prix moyen du billet (TTC)',
  boxOffice: 'Recettes guichet (TTC)',
  ticketVat: '− TVA sur les billets (taux de Paramètres)',
  tsa: '− TSA, sur le prix hors TVA (taux de Paramètres)',
  theatresNet: 'Recettes nettes des salles (hors TVA et TSA)',
  rentalRate: 'Taux de location (contrat ; appliqué au plus au plafond de Paramètres)',
  distributorGross: 'Recettes brutes distributeur (RBD)',
  distributionFee: 'Commission de distribution (taux du mandat)',
  distributionFeeAmount: '− Commission de distribution',
  pa: 'Frais d’édition (copies et publicité) avancés par le distributeur',
  paRecouped: '− Frais d’édition récupérés',
  producerNet: 'Recettes nettes part producteur (RNPP)',
  mg: 'Minimum garanti versé au producteur par le distributeur',
  mgRecouped: '− Minimum garanti récupéré par le distributeur',
  beyondMg: 'Remontées au producteur au-delà du minimum garanti',
  producerTotal: 'Recettes du producteur, minimum garanti compris',
};

type BoxKey = (typeof RIGHTS_BOX_ROWS)[number];
type Holders = { first: number; last: number };
/** Where the per-base table and the box office sit. */
interface Blocks {
  baseFirst: number;
  baseLast: number;
  boxTitle: number;
  boxRow: (k: BoxKey) => number;
  box: (k: BoxKey) => string;
}

function blocks(): Blocks {
  const baseFirst = RIGHTS_FIRST_ROW;
  const baseLast = baseFirst + RIGHTS_BASES.length - 1;
  const boxTitle = baseLast + 2;
  const boxRow = (k: BoxKey): number => boxTitle + 1 + RIGHTS_BOX_ROWS.indexOf(k);
  return { baseFirst, baseLast, boxTitle, boxRow, box: (k) => BO.cell('value', boxRow(k)) };
}

/**
 * A holder's part: its share of what reaches it — on the RNPP with a rank, what the corridors and
 * the ranks before left (the waterfall's « Disponible »); else the whole base — rounded to the
 * cent, and at most its cap when it has one.
 */
function partFormula(
  at: (k: (typeof R.keys)[number]) => string,
  bases: string,
  receipts: string,
  available: string,
): string {
  const on = `IF(AND(${at('base')}="${RANKED_BASE}",${at('rank')}<>""),INDEX(${available},N(${at('rank')})+1),SUMIF(${bases},${at('base')},${receipts}))`;
  const p = `ROUND(${at('share')}*${on},2)`;
  return `IF(OR(${at('base')}="",${at('share')}=""),"",IF(${at('cap')}="",${p},MIN(${at('cap')},${p})))`;
}

/** One row per holder (with free rows): qualité, assiette, share, rank, MG and the simulated part. */
function holderRows(b: SheetBuilder, result: RightsResult): Holders {
  const first = RIGHTS_FIRST_ROW;
  const last = first + result.holders.length + FREE_RIGHTS_ROWS - 1;
  b.headers(R, RIGHTS_HEADER_ROW);
  const bases = b.n(RIGHTS_NAMES.bases);
  const receipts = b.n(RIGHTS_NAMES.receipts);
  for (let r = first; r <= last; r += 1) {
    const h = result.holders[r - first];
    const at = (k: (typeof R.keys)[number]): string => R.cell(k, r);
    b.push(
      { address: at('name'), value: h?.name ?? null, style: 'input' },
      { address: at('role'), value: h?.role ?? null, style: 'input' },
      { address: at('base'), value: h?.base ?? null, style: 'input' },
      { address: at('share'), value: h ? num(h.share) : null, numFmt: NUMFMT.rate, style: 'input' },
      { address: at('rank'), value: h?.rank ?? null, numFmt: NUMFMT.integer, style: 'input' },
      { address: at('cap'), value: h?.cap ? num(h.cap) : null, numFmt: NUMFMT.euro, style: 'input' },
      { address: at('mg'), value: h?.mg ? num(h.mg) : null, numFmt: NUMFMT.euro, style: 'input' },
      {
        address: at('part'),
        formula: partFormula(at, bases, receipts, b.n(RIGHTS_NAMES.rankAvailable)),
        result: h ? num(h.part) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('beyondMg'),
        formula: `IF(${at('part')}="","",MAX(0,${at('part')}-N(${at('mg')})))`,
        result: h ? num(h.beyondMg) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('uncoveredMg'),
        formula: `IF(${at('part')}="","",MAX(0,N(${at('mg')})-${at('part')}))`,
        result: h ? num(h.uncoveredMg) : '',
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  }
  return { first, last };
}

/** The cascade's row each simulated base reads; « Autre assiette » is typed. */
const SIMULATED: Partial<Record<string, BoxKey>> = {
  'Recettes nettes part producteur': 'producerNet',
  'Recettes brutes distributeur': 'distributorGross',
  'Recettes guichet': 'boxOffice',
};

/** The receipts of a base: the cascade's for the three it simulates, else typed. */
function baseReceipts(base: string, at: string, receipts: Money | null, x: Blocks): CellPlan {
  const from = SIMULATED[base];
  if (from)
    return {
      address: at,
      formula: `N(${x.box(from)})`,
      result: receipts ? num(receipts) : 0,
      numFmt: NUMFMT.euro,
      style: 'computed',
    };
  return {
    address: at,
    value: receipts && !receipts.isZero() ? num(receipts) : null,
    numFmt: NUMFMT.euro,
    style: 'input',
  };
}

/** Per base: the total of the shares, the receipts, what is distributed and what is left. */
function baseRows(b: SheetBuilder, result: RightsResult, x: Blocks): void {
  b.headers(BA, RIGHTS_HEADER_ROW);
  RIGHTS_BASES.forEach((base, i) => {
    const r = x.baseFirst + i;
    const t = result.byBase[i];
    const at = (k: (typeof BA.keys)[number]): string => BA.cell(k, r);
    b.push(
      { address: at('base'), value: base, style: 'label' },
      {
        address: at('share'),
        // On the RNPP, the corridors only: each rank's shares are totalled in the waterfall.
        formula:
          base === RANKED_BASE
            ? `SUMPRODUCT((${b.n(RIGHTS_NAMES.lineBases)}=${at('base')})*(${b.n(RIGHTS_NAMES.lineRanks)}="")*${b.n(RIGHTS_NAMES.lineShares)})`
            : `SUMIF(${b.n(RIGHTS_NAMES.lineBases)},${at('base')},${b.n(RIGHTS_NAMES.lineShares)})`,
        result: t ? num(t.share) : 0,
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
      baseReceipts(base, at('receipts'), t?.receipts ?? null, x),
      {
        address: at('distributed'),
        formula: `SUMIF(${b.n(RIGHTS_NAMES.lineBases)},${at('base')},${b.n(RIGHTS_NAMES.lineAmounts)})`,
        result: t ? num(t.distributed) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('left'),
        formula: `N(${at('receipts')})-${at('distributed')}`,
        result: t ? num(t.left) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
    );
  });
}

/** The cascade's inputs (contract terms and figures typed by the user). */
const BOX_INPUTS: Partial<Record<BoxKey, { value: (bo: BoxOffice) => number | null; numFmt: string }>> = {
  admissions: { value: (bo) => bo.admissions, numFmt: NUMFMT.integer },
  averagePrice: { value: (bo) => (bo.averagePrice ? num(bo.averagePrice) : null), numFmt: NUMFMT.euro },
  rentalRate: { value: (bo) => (bo.rentalRate ? num(bo.rentalRate) : null), numFmt: NUMFMT.rate },
  distributionFee: {
    value: (bo) => (bo.distributionFee ? num(bo.distributionFee) : null),
    numFmt: NUMFMT.rate,
  },
  pa: { value: (bo) => (bo.pa ? num(bo.pa) : null), numFmt: NUMFMT.euro },
  mg: { value: (bo) => (bo.mg ? num(bo.mg) : null), numFmt: NUMFMT.euro },
};

/**
 * The cascade's formulas, one per computed row, as the domain's computeCascade: each empty while
 * the box office is unknown, each step rounded to the cent.
 */
function cascadeFormulas(
  box: (k: BoxKey) => string,
  n: (name: string) => string,
): Partial<Record<BoxKey, string>> {
  const when = (f: string): string => `IF(${box('boxOffice')}="","",${f})`;
  return {
    boxOffice: `IF(OR(${box('admissions')}="",${box('averagePrice')}=""),"",ROUND(${box('admissions')}*${box('averagePrice')},2))`,
    ticketVat: when(`ROUND(${box('boxOffice')}-${box('boxOffice')}/(1+${n(P.ticketVat)}),2)`),
    tsa: when(`ROUND((${box('boxOffice')}-${box('ticketVat')})*${n(P.tsa)},2)`),
    theatresNet: when(`${box('boxOffice')}-${box('ticketVat')}-${box('tsa')}`),
    distributorGross: when(`ROUND(${box('theatresNet')}*MIN(N(${box('rentalRate')}),${n(P.rentalCap)}),2)`),
    distributionFeeAmount: when(`ROUND(${box('distributorGross')}*N(${box('distributionFee')}),2)`),
    paRecouped: when(`MIN(N(${box('pa')}),${box('distributorGross')}-${box('distributionFeeAmount')})`),
    producerNet: when(`${box('distributorGross')}-${box('distributionFeeAmount')}-${box('paRecouped')}`),
    mgRecouped: when(`MIN(N(${box('mg')}),${box('producerNet')})`),
    beyondMg: when(`${box('producerNet')}-${box('mgRecouped')}`),
    producerTotal: when(`MAX(N(${box('mg')}),${box('producerNet')})`),
  };
}

/** What the domain computed for a row of the cascade (the sheet's cached result). */
function cascadeResult(c: Cascade | null, k: BoxKey): number | string {
  if (!c) return '';
  const v: Partial<Record<BoxKey, Money>> = {
    boxOffice: c.boxOffice,
    ticketVat: c.ticketVat,
    tsa: c.tsa,
    theatresNet: c.theatresNet,
    distributorGross: c.distributorGross,
    distributionFeeAmount: c.distributionFee,
    paRecouped: c.paRecouped,
    producerNet: c.producerNet,
    mgRecouped: c.mgRecouped,
    beyondMg: c.beyondMg,
    producerTotal: c.producerTotal,
  };
  const m = v[k];
  return m ? num(m) : '';
}

/** The totals of the cascade, shown as such. */
const BOX_TOTALS: readonly BoxKey[] = ['distributorGross', 'producerNet', 'producerTotal'];

/**
 * The theatrical cascade: entrées × prix moyen → recettes guichet → − TVA → − TSA → × taux de
 * location → RBD → − commission → − frais d'édition → RNPP → − minimum garanti récupéré.
 */
function boxOfficeRows(b: SheetBuilder, input: RightsInput, result: RightsResult, x: Blocks): void {
  const formulas = cascadeFormulas(x.box, (name) => b.n(name));
  b.push({ address: BO.cell('label', x.boxTitle), value: BO.header('label'), style: 'section' });
  for (const k of RIGHTS_BOX_ROWS) {
    const total = BOX_TOTALS.includes(k);
    b.push({
      address: BO.cell('label', x.boxRow(k)),
      value: BOX_LABELS[k],
      style: total ? 'total' : 'label',
    });
    const typed = BOX_INPUTS[k];
    const formula = formulas[k];
    if (typed)
      b.push({
        address: x.box(k),
        value: typed.value(input.boxOffice),
        numFmt: typed.numFmt,
        style: 'input',
      });
    else if (formula)
      b.push({
        address: x.box(k),
        formula,
        result: cascadeResult(result.cascade, k),
        numFmt: NUMFMT.euro,
        style: total ? 'total' : 'computed',
      });
  }
}

/** The waterfall's header row, under the cascade. */
const rankHeader = (x: Blocks): number =>
  x.boxRow(RIGHTS_BOX_ROWS[RIGHTS_BOX_ROWS.length - 1] ?? 'producerTotal') + 2;

/**
 * The RNPP's waterfall: the corridors (holders without a rank) on the whole RNPP, then ranks 1 to
 * 5, each on what the step before left; what a step pays is its holders' shares of what reaches
 * it, each rounded to the cent and held to its cap — the holders' own formula, summed.
 */
function rankRows(b: SheetBuilder, steps: readonly RankStep[], x: Blocks): { first: number; last: number } {
  const header = rankHeader(x);
  b.headers(RK, header);
  const first = header + 1;
  const n = (name: string): string => b.n(name);
  const mine = (rank: number): string =>
    `(${n(RIGHTS_NAMES.lineBases)}="${RANKED_BASE}")*(${n(RIGHTS_NAMES.lineRanks)}=${rank === 0 ? '""' : rank})`;
  for (let rank = 0; rank <= RIGHTS_RANKS; rank += 1) {
    const r = first + rank;
    const at = (k: (typeof RK.keys)[number]): string => RK.cell(k, r);
    const step = steps[rank];
    const p = `ROUND(${n(RIGHTS_NAMES.lineShares)}*${at('available')},2)`;
    const over = `(${p}-${n(RIGHTS_NAMES.lineCaps)})`;
    b.push(
      {
        address: at('rank'),
        value: rank === 0 ? 'Couloirs (sans rang, dès le premier euro)' : `Rang ${rank}`,
        style: 'label',
      },
      {
        address: at('share'),
        formula: `SUMPRODUCT(${mine(rank)}*${n(RIGHTS_NAMES.lineShares)})`,
        result: step ? num(step.share) : 0,
        numFmt: NUMFMT.rate,
        style: 'computed',
      },
      {
        address: at('available'),
        formula: rank === 0 ? `N(${x.box('producerNet')})` : RK.cell('left', r - 1),
        result: step ? num(step.available) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('taken'),
        formula: `ROUND(SUMPRODUCT(${mine(rank)}*(${p}-(${n(RIGHTS_NAMES.lineCaps)}<>"")*(${over}+ABS(${over}))/2)),2)`,
        result: step ? num(step.taken) : 0,
        numFmt: NUMFMT.euro,
        style: 'computed',
      },
      {
        address: at('left'),
        formula: `${at('available')}-${at('taken')}`,
        result: step ? num(step.left) : 0,
        numFmt: NUMFMT.euro,
        style: rank === RIGHTS_RANKS ? 'total' : 'computed',
      },
    );
  }
  return { first, last: first + RIGHTS_RANKS };
}

/** The qualités' list under the waterfall; its first row. */
function roleList(b: SheetBuilder, x: Blocks): number {
  const listHeader = rankHeader(x) + RIGHTS_RANKS + 3;
  b.push({ address: BA.cell('base', listHeader), value: 'Qualités', style: 'header' });
  RIGHTS_ROLES.forEach((role, i) =>
    b.push({ address: BA.cell('base', listHeader + 1 + i), value: role, style: 'label' }),
  );
  return listHeader;
}

function rightsNames(
  b: SheetBuilder,
  h: Holders,
  x: Blocks,
  ranks: { first: number; last: number },
  listHeader: number,
): void {
  const col = (k: (typeof R.keys)[number]): string => R.range(k, h.first, h.last);
  b.name(RIGHTS_NAMES.lines, R.block(h.first, h.last))
    .name(RIGHTS_NAMES.lineBases, col('base'))
    .name(RIGHTS_NAMES.lineShares, col('share'))
    .name(RIGHTS_NAMES.lineAmounts, col('part'))
    .name(RIGHTS_NAMES.lineRanks, col('rank'))
    .name(RIGHTS_NAMES.lineCaps, col('cap'))
    .name(RIGHTS_NAMES.ranks, RK.block(ranks.first, ranks.last))
    .name(RIGHTS_NAMES.rankAvailable, RK.range('available', ranks.first, ranks.last))
    .name(RIGHTS_NAMES.byBase, BA.block(x.baseFirst, x.baseLast))
    .name(RIGHTS_NAMES.bases, BA.range('base', x.baseFirst, x.baseLast))
    .name(RIGHTS_NAMES.receipts, BA.range('receipts', x.baseFirst, x.baseLast));
  for (const k of RIGHTS_BOX_ROWS) b.name(RIGHTS_NAMES[k], absolute(x.box(k)));
  b.name(RIGHTS_NAMES.roles, BA.range('base', listHeader + 1, listHeader + RIGHTS_ROLES.length));
}

function rightsChecks(b: SheetBuilder, h: Holders, x: Blocks): void {
  b.validations.push(
    {
      range: R.span('role', h.first, h.last),
      kind: 'list',
      listName: b.n(RIGHTS_NAMES.roles),
      error: 'Qualité : choisissez dans la liste (auteur, réalisateur, compositeur, producteur…).',
    },
    {
      range: R.span('base', h.first, h.last),
      kind: 'list',
      listName: b.n(RIGHTS_NAMES.bases),
      error: 'Assiette : choisissez une des assiettes du tableau à droite.',
    },
    { range: R.span('share', h.first, h.last), kind: 'share', error: 'Pourcentage : entre 0 et 100 %.' },
    {
      range: R.span('rank', h.first, h.last),
      kind: 'wholeBetween',
      bounds: [1, RIGHTS_RANKS],
      error: `Rang : un nombre entier de 1 à ${RIGHTS_RANKS} (vide : un couloir, payé dès le premier euro).`,
    },
    {
      range: R.span('cap', h.first, h.last),
      kind: 'decimalMin0',
      error: 'Plafond de récupération : un montant positif ou nul (vide : sans plafond).',
    },
    {
      range: R.span('mg', h.first, h.last),
      kind: 'decimalMin0',
      error: 'Minimum garanti : un montant positif ou nul.',
    },
  );
  b.conditionalFormats.push({ range: BA.span('left', x.baseFirst, x.baseLast), when: 'negative' });
}

/**
 * Ayants droit: the rights holders (qualité, assiette, pourcentage, rang, minimum garanti) and the
 * part each would receive from simulated receipts; per base, the total of the shares (never above
 * 100 %), the receipts, what is distributed and what is left; the theatrical cascade (entrées ×
 * prix moyen, VAT, TSA, rental, fee, P&A, MG) gives the box office, the distributor's gross
 * receipts and the producer's net receipts.
 */
export function rightsSheet(
  rights: { input: RightsInput; result: RightsResult; note?: string },
  naming: Naming,
): RightsLayout {
  const { input, result, note } = rights;
  const b = new SheetBuilder(naming, 'rights');
  b.titled(
    'Ayants droit — parts des recettes et simulation',
    note ??
      'Une ligne par ayant droit : son assiette (liste), son pourcentage, son rang, son plafond et son minimum garanti. La part simulée vient des recettes simulées à droite, calculées par la cascade des recettes en salles (TVA, TSA, location, commission, frais d’édition, minimum garanti). Sur les RNPP, les lignes sans rang sont des couloirs, payés dès le premier euro ; le reste va au rang 1, puis ce que le rang 1 laisse au rang 2, etc., chaque ligne au plus à son plafond (la récupération d’une SOFICA). La rémunération proportionnelle d’un auteur s’impute sur son minimum garanti (CPI art. L132-25). Au plus 100 % par couloir et par rang.',
  );
  const h = holderRows(b, result);
  const x = blocks();
  baseRows(b, result, x);
  boxOfficeRows(b, input, result, x);
  const ranks = rankRows(b, result.ranks, x);
  rightsNames(b, h, x, ranks, roleList(b, x));
  rightsChecks(b, h, x);
  return {
    sheet: b.plan({
      columnWidths: [34, 18, 30, 12, 9, 16, 16, 14, 16, 16, 3, 44, 14, 16, 14, 16],
      freezeRows: RIGHTS_HEADER_ROW,
      merges: [`A2:${R.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: RIGHTS_HEADER_ROW },
    }),
    names: b.names,
    result,
  };
}
