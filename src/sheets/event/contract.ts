import { contiguousColumns } from '../model/contract';

/** The event's postes (named Evt_Lignes). */
export const EVENT_COLUMNS = contiguousColumns('A', {
  category: 'Catégorie',
  label: 'Poste',
  quantity: 'Quantité',
  unit: 'Unité',
  rate: 'Tarif',
  amount: 'Montant',
  comment: 'Commentaire',
});

/** Totals per category (named Evt_ParCategorie), right of the postes. */
export const EVENT_CATEGORY_COLUMNS = contiguousColumns('I', {
  category: 'Catégorie',
  amount: 'Montant',
  share: 'Part du total',
});

/** The partners (named Evt_Partenaires), under the categories. */
export const EVENT_PARTNER_COLUMNS = contiguousColumns('I', {
  name: 'Partenaire',
  amount: 'Apport',
  kind: 'Nature de l’apport',
});

/**
 * The rétroplanning of the avant-première (named Evt_Retroplanning), under the postes: each task
 * in its phase, with its number, the task it follows, its duration, its safety margin and who is
 * responsible; its dates right of it (named Evt_RetroDates, the same rows).
 */
export const RETRO_COLUMNS = contiguousColumns('A', {
  phase: 'Phase',
  task: 'Tâche',
  rank: 'N°',
  after: 'Après la tâche n°',
  days: 'Durée (jours)',
  margin: 'Marge de sécurité (jours)',
  owner: 'Responsable',
});
export const RETRO_DATE_COLUMNS = contiguousColumns('I', {
  start: 'Début',
  end: 'Fin',
  due: 'Échéance (marge comprise)',
  before: 'Jours avant l’avant-première',
});

/**
 * The festivals (named Evt_Festivals), under the rétroplanning: each festival, its section, place,
 * rank in the strategy, the premiere it requires, genres and expected benefits; its dates, fee and
 * eligibility right of it (named Evt_FestivalDates, the same rows).
 */
export const FESTIVAL_COLUMNS = contiguousColumns('A', {
  name: 'Festival',
  section: 'Section',
  place: 'Lieu',
  rank: 'Rang dans la stratégie',
  premiere: 'Première exigée',
  genres: 'Genres acceptés',
  benefits: 'Retombées attendues',
});
export const FESTIVAL_DATE_COLUMNS = contiguousColumns('I', {
  start: 'Début du festival',
  deadline: 'Date limite d’inscription',
  ready: 'Film livré à la date limite',
  eligible: 'Durée du film éligible',
  fee: 'Frais d’inscription',
  minutesMin: 'Durée min. (min)',
  minutesMax: 'Durée max. (min)',
  yearMin: 'Année de production min.',
});

export const EVENT_TITLE_CELL = 'B4';
export const EVENT_HEADER_ROW = 6;
export const EVENT_FIRST_ROW = EVENT_HEADER_ROW + 1;

export const EVENT_NAMES = {
  title: 'Evt_Titre',
  lines: 'Evt_Lignes',
  lineCategories: 'Evt_LCategories',
  lineAmounts: 'Evt_LMontants',
  total: 'Evt_Total',
  byCategory: 'Evt_ParCategorie',
  partners: 'Evt_Partenaires',
  partnersTotal: 'Evt_TotalPartenaires',
  balance: 'Evt_Solde',
  categories: 'Evt_ListeCategories',
  kinds: 'Evt_ListeNatures',
  phases: 'Evt_ListePhases',
  /** The rétroplanning: the avant-première's date, the tasks and their dates. */
  eventDate: 'Evt_DateAvantPremiere',
  retro: 'Evt_Retroplanning',
  retroDates: 'Evt_RetroDates',
  /** The festivals, their dates and criteria, and the fees of those in the strategy. */
  festivals: 'Evt_Festivals',
  festivalDates: 'Evt_FestivalDates',
  festivalFees: 'Evt_FraisFestivals',
  premieres: 'Evt_ListePremieres',
} as const;
