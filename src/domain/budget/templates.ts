import example from '../../../data/exemples/long-metrage.json';
import { Money } from '../money';
import { chargesLines, defaultParams, type ProductionFormat } from '../facts/facts';
import { getNomenclature } from '../nomenclature/nomenclature';
import type { NomenclatureId } from '../nomenclature/types';
import type { BudgetInput, ChapterInput, ItemInput, LineInput, Status } from './types';
import { STATUSES } from './types';

/** Chapter code whose lines are the computed social charges. */
export const CHARGES_CHAPTER = '4';

function chargesItems(nomenclature: NomenclatureId): ItemInput[] {
  return chargesLines(nomenclature).map((c) => ({ kind: 'charges', code: c.code, label: c.label, status: c.status }));
}

/**
 * A blank devis in a nomenclature: every chapter with its known postes as empty lines (labels
 * from data), chapter 4 as computed charges lines, parameters from data for the format.
 */
export function blankBudget(format: ProductionFormat, nomenclature: NomenclatureId = 'cnc-classique'): BudgetInput {
  const nom = getNomenclature(nomenclature);
  const chapters: ChapterInput[] = nom.chapters.map((ch) => ({
    code: ch.code,
    label: ch.label,
    items:
      ch.code === CHARGES_CHAPTER
        ? chargesItems(nomenclature)
        : ch.lines.map((l) => ({ kind: 'line', code: l.code, label: l.label ?? `Poste ${l.code}` })),
  }));
  return { nomenclature, chapters, params: defaultParams(format) };
}

interface ExampleLine {
  code: string;
  label: string;
  status?: string;
  quantity: string;
  unit: string;
  count: string;
  rate: string;
  foreign?: string;
  justification: string;
}
interface ExampleGroup {
  code: string;
  label: string;
  lines: ExampleLine[];
}

function isStatus(s: string | undefined): s is Status {
  return s !== undefined && (STATUSES as readonly string[]).includes(s);
}

function toLine(l: ExampleLine): LineInput {
  if (l.status !== undefined && !isStatus(l.status)) throw new Error(`Statut inconnu dans l'exemple : ${l.status}`);
  return {
    code: l.code,
    label: l.label,
    ...(isStatus(l.status) ? { status: l.status } : {}),
    quantity: new Money(l.quantity),
    unit: l.unit,
    count: new Money(l.count),
    rate: new Money(l.rate),
    ...(l.foreign !== undefined ? { foreign: new Money(l.foreign) } : {}),
    justification: l.justification,
  };
}

/** The production parameters that come with the example (title, dates, enveloppe). */
export interface ProductionParameters {
  title: string;
  durationMinutes: number;
  prepWeeks: number;
  shootingDays: number;
  postWeeks: number;
  devStart: Date | null;
  prepStart: Date | null;
  shootStart: Date | null;
  shootEnd: Date | null;
  padDelivery: Date | null;
  envelope: Money | null;
  firstOrSecondFilm: boolean;
}

export function exampleParameters(): ProductionParameters {
  const p = example.parameters;
  return {
    title: p.title,
    durationMinutes: p.durationMinutes,
    prepWeeks: p.prepWeeks,
    shootingDays: p.shootingDays,
    postWeeks: p.postWeeks,
    devStart: new Date(`${p.devStart}T00:00:00Z`),
    prepStart: new Date(`${p.prepStart}T00:00:00Z`),
    shootStart: new Date(`${p.shootStart}T00:00:00Z`),
    shootEnd: new Date(`${p.shootEnd}T00:00:00Z`),
    padDelivery: new Date(`${p.padDelivery}T00:00:00Z`),
    envelope: new Money(p.envelope),
    firstOrSecondFilm: p.firstOrSecondFilm,
  };
}

/** The example feature film (data/exemples/long-metrage.json) in the classic nomenclature. */
export function exampleBudget(): BudgetInput {
  const base = blankBudget(example.format as ProductionFormat, 'cnc-classique');
  const byCode = new Map(example.chapters.map((c) => [c.code, c.items as (ExampleLine | ExampleGroup)[]]));
  const chapters = base.chapters.map((ch) => {
    if (ch.code === CHARGES_CHAPTER) return ch;
    const items = byCode.get(ch.code);
    if (!items) throw new Error(`Chapitre ${ch.code} absent de l'exemple`);
    return {
      ...ch,
      items: items.map((it): ItemInput =>
        'lines' in it
          ? { kind: 'group', code: it.code, label: it.label, lines: it.lines.map(toLine) }
          : { kind: 'line', ...toLine(it) },
      ),
    };
  });
  return { ...base, chapters };
}
