import index from '../../../data/exemples/index.json';
import type { ProductionFormat } from '../facts/facts';

/*
 * Which formats have a filled example and the nomenclature each is written in
 * (data/exemples/index.json), without the examples themselves: what the pane needs to offer or
 * refuse an example before anything is written.
 */

const GRIDS = index.examples as Partial<Record<ProductionFormat, string>>;

/** Whether a format has a filled example (data/exemples/<format>.json). */
export function exampleAvailable(format: ProductionFormat): boolean {
  return GRIDS[format] !== undefined;
}

/** The nomenclature a format's example is written in, or null when it has none. */
export function exampleNomenclature(format: ProductionFormat): string | null {
  return GRIDS[format] ?? null;
}
