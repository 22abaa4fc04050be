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
} as const;
