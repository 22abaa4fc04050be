import { cellText } from '../text/cellText';
import alias from '../../../data/carbon/alias.json';
import { Money } from '../money';
import { fail, ok, type Result } from '../result';
import { factorByKey, type EmissionFactor } from './factors';
import { closeMatches, closeMatchesOfLoose, looseForm } from './lookup';

export interface Emission {
  /** kgCO2e. */
  kg: Money;
  factor: EmissionFactor;
}

type Basis = 'vehicle' | 'passenger' | 'tonne';
interface ModeDef {
  id: string;
  key: string;
  basis: Basis;
  aliases: string[];
}

const MODES = alias.transport.modes as ModeDef[];
const MODE_BY_ALIAS = new Map<string, ModeDef>();
for (const m of MODES) for (const a of [m.id, m.key, ...m.aliases]) MODE_BY_ALIAS.set(looseForm(a), m);
const PLANE_ALIASES = new Map(
  Object.entries(alias.transport.planes.aliases).map(([k, v]) => [looseForm(k), v]),
);
const PLANE_BANDS = alias.transport.planes.bands as {
  id: string;
  maxKm: number | null;
  rf: string;
  noRf: string;
}[];

const MODE_NAMES: readonly string[] = [
  ...new Set([...MODES.flatMap((m) => [m.id, ...m.aliases]), ...Object.keys(alias.transport.planes.aliases)]),
];

/** Every word CARBON.TRANSPORT accepts (ids and French aliases), for suggestions and docs/fonctions.md. */
export function transportModeNames(): string[] {
  return [...MODE_NAMES];
}

/**
 * The modes closest to a misspelt one, computed once per spelling: a column of the same typo is
 * recomputed by Excel cell after cell, and the edit distances against every alias are the costly
 * part.
 */
const SUGGESTIONS = new Map<string, string[]>();
/** Bound of the per-spelling caches below, so a sheet of random words cannot grow them without end. */
const CACHE_MAX = 1000;
function modeSuggestions(loose: string): string[] {
  const known = SUGGESTIONS.get(loose);
  if (known) return known;
  const near = closeMatchesOfLoose(loose, MODE_NAMES);
  if (SUGGESTIONS.size >= CACHE_MAX) SUGGESTIONS.clear();
  SUGGESTIONS.set(loose, near);
  return near;
}

function factorOrFail(key: string): Result<EmissionFactor> {
  const f = factorByKey(key);
  return f ? ok(f) : fail('notAvailable', `Facteur « ${key} » absent des données.`);
}

/** A non-negative number from a cell argument, or a French message naming the argument. */
export function quantity(value: unknown, what: string, unit: string): Result<Money> {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value < 0)
      return fail('invalidValue', `${what} négative : ${String(value).replace('.', ',')} ${unit}.`);
    return ok(new Money(String(value)));
  }
  if (value === null || value === undefined || value === '')
    return fail('invalidValue', `${what} manquante : un nombre de ${unit} est attendu.`);
  return fail('invalidValue', `${what} : un nombre de ${unit} est attendu (reçu « ${cellText(value)} »).`);
}

function planeKey(force: string | null, rf: boolean, km: Money): string {
  const band = force
    ? PLANE_BANDS.find((b) => b.id === force)
    : PLANE_BANDS.find((b) => b.maxKm === null || km.lte(b.maxKm));
  const chosen = band ?? PLANE_BANDS[PLANE_BANDS.length - 1];
  if (!chosen) throw new Error('Bandes de distance avion absentes des données');
  return rf ? chosen.rf : chosen.noRf;
}

function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return ['oui', 'vrai', 'true', 'ar', 'a/r', '1'].includes(looseForm(v));
  return false;
}

type PlaneAlias = typeof PLANE_ALIASES extends Map<string, infer V> ? V : never;
/** A mode as typed, resolved once per spelling (accents and punctuation folded): a column of trips repeats it. */
interface Resolved {
  /** The mode as typed, in its loose form (what suggestions are computed from). */
  name: string;
  plane: PlaneAlias | undefined;
  def: ModeDef | undefined;
}
const RESOLVED = new Map<string, Resolved>();
function resolveMode(typed: string): Resolved {
  const known = RESOLVED.get(typed);
  if (known) return known;
  const name = looseForm(typed);
  const plane = PLANE_ALIASES.get(name);
  const resolved = { name, plane, def: plane ? undefined : MODE_BY_ALIAS.get(name) };
  if (RESOLVED.size >= CACHE_MAX) RESOLVED.clear();
  RESOLVED.set(typed, resolved);
  return resolved;
}

/**
 * Emissions of a trip: factor × km × (passengers for per-passenger modes, tonnes for freight) ×
 * 2 for a round trip. Per-vehicle factors (cars, vans, trucks, motorbikes) are not multiplied by
 * passengers. Planes choose their distance band from the km of one trip; contrails included
 * unless the mode says "sans traînées".
 */
export function transportEmissions(
  mode: unknown,
  km: unknown,
  persons?: unknown,
  roundTrip?: unknown,
): Result<Emission> {
  const dist = quantity(km, 'Distance', 'kilomètres');
  if (!dist.ok) return dist;
  const typed = cellText(mode);
  const { name, plane, def } = resolveMode(typed);
  if (!plane && !def) {
    const near = modeSuggestions(name);
    return fail(
      'notAvailable',
      `Mode de transport inconnu « ${typed} ». Modes proches : ${near.join(', ')}.`,
    );
  }
  const key = plane ? planeKey(plane.force, plane.rf, dist.value) : (def as ModeDef).key;
  const basis: Basis = plane ? 'passenger' : (def as ModeDef).basis;
  const f = factorOrFail(key);
  if (!f.ok) return f;
  let multiplier = new Money(1);
  if (basis === 'passenger' && persons !== null && persons !== undefined && persons !== '') {
    const p = quantity(persons, 'Nombre de personnes', 'personnes');
    if (!p.ok) return p;
    multiplier = p.value;
  }
  if (basis === 'tonne') {
    const t = quantity(persons, 'Tonnage', 'tonnes (3e argument, fret en t.km)');
    if (!t.ok) return t;
    multiplier = t.value;
  }
  const trips = truthy(roundTrip) ? 2 : 1;
  return ok({ kg: f.value.value.times(dist.value).times(multiplier).times(trips), factor: f.value });
}

const ALIAS_MAPS = new WeakMap<Record<string, string>, Map<string, string>>();

function aliasMap(table: Record<string, string>): Map<string, string> {
  let m = ALIAS_MAPS.get(table);
  if (!m) {
    m = new Map(Object.entries(table).map(([k, v]) => [looseForm(k), v]));
    ALIAS_MAPS.set(table, m);
  }
  return m;
}

function byAlias(table: Record<string, string>, word: unknown, what: string): Result<EmissionFactor> {
  const w = looseForm(cellText(word));
  const key = aliasMap(table).get(w) ?? (factorByKey(cellText(word)) ? cellText(word) : undefined);
  if (!key) {
    const near = closeMatches(
      cellText(word),
      Object.keys(table).filter((k) => k !== ''),
    );
    return fail(
      'notAvailable',
      `${what} inconnu(e) « ${cellText(word)} ». Valeurs proches : ${near.join(', ')}.`,
    );
  }
  return factorOrFail(key);
}

/** quantity × factor of an energy source (kWh of grid electricity by country or year, litres of fuel, …). */
export function energyEmissions(amount: unknown, source: unknown): Result<Emission> {
  const q = quantity(amount, 'Quantité', 'kWh ou litres');
  if (!q.ok) return q;
  const f = byAlias(alias.energy, source, 'Source d’énergie');
  return f.ok ? ok({ kg: f.value.value.times(q.value), factor: f.value }) : f;
}

export function hotelEmissions(nights: unknown, category?: unknown): Result<Emission> {
  const q = quantity(nights, 'Nombre de nuitées', 'nuitées');
  if (!q.ok) return q;
  const f = byAlias(alias.hotel, category ?? '', 'Catégorie d’hôtel');
  return f.ok ? ok({ kg: f.value.value.times(q.value), factor: f.value }) : f;
}

export function mealEmissions(count: unknown, diet: unknown): Result<Emission> {
  const q = quantity(count, 'Nombre de repas', 'repas');
  if (!q.ok) return q;
  const f = byAlias(alias.meals, diet, 'Régime');
  return f.ok ? ok({ kg: f.value.value.times(q.value), factor: f.value }) : f;
}

export function wasteEmissions(tonnes: unknown, type: unknown, treatment?: unknown): Result<Emission> {
  const q = quantity(tonnes, 'Masse de déchets', 'tonnes');
  if (!q.ok) return q;
  const types = alias.waste.types as Record<string, string>;
  const treatments = alias.waste.treatments as Record<string, string>;
  const t = Object.entries(types).find(([k]) => looseForm(k) === looseForm(cellText(type)))?.[1];
  if (!t)
    return fail(
      'notAvailable',
      `Type de déchet inconnu « ${cellText(type)} ». Valeurs proches : ${closeMatches(cellText(type), Object.keys(types)).join(', ')}.`,
    );
  const tr = Object.entries(treatments).find(([k]) => looseForm(k) === looseForm(cellText(treatment)))?.[1];
  if (!tr)
    return fail(
      'notAvailable',
      `Traitement inconnu « ${cellText(treatment)} » : moyenne, incinération, stockage, recyclage, compostage ou méthanisation.`,
    );
  const key = `waste.${t}.${tr}`;
  const f = factorByKey(key);
  if (!f) {
    const firstWordOf = new Map<string, string>();
    for (const [k, v] of Object.entries(treatments))
      if (k !== '' && !firstWordOf.has(v) && factorByKey(`waste.${t}.${v}`)) firstWordOf.set(v, k);
    return fail(
      'notAvailable',
      `Pas de facteur pour « ${cellText(type)} » en « ${cellText(treatment) || 'moyenne'} » : traitements disponibles ${[...firstWordOf.values()].join(', ')}.`,
    );
  }
  return ok({ kg: f.value.times(q.value), factor: f });
}

/** The factor of a key (CARBON.FACTEUR), or close keys when unknown. */
export function factorLookup(key: unknown, keys: readonly string[]): Result<EmissionFactor> {
  const f = factorByKey(cellText(key));
  if (f) return ok(f);
  return fail(
    'notAvailable',
    `Clé de facteur inconnue « ${cellText(key)} ». Clés proches : ${closeMatches(cellText(key), keys).join(', ')}.`,
  );
}
