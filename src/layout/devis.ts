import type { BudgetInput, BudgetResult, LineInput, Split } from '../domain/budget/types';
import { PAY_CHAPTERS } from '../domain/budget/compute';
import { statusLabel } from '../domain/facts/facts';
import { ZERO, toCellNumber, type Money } from '../domain/money';
import type { Naming } from './naming';
import { chargeRateName } from './params';
import { NUMFMT, absolute, type CellPlan, type NamePlan, type SheetPlan } from './plan';

export const DEVIS_HEADERS = [
  'Code',
  'Libellé',
  'Statut',
  'Quantité',
  'Unité',
  'Nombre',
  'Taux',
  'Montant',
  'dont France',
  'dont étranger',
  'Justification',
] as const;

/** First row of the chapter blocks (row 4 holds the headers). */
export const DEVIS_FIRST_ROW = 5;

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

/**
 * The Devis sheet: chapters in order, each with a header row, its lines (or sous-postes with
 * detail lines and a SUBTOTAL), one free line for the user, and a chapter total; then the total
 * of postes 1–9, frais généraux, imprévus and total général. Every amount is a formula whose
 * cached result is the domain's value.
 */
export function devisSheet(
  budget: BudgetInput,
  result: BudgetResult,
  naming: Naming,
): { sheet: SheetPlan; names: NamePlan[]; rows: DevisRows } {
  const sheetName = naming.sheet('devis');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const chapterTotals = new Map<string, number>();
  const n = (base: string): string => naming.name(base);

  cells.push({ address: 'A1', value: 'Devis de production — nomenclature CNC (9 postes)', style: 'title' });
  cells.push({
    address: 'A2',
    value:
      'Montants en euros HT. Montant = Quantité × Nombre × Taux, arrondi au centime ; dont France = Montant − dont étranger. Insérez vos lignes à l’intérieur d’un chapitre (la ligne libre de fin de chapitre est là pour ça) : les totaux les comptent.',
    style: 'banner',
  });
  DEVIS_HEADERS.forEach((h, i) => cells.push({ address: `${'ABCDEFGHIJK'[i]}4`, value: h, style: 'header' }));

  // Rows of the pay chapters (1 to 3), for the charges' SUMIF; computed in a first pass.
  const layoutRows = planRows(budget);
  const payFirst = Math.min(...PAY_CHAPTERS.map((c) => layoutRows.get(c)?.header ?? Infinity));
  const payLast = Math.max(...PAY_CHAPTERS.map((c) => layoutRows.get(c)?.total ?? -Infinity));
  const payRange = (col: string): string => `$${col}$${payFirst}:$${col}$${payLast}`;

  const amountCells = (row: number, split: Split, style: 'computed' | 'subtotal' | 'total', amountFormula: string, foreign: 'input' | string): void => {
    cells.push({ address: `H${row}`, formula: amountFormula, result: num(split.amount), numFmt: NUMFMT.euro, style });
    cells.push({ address: `I${row}`, formula: `H${row}-J${row}`, result: num(split.france), numFmt: NUMFMT.euro, style });
    if (foreign === 'input') {
      cells.push({ address: `J${row}`, value: split.foreign.isZero() ? null : num(split.foreign), numFmt: NUMFMT.euro, style: 'input' });
    } else {
      cells.push({ address: `J${row}`, formula: foreign, result: num(split.foreign), numFmt: NUMFMT.euro, style });
    }
  };

  const lineRow = (row: number, line: LineInput | null, split: Split | null, codeStyle: 'input' | 'label' = 'label'): void => {
    cells.push({ address: `A${row}`, value: line?.code ?? null, style: line ? codeStyle : 'input' });
    cells.push({ address: `B${row}`, value: line?.label ?? null, style: line ? 'label' : 'input' });
    cells.push({ address: `C${row}`, value: line?.status ? statusLabel(line.status) : null, style: 'input' });
    cells.push({ address: `D${row}`, value: line?.quantity ? num(line.quantity) : null, style: 'input' });
    cells.push({ address: `E${row}`, value: line?.unit ?? null, style: 'input' });
    cells.push({ address: `F${row}`, value: line?.count ? num(line.count) : null, style: 'input' });
    cells.push({ address: `G${row}`, value: line?.rate ? num(line.rate) : null, numFmt: NUMFMT.euro, style: 'input' });
    const zero: Split = { amount: ZERO, france: ZERO, foreign: ZERO };
    amountCells(row, split ?? zero, 'computed', `ROUND(D${row}*F${row}*G${row},2)`, 'input');
    cells.push({ address: `K${row}`, value: line?.justification ?? null, style: 'input' });
  };

  budget.chapters.forEach((chapter, ci) => {
    const chResult = result.chapters[ci];
    const rows = layoutRows.get(chapter.code);
    if (!chResult || !rows) throw new Error(`Chapitre ${chapter.code} sans résultat`);
    let row = rows.header;
    cells.push({ address: `A${row}`, value: chapter.code, style: 'chapter' });
    cells.push({ address: `B${row}`, value: chapter.label.toUpperCase(), style: 'chapter' });
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
        cells.push({ address: `A${row}`, value: item.code, style: 'group' });
        cells.push({ address: `B${row}`, value: item.label, style: 'group' });
        cells.push({ address: `H${row}`, formula: `SUBTOTAL(9,H${first}:H${last})`, result: num(r.amount), numFmt: NUMFMT.euro, style: 'subtotal' });
        cells.push({ address: `I${row}`, formula: `SUBTOTAL(9,I${first}:I${last})`, result: num(r.france), numFmt: NUMFMT.euro, style: 'subtotal' });
        cells.push({ address: `J${row}`, formula: `SUBTOTAL(9,J${first}:J${last})`, result: num(r.foreign), numFmt: NUMFMT.euro, style: 'subtotal' });
        row += 1;
        item.lines.forEach((l, li) => {
          lineRow(row, l, r.lines[li] ?? null);
          row += 1;
        });
      } else if (item.kind === 'charges' && r.kind === 'charges') {
        const label = statusLabel(item.status);
        cells.push({ address: `A${row}`, value: item.code, style: 'label' });
        cells.push({ address: `B${row}`, value: item.label, style: 'label' });
        cells.push({
          address: `D${row}`,
          formula: `SUMIF(${payRange('C')},"${label}",${payRange('H')})`,
          result: num(r.base),
          numFmt: NUMFMT.euro,
          style: 'computed',
        });
        cells.push({ address: `E${row}`, value: 'Brut', style: 'computed' });
        cells.push({ address: `F${row}`, value: 1, style: 'computed' });
        cells.push({ address: `G${row}`, formula: n(chargeRateName(item.status)), result: num(r.rate), numFmt: NUMFMT.rate, style: 'computed' });
        amountCells(row, r, 'computed', `ROUND(D${row}*F${row}*G${row},2)`, 'input');
        cells.push({
          address: `K${row}`,
          value: `Brut des chapitres 1 à 3 au statut « ${label} » × taux de charges de la feuille Paramètres`,
          style: 'note',
        });
        row += 1;
      } else {
        throw new Error(`Ligne ${item.code} : résultat incohérent`);
      }
    });
    // One free line for the user's own entries, inside the chapter.
    lineRow(row, null, null);
    row += 1;
    if (row !== rows.total) throw new Error(`Plan du chapitre ${chapter.code} incohérent`);
    cells.push({ address: `B${row}`, value: `Total ${chapter.code} — ${chapter.label}`, style: 'subtotal' });
    const range = (col: string): string => `SUBTOTAL(9,${col}${rows.header}:${col}${row - 1})`;
    cells.push({ address: `H${row}`, formula: range('H'), result: num(chResult.amount), numFmt: NUMFMT.euro, style: 'subtotal' });
    cells.push({ address: `I${row}`, formula: range('I'), result: num(chResult.france), numFmt: NUMFMT.euro, style: 'subtotal' });
    cells.push({ address: `J${row}`, formula: range('J'), result: num(chResult.foreign), numFmt: NUMFMT.euro, style: 'subtotal' });
    names.push({ name: n(`Devis_Poste${chapter.code}`), sheet: sheetName, ref: absolute(`H${row}`) });
    names.push({ name: n(`Devis_Poste${chapter.code}_France`), sheet: sheetName, ref: absolute(`I${row}`) });
    names.push({ name: n(`Devis_Poste${chapter.code}_Etranger`), sheet: sheetName, ref: absolute(`J${row}`) });
    chapterTotals.set(chapter.code, row);
  });

  const lastChapterTotal = Math.max(...chapterTotals.values());
  const subtotal = lastChapterTotal + 2;
  const overheads = subtotal + 1;
  const contingency = subtotal + 2;
  const total = subtotal + 3;
  const totals = [...chapterTotals.values()];
  const sumOf = (col: string): string => `SUM(${totals.map((r) => `${col}${r}`).join(',')})`;

  cells.push({ address: `B${subtotal}`, value: 'Total des postes 1 à 9 (coût de fabrication)', style: 'total' });
  cells.push({ address: `H${subtotal}`, formula: sumOf('H'), result: num(result.subtotal.amount), numFmt: NUMFMT.euro, style: 'total' });
  cells.push({ address: `I${subtotal}`, formula: sumOf('I'), result: num(result.subtotal.france), numFmt: NUMFMT.euro, style: 'total' });
  cells.push({ address: `J${subtotal}`, formula: sumOf('J'), result: num(result.subtotal.foreign), numFmt: NUMFMT.euro, style: 'total' });

  const rateRow = (row: number, label: string, code: string, rateName: string, split: BudgetResult['overheads'], justification: string): void => {
    cells.push({ address: `A${row}`, value: code, style: 'label' });
    cells.push({ address: `B${row}`, value: label, style: 'label' });
    cells.push({ address: `D${row}`, formula: `H${subtotal}`, result: num(split.base), numFmt: NUMFMT.euro, style: 'computed' });
    cells.push({ address: `E${row}`, value: 'Sous-total', style: 'computed' });
    cells.push({ address: `F${row}`, value: 1, style: 'computed' });
    cells.push({ address: `G${row}`, formula: n(rateName), result: num(split.rate), numFmt: NUMFMT.rate, style: 'computed' });
    amountCells(row, split, 'computed', `ROUND(D${row}*F${row}*G${row},2)`, `ROUND(J${subtotal}*G${row},2)`);
    cells.push({ address: `K${row}`, value: justification, style: 'note' });
  };
  rateRow(overheads, 'Frais généraux', 'FG', 'Param_TauxFG', result.overheads, 'Taux de la feuille Paramètres × total des postes 1 à 9 ; plafond et source dans Paramètres');
  rateRow(contingency, 'Imprévus', 'IMP', 'Param_TauxImprevus', result.contingency, 'Taux de la feuille Paramètres × total des postes 1 à 9');

  cells.push({ address: `B${total}`, value: 'TOTAL GÉNÉRAL', style: 'total' });
  for (const [col, value] of [
    ['H', result.total.amount],
    ['I', result.total.france],
    ['J', result.total.foreign],
  ] as const) {
    cells.push({
      address: `${col}${total}`,
      formula: `${col}${subtotal}+${col}${overheads}+${col}${contingency}`,
      result: num(value),
      numFmt: NUMFMT.euro,
      style: 'total',
    });
  }

  const named: [string, string][] = [
    ['Devis_TotalPostes', `H${subtotal}`],
    ['Devis_TotalPostes_France', `I${subtotal}`],
    ['Devis_TotalPostes_Etranger', `J${subtotal}`],
    ['Devis_FraisGeneraux', `H${overheads}`],
    ['Devis_FraisGeneraux_France', `I${overheads}`],
    ['Devis_FraisGeneraux_Etranger', `J${overheads}`],
    ['Devis_Imprevus', `H${contingency}`],
    ['Devis_Imprevus_France', `I${contingency}`],
    ['Devis_Imprevus_Etranger', `J${contingency}`],
    ['Devis_Total', `H${total}`],
    ['Devis_TotalFrance', `I${total}`],
    ['Devis_TotalEtranger', `J${total}`],
  ];
  for (const [name, addr] of named) names.push({ name: n(name), sheet: sheetName, ref: absolute(addr) });
  names.push({
    name: n('Devis_Lignes'),
    sheet: sheetName,
    ref: `$A$${DEVIS_FIRST_ROW - 1}:$K$${total}`,
    comment: 'Tableau du devis, en-têtes compris',
  });

  const dataRange = (col: string): string => `${col}${DEVIS_FIRST_ROW}:${col}${lastChapterTotal}`;
  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [9, 50, 12, 14, 10, 8, 13, 15, 15, 15, 60],
      freezeRows: 4,
      validations: [
        { range: dataRange('C'), kind: 'list', listName: n('Liste_Statuts'), error: 'Statut inconnu : choisissez Technicien, Cadre, Artiste ou Auteur (liste de la feuille Paramètres).' },
        { range: dataRange('E'), kind: 'list', listName: n('Liste_Unites'), error: 'Unité inconnue : choisissez une unité de la liste (feuille Paramètres).' },
        { range: dataRange('D'), kind: 'decimalMin0', error: 'Saisissez un nombre positif (pas de texte).' },
        { range: dataRange('F'), kind: 'decimalMin0', error: 'Saisissez un nombre positif (pas de texte).' },
        { range: dataRange('G'), kind: 'decimalMin0', error: 'Saisissez un montant positif en euros (pas de texte).' },
        { range: dataRange('J'), kind: 'decimalMin0', error: 'Saisissez un montant positif en euros (pas de texte).' },
      ],
      conditionalFormats: [],
      merges: ['A2:K2'],
      rowHeights: { 2: 30 },
      print: { orientation: 'landscape', repeatRows: 4 },
    },
    names,
    rows: { chapterTotals, subtotal, overheads, contingency, total, lastRow: total },
  };
}

/** First pass: the header and total row of each chapter, so formulas can reference them. */
function planRows(budget: BudgetInput): Map<string, { header: number; total: number }> {
  const out = new Map<string, { header: number; total: number }>();
  let row = DEVIS_FIRST_ROW;
  for (const ch of budget.chapters) {
    const header = row;
    let count = 0;
    for (const item of ch.items) count += item.kind === 'group' ? 1 + item.lines.length : 1;
    const total = header + 1 + count + 1; // header, items, free line, total
    out.set(ch.code, { header, total });
    row = total + 2; // one blank row between chapters
  }
  return out;
}
