import { contiguousColumns } from '../model/contract';

/** Rows of the working-time limits (one per limit) and of the plan's figures beside them. */
export const SCHEDULE_LIMITS_FIRST_ROW = 5;
/** Row of the shooting days' headers; the days start right below it. */
export const SCHEDULE_HEADER_ROW = 10;
export const SCHEDULE_FIRST_ROW = SCHEDULE_HEADER_ROW + 1;

/** The shooting days (named PdT_Jours), one per row, in order. */
export const DAY_COLUMNS = contiguousColumns('A', {
  rank: 'Jour',
  date: 'Date',
  set: 'Décor',
  place: 'Lieu',
  kind: 'Type de décor',
  intExt: 'INT / EXT',
  dayNight: 'Jour / nuit',
  scenes: 'Séquences',
  cast: 'Comédiens convoqués',
  extras: 'Figurants',
  start: 'Début',
  end: 'Fin',
  meal: 'Pause repas (h)',
  hours: 'Travail effectif (h)',
  rest: 'Repos depuis la veille (h)',
  consecutive: 'Jours consécutifs',
  covers: 'Couverts cantine',
});

/** The devis quantities the plan gives (named PdT_Quantites), under the days. */
export const LINK_COLUMNS = contiguousColumns('A', {
  code: 'Ligne du devis',
  label: 'Libellé au devis',
  measure: 'Ce que compte le plan',
  plus: 'En plus (préparation, rangement)',
  plan: 'Selon le plan',
  devis: 'Quantité au devis',
  gap: 'Écart (devis − plan)',
});

/** The working-time limits (label, value, source) and the plan's figures (label, value). */
export const LIMIT_COLUMNS = contiguousColumns('A', {
  label: 'Limite contrôlée',
  value: 'Valeur',
  source: 'Source',
});
export const FIGURE_COLUMNS = contiguousColumns('H', { label: 'Le plan', value: 'Valeur' });

/** The roles and their contracts (named PdT_Roles), under the quantities. */
export const ROLE_COLUMNS = contiguousColumns('A', {
  role: 'Rôle',
  actor: 'Comédien',
  start: 'Début du contrat',
  end: 'Fin du contrat',
  called: 'Jours convoqués',
  outside: 'Convocations hors contrat',
});

/** The shooting weeks (named PdT_Semaines), right of the roles: days, hours of work, covers. */
export const WEEK_COLUMNS = contiguousColumns('H', {
  monday: 'Semaine du',
  days: 'Jours tournés',
  hours: 'Travail effectif (h)',
  covers: 'Couverts',
});

/** The postproduction planning (named PdT_Postprod), under the roles; its weeks drawn right of it. */
export const POST_COLUMNS = contiguousColumns('A', {
  step: 'Étape de postproduction',
  after: 'Après l’étape',
  start: 'Début',
  days: 'Jours ouvrés',
  end: 'Fin',
  weeks: 'Semaines',
});
/** Column (0-based: S) of the postproduction's first week, one narrow column per week, right of the days. */
export const POST_GRID_FIRST_COLUMN = 18;

/** What the plan counts, once per measure (named PdT_Mesures, PdT_Comptes), right of the quantities. */
export const COUNT_COLUMNS = contiguousColumns('H', { measure: 'Ce que compte le plan', value: 'Compte' });

/** The lists the day table offers, right of the counts. */
export const SCHEDULE_LIST_COLUMNS = contiguousColumns('K', {
  kinds: 'Types de décor',
  intExt: 'INT / EXT',
  dayNight: 'Jour / nuit',
});

export const SCHEDULE_NAMES = {
  days: 'PdT_Jours',
  dates: 'PdT_Dates',
  places: 'PdT_Lieux',
  kinds: 'PdT_Types',
  cast: 'PdT_Convoques',
  scenes: 'PdT_Sequences',
  extras: 'PdT_Figurants',
  hours: 'PdT_Heures',
  covers: 'PdT_Couverts',
  dayCount: 'PdT_NbJours',
  first: 'PdT_Premier',
  last: 'PdT_Dernier',
  shootWeeks: 'PdT_NbSemaines',
  postWeeks: 'PdT_SemainesPostprod',
  links: 'PdT_Quantites',
  roles: 'PdT_Roles',
  weeks: 'PdT_Semaines',
  post: 'PdT_Postprod',
  postSteps: 'PdT_PostEtapes',
  postDays: 'PdT_PostJours',
  postEnds: 'PdT_PostFins',
  linkCodes: 'PdT_QuantitesCodes',
  linkPlus: 'PdT_EnPlus',
  measures: 'PdT_Mesures',
  counts: 'PdT_Comptes',
  dailyMax: 'PdT_MaxJour',
  restMin: 'PdT_ReposMin',
  consecutiveMax: 'PdT_MaxConsecutifs',
  weeklyMax: 'PdT_MaxSemaine',
  kindList: 'PdT_ListeTypes',
  intExtList: 'PdT_ListeIntExt',
  dayNightList: 'PdT_ListeJourNuit',
} as const;
