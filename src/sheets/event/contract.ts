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
} as const;
