import examples from '../../../data/exemples/cue-sheet.json';
import type { ProductionFormat } from '../facts/facts';
import { type Money, sum, toMoney, ZERO } from '../money';

/*
 * The CUE sheet (cpca C.3.3.1): every music of the film, timed in and out, with its authors,
 * publisher and performers, its origin and the state of its rights, and what they cost on the
 * devis line that pays them — the document the SACEM and the distributors ask for.
 */

/** Where a cue comes from: written for the film, an existing recording, an archive. */
export const CUE_ORIGINS = ['Originale', 'Préexistante', 'Archive'] as const;
export type CueOrigin = (typeof CUE_ORIGINS)[number];

/** How the cue is used in the film, as a cue sheet declares it. */
export const CUE_USAGES = [
  'Générique début',
  'Générique fin',
  'Fond sonore',
  'Visuelle',
  'Indicatif',
] as const;

/** The state of a cue's rights. */
export const CUE_RIGHTS = ['Contrat de commande', 'Acquis', 'En négociation', 'À demander'] as const;

/** An origin whose rights are bought cue by cue (not under the commissioning contract). */
export function boughtCue(origin: string): boolean {
  return origin === 'Préexistante' || origin === 'Archive';
}

export interface Cue {
  number: string;
  title: string;
  /** Timecodes in seconds from the start of the film. */
  in: number;
  out: number;
  usage: string;
  origin: string;
  authors: string;
  publisher: string;
  performers: string;
  rights: string;
  /** The rights' cost; null where the commissioning contract pays it. */
  cost: Money | null;
  /** The devis line that pays it. */
  code: string;
}

export interface CueOriginTotal {
  origin: CueOrigin;
  count: number;
  seconds: number;
  cost: Money;
}

export interface CueSheetResult {
  /** Each cue's duration in seconds (out − in). */
  durations: number[];
  byOrigin: CueOriginTotal[];
  seconds: number;
  cost: Money;
  /** What the cue sheet charges to each devis line, by its code. */
  byCode: Map<string, Money>;
}

export function computeCueSheet(cues: readonly Cue[]): CueSheetResult {
  const durations = cues.map((c) => c.out - c.in);
  const byOrigin = CUE_ORIGINS.map((origin) => {
    const of = cues.filter((c) => c.origin === origin);
    return {
      origin,
      count: of.length,
      seconds: of.reduce((s, c) => s + c.out - c.in, 0),
      cost: sum(of.map((c) => c.cost ?? ZERO)),
    };
  });
  const byCode = new Map<string, Money>();
  for (const c of cues) if (c.code) byCode.set(c.code, (byCode.get(c.code) ?? ZERO).plus(c.cost ?? ZERO));
  return {
    durations,
    byOrigin,
    seconds: durations.reduce((s, d) => s + d, 0),
    cost: sum(cues.map((c) => c.cost ?? ZERO)),
    byCode,
  };
}

/** « 01:02:03 » → 3 723 seconds; null for anything else. */
export function timecodeSeconds(text: string): number | null {
  const m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(text.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

/** 3 723 seconds → « 01:02:03 ». */
export function timecodeText(seconds: number): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

type ExampleCue = Omit<Cue, 'in' | 'out' | 'cost'> & { in: string; out: string; cost: string | null };

/** The example's cues (data/exemples/cue-sheet.json); none where the example has none. */
export function exampleCues(format: ProductionFormat): Cue[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, { cues: ExampleCue[] }>>)[format];
  return (e?.cues ?? []).map((c) => {
    const [start, end] = [timecodeSeconds(c.in), timecodeSeconds(c.out)];
    if (start === null || end === null) throw new Error(`Musique d’exemple ${c.number} : minutage illisible`);
    return { ...c, in: start, out: end, cost: c.cost === null ? null : toMoney(c.cost) };
  });
}

export const CUE_EXAMPLE_NOTE: string = examples.note;
