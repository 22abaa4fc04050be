import { Money } from '../money';
import { defaultNomenclature, defaultParams, type ProductionFormat } from '../facts/facts';
import { exampleData, type ExampleGroup, type ExampleLine } from '../examples/examples';
import { findNomenclature, getNomenclature, lineLabel, rolesOf } from '../nomenclature/nomenclature';
import type { NomenclatureChapter, NomenclatureData, NomenclatureId } from '../nomenclature/types';
import type { BudgetInput, ChapterInput, ItemInput, LineInput, Status } from './types';
import { STATUSES } from './types';
import { isoDay } from '../isoDay';

/**
 * A blank devis in a nomenclature: every chapter with its known postes as empty lines (labels
 * from data), the charges chapter as computed charges lines and, in an indirect chapter
 * (audiovisuel 10), frais généraux and imprévus as rates of the subtotal, all from the
 * nomenclature's roles; parameters from data for the format.
 */
export function blankBudget(
  format: ProductionFormat,
  nomenclature: NomenclatureId = defaultNomenclature(format),
): BudgetInput {
  const nom = getNomenclature(nomenclature);
  const chapters: ChapterInput[] = nom.chapters.map((ch) => ({
    code: ch.code,
    label: ch.label,
    items: chapterItems(nom, ch),
  }));
  return { nomenclature, chapters, params: defaultParams(format) };
}

function chapterItems(nom: NomenclatureData, ch: NomenclatureChapter): ItemInput[] {
  const roles = rolesOf(nom);
  const blank = (code: string, label: string | null): ItemInput => ({
    kind: 'line',
    code,
    label: label ?? `Poste ${code}`,
  });
  if (ch.code === roles.chargesChapter) {
    return roles.chargesLines.map((c) => ({
      kind: 'charges',
      code: c.code,
      label: c.label,
      status: c.status,
    }));
  }
  if (ch.code === roles.indirect.chapter) {
    return roles.indirect.lines.map((l): ItemInput => {
      const known = ch.lines.find((x) => x.code === l.code);
      const label = l.label ?? (known ? lineLabel(known) : null);
      if (l.role === 'line') return blank(l.code, label);
      return {
        kind: 'rate',
        code: l.code,
        label: label ?? l.code,
        role: l.role,
        ...(l.justification ? { justification: l.justification } : {}),
      };
    });
  }
  return ch.lines.map((l) => blank(l.code, lineLabel(l)));
}

function isStatus(s: string | undefined): s is Status {
  return s !== undefined && (STATUSES as readonly string[]).includes(s);
}

function toLine(l: ExampleLine): LineInput {
  if (l.status !== undefined && !isStatus(l.status))
    throw new Error(`Statut inconnu dans l'exemple : ${l.status}`);
  return {
    code: l.code,
    label: l.label,
    ...(isStatus(l.status) ? { status: l.status } : {}),
    quantity: new Money(l.quantity),
    unit: l.unit,
    count: new Money(l.count),
    rate: new Money(l.rate),
    ...(l.foreign !== undefined ? { foreign: new Money(l.foreign) } : {}),
    ...(l.region !== undefined ? { region: new Money(l.region) } : {}),
    ...(l.taxCreditShare !== undefined ? { taxCreditShare: new Money(l.taxCreditShare) } : {}),
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
  /** The CNC's agrément provisoire (before the shoot): until then a tax credit is an estimate. */
  provisionalAgreement?: boolean;
  /**
   * Audiovisual: the 60 % / 80 % aid intensities are granted only on a reasoned request to the CNC
   * (RGA art. 311-19); until the producer makes it, the ceiling is 50 %.
   */
  avDerogationRequested?: boolean;
}

/** The production parameters that come with a format's example (title, dates, enveloppe). */
export function exampleParameters(format: ProductionFormat = 'long-metrage'): ProductionParameters {
  const p = exampleData(format).parameters;
  return {
    title: p.title,
    durationMinutes: p.durationMinutes,
    prepWeeks: p.prepWeeks,
    shootingDays: p.shootingDays,
    postWeeks: p.postWeeks,
    devStart: isoDay(p.devStart),
    prepStart: isoDay(p.prepStart),
    shootStart: isoDay(p.shootStart),
    shootEnd: isoDay(p.shootEnd),
    padDelivery: isoDay(p.padDelivery),
    envelope: new Money(p.envelope),
    firstOrSecondFilm: p.firstOrSecondFilm,
  };
}

/**
 * A format's example devis (data/exemples/<format>.json) in its nomenclature: every chapter's
 * lines from the example; the charges chapter and the indirect rates stay computed, and the
 * ordinary lines of the indirect chapter (production déléguée, frais financiers) are filled when
 * the example gives them.
 */
export function exampleBudget(format: ProductionFormat = 'long-metrage'): BudgetInput {
  const example = exampleData(format);
  const nomenclature = findNomenclature(example.nomenclature)?.id;
  if (!nomenclature)
    throw new Error(`Nomenclature inconnue dans l'exemple ${example.id} : ${example.nomenclature}`);
  const base = blankBudget(format, nomenclature);
  const roles = rolesOf(getNomenclature(nomenclature));
  const byCode = new Map(example.chapters.map((c) => [c.code, c.items]));
  const toItem = (it: ExampleLine | ExampleGroup): ItemInput =>
    'lines' in it
      ? { kind: 'group', code: it.code, label: it.label, lines: it.lines.map(toLine) }
      : { kind: 'line', ...toLine(it) };
  const chapters = base.chapters.map((ch) => {
    if (ch.code === roles.chargesChapter) return ch;
    const items = byCode.get(ch.code);
    if (ch.code === roles.indirect.chapter) {
      const given = new Map((items ?? []).map((it) => [it.code, it]));
      return {
        ...ch,
        items: ch.items.map((item) =>
          item.kind === 'line' && given.has(item.code) ? toItem(given.get(item.code) as ExampleLine) : item,
        ),
      };
    }
    if (!items) throw new Error(`Chapitre ${ch.code} absent de l'exemple ${example.id}`);
    return { ...ch, items: items.map(toItem) };
  });
  return { ...base, chapters };
}
