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
import { isIntermittent, statusLabel } from '../../domain/facts/facts';
import { ZERO, toCellNumber, type Money } from '../../domain/money';
import { getNomenclature, rolesOf } from '../../domain/nomenclature/nomenclature';
import { defaultTaxCreditShare, itemsUnder, lineCharges, taxCreditShare } from '../../domain/budget/compute';
import type { Naming } from '../model/naming';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from '../model/plan';
import { LIST_NAMES, PARAMS_NAMES, chargeRateFormula } from '../params/contract';
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

/**
 * A costed row of the Devis (a line, a line of a sous-poste, a charges line, a rate line inside a
 * chapter: frais généraux or imprévus of the audiovisual grid), where it was written.
 */
export interface DevisLineRow {
  /** 'rate': frais généraux or imprévus, a rate of the subtotal rather than a cost of its own. */
  kind: 'line' | 'rate';
  chapter: string;
  code: string;
  label: string;
  row: number;
  amount: Money;
}

/** Rows of the Devis plan that other sheets and tests need. */
export interface DevisRows {
  chapterTotals: Map<string, number>;
  /** Every costed row of the chapters, in order (the codes the Dépenses may charge). */
  lines: DevisLineRow[];
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
  /** A status's charges rate in Paramètres, plus the short-CDDU surcharge for intermittents (as chargeRate). */
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
  // The pay of every base chapter but the charges chapter, in contiguous row segments (chapters
  // 1–3 and 5–9 in the classic grid): a salaried line is charged whatever its chapter.
  const paySegments: { first: number; last: number }[] = [];
  for (const ch of baseChapters) {
    const b = blocks.get(ch.code);
    if (!b || ch.code === roles.chargesChapter) continue;
    const prev = paySegments[paySegments.length - 1];
    if (prev && prev.last + 2 === b.header) prev.last = b.total;
    else paySegments.push({ first: b.header, last: b.total });
  }
  const paySum = (label: string, column: 'amount' | 'charges' = 'amount'): string =>
    paySegments
      .map(
        (g) => `SUMIF(${C.range('status', g.first, g.last)},"${label}",${C.range(column, g.first, g.last)})`,
      )
      .join('+');
  const rateRows: Record<IndirectRateRole, number> = { overheads: 0, contingency: 0 };
  /** Where each line and sous-poste was written: the bases block reads them by code. */
  const itemRows = new Map<string, { row: number; first: number; last: number }>();
  const lineRows: DevisLineRow[] = [];

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

  const lineRow = (row: number, line: LineInput | null, split: Split | null, chapterCode: string): void => {
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
    cells.push({
      address: at('charges', row),
      formula: `ROUND(${at('amount', row)}*SUMIF(${n(PARAMS_NAMES.chargeStatuses)},${at('status', row)},${n(PARAMS_NAMES.chargeRates)}),2)`,
      result: num(line ? lineCharges(budget, line) : ZERO),
      numFmt: NUMFMT.euro,
      style: 'computed',
    });
    cells.push({
      address: at('taxCredit', row),
      value: num(
        line ? taxCreditShare(budget, chapterCode, line) : defaultTaxCreditShare(budget, chapterCode, ''),
      ),
      numFmt: NUMFMT.rate,
      style: 'input',
    });
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
      /** The rate cell's formula: a Paramètres name, or a sum of them. */
      rateFormula: string;
      justification: string;
      /** The amount's formula when it is not base × 1 × rate (the charges: the sum of the lines' own). */
      amountFormula?: string;
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
      formula: line.rateFormula,
      result: num(split.rate),
      numFmt: NUMFMT.rate,
      style: 'computed',
    });
    amountCells(row, split, 'computed', line.amountFormula ?? product(row), foreign);
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
    // Cinema: the frais généraux on the protocol's base (named under the total); else the subtotal.
    const onProtocol = role === 'overheads' && roles.protocol !== undefined;
    baseRateRow(
      row,
      {
        code: codeValue,
        label,
        baseFormula: onProtocol ? n(DEVIS_NAMES.protocolBase) : at('amount', subtotal),
        unit: onProtocol ? 'Base protocole' : 'Sous-total',
        rateFormula: n(RATE_NAME[role]),
        justification,
      },
      split,
      // French spend of the production company: nothing of it abroad.
      { formula: '0' },
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
        itemRows.set(item.code, { row, first: row, last: row });
        lineRows.push({
          kind: 'line',
          chapter: chapter.code,
          code: item.code,
          label: item.label,
          row,
          amount: r.amount,
        });
        lineRow(row, item, r, chapter.code);
        row += 1;
      } else if (item.kind === 'group' && r.kind === 'group') {
        const first = row + 1;
        const last = row + item.lines.length;
        itemRows.set(item.code, { row, first, last });
        item.lines.forEach((l, li) =>
          itemRows.set(l.code, { row: first + li, first: first + li, last: first + li }),
        );
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
          lineRows.push({
            kind: 'line',
            chapter: chapter.code,
            code: l.code,
            label: l.label,
            row,
            amount: r.lines[li]?.amount ?? ZERO,
          });
          lineRow(row, l, r.lines[li] ?? null, chapter.code);
          row += 1;
        });
      } else if (item.kind === 'charges' && r.kind === 'charges') {
        lineRows.push({
          kind: 'line',
          chapter: chapter.code,
          code: item.code,
          label: item.label,
          row,
          amount: r.amount,
        });
        const label = statusLabel(item.status);
        baseRateRow(
          row,
          {
            code: item.code,
            label: item.label,
            baseFormula: paySum(label),
            unit: 'Brut',
            rateFormula: chargeRateFormula(item.status, n),
            amountFormula: paySum(label, 'charges'),
            justification: `Somme des charges patronales ligne par ligne (colonne « ${C.header('charges')} ») des lignes au statut « ${label} », quel que soit leur chapitre : brut × taux de charges de la feuille Paramètres${isIntermittent(item.status) ? ' (majoration des CDDU de 3 mois au plus comprise)' : ''}, arrondi par ligne`,
          },
          r,
          'input',
        );
        row += 1;
      } else if (item.kind === 'rate' && r.kind === 'rate') {
        lineRows.push({
          kind: 'rate',
          chapter: chapter.code,
          code: item.code,
          label: item.label,
          row,
          amount: r.amount,
        });
        rateRow(row, item.code, item.label, item.role, r, item.justification ?? '');
        row += 1;
      } else {
        throw new Error(`Ligne ${item.code} : résultat incohérent`);
      }
    });
    // One free line for the user's own entries, inside the chapter.
    lineRow(row, null, null, chapter.code);
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

  /** An item's amount (France or total), and its social charges: the sum of its lines' own. */
  const itemAmount = (code: string, part: 'amount' | 'france'): string => {
    const r = itemRows.get(code);
    return r ? at(part, r.row) : '0';
  };
  const itemCharges = (code: string): string => {
    const r = itemRows.get(code);
    return r ? `SUM(${C.range('charges', r.first, r.last)})` : '0';
  };
  const sumOf = (terms: string[]): string => (terms.length ? terms.join('+') : '0');

  /** Bases and caps under the total: what a financier checks first. Returns its last row. */
  const basesBlock = (start: number): number => {
    let r = start;
    cells.push({ address: at('label', r), value: 'BASES ET PLAFONDS', style: 'chapter' });
    r += 1;
    const line = (
      name: string,
      label: string,
      formula: string,
      value: Money,
      justification: string,
      part: DevisColumn = 'amount',
    ): void => {
      cells.push({ address: at('label', r), value: label, style: 'label' });
      cells.push({
        address: at(part, r),
        formula,
        result: num(value),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
      cells.push({ address: at('justification', r), value: justification, style: 'note' });
      names.push({ name: n(name), sheet: sheetName, ref: absolute(at(part, r)) });
      r += 1;
    };
    const b = result.bases;
    const protocol = roles.protocol;
    if (protocol && b.protocol) {
      const fee = itemsUnder(budget, protocol.producerFeeCodes).map((it) => it.code);
      const ff = itemsUnder(budget, protocol.financialCostsCodes).map((it) => it.code);
      line(
        DEVIS_NAMES.producerFee,
        'Rémunération du producteur délégué, charges comprises',
        sumOf(fee.map((c) => `${itemAmount(c, 'amount')}+${itemCharges(c)}`)),
        b.producerFee,
        `Lignes ${fee.join(', ') || protocol.producerFeeCodes.join(', ')} et leurs charges au taux de leur statut (${protocol.source})`,
      );
      line(
        DEVIS_NAMES.financialCosts,
        'Frais financiers',
        sumOf(ff.map((c) => itemAmount(c, 'amount'))),
        b.financialCosts,
        `Lignes ${ff.join(', ') || protocol.financialCostsCodes.join(', ')}`,
      );
      line(
        DEVIS_NAMES.protocolBase,
        'Base du protocole : coût hors frais généraux, rémunération du producteur et frais financiers',
        `${n(DEVIS_NAMES.subtotal.amount)}-${n(DEVIS_NAMES.producerFee)}-${n(DEVIS_NAMES.financialCosts)}`,
        b.protocol,
        `${protocol.source}. Les imprévus, absents d’un coût définitif, restent hors base. Les frais généraux du devis sont calculés sur cette base.`,
      );
      line(
        DEVIS_NAMES.overheadsCapAmount,
        'Plafond des frais généraux (montant)',
        `ROUND(${n(PARAMS_NAMES.overheadsCap)}*${n(DEVIS_NAMES.protocolBase)},2)`,
        b.overheadsCapAmount ?? ZERO,
        'Protocole du 16/12/2010 art. 2.12 : frais généraux ≤ 7 % de la base',
      );
      line(
        DEVIS_NAMES.producerFeeCapAmount,
        'Plafond de la rémunération du producteur délégué, charges comprises (montant)',
        `ROUND(${n(PARAMS_NAMES.producerFeeCap)}*${n(DEVIS_NAMES.protocolBase)},2)`,
        b.producerFeeCapAmount ?? ZERO,
        'Protocole du 16/12/2010 art. 2.11 : rémunération du producteur délégué ≤ 5 % de la base, charges comprises',
      );
    }
    const elig = roles.taxCreditEligibility;
    const ineligible = baseChapters.filter((ch) => !elig.eligibleChapters.includes(ch.code));
    const excluded = itemsUnder(
      { ...budget, chapters: baseChapters.filter((ch) => elig.eligibleChapters.includes(ch.code)) },
      elig.excludedCodes.map((x) => x.code),
    ).map((it) => it.code);
    const span = (k: DevisColumn): string => C.range(k, DEVIS_FIRST_ROW, lastBaseTotal);
    line(
      DEVIS_NAMES.taxCreditBase,
      'Base éligible du crédit d’impôt (dépenses en France de la liste fermée)',
      `ROUND(SUMPRODUCT(${span('france')}*${span('taxCredit')})+SUMPRODUCT(${span('charges')}*${span('taxCredit')}),2)`,
      b.taxCredit,
      `${elig.source}. Dépenses en France de chaque ligne × sa part éligible (colonne « ${C.header('taxCredit')} », pré-remplie d’après la nomenclature, modifiable), plus les charges obligatoires de cette part. Part 0 par défaut : ${[...ineligible.map((ch) => `chapitre ${ch.code}`), ...excluded].join(', ') || 'aucune ligne'}. ${elig.performersAboveMinima ?? ''}`.trim(),
      'france',
    );
    return r - 1;
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
  const basesEnd = basesBlock(total + 2);

  const lastChapterTotal = Math.max(...chapterTotals.values());
  const dataRange = (k: DevisColumn): string => C.span(k, DEVIS_FIRST_ROW, lastChapterTotal);
  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [9, 50, 12, 14, 10, 8, 13, 15, 15, 15, 60, 14, 14],
      freezeRows: DEVIS_HEADER_ROW,
      validations: [
        {
          range: dataRange('status'),
          kind: 'list',
          listName: n(LIST_NAMES.statuses),
          error:
            'Statut inconnu : choisissez Technicien, Cadre, Artiste, Auteur, Permanent ou Prestataire (liste de la feuille Paramètres).',
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
        {
          range: dataRange('taxCredit'),
          kind: 'share',
          error:
            'Saisissez une part entre 0 % et 100 % : 100 % si toute la ligne est éligible au crédit d’impôt, 0 % si elle ne l’est pas.',
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
      lines: lineRows,
      subtotal,
      overheads: rateRows.overheads,
      contingency: rateRows.contingency,
      total,
      lastRow: basesEnd,
    },
  };
}
