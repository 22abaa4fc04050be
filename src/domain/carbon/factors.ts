import data from '../../../data/carbon/facteurs.json';
import { Money } from '../money';

export interface EmissionFactor {
  key: string;
  category: string;
  label: string;
  unit: string;
  value: Money;
  source: string;
  /** The source as a user reads it: a public reference, never a repository, a package or a commit. */
  sourceTitle: string;
  /** ADEME's element id in the Base Carbone®, where the factor has one. */
  ademeId: string | null;
  year: number | null;
  verified: boolean;
  note?: string;
}

const SOURCES = new Map(data.sources.map((s) => [s.id, s]));

/** A factor the tool derived says how, from which published factors: « Calcul de l'outil : … ». */
function derivedTitle(title: string, f: (typeof data.factors)[number]): string {
  return 'derivation' in f && typeof f.derivation === 'string' ? `${title} : ${f.derivation}` : title;
}
const FACTORS: EmissionFactor[] = data.factors.map((f) => ({
  key: f.key,
  category: f.category,
  label: f.label,
  unit: f.unit,
  value: new Money(f.value),
  source: f.source,
  sourceTitle: derivedTitle(SOURCES.get(f.source)?.publicTitle ?? f.source, f),
  ademeId: 'ademeId' in f && typeof f.ademeId === 'string' ? f.ademeId : null,
  year: f.year,
  verified: f.verified,
  ...(f.note ? { note: f.note } : {}),
}));
const BY_KEY = new Map(FACTORS.map((f) => [f.key.toLowerCase(), f]));

export function allFactors(): EmissionFactor[] {
  return FACTORS;
}

export function factorByKey(key: string): EmissionFactor | undefined {
  return BY_KEY.get(key.trim().toLowerCase());
}

/** "ABC … (2024), non vérifié" — what CARBON.SOURCE returns and the Facteurs sheet shows. */
export function describeSource(f: EmissionFactor): string {
  const vintage = f.year === null ? 'millésime non lu' : `millésime ${f.year}`;
  const element = f.ademeId ? `, Base Carbone® id ${f.ademeId}` : '';
  return `${f.sourceTitle}${element} — ${vintage}${f.verified ? '' : ' — NON VÉRIFIÉ'}`;
}

export const FACTORS_SEEDED_ON: string = data.seededOn;
