import criteria from '../../data/referentiels/criteres.json';

/** 'tous', or the id of a référentiel of data/referentiels/criteres.json (adding one is data only). */
export type Referentiel = string;
export const ALL_REFERENTIELS = 'tous';

/** The référentiels of data/referentiels/criteres.json, then 'tous'. */
export const REFERENTIELS: readonly Referentiel[] = [
  ...criteria.referentiels.map((r) => r.id),
  ALL_REFERENTIELS,
];

export function isReferentiel(x: string): boolean {
  return REFERENTIELS.includes(x);
}

/** How a référentiel reads in a list: "cpca — <title>", or "Tous les référentiels". */
export function referentielLabel(id: Referentiel): string {
  if (id === ALL_REFERENTIELS) return 'Tous les référentiels';
  const r = criteria.referentiels.find((x) => x.id === id);
  return r ? `${r.id} — ${r.label}` : id;
}
