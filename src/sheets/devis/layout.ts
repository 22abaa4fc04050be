import type {
  BudgetInput,
  BudgetResult,
  ChapterInput,
  ChapterResult,
  IndirectRateRole,
  LineInput,
  RateLine,
  Split,
} from '../../domain/budget/types';
import { statusLabel } from '../../domain/facts/facts';
import { ZERO, toCellNumber, type Money } from '../../domain/money';
import { chapterSpan, getNomenclature, rolesOf } from '../../domain/nomenclature/nomenclature';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { LIST_NAMES, PARAMS_NAMES, chargeRateName } from '../params/contract';
import {
  DEVIS_COLUMNS as C,
  DEVIS_FIRST_ROW,
  DEVIS_HEADER_ROW,
  DEVIS_NAMES,
  SPLIT_PARTS,
  chapterNames,
  type DevisColumn,
  type SplitPart,
} from './contract';

export { DEVIS_FIRST_ROW };

/** Rows of the Devis plan that other sheets and tests need. */
export interface DevisRows {
  chapterTotals: Map<string, number>;
  subtotal: number;
  overheads: number;
  contingency: number;
  total: number;
  lastRow: number;
}

const num = (m: Money): number => toCellNumber(m);
const ZERO_SPLIT: Split = { amount: ZERO, france: ZERO, foreign: ZERO };
const RATE_NAME: Record<IndirectRateRole, string> = {
  overheads: PARAMS_NAMES.overheadsRate,
  contingency: PARAMS_NAMES.contingencyRate,
};

/** Height of a chapter block: header, items (a sous-poste counts its lines), one free line, total. */
function chapterHeight(ch: ChapterInput): number {
  let count = 0;
  for (const item of ch.items) count += item.kind === 'group' ? 1 + item.lines.length : 1;
  return 1 + count + 1 + 1;
}

/**
 * The Devis sheet, driven by the nomenclature's roles: the chapters in order, each with a header
 * row, its lines (or sous-postes with detail lines and a SUBTOTAL), one free line for the user and
 * a chapter total; the subtotal of every chapter but the indirect one; then the indirect costs
 * (frais généraux and imprévus as rates of the subtotal, below it or in their own chapter) and the
 * total général. Every amount is a formula whose cached result is the domain's value.
 */
export function devisSheet(
  budget: BudgetInput,
  result: BudgetResult,
  naming: Naming,
): { sheet: SheetPlan; names: NamePlan[]; rows: DevisRows } {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const sheetName = naming.sheet('devis');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const chapterTotals = new Map<string, number>();
  const n = (base: string): string => naming.name(base);
  const at = (k: DevisColumn, row: number): string => C.cell(k, row);
  const nameParts = (parts: Readonly<Record<SplitPart, string>>, row: number): void => {
    for (const p of SPLIT_PARTS)
      names.push({ name: n(parts[p]), sheet: sheetName, ref: absolute(at(p, row)) });
  };

  cells.push({ address: 'A1', value: roles.devisTitle, style: 'title' });
  cells.push({
    address: 'A2',
    value:
      'Montants en euros HT. Montant = Quantité × Nombre × Taux, arrondi au centime ; dont France = Montant − dont étranger. Insérez vos lignes à l’intérieur d’un chapitre (la ligne libre de fin de chapitre est là pour ça) : les totaux les comptent.',
    style: 'banner',
  });
  for (const k of C.keys)
    cells.push({ address: at(k, DEVIS_HEADER_ROW), value: C.header(k), style: 'header' });

  const indirectChapter = budget.chapters.find((c) => c.code === roles.indirect.chapter) ?? null;
  const baseChapters = budget.chapters.filter((c) => c !== indirectChapter);

  // First pass: where each base chapter sits, so the charges can sum the pay chapters' rows.
  const blocks = new Map<string, { header: number; total: number }>();
  let next = DEVIS_FIRST_ROW;
  for (const ch of baseChapters) {
    const header = next;
    const total = header + chapterHeight(ch) - 1;
    blocks.set(ch.code, { header, total });
    next = total + 2; // one blank row between chapters
  }
  const lastBaseTotal = next - 2;
  const subtotal = lastBaseTotal + 2;
  const payBlocks = roles.payChapters.map((c) => blocks.get(c)).filter((b) => b !== undefined);
  const payFirst = Math.min(...payBlocks.map((b) => b.header));
  const payLast = Math.max(...payBlocks.map((b) => b.total));
  const payRange = (k: DevisColumn): string => C.range(k, payFirst, payLast);
  const rateRows: Record<IndirectRateRole, number> = { overheads: 0, contingency: 0 };

  const amountCells = (
    row: number,
    split: Split,
    style: 'computed' | 'subtotal' | 'total',
    amountFormula: string,
    foreign: { formula: string } | 'input',
  ): void => {
    cells.push({
      address: at('amount', row),
      formula: amountFormula,
      result: num(split.amount),
      numFmt: NUMFMT.euro,
      style,
    });
    cells.push({
      address: at('france', row),
      formula: `${at('amount', row)}-${at('foreign', row)}`,
      result: num(split.france),
      numFmt: NUMFMT.euro,
      style,
    });
    if (foreign === 'input') {
      cells.push({
        address: at('foreign', row),
        value: split.foreign.isZero() ? null : num(split.foreign),
        numFmt: NUMFMT.euro,
        style: 'input',
      });
    } else {
      cells.push({
        address: at('foreign', row),
        formula: foreign.formula,
        result: num(split.foreign),
        numFmt: NUMFMT.euro,
        style,
      });
    }
  };
  const product = (row: number): string =>
    `ROUND(${at('quantity', row)}*${at('count', row)}*${at('rate', row)},2)`;
  const code = (row: number, value: string | null, style: CellPlan['style']): void => {
    cells.push({ address: at('code', row), value, numFmt: NUMFMT.text, style });
  };

  const lineRow = (row: number, line: LineInput | null, split: Split | null): void => {
    code(row, line?.code ?? null, line ? 'label' : 'input');
    cells.push({ address: at('label', row), value: line?.label ?? null, style: line ? 'label' : 'input' });
    cells.push({
      address: at('status', row),
      value: line?.status ? statusLabel(line.status) : null,
      style: 'input',
    });
    cells.push({
      address: at('quantity', row),
      value: line?.quantity ? num(line.quantity) : null,
      style: 'input',
    });
    cells.push({ address: at('unit', row), value: line?.unit ?? null, style: 'input' });
    cells.push({ address: at('count', row), value: line?.count ? num(line.count) : null, style: 'input' });
    cells.push({
      address: at('rate', row),
      value: line?.rate ? num(line.rate) : null,
      numFmt: NUMFMT.euro,
      style: 'input',
    });
    amountCells(row, split ?? ZERO_SPLIT, 'computed', product(row), 'input');
    cells.push({ address: at('justification', row), value: line?.justification ?? null, style: 'input' });
  };

  /**
   * A computed line: base (a formula) × 1 × a rate from Paramètres — the charges of a status on
   * its gross pay, or a rate of the subtotal (frais généraux, imprévus).
   */
  const baseRateRow = (
    row: number,
    line: {
      code: string;
      label: string;
      baseFormula: string;
      unit: string;
      rateName: string;
      justification: string;
    },
    split: Split & { base: Money; rate: Money },
    foreign: { formula: string } | 'input',
  ): void => {
    code(row, line.code, 'label');
    cells.push({ address: at('label', row), value: line.label, style: 'label' });
    cells.push({
      address: at('quantity', row),
      formula: line.baseFormula,
      result: num(split.base),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    cells.push({ address: at('unit', row), value: line.unit, style: 'computed' });
    cells.push({ address: at('count', row), value: 1, style: 'computed' });
    cells.push({
      address: at('rate', row),
      formula: n(line.rateName),
      result: num(split.rate),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
    amountCells(row, split, 'computed', product(row), foreign);
    cells.push({ address: at('justification', row), value: line.justification, style: 'note' });
  };

  /** A rate of the subtotal (frais généraux, imprévus), named for the other sheets. */
  const rateRow = (
    row: number,
    codeValue: string,
    label: string,
    role: IndirectRateRole,
    split: RateLine,
    justification: string,
  ): void => {
    baseRateRow(
      row,
      {
        code: codeValue,
        label,
        baseFormula: at('amount', subtotal),
        unit: 'Sous-total',
        rateName: RATE_NAME[role],
        justification,
      },
      split,
      { formula: `ROUND(${at('foreign', subtotal)}*${at('rate', row)},2)` },
    );
    nameParts(role === 'overheads' ? DEVIS_NAMES.overheads : DEVIS_NAMES.contingency, row);
    rateRows[role] = row;
  };

  /** Writes one chapter block from `header`; returns the row of its total. */
  const chapterBlock = (chapter: ChapterInput, chResult: ChapterResult, header: number): number => {
    let row = header;
    code(row, chapter.code, 'chapter');
    cells.push({ address: at('label', row), value: chapter.label.toUpperCase(), style: 'chapter' });
    row += 1;
    chapter.items.forEach((item, ii) => {
      const r = chResult.items[ii];
      if (!r) throw new Error(`Ligne ${item.code} sans résultat`);
      if (item.kind === 'line') {
        lineRow(row, item, r);
        row += 1;
      } else if (item.kind === 'group' && r.kind === 'group') {
        const first = row + 1;
        const last = row + item.lines.length;
        code(row, item.code, 'group');
        cells.push({ address: at('label', row), value: item.label, style: 'group' });
        for (const p of SPLIT_PARTS) {
          cells.push({
            address: at(p, row),
            formula: `SUBTOTAL(9,${C.span(p, first, last)})`,
            result: num(r[p]),
            numFmt: NUMFMT.euro,
            style: 'subtotal',
          });
        }
        row += 1;
        item.lines.forEach((l, li) => {
          lineRow(row, l, r.lines[li] ?? null);
          row += 1;
        });
      } else if (item.kind === 'charges' && r.kind === 'charges') {
        const label = statusLabel(item.status);
        baseRateRow(
          row,
          {
            code: item.code,
            label: item.label,
            baseFormula: `SUMIF(${payRange('status')},"${label}",${payRange('amount')})`,
            unit: 'Brut',
            rateName: chargeRateName(item.status),
            justification: `Brut des chapitres ${chapterSpan(roles.payChapters)} au statut « ${label} » × taux de charges de la feuille Paramètres`,
          },
          r,
          'input',
        );
        row += 1;
      } else if (item.kind === 'rate' && r.kind === 'rate') {
        rateRow(row, item.code, item.label, item.role, r, item.justification ?? '');
        row += 1;
      } else {
        throw new Error(`Ligne ${item.code} : résultat incohérent`);
      }
    });
    // One free line for the user's own entries, inside the chapter.
    lineRow(row, null, null);
    row += 1;
    cells.push({
      address: at('label', row),
      value: `Total ${chapter.code} — ${chapter.label}`,
      style: 'subtotal',
    });
    for (const p of SPLIT_PARTS) {
      cells.push({
        address: at(p, row),
        formula: `SUBTOTAL(9,${C.span(p, header, row - 1)})`,
        result: num(chResult[p]),
        numFmt: NUMFMT.euro,
        style: 'subtotal',
      });
    }
    nameParts(chapterNames(chapter.code), row);
    chapterTotals.set(chapter.code, row);
    return row;
  };

  const resultOf = (ch: ChapterInput): ChapterResult => {
    const r = result.chapters[budget.chapters.indexOf(ch)];
    if (!r) throw new Error(`Chapitre ${ch.code} sans résultat`);
    return r;
  };
  for (const ch of baseChapters) {
    const block = blocks.get(ch.code);
    if (!block) throw new Error(`Chapitre ${ch.code} sans place`);
    if (chapterBlock(ch, resultOf(ch), block.header) !== block.total)
      throw new Error(`Plan du chapitre ${ch.code} incohérent`);
  }

  // Subtotal of the base chapters (coût de fabrication).
  const baseTotals = baseChapters.map((c) => chapterTotals.get(c.code) ?? 0);
  cells.push({ address: at('label', subtotal), value: roles.subtotalLabel, style: 'total' });
  for (const p of SPLIT_PARTS) {
    cells.push({
      address: at(p, subtotal),
      formula: `SUM(${baseTotals.map((r) => at(p, r)).join(',')})`,
      result: num(result.subtotal[p]),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  }
  nameParts(DEVIS_NAMES.subtotal, subtotal);

  // Indirect costs: rows below the subtotal, or a chapter of their own.
  const indirectRows: number[] = [];
  let row = subtotal + 1;
  if (indirectChapter) {
    row += 1;
    const total = chapterBlock(indirectChapter, resultOf(indirectChapter), row);
    indirectRows.push(total);
    row = total + 2;
  } else {
    for (const line of roles.indirect.lines) {
      if (line.role === 'line') continue;
      const split = line.role === 'overheads' ? result.overheads : result.contingency;
      rateRow(row, line.code, line.label ?? line.code, line.role, split, line.justification ?? '');
      indirectRows.push(row);
      row += 1;
    }
  }
  const total = row;
  cells.push({ address: at('label', total), value: 'TOTAL GÉNÉRAL', style: 'total' });
  for (const p of SPLIT_PARTS) {
    cells.push({
      address: at(p, total),
      formula: [subtotal, ...indirectRows].map((r) => at(p, r)).join('+'),
      result: num(result.total[p]),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  }
  nameParts(DEVIS_NAMES.total, total);
  names.push({
    name: n(DEVIS_NAMES.lines),
    sheet: sheetName,
    ref: C.block(DEVIS_HEADER_ROW, total),
    comment: 'Tableau du devis, en-têtes compris',
  });

  const lastChapterTotal = Math.max(...chapterTotals.values());
  const dataRange = (k: DevisColumn): string => C.span(k, DEVIS_FIRST_ROW, lastChapterTotal);
  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [9, 50, 12, 14, 10, 8, 13, 15, 15, 15, 60],
      freezeRows: DEVIS_HEADER_ROW,
      validations: [
        {
          range: dataRange('status'),
          kind: 'list',
          listName: n(LIST_NAMES.statuses),
          error:
            'Statut inconnu : choisissez Technicien, Cadre, Artiste ou Auteur (liste de la feuille Paramètres).',
        },
        {
          range: dataRange('unit'),
          kind: 'list',
          listName: n(LIST_NAMES.units),
          error: 'Unité inconnue : choisissez une unité de la liste (feuille Paramètres).',
        },
        {
          range: dataRange('quantity'),
          kind: 'decimalMin0',
          error: 'Saisissez un nombre positif (pas de texte).',
        },
        {
          range: dataRange('count'),
          kind: 'decimalMin0',
          error: 'Saisissez un nombre positif (pas de texte).',
        },
        {
          range: dataRange('rate'),
          kind: 'decimalMin0',
          error: 'Saisissez un montant positif en euros (pas de texte).',
        },
        {
          range: dataRange('foreign'),
          kind: 'decimalMin0',
          error: 'Saisissez un montant positif en euros (pas de texte).',
        },
      ],
      conditionalFormats: [],
      merges: [`A2:${C.last}2`],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: DEVIS_HEADER_ROW },
    },
    names,
    rows: {
      chapterTotals,
      subtotal,
      overheads: rateRows.overheads,
      contingency: rateRows.contingency,
      total,
      lastRow: total,
    },
  };
}
