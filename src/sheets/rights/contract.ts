import { contiguousColumns } from '../model/contract';

/** The rights holders (named Droits_Lignes), one per row. */
export const RIGHTS_COLUMNS = contiguousColumns('A', {
  name: 'Ayant droit',
  role: 'Qualité',
  base: 'Assiette',
  share: 'Pourcentage',
  rank: 'Rang (RNPP)',
  cap: 'Plafond de récupération',
  mg: 'Minimum garanti (à valoir)',
  part: 'Montant simulé',
  beyondMg: 'Au-delà du minimum garanti',
  uncoveredMg: 'Minimum garanti non couvert',
});

/** Per base (named Droits_ParAssiette): total of the shares and the simulation. */
export const RIGHTS_BASE_COLUMNS = contiguousColumns('L', {
  base: 'Assiette',
  share: 'Total des parts (RNPP : couloirs)',
  receipts: 'Recettes simulées',
  distributed: 'Distribué',
  left: 'Reste (non distribué)',
});

/** The theatrical cascade under the bases: a label and its value per row. */
export const RIGHTS_BOX_COLUMNS = contiguousColumns('L', {
  label: 'Cascade des recettes en salles (simulation)',
  value: 'Valeur',
});
/**
 * The RNPP's waterfall under the cascade (named Droits_Rangs): the corridors, then ranks 1 to 5,
 * each with its holders' shares, what reaches it, what it takes and what it leaves.
 */
export const RIGHTS_RANK_COLUMNS = contiguousColumns('L', {
  rank: 'Partage des RNPP par rang',
  share: 'Total des parts',
  available: 'Disponible',
  taken: 'Versé',
  left: 'Reste',
});

export const RIGHTS_BOX_ROWS = [
  'admissions',
  'averagePrice',
  'boxOffice',
  'ticketVat',
  'tsa',
  'theatresNet',
  'rentalRate',
  'distributorGross',
  'distributionFee',
  'distributionFeeAmount',
  'pa',
  'paRecouped',
  'producerNet',
  'mg',
  'mgRecouped',
  'beyondMg',
  'producerTotal',
] as const;

export const RIGHTS_HEADER_ROW = 4;
export const RIGHTS_FIRST_ROW = RIGHTS_HEADER_ROW + 1;

export const RIGHTS_NAMES = {
  lines: 'Droits_Lignes',
  lineBases: 'Droits_LAssiettes',
  lineShares: 'Droits_LParts',
  lineAmounts: 'Droits_LMontants',
  lineRanks: 'Droits_LRangs',
  lineCaps: 'Droits_LPlafonds',
  /** The RNPP's waterfall, and what reaches each of its steps (corridors, ranks 1 to 5). */
  ranks: 'Droits_Rangs',
  rankAvailable: 'Droits_RangDisponible',
  byBase: 'Droits_ParAssiette',
  bases: 'Droits_Assiettes',
  receipts: 'Droits_Recettes',
  admissions: 'Droits_Entrees',
  averagePrice: 'Droits_PrixMoyen',
  boxOffice: 'Droits_RecettesGuichet',
  ticketVat: 'Droits_TVABillets',
  tsa: 'Droits_TSA',
  theatresNet: 'Droits_RecettesNettesSalles',
  rentalRate: 'Droits_TauxLocation',
  distributorGross: 'Droits_RBD',
  distributionFee: 'Droits_TauxCommission',
  distributionFeeAmount: 'Droits_Commission',
  pa: 'Droits_FraisEdition',
  paRecouped: 'Droits_FraisEditionRecuperes',
  producerNet: 'Droits_RNPP',
  mg: 'Droits_MG',
  mgRecouped: 'Droits_MGRecupere',
  beyondMg: 'Droits_RemonteesAuDelaMG',
  producerTotal: 'Droits_RecettesProducteur',
  roles: 'Droits_ListeQualites',
} as const;
