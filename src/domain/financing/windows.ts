import data from '../../../data/finance/chronologie.json';
import { exampleData } from '../examples/examples';
import type { FactMark, ProductionFormat } from '../facts/facts';
import { isoDay } from '../isoDay';
import { categoryById } from './categories';

/** A window of the chronologie des médias: when it opens after the theatrical release. */
export interface MediaWindow {
  id: string;
  label: string;
  /** Months after the release in French theatres. */
  months: number;
  mark: FactMark;
  source: string;
}

/** The accord in force, dated and sourced (data/finance/chronologie.json). */
export interface MediaAccord {
  label: string;
  inForce: Date;
  validUntil: Date;
  mark: FactMark;
  source: string;
  note: string;
  windows: MediaWindow[];
}

export function mediaAccord(): MediaAccord {
  const a = data.accord;
  const day = (iso: string): Date => {
    const d = isoDay(iso);
    if (!d) throw new Error(`Date de l’accord illisible : ${iso}`);
    return d;
  };
  return {
    label: a.label,
    inForce: day(a.inForce),
    validUntil: day(a.validUntil),
    mark: a.mark as FactMark,
    source: a.source,
    note: a.note,
    windows: data.windows
      .map((w) => ({ ...w, mark: w.mark as FactMark }))
      .sort((x, y) => x.months - y.months),
  };
}

/** « en vigueur du 13/02/2025 au 09/02/2028 ». */
export function accordPeriod(a: Pick<MediaAccord, 'inForce' | 'validUntil'>): string {
  const day = (d: Date): string =>
    `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  return `en vigueur du ${day(a.inForce)} au ${day(a.validUntil)}`;
}

/** The labels of the financing categories whose sources buy a window (préachats, distributor's MG). */
export function windowCategoryLabels(): string[] {
  return data.categories.map((id) => categoryById(id).label);
}

/** A source of the plan and the window its contract opens, in months after the release. */
export interface SourceWindow {
  /** The plan's source, by its label. */
  source: string;
  /** The window's id in the accord. */
  window: string;
  months: number;
}

/** A source's window against the accord: the accord's opening, and the gap (contract − accord). */
export interface WindowResult extends SourceWindow {
  label: string;
  accordMonths: number;
  /** Below zero, the contract opens the window before the accord allows. */
  gap: number;
  /** Rank of its opening among the plan's windows (1 = first); ties share a rank. */
  order: number;
}

function windowById(id: string): MediaWindow {
  const w = mediaAccord().windows.find((x) => x.id === id);
  if (!w) throw new Error(`Fenêtre de la chronologie des médias inconnue : ${id}`);
  return w;
}

/** Each source's window against the accord, with its order of opening. */
export function computeWindows(windows: readonly SourceWindow[]): WindowResult[] {
  return windows.map((w) => {
    const accord = windowById(w.window);
    return {
      ...w,
      label: accord.label,
      accordMonths: accord.months,
      gap: w.months - accord.months,
      order: windows.filter((o) => o.months < w.months).length + 1,
    };
  });
}

/**
 * The chronologie des médias counts from the release in French theatres: the plan shows it for a
 * feature film. A short film is rarely released in theatres (festivals, then television), a series
 * or a documentary for television never: their préachats buy a broadcast, not a window after release.
 */
export function chronologyApplies(format: ProductionFormat): boolean {
  return format === 'long-metrage';
}

/** The example's windows (data/exemples/*.json); a film not released in theatres has none. */
export function exampleWindows(format: ProductionFormat = 'long-metrage'): SourceWindow[] {
  return (exampleData(format).financing.windows ?? []).map((w) => ({
    ...w,
    window: windowById(w.window).id,
  }));
}
