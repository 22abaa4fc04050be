import { contiguousColumns } from '../model/contract';

/** Row of the cue table's headers; the cues start right below it. */
export const CUE_HEADER_ROW = 7;
export const CUE_FIRST_ROW = CUE_HEADER_ROW + 1;

/**
 * The cues (named Cue_Lignes), one per row: number, title, timecodes in and out (time values, shown
 * h:mm:ss), duration in seconds, use, origin, authors, publisher, performers, rights, cost, the
 * devis line that pays it; by formula the line's label and amount and what the cue sheet charges
 * to it.
 */
export const CUE_COLUMNS = contiguousColumns('A', {
  number: 'N°',
  title: 'Titre',
  in: 'Entrée (h:mm:ss)',
  out: 'Sortie (h:mm:ss)',
  seconds: 'Durée (s)',
  usage: 'Utilisation',
  origin: 'Origine',
  authors: 'Auteurs et compositeurs',
  publisher: 'Éditeur',
  performers: 'Interprètes',
  rights: 'Droits',
  cost: 'Coût des droits',
  code: 'Ligne du devis',
  devisLabel: 'Libellé au devis',
  devisAmount: 'Montant de la ligne au devis',
  charged: 'Imputé à la ligne par le CUE sheet',
});

/** Totals per origin (named Cue_ParOrigine), under the cues. */
export const CUE_ORIGIN_COLUMNS = contiguousColumns('A', {
  origin: 'Origine',
  count: 'Nombre de musiques',
  seconds: 'Durée (s)',
  minutes: 'Durée (min)',
  cost: 'Coût des droits',
});

/** The lists the cue table offers, right of the totals (their headers on one row). */
export const CUE_LIST_COLUMNS = contiguousColumns('H', {
  usages: 'Utilisations',
  origins: 'Origines',
  rights: 'Droits',
});

export const CUE_NAMES = {
  lines: 'Cue_Lignes',
  byOrigin: 'Cue_ParOrigine',
  seconds: 'Cue_DureeTotale',
  cost: 'Cue_CoutTotal',
  filmSeconds: 'Cue_DureeFilm',
  musicShare: 'Cue_PartMusicale',
  usages: 'Cue_ListeUtilisations',
  origins: 'Cue_ListeOrigines',
  rights: 'Cue_ListeDroits',
} as const;
