import { blankBudget } from '../domain/budget/templates';
import { count } from '../domain/text/french';
import { computeBudget } from '../domain/budget/compute';
import type { BudgetInput, ItemInput, LineInput } from '../domain/budget/types';
import { defaultNomenclature, type ProductionFormat } from '../domain/facts/facts';
import { formatEuros, formatPercent, Money, roundCents, ZERO } from '../domain/money';
import { asAmount } from '../model/field';
import {
  chapterCodeOf,
  getNomenclature,
  isValidCode,
  lineLabel,
  resolveCode,
} from '../domain/nomenclature/nomenclature';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import type { NomenclatureData } from '../domain/nomenclature/types';
import { readWorkbookSnapshot } from './snapshot';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { amountIn, devisTable, outlineOf, type DevisRow, type DevisTable } from '../sheets/devis/reader';
import { readNomenclature } from '../sheets/params/reader';
import type { WorkbookReader } from './port';

/** A line of the source that changed on its way into our devis. */
export interface ConvertedLine {
  /** Where it was in the source ("Budget prévisionnel!A8"). */
  cell: string;
  label: string;
  from: string;
  to: string;
}

/** A hand-made devis turned into our model: the budget to scaffold, and what changed on the way. */
export interface Conversion {
  sheet: string;
  format: ProductionFormat;
  budget: BudgetInput;
  lines: number;
  chapters: number;
  /** Lines given a code of the target grid (their own is not in it, or means something else there). */
  recoded: ConvertedLine[];
  /** Lines placed in the chapter their code belongs to, not the one they stood in. */
  moved: ConvertedLine[];
  /** Lines left out, with why. */
  unmapped: { cell: string; label: string; why: string }[];
  /** Lines whose quantity × rate did not give their amount: taken as one lump sum. */
  lumpSums: number;
  /** Total of the converted devis (lines, frais généraux, imprévus), and the source's own figure. */
  total: Money;
  sourceTotal: Money | null;
  overheads: Money | null;
  contingency: Money | null;
  /**
   * Where the converted total parts from the source's, line by line: a chapter total that is not
   * the sum of its lines, a line left out, a grand total that is not its parts. Empty when the
   * totals agree to the cent.
   */
  differences: { cell: string; what: string; gap: Money }[];
}

/**
 * Reads a devis built by hand (recognised as the audit recognises it) and turns it into our
 * model in the format's grid (cinema for films, audiovisual for series and documentaries; the
 * chapters matched by their number): each line in the chapter its code belongs to (else the one it stood in), under a code
 * of the target grid, with its quantity, unit and rate when they give its amount (else the
 * amount as a lump sum); frais généraux and imprévus as the rates that give the source's amounts.
 * Returns a French refusal when there is nothing to convert. Reads only.
 */
export async function convertDevis(
  reader: WorkbookReader,
  /** The production's format; absent: a series when the codes follow the audiovisual grid, else a feature. */
  asked?: ProductionFormat,
): Promise<Conversion | { refused: string }> {
  if (await reader.readName(DEVIS_NAMES.lines))
    return { refused: 'Ce classeur est déjà au modèle Devis CNC : rien à convertir.' };
  const snapshot = await readWorkbookSnapshot(reader, { names: [], wholeWorkbook: false });
  const format: ProductionFormat =
    asked ?? (snapshot.recognition?.devis?.nomenclature.id === 'cnc-audiovisuel' ? 'serie' : 'long-metrage');
  const target = defaultNomenclature(format);
  const table = devisTable(snapshot);
  const sheet = snapshot.recognition?.devis?.sheet;
  if (!table || !sheet)
    return {
      refused:
        'Pas de devis reconnu dans ce classeur : aucune feuille nommée devis ou budget, ni ligne d’en-têtes (code ou libellé, et montant) dans les 40 premières lignes d’une feuille.',
    };
  const source = readNomenclature(snapshot);
  const outline = outlineOf(table, source);
  const nom = getNomenclature(target);
  const budget = blankBudget(format, target);
  const out: Conversion = {
    sheet,
    format,
    budget,
    lines: 0,
    chapters: 0,
    recoded: [],
    moved: [],
    unmapped: [],
    lumpSums: 0,
    total: ZERO,
    sourceTotal: outline.grandTotal ? amountIn(table, outline.grandTotal.amount) : null,
    overheads: outline.overheads ? amountIn(table, outline.overheads.amount) : null,
    contingency: outline.contingency ? amountIn(table, outline.contingency.amount) : null,
    differences: [],
  };
  const received = placeLines({ table, source, nom, target, sheet, budget, out });
  budget.chapters = budget.chapters.map((ch) => {
    const lines = received.get(ch.code);
    if (!lines) return ch;
    // The charges chapter keeps its computed lines (by status) and takes the typed charges after them.
    const kept = ch.items.filter((i) => i.kind === 'charges' || i.kind === 'rate');
    return { ...ch, items: [...kept, ...lines.map((l): ItemInput => ({ kind: 'line', ...l }))] };
  });
  out.chapters = received.size;
  // A devis of which no line could be read is not converted into an empty one (0,00 €).
  if (out.lines === 0)
    return {
      refused: `Aucune ligne de devis lue dans la feuille « ${sheet} » (en-têtes trouvés, mais pas de ligne avec un code et un montant dessous) : rien n’a été écrit.${
        out.unmapped.length
          ? ` Lignes écartées : ${out.unmapped.map((u) => `« ${u.label} » (${u.cell}) : ${u.why}`).join(' ; ')}.`
          : ''
      }`,
    };
  budget.params = indirectRates(budget, out);
  out.total = computeBudget(budget).total.amount;
  out.differences = differences(table, outline, out, sheet);
  return out;
}

/**
 * Why the converted total (rebuilt from the source's lines) is not the total the source shows:
 * each chapter total that is not the sum of its lines, each line left out, a grand total that is
 * not chapters + frais généraux + imprévus; what remains, if anything, unexplained.
 */
function differences(
  table: DevisTable,
  outline: ReturnType<typeof outlineOf>,
  out: Conversion,
  sheet: string,
): Conversion['differences'] {
  const shown = out.sourceTotal;
  if (shown === null || out.total.minus(shown).abs().lt('0.005')) return [];
  const list: Conversion['differences'] = [];
  const cell = (r: DevisRow): string => `${sheet}!${table.locate(r.i, 'amount').address}`;
  let chapters = ZERO;
  for (const block of outline.chapters) {
    const lines = block.lines.reduce((n, l) => n.plus(amountIn(table, l.amount) ?? ZERO), ZERO);
    const total = block.total ? amountIn(table, block.total.amount) : null;
    chapters = chapters.plus(total ?? lines);
    if (block.total && total !== null && total.minus(lines).abs().gte('0.005'))
      list.push({
        cell: cell(block.total),
        what: `total du chapitre ${block.code} : ${formatEuros(total)} affichés, ses lignes font ${formatEuros(lines)}`,
        gap: total.minus(lines),
      });
  }
  for (const u of out.unmapped)
    list.push({ cell: u.cell, what: `ligne « ${u.label} » non reprise (${u.why})`, gap: ZERO });
  const parts = chapters.plus(out.overheads ?? ZERO).plus(out.contingency ?? ZERO);
  if (outline.grandTotal && shown.minus(parts).abs().gte('0.005'))
    list.push({
      cell: cell(outline.grandTotal),
      what: `total général : ${formatEuros(shown)} affichés, chapitres, frais généraux et imprévus font ${formatEuros(parts)}`,
      gap: shown.minus(parts),
    });
  const explained = list.reduce((n, d) => n.plus(d.gap), ZERO);
  const rest = shown.minus(out.total).minus(explained);
  if (rest.abs().gte('0.005'))
    list.push({ cell: sheet, what: 'écart que la lecture n’explique pas', gap: rest });
  return list;
}

/** What placing the source's lines reads and writes. */
interface Placing {
  table: DevisTable;
  source: NomenclatureData;
  nom: NomenclatureData;
  target: string;
  sheet: string;
  budget: BudgetInput;
  out: Conversion;
}

/**
 * Each source line in the chapter its code belongs to (else the one it stood in), under a code of
 * the target grid; what was moved, recoded or left out is noted in `out`. The lines by chapter.
 */
function placeLines(p: Placing): Map<string, LineInput[]> {
  const { table, source, budget, out, sheet } = p;
  const where = (r: DevisRow): string => `${sheet}!${table.locate(r.i, 'code').address}`;
  const received = new Map<string, LineInput[]>();
  const used = new Set<string>();
  for (const block of outlineOf(table, source).chapters) {
    for (const r of block.lines) {
      const amount = amountIn(table, r.amount);
      if (amount === null) {
        out.unmapped.push({
          cell: where(r),
          label: r.label,
          why: `montant illisible (${cellText(r.amount)})`,
        });
        continue;
      }
      const own = resolveCode(source, r.code).kind === 'unknown' ? null : chapterCodeOf(source, r.code);
      const chapterCode = own && budget.chapters.some((c) => c.code === own) ? own : block.code;
      if (!budget.chapters.some((c) => c.code === chapterCode)) {
        out.unmapped.push({
          cell: where(r),
          label: r.label,
          why: `chapitre ${block.code} absent de la grille ${p.target}`,
        });
        continue;
      }
      if (chapterCode !== block.code)
        out.moved.push({ cell: where(r), label: r.label, from: block.code, to: chapterCode });
      const code = targetCode(p.nom, r, chapterCode, used);
      used.add(code);
      if (code !== r.code) out.recoded.push({ cell: where(r), label: r.label, from: r.code, to: code });
      const line = lineOf(table, r, code, amount, sheet);
      if (line.lumpSum) out.lumpSums += 1;
      received.set(chapterCode, [...(received.get(chapterCode) ?? []), line.input]);
      out.lines += 1;
    }
  }
  return received;
}

/** Frais généraux and imprévus: the rates that give the source's amounts on our bases. */
function indirectRates(budget: BudgetInput, out: Conversion): BudgetInput['params'] {
  const first = computeBudget({
    ...budget,
    params: { ...budget.params, overheadsRate: ZERO, contingencyRate: ZERO },
  });
  const fgBase = first.bases.protocol ?? first.subtotal.amount;
  return {
    ...budget.params,
    overheadsRate: out.overheads && !fgBase.isZero() ? out.overheads.dividedBy(fgBase) : ZERO,
    contingencyRate:
      out.contingency && !first.subtotal.amount.isZero()
        ? out.contingency.dividedBy(first.subtotal.amount)
        : ZERO,
  };
}

/** The source's code when the target grid has it in this chapter; else a known line of the same label; else a new code. */
function targetCode(nom: NomenclatureData, r: DevisRow, chapterCode: string, taken: Set<string>): string {
  if (isValidCode(nom, r.code) && chapterCodeOf(nom, r.code) === chapterCode && !taken.has(r.code))
    return r.code;
  const chapter = nom.chapters.find((c) => c.code === chapterCode);
  const byLabel = chapter?.lines.find(
    (l) => !taken.has(l.code) && looseForm(lineLabel(l) ?? '') === looseForm(r.label),
  );
  if (byLabel) return byLabel.code;
  // A new code after the grid's numbered lines of the chapter ("1.6" after 1.1–1.5; "3.1" in a
  // lettered grid, whose lines are 3.a, 3.b…).
  let n = Math.max(
    0,
    ...(chapter?.lines ?? []).map((l) => Number(l.code.split('.')[1])).filter((x) => Number.isFinite(x)),
  );
  let code = '';
  do {
    n += 1;
    code = `${chapterCode}.${n}`;
  } while (taken.has(code));
  return code;
}

/** A source row as one of our lines: its quantity, count and rate when they give its amount, else a lump sum. */
function lineOf(
  table: DevisTable,
  r: DevisRow,
  code: string,
  amount: Money,
  sheet: string,
): { input: LineInput; lumpSum: boolean } {
  const quantity = asAmount(r.quantity);
  const count = table.columns.count === undefined ? new Money(1) : asAmount(r.count);
  const rate = amountIn(table, r.rate);
  const unit =
    table.columns.unit === undefined ? '' : cellText(table.range.values[r.i]?.[table.columns.unit]).trim();
  const foreign = amountIn(table, r.foreign);
  const cell = table.locate(r.i, 'amount').address;
  const exact =
    quantity !== null &&
    count !== null &&
    rate !== null &&
    roundCents(quantity.times(count).times(rate)).eq(amount);
  const base: LineInput = {
    code,
    label: r.label || `Ligne ${r.code}`,
    unit: unit || 'forfait',
    ...(foreign && !foreign.isZero() ? { foreign } : {}),
  };
  if (exact)
    return {
      input: { ...base, quantity, count, rate, justification: `Repris de « ${sheet} » ${cell}` },
      lumpSum: false,
    };
  return {
    input: {
      ...base,
      quantity: new Money(1),
      count: new Money(1),
      rate: amount,
      unit: 'forfait',
      justification: `Repris de « ${sheet} » ${cell} : montant forfaitaire (quantité × tarif ne donnaient pas le montant)`,
    },
    lumpSum: true,
  };
}

/** What the conversion did, in French (the CLI and the pane): `input` the source, `out` where it went. */
export function conversionLines(c: Conversion, input: string, out: string): string[] {
  const lines = [
    `Devis repris de la feuille « ${c.sheet} » de ${input} : ${count(c.lines, 'ligne')} dans ${count(c.chapters, 'chapitre')}, nomenclature ${c.budget.nomenclature} → ${out}`,
  ];
  const list = (
    items: { cell: string; label: string; from: string; to: string }[],
    what: (x: (typeof items)[number]) => string,
  ): string =>
    items.length === 0
      ? 'aucune'
      : `${items.length} : ${items.slice(0, 8).map(what).join(' ; ')}${items.length > 8 ? ' ; …' : ''}`;
  lines.push(
    `  Codes changés pour la grille ${c.budget.nomenclature} : ${list(c.recoded, (x) => `${x.from} → ${x.to} « ${x.label} »`)}`,
  );
  lines.push(
    `  Lignes rangées dans le chapitre de leur code : ${list(c.moved, (x) => `« ${x.label} » (${x.cell}) chapitre ${x.from} → ${x.to}`)}`,
  );
  lines.push(
    `  Lignes non reprises : ${c.unmapped.length === 0 ? 'aucune' : c.unmapped.map((u) => `« ${u.label} » (${u.cell}) : ${u.why}`).join(' ; ')}`,
  );
  if (c.lumpSums > 0)
    lines.push(
      `  Montants repris en forfait (quantité × tarif ne donnaient pas le montant) : ${count(c.lumpSums, 'ligne')}`,
    );
  const rate = (r: Money): string => formatPercent(r);
  lines.push(
    `  Frais généraux ${c.overheads ? `${formatEuros(c.overheads)} (taux ${rate(c.budget.params.overheadsRate)} de la base)` : 'absents de la source : 0 %'} ; imprévus ${c.contingency ? `${formatEuros(c.contingency)} (taux ${rate(c.budget.params.contingencyRate)})` : 'absents de la source : 0 %'}`,
  );
  const gap = c.sourceTotal ? c.total.minus(c.sourceTotal) : null;
  lines.push(
    `  Total général du nouveau classeur : ${formatEuros(c.total)}${
      c.sourceTotal === null
        ? ' (la source n’affiche pas de total général)'
        : gap && gap.isZero()
          ? ' — le même que la source'
          : ` ; la source affiche ${formatEuros(c.sourceTotal)} (écart ${formatEuros(gap ?? ZERO)} : ses totaux ne suivent pas ses lignes, le contrôle les signale)`
    }`,
  );
  if (c.differences.length > 0)
    lines.push(
      '  D’où vient l’écart :',
      ...c.differences.map(
        (d) => `    ${d.cell} — ${d.what}${d.gap.isZero() ? '' : ` (écart ${formatEuros(d.gap)})`}`,
      ),
    );
  lines.push(
    '  Les charges sociales reprises en montants : attribuez un statut aux salaires pour qu’elles se calculent.',
  );
  return lines;
}
