import examples from '../../../data/exemples/depouillement.json';
import type { ProductionFormat } from '../facts/facts';
import { sameName, type ShootDay } from './plan';

/*
 * The dépouillement de mise en scène (cpca C1.3.1): each sequence of the script with its set, what
 * it needs (cast, extras, props, vehicles, special equipment) and its environmental impact; the
 * plan de travail schedules each of them.
 */

export interface Scene {
  number: string;
  set: string;
  intExt: string;
  dayNight: string;
  /** Length in eighths of a page. */
  eighths: number;
  cast: string;
  extras: number;
  props: string;
  vehicles: string;
  special: string;
  environment: string;
}

/** The sequences a day schedules (its « Séquences », separated by commas). */
export function scenesOf(day: Pick<ShootDay, 'scenes'>): string[] {
  return day.scenes
    .split(',')
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s !== '');
}

/** For each sequence, the number of plan days that shoot it, as the sheet's formula counts. */
export function scheduledDays(scenes: readonly Scene[], days: readonly ShootDay[]): number[] {
  return scenes.map((s) => days.filter((d) => scenesOf(d).some((x) => sameName(x, s.number))).length);
}

/** The example's dépouillement (data/exemples/depouillement.json); none where it has none. */
export function exampleBreakdown(format: ProductionFormat): Scene[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, { scenes: Scene[] }>>)[format];
  return e?.scenes ?? [];
}

export const BREAKDOWN_EXAMPLE_NOTE: string = examples.note;
