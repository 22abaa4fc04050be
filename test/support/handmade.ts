import ExcelJS from 'exceljs';

/*
 * Hand-made devis, as candidates and producers build them — not with our scaffold: their own
 * sheet names, title rows, header words, code styles and totals. `npm run fixtures:handmade`
 * writes them to test/fixtures/handmade/ (some re-saved by LibreOffice); each has a planted
 * fault the audit must find at its cell, and a golden file of its recognition report and findings.
 */

interface Line {
  code: string;
  label: string;
  qty: number;
  unit: string;
  rate: number;
}

interface Chapter {
  code: string;
  label: string;
  lines: Line[];
}

/** A feature's devis in nine chapters, coded as the CNC's 2018 template codes them (11, 12, 21…). */
export const CHAPTERS: Chapter[] = [
  {
    code: '1',
    label: 'DROITS ARTISTIQUES',
    lines: [
      { code: '11', label: 'Droits d’auteur — scénario', qty: 1, unit: 'forfait', rate: 60000 },
      { code: '12', label: 'Droits musicaux', qty: 1, unit: 'forfait', rate: 15000 },
    ],
  },
  {
    code: '2',
    label: 'PERSONNEL',
    lines: [
      { code: '21', label: 'Réalisateur', qty: 10, unit: 'semaine', rate: 3500 },
      { code: '22', label: 'Équipe technique', qty: 8, unit: 'semaine', rate: 12000 },
    ],
  },
  {
    code: '3',
    label: 'INTERPRÉTATION',
    lines: [
      { code: '31', label: 'Rôles principaux', qty: 30, unit: 'jour', rate: 1200 },
      { code: '32', label: 'Figuration', qty: 40, unit: 'cachet', rate: 120 },
    ],
  },
  {
    code: '4',
    label: 'CHARGES SOCIALES',
    lines: [
      { code: '41', label: 'Charges sur personnel', qty: 1, unit: 'forfait', rate: 52000 },
      { code: '42', label: 'Charges sur interprétation', qty: 1, unit: 'forfait', rate: 19000 },
    ],
  },
  {
    code: '5',
    label: 'DÉCORS ET COSTUMES',
    lines: [
      { code: '51', label: 'Décors', qty: 1, unit: 'forfait', rate: 45000 },
      { code: '52', label: 'Costumes', qty: 1, unit: 'forfait', rate: 18000 },
    ],
  },
  {
    code: '6',
    label: 'TRANSPORTS, DÉFRAIEMENTS, RÉGIE',
    lines: [
      { code: '61', label: 'Transports', qty: 1, unit: 'forfait', rate: 22000 },
      { code: '62', label: 'Défraiements', qty: 30, unit: 'jour', rate: 450 },
    ],
  },
  {
    code: '7',
    label: 'MOYENS TECHNIQUES',
    lines: [
      { code: '71', label: 'Caméra', qty: 6, unit: 'semaine', rate: 4500 },
      { code: '72', label: 'Lumière', qty: 6, unit: 'semaine', rate: 3800 },
    ],
  },
  {
    code: '8',
    label: 'PELLICULES ET LABORATOIRES',
    lines: [
      { code: '81', label: 'Postproduction image', qty: 1, unit: 'forfait', rate: 38000 },
      { code: '82', label: 'Postproduction son', qty: 1, unit: 'forfait', rate: 21000 },
    ],
  },
  {
    code: '9',
    label: 'ASSURANCES ET DIVERS',
    lines: [
      { code: '91', label: 'Assurances', qty: 1, unit: 'forfait', rate: 12000 },
      { code: '92', label: 'Frais juridiques', qty: 1, unit: 'forfait', rate: 8000 },
    ],
  },
];

/** A short film's devis: the feature's lines at a tenth of their rates. */
export const SHORT: Chapter[] = CHAPTERS.map((c) => ({
  ...c,
  lines: c.lines.map((l) => ({ ...l, rate: l.rate / 10 })),
}));

export type LayoutField =
  | 'code'
  | 'label'
  | 'codeLabel'
  | 'qty'
  | 'count'
  | 'unit'
  | 'rate'
  | 'amount'
  | 'amountOld'
  | 'france'
  | 'foreign'
  | 'fringes'
  | 'episode';

/** How the codes are written: 11 (plain), 1.1 (dotted), 0101 under 01 (zero), 1.a (letter), 1 / 11 / 111 (threeLevel). */
export type CodeStyle = 'plain' | 'dotted' | 'zero' | 'letter' | 'threeLevel';

export interface Layout {
  /** Sheet name of the devis. */
  sheet: string;
  /** Title rows above the header (merged across the table). */
  titles: string[];
  /** Header cells, left to right; the fields they hold are given by `fields`. */
  headers: string[];
  fields: LayoutField[];
  /** Chapter row: "1 - DROITS ARTISTIQUES" in the first column, or the label alone. */
  chapterStyle: 'codeDashLabel' | 'codeThenLabel' | 'labelOnly' | 'none';
  /** Amounts as formulas (qty × rate), typed numbers, or French text ("1 234,56 €"). */
  amounts: 'formula' | 'number' | 'frenchText';
  /** Amounts in k€. */
  thousands?: boolean;
  /** Frais généraux and imprévus rates (of the chapters' total). */
  overheads: number;
  contingency: number;
  codes?: CodeStyle;
  /** A « Sous-total » row after each chapter's first line (a formula on it). */
  subtotals?: boolean;
  /** Each chapter's total on its own header row (a SUM of the lines below), no total row after. */
  totalsAbove?: boolean;
  /** The words of the rows below the chapters (French by default). */
  words?: { total: string; chapters: string; overheads: string; contingency: string; grand: string };
  /** Line codes (as written) whose rows are hidden; an autofilter on the header row. */
  hide?: string[];
  filter?: boolean;
  /** Planted faults. */
  plant?: {
    /** A chapter total typed instead of its formula, this many euros above its lines. */
    typedTotalAbove?: { chapter: string; euros: number };
    /** A chapter total whose SUM stops one line short. */
    shortTotal?: string;
    /** A line moved into another chapter: its code stays the same. */
    moveLine?: { code: string; to: string };
    /** The grand total typed this many euros off. */
    grandTotalOff?: number;
    /** A line's amount typed this many euros off its quantity × rate (code as written). */
    lineAmountOff?: { code: string; euros: number };
  };
}

/** What a written devis holds: its sheet, each chapter's total cell and value, the grand total. */
export interface WrittenDevis {
  sheet: string;
  amountColumn: string;
  labelColumn: number;
  chapters: { code: string; label: string; cell: string; value: number }[];
  grand: { cell: string; value: number };
  /** The first free row below the table. */
  next: number;
}

const colLetter = (i: number): string => String.fromCharCode(65 + i);
const frenchAmount = (n: number): string =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(n)
    .replace(/\u202f/g, ' ')} €`;
const LETTERS = 'abcdefghijklmnop';
const FRENCH_WORDS = {
  total: 'Total',
  chapters: 'TOTAL DES CHAPITRES',
  overheads: 'Frais généraux',
  contingency: 'Imprévus',
  grand: 'TOTAL GÉNÉRAL',
};

/** A costed row as written: its code, label, quantity, unit, rate and amount (in euros). */
interface Row {
  code: string;
  label: string;
  qty: number;
  unit: string;
  rate: number;
  amount: number;
  /** A poste of a three-level devis: its amount is the sum of the rows under it. */
  children?: Row[];
}

function chapterCodeOf(style: CodeStyle, code: string): string {
  return style === 'zero' ? code.padStart(2, '0') : code;
}

/** The rows of a chapter, coded in the layout's style. */
function rowsOf(style: CodeStyle, ch: Chapter): Row[] {
  return ch.lines.map((l, k) => {
    const base = { label: l.label, qty: l.qty, unit: l.unit, rate: l.rate, amount: l.qty * l.rate };
    if (style === 'dotted') return { ...base, code: `${ch.code}.${k + 1}` };
    if (style === 'letter') return { ...base, code: `${ch.code}.${LETTERS[k] ?? 'z'}` };
    if (style === 'zero')
      return { ...base, code: `${ch.code.padStart(2, '0')}${String(k + 1).padStart(2, '0')}` };
    if (style !== 'threeLevel') return { ...base, code: l.code };
    const children: Row[] = [
      { ...base, code: `${l.code}1` },
      {
        code: `${l.code}2`,
        label: `${l.label} — frais annexes`,
        qty: 1,
        unit: 'forfait',
        rate: 1000,
        amount: 1000,
      },
    ];
    return { ...base, code: l.code, qty: 0, rate: 0, amount: base.amount + 1000, children };
  });
}

/** Writes one hand-made devis on a new sheet of `wb`; returns the cells of its totals. */
export function writeDevis(
  wb: ExcelJS.Workbook,
  layout: Layout,
  source: Chapter[] = CHAPTERS,
  ws: ExcelJS.Worksheet = wb.addWorksheet(layout.sheet),
): WrittenDevis {
  const width = layout.headers.length;
  const style = layout.codes ?? 'plain';
  const words = layout.words ?? FRENCH_WORDS;
  const col = (f: LayoutField): number => layout.fields.indexOf(f);
  const episodes = layout.fields.map((f, j) => (f === 'episode' ? j : -1)).filter((j) => j >= 0);
  const amountCol = col('amount');
  const A = (r: number): string => `${colLetter(amountCol)}${r}`;
  const scale = layout.thousands ? 1000 : 1;
  const plant = layout.plant ?? {};
  let r = 1;
  for (const t of layout.titles) {
    ws.getCell(r, 1).value = t;
    ws.mergeCells(r, 1, r, width);
    r += 1;
  }
  r += 1;
  const headerRow = r;
  layout.headers.forEach((h, j) => (ws.getCell(r, j + 1).value = h));
  ws.getRow(r).font = { bold: true };
  if (layout.filter) ws.autoFilter = { from: { row: r, column: 1 }, to: { row: r, column: width } };
  r += 1;
  const chapters = source.map((c) => ({ ...c, lines: [...c.lines] }));
  const move = plant.moveLine;
  if (move) {
    const from = chapters.find((c) => c.lines.some((l) => l.code === move.code));
    const to = chapters.find((c) => c.code === move.to);
    const line = from?.lines.find((l) => l.code === move.code);
    if (from && to && line) {
      from.lines = from.lines.filter((l) => l !== line);
      to.lines.push(line);
    }
  }
  const value = (n: number): ExcelJS.CellValue => {
    const v = n / scale;
    return layout.amounts === 'frenchText' ? frenchAmount(v) : v;
  };
  const labelCol = Math.max(col('label'), col('codeLabel'));
  /** Writes a costed row; returns the amount the sheet shows. */
  const writeRow = (row: Row): number => {
    if (col('codeLabel') >= 0) ws.getCell(r, col('codeLabel') + 1).value = `${row.code} - ${row.label}`;
    else {
      ws.getCell(r, col('code') + 1).value = row.code;
      ws.getCell(r, col('label') + 1).value = row.label;
    }
    if (layout.hide?.includes(row.code)) ws.getRow(r).hidden = true;
    const off = plant.lineAmountOff?.code === row.code ? plant.lineAmountOff.euros : 0;
    const shown = row.amount + off;
    const cell = ws.getCell(r, amountCol + 1);
    if (row.children) {
      const first = r + 1;
      cell.value = {
        formula: `SUM(${A(first)}:${A(first + row.children.length - 1)})`,
        result: shown / scale,
      };
      r += 1;
      for (const c of row.children) writeRow(c);
      return shown;
    }
    if (col('qty') >= 0) ws.getCell(r, col('qty') + 1).value = row.qty;
    if (col('count') >= 0) ws.getCell(r, col('count') + 1).value = 1;
    if (col('unit') >= 0) ws.getCell(r, col('unit') + 1).value = row.unit;
    if (col('rate') >= 0) ws.getCell(r, col('rate') + 1).value = value(row.rate);
    if (col('fringes') >= 0 && /r[ée]alisat|r[ôo]les|[ée]quipe/i.test(row.label))
      ws.getCell(r, col('fringes') + 1).value = value(Math.round(row.amount * 0.45));
    if (col('amountOld') >= 0)
      ws.getCell(r, col('amountOld') + 1).value = value(Math.round(row.amount * 0.9));
    if (episodes.length > 0) {
      // A series by episode: the amount split over the episodes, the line's total their sum.
      const each = Math.floor(row.amount / episodes.length);
      episodes.forEach((j, k) => {
        const part = k === episodes.length - 1 ? row.amount - each * (episodes.length - 1) : each;
        ws.getCell(r, j + 1).value = value(part);
      });
      const [e0, eN] = [episodes[0] ?? 0, episodes.at(-1) ?? 0];
      cell.value = { formula: `SUM(${colLetter(e0)}${r}:${colLetter(eN)}${r})`, result: shown / scale };
    } else
      cell.value =
        layout.amounts === 'formula' && col('qty') >= 0 && col('rate') >= 0 && off === 0
          ? {
              formula: `${colLetter(col('qty'))}${r}*${colLetter(col('rate'))}${r}${col('count') >= 0 ? `*${colLetter(col('count'))}${r}` : ''}`,
              result: row.amount / scale,
            }
          : value(shown);
    if (col('france') >= 0) ws.getCell(r, col('france') + 1).value = value(shown);
    if (col('foreign') >= 0) ws.getCell(r, col('foreign') + 1).value = value(0);
    r += 1;
    return shown;
  };
  const totals: { code: string; label: string; cell: string; value: number }[] = [];
  for (const ch of chapters) {
    const code = chapterCodeOf(style, ch.code);
    const rows = rowsOf(style, ch);
    if (layout.chapterStyle === 'none') {
      // A flat list of coded lines: no chapter rows, no chapter totals.
      for (const row of rows) {
        const at = A(r);
        totals.push({ code, label: ch.label, cell: at, value: writeRow(row) });
      }
      continue;
    }
    if (layout.chapterStyle === 'codeDashLabel') ws.getCell(r, 1).value = `${code} - ${ch.label}`;
    else if (layout.chapterStyle === 'codeThenLabel') {
      ws.getCell(r, col('code') + 1).value = code;
      ws.getCell(r, col('label') + 1).value = ch.label;
    } else ws.getCell(r, labelCol + 1).value = ch.label;
    ws.getRow(r).font = { bold: true };
    const headRow = r;
    r += 1;
    const first = r;
    let sum = 0;
    const tops: number[] = [];
    for (const [k, row] of rows.entries()) {
      tops.push(r);
      const shownRow = writeRow(row);
      sum += shownRow;
      // A sous-total after the chapter's first line, as people group a poste's lines.
      if (layout.subtotals && k === 0 && rows.length > 1) {
        ws.getCell(r, labelCol + 1).value = `Sous-total ${row.code}`;
        ws.getCell(r, amountCol + 1).value = { formula: A(r - 1), result: shownRow / scale };
        ws.getRow(r).font = { italic: true };
        r += 1;
      }
    }
    const typed = plant.typedTotalAbove;
    const short = plant.shortTotal === ch.code;
    const lastTop = tops.at(-1) ?? first;
    // What the cell shows, as a spreadsheet program would have cached it.
    const shownLast = short ? sum - (rows.at(-1)?.amount ?? 0) : sum;
    const shown = typed?.chapter === ch.code ? sum + typed.euros : shownLast;
    const totalRow = layout.totalsAbove ? headRow : r;
    if (!layout.totalsAbove) ws.getCell(r, labelCol + 1).value = `${words.total} ${code} - ${ch.label}`;
    const cell = ws.getCell(totalRow, amountCol + 1);
    // A three-level devis sums its postes (the rows right under the chapter), not their sub-lines.
    const range =
      style === 'threeLevel' || layout.subtotals
        ? tops
            .map((t) => A(t))
            .slice(0, short ? -1 : undefined)
            .join(',')
        : `${A(first)}:${A(short ? lastTop - 1 : r - 1)}`;
    if (typed?.chapter === ch.code || layout.amounts === 'frenchText') cell.value = value(shown);
    else
      cell.value = {
        // With sous-totals, the lines are added one by one (a range would count them twice).
        formula: layout.subtotals ? range.replace(/,/g, '+') : `SUM(${range})`,
        result: shown / scale,
      };
    if (!layout.totalsAbove) {
      ws.getRow(r).font = { bold: true };
      r += 1;
    }
    totals.push({ code, label: ch.label, cell: A(totalRow), value: shown });
  }
  const chaptersTotal = totals.reduce((n, t) => n + t.value, 0);
  const fg = Math.round(chaptersTotal * layout.overheads * 100) / 100;
  const imp = Math.round(chaptersTotal * layout.contingency * 100) / 100;
  r += 1;
  ws.getCell(r, labelCol + 1).value = words.chapters;
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(chaptersTotal)
      : { formula: totals.map((t) => t.cell).join('+'), result: chaptersTotal / scale };
  const sub = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = `${words.overheads} (${Math.round(layout.overheads * 100)} %)`;
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(fg)
      : { formula: `ROUND(${sub}*${layout.overheads},2)`, result: fg / scale };
  const fgCell = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = `${words.contingency} (${Math.round(layout.contingency * 100)} %)`;
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(imp)
      : { formula: `ROUND(${sub}*${layout.contingency},2)`, result: imp / scale };
  const impCell = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = words.grand;
  const grand = chaptersTotal + fg + imp;
  const off = plant.grandTotalOff;
  ws.getCell(r, amountCol + 1).value =
    off !== undefined || layout.amounts === 'frenchText'
      ? value(grand + (off ?? 0))
      : { formula: `${sub}+${fgCell}+${impCell}`, result: grand / scale };
  ws.getRow(r).font = { bold: true };
  const grandCell = A(r);
  layout.headers.forEach((_, j) => (ws.getColumn(j + 1).width = j === labelCol ? 36 : 14));
  void headerRow;
  return {
    sheet: ws.name,
    amountColumn: colLetter(amountCol),
    labelColumn: labelCol,
    chapters: totals,
    grand: { cell: grandCell, value: grand + (off ?? 0) },
    next: r + 2,
  };
}

/** Financing sources as shares of the devis (the last one takes the rest). */
const SOURCES: [string, number][] = [
  ['Apport producteur', 0.15],
  ['Préachat chaîne', 0.3],
  ['Aide sélective CNC', 0.2],
  ['Aide régionale', 0.1],
  ['Crédit d’impôt', 0],
];

/**
 * A financing block written as people write one: a title, « Source | Montant », the sources, a
 * SUM total. On the devis's own sheet below its total (`at`), or on a sheet of its own. `off`
 * plants a plan that does not cover the devis (its last source this many euros short).
 */
export function writeFinancing(
  ws: ExcelJS.Worksheet,
  devis: WrittenDevis,
  at: { row: number; label: number; amount: number },
  off = 0,
): { total: string } {
  let r = at.row;
  ws.getCell(r, at.label + 1).value = 'PLAN DE FINANCEMENT';
  ws.getRow(r).font = { bold: true };
  r += 1;
  ws.getCell(r, at.label + 1).value = 'Source';
  ws.getCell(r, at.amount + 1).value = 'Montant';
  r += 1;
  const first = r;
  let given = 0;
  SOURCES.forEach(([name, share], k) => {
    const amount =
      k === SOURCES.length - 1
        ? Math.round((devis.grand.value - given - off) * 100) / 100
        : Math.round(devis.grand.value * share * 100) / 100;
    given += amount;
    ws.getCell(r, at.label + 1).value = name;
    ws.getCell(r, at.amount + 1).value = amount;
    r += 1;
  });
  const L = colLetter(at.amount);
  ws.getCell(r, at.label + 1).value = 'Total financement';
  ws.getCell(r, at.amount + 1).value = { formula: `SUM(${L}${first}:${L}${r - 1})`, result: given };
  return { total: `${L}${r}` };
}

/** A topsheet: each chapter's total linked to the detail (or typed `off` euros above for one). */
export function writeTopsheet(
  ws: ExcelJS.Worksheet,
  devis: WrittenDevis,
  off?: { chapter: string; euros: number },
): void {
  ws.getCell('A1').value = 'TOPSHEET — résumé du devis';
  ws.getCell('A3').value = 'Poste';
  ws.getCell('B3').value = 'Intitulé';
  ws.getCell('C3').value = 'Total';
  let r = 4;
  for (const ch of devis.chapters) {
    ws.getCell(r, 1).value = ch.code;
    ws.getCell(r, 2).value = ch.label;
    ws.getCell(r, 3).value =
      off?.chapter === ch.code
        ? ch.value + off.euros
        : { formula: `'${devis.sheet}'!${ch.cell}`, result: ch.value };
    r += 1;
  }
  ws.getCell(r, 2).value = 'Total des chapitres';
  const total = devis.chapters.reduce((n, c) => n + c.value, 0) + (off?.euros ?? 0);
  ws.getCell(r, 3).value = { formula: `SUM(C4:C${r - 1})`, result: total };
  ws.getColumn(2).width = 36;
}

/** The layouts of the corpus, by file name. */
/** A layout of the corpus: its devis sheets, and what is written around them. */
export interface Spec {
  devis: Layout[];
  libreoffice?: boolean;
  /** A cover page before the devis (title, production, date). */
  cover?: string;
  /** A topsheet before the detail, one chapter typed `off` euros away from the detail. */
  topsheet?: { sheet: string; off?: { chapter: string; euros: number } };
  /** A financing block below the devis, or on a sheet of its own, `off` euros short of the devis. */
  financing?: { sheet?: string; off?: number };
  /** A cash-flow forecast sheet, one month's payments total typed `off.euros` away. */
  cashflow?: { sheet: string; off?: { month: number; euros: number } };
  /** The lines written (a short film's smaller devis); the feature's nine chapters by default. */
  source?: Chapter[];
}

export const LAYOUTS: Record<string, Spec> = {
  // The issue's own case: "Budget prévisionnel", headers on row 6, "1 - DROITS ARTISTIQUES",
  // codes 11, 12, 21…, SUM subtotals, FG, imprévus, grand total; chapter 3 typed 5 000 € above.
  'budget-previsionnel': {
    devis: [
      {
        sheet: 'Budget prévisionnel',
        titles: [
          'LES SAISONS — long métrage',
          'Budget prévisionnel au 15/01/2027',
          'Production : Films du Test',
        ],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '3', euros: 5000 } },
      },
    ],
  },
  // A school's template, saved by LibreOffice: "DEVIS", header on row 3, a total that stops short.
  'devis-ecole': {
    libreoffice: true,
    devis: [
      {
        sheet: 'DEVIS',
        titles: ['Devis de production'],
        headers: ['N°', 'Intitulé', 'Quantité', 'Unité', 'Prix unitaire', 'Montant'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.08,
        plant: { shortTotal: '7' },
      },
    ],
  },
  // Code and label in one column ("52 - Costumes"), header on row 2, a line in the wrong chapter.
  'code-libelle-une-colonne': {
    devis: [
      {
        sheet: 'Budget',
        titles: [],
        headers: ['Poste', 'Qté', 'Tarif', 'Total'],
        fields: ['codeLabel', 'qty', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.06,
        contingency: 0.05,
        plant: { moveLine: { code: '52', to: '4' } },
      },
    ],
  },
  // Amounts in k€ (title and header say so), a typed chapter total 5 k€ off.
  milliers: {
    devis: [
      {
        sheet: 'Devis de production',
        titles: ['Devis — montants en milliers d’euros (k€)'],
        headers: ['Code', 'Libellé', 'Qté', 'Unité', 'Tarif', 'Montant (k€)'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        thousands: true,
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '5', euros: 5000 } },
      },
    ],
  },
  // Two versions of the devis: V2 is read; its grand total is typed 1 000 € off.
  'deux-versions': {
    devis: [
      {
        sheet: 'Devis V1',
        titles: ['Version 1 (abandonnée)'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
      },
      {
        sheet: 'Devis V2',
        titles: ['Version 2'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { grandTotalOff: 1000 },
      },
    ],
  },
  // Like the CNC's own template, saved by LibreOffice: "dont France / dont étranger", chapters
  // named without their number; chapter 2's total stops short.
  'modele-cnc': {
    libreoffice: true,
    devis: [
      {
        sheet: 'Devis',
        titles: ['DEVIS DE PRODUCTION — FILM DE LONG MÉTRAGE', 'Titre provisoire : Les Saisons'],
        headers: [
          'N° de compte',
          'Intitulé',
          'Nb',
          'Unité',
          'Tarif',
          'Total',
          'dont France',
          'dont étranger',
        ],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount', 'france', 'foreign'],
        chapterStyle: 'labelOnly',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { shortTotal: '2' },
      },
    ],
  },
  // Amounts typed as French text ("60 000,00 €"); chapter 6's total 2 500 € above its lines.
  'montants-texte': {
    devis: [
      {
        sheet: 'Budget prévisionnel',
        titles: ['Budget'],
        headers: ['Code', 'Libellé', 'Qté', 'Unité', 'Tarif', 'Montant'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'frenchText',
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '6', euros: 2500 } },
      },
    ],
  },
  // A flat list of coded lines without chapter rows: chapters from the codes; grand total 500 € off.
  'sans-chapitres': {
    devis: [
      {
        sheet: 'Devis prévisionnel',
        titles: [],
        headers: ['Code', 'Libellé', 'Qté', 'Tarif', 'Montant'],
        fields: ['code', 'label', 'qty', 'rate', 'amount'],
        chapterStyle: 'none',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { grandTotalOff: 500 },
      },
    ],
  },
  // A clean devis with a plan de financement and a trésorerie made by hand (not read).
  'avec-financement': {
    financing: { sheet: 'Plan de financement' },
    cashflow: { sheet: 'Trésorerie' },
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis'],
        headers: ['Code', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
      },
    ],
  },

  // English headers (Acct #, Description, Units, Rate, Fringes) and English totals; a line typed
  // 1 200 € off its quantity × rate.
  anglais: {
    devis: [
      {
        sheet: 'Budget',
        titles: ['THE SEASONS — production budget (EUR)'],
        headers: ['Acct #', 'Description', 'Qty', 'Units', 'Rate', 'Total', 'Fringes'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount', 'fringes'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        words: {
          total: 'Total',
          chapters: 'SUBTOTAL',
          overheads: 'Overhead',
          contingency: 'Contingency',
          grand: 'GRAND TOTAL',
        },
        plant: { lineAmountOff: { code: '31', euros: 1200 } },
      },
    ],
  },
  // Two amount columns headed by their version, V1 and V2 side by side: V2 is read; chapter 2's
  // total typed 3 000 € above its lines.
  'colonnes-versions': {
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis — suivi des versions'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'V1 (janvier)', 'V2 (mars)'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amountOld', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '2', euros: 3000 } },
      },
    ],
  },
  // Chapter totals written on the chapter's own row, above its lines (saved by LibreOffice);
  // chapter 5's SUM stops one line short.
  'totaux-au-dessus': {
    libreoffice: true,
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis'],
        headers: ['Code', 'Libellé', 'Qté', 'Unité', 'Tarif', 'Montant'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        totalsAbove: true,
        overheads: 0.07,
        contingency: 0.05,
        plant: { shortTotal: '5' },
      },
    ],
  },
  // A cover page, then the devis on « Feuil2 » (no devis name): frais généraux at 9 %, over the
  // protocol's 7 %.
  'page-de-garde': {
    cover: 'Page de garde',
    devis: [
      {
        sheet: 'Feuil2',
        titles: [],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.09,
        contingency: 0.05,
      },
    ],
  },
  // Three levels of codes, 1 / 11 / 111: each poste sums its sub-lines; the grand total typed
  // 2 000 € off.
  'trois-niveaux': {
    devis: [
      {
        sheet: 'Budget',
        titles: ['Budget détaillé'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        codes: 'threeLevel',
        overheads: 0.07,
        contingency: 0.05,
        plant: { grandTotalOff: 2000 },
      },
    ],
  },
  // Dotted codes (1.1, 2.2) and a Nb column: a line typed 500 € off.
  'codes-points': {
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis du film'],
        headers: ['N°', 'Désignation', 'Qté', 'Nb', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'count', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        codes: 'dotted',
        overheads: 0.07,
        contingency: 0.05,
        plant: { lineAmountOff: { code: '7.1', euros: 500 } },
      },
    ],
  },
  // Two-digit chapters (01) with four-digit lines (0101): chapter 8's SUM stops one line short.
  'postes-4-chiffres': {
    devis: [
      {
        sheet: 'Budget',
        titles: ['BUDGET'],
        headers: ['Code', 'Libellé', 'Qté', 'Unité', 'Tarif', 'Montant'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        codes: 'zero',
        overheads: 0.07,
        contingency: 0.05,
        plant: { shortTotal: '8' },
      },
    ],
  },
  // Hidden rows and an autofilter: the hidden line 62 typed 900 € off.
  'lignes-masquees': {
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis (lignes de détail masquées)'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        hide: ['22', '62'],
        filter: true,
        overheads: 0.07,
        contingency: 0.05,
        plant: { lineAmountOff: { code: '62', euros: 900 } },
      },
    ],
  },
  // A topsheet before the detail: chapter 4 typed 2 000 € above the detail's total.
  'topsheet-detail': {
    topsheet: { sheet: 'Topsheet', off: { chapter: '4', euros: 2000 } },
    devis: [
      {
        sheet: 'Détail',
        titles: ['Détail du budget'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
      },
    ],
  },
  // A short film on one sheet, its financing below the devis (saved by LibreOffice): the sources
  // fall 5 000 € short of the devis.
  'court-metrage-financement': {
    libreoffice: true,
    source: SHORT,
    financing: { off: 5000 },
    devis: [
      {
        sheet: 'Court métrage',
        titles: ['COURT MÉTRAGE — « La Traversée »', 'Devis et plan de financement'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
      },
    ],
  },
  // A series by episode: three episode columns, the line's total their sum; chapter 7 typed
  // 4 000 € above its lines.
  'serie-episodes': {
    devis: [
      {
        sheet: 'Budget série',
        titles: ['Série « Les Saisons » — 3 × 52 min'],
        headers: ['Code', 'Libellé', 'Ép. 1', 'Ép. 2', 'Ép. 3', 'Total'],
        fields: ['code', 'label', 'episode', 'episode', 'episode', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.1,
        contingency: 0.07,
        plant: { typedTotalAbove: { chapter: '7', euros: 4000 } },
      },
    ],
  },
  // A documentary in the audiovisual grid (1.a, 2.a…), saved by LibreOffice: chapter 3's SUM stops
  // one line short.
  'documentaire-av': {
    libreoffice: true,
    devis: [
      {
        sheet: 'Devis documentaire',
        titles: ['Documentaire 52 min — devis (grille audiovisuelle)'],
        headers: ['Poste', 'Désignation', 'Qté', 'Unité', 'Prix unitaire', 'Montant'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        codes: 'letter',
        overheads: 0.15,
        contingency: 0.07,
        plant: { shortTotal: '3' },
      },
    ],
  },
  // No header word we know (« Ligne », « Nature de la dépense », « Volume », « P.U. HT »,
  // « Prévu »): the columns inferred from the cells; chapter 6 typed 1 500 € above its lines and
  // line 72 typed 600 € off its volume × price.
  'sans-en-tetes': {
    devis: [
      {
        sheet: 'Feuil1',
        titles: ['Budget du film « Les Saisons »'],
        headers: ['Ligne', 'Nature de la dépense', 'Volume', 'P.U. HT', 'Prévu'],
        fields: ['code', 'label', 'qty', 'rate', 'amount'],
        chapterStyle: 'codeThenLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '6', euros: 1500 }, lineAmountOff: { code: '72', euros: 600 } },
      },
    ],
  },
  // Sous-totals inside the chapters (« Sous-total 21 » after the first line), the chapter totals
  // adding the lines one by one; chapter 2's total typed 2 000 € above its lines.
  'sous-totaux': {
    devis: [
      {
        sheet: 'Budget',
        titles: ['Budget de production'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        subtotals: true,
        overheads: 0.07,
        contingency: 0.05,
        plant: { typedTotalAbove: { chapter: '2', euros: 2000 } },
      },
    ],
  },
  // Plan de financement and Trésorerie on sheets of their own: the plan 10 000 € short, and the
  // payments of March typed 1 500 € above their rows.
  'plan-et-tresorerie': {
    financing: { sheet: 'Financement', off: 10000 },
    cashflow: { sheet: 'Trésorerie', off: { month: 2, euros: 1500 } },
    devis: [
      {
        sheet: 'Devis',
        titles: ['Devis'],
        headers: ['Compte', 'Désignation', 'Qté', 'Unité', 'Tarif', 'Total'],
        fields: ['code', 'label', 'qty', 'unit', 'rate', 'amount'],
        chapterStyle: 'codeDashLabel',
        amounts: 'formula',
        overheads: 0.07,
        contingency: 0.05,
      },
    ],
  },
};

/** The workbook of a layout, as exceljs writes it. */
export function handmadeWorkbook(name: string): ExcelJS.Workbook {
  const spec = LAYOUTS[name];
  if (!spec) throw new Error(`Pas de modèle ${name}`);
  const wb = new ExcelJS.Workbook();
  if (spec.cover) {
    const cover = wb.addWorksheet(spec.cover);
    cover.getCell('B4').value = 'LES SAISONS';
    cover.getCell('B6').value = 'Long métrage — budget de production';
    cover.getCell('B8').value = 'Production : Films du Test';
    cover.getCell('B9').value = 'Version du 15 janvier 2027';
  }
  const top = spec.topsheet ? wb.addWorksheet(spec.topsheet.sheet) : null;
  let last: WrittenDevis | null = null;
  for (const d of spec.devis) last = writeDevis(wb, d, spec.source);
  if (!last) return wb;
  if (top) writeTopsheet(top, last, spec.topsheet?.off);
  const f = spec.financing;
  if (f) {
    const ws = f.sheet ? wb.addWorksheet(f.sheet) : wb.getWorksheet(last.sheet);
    const amount = f.sheet ? 1 : last.amountColumn.charCodeAt(0) - 65;
    if (ws)
      writeFinancing(
        ws,
        last,
        f.sheet ? { row: 1, label: 0, amount } : { row: last.next, label: last.labelColumn, amount },
        f.off ?? 0,
      );
  }
  // The trésorerie's receipts are the plan's sources: a plan short of the devis is short here too.
  if (spec.cashflow)
    writeCashflow(wb.addWorksheet(spec.cashflow.sheet), last, spec.cashflow.off, spec.financing?.off ?? 0);
  return wb;
}

/** A hand-made devis of `lines` lines over the nine chapters (codes 10001, 10002…), for the bench. */
export function bigHandmadeWorkbook(lines: number): ExcelJS.Workbook {
  const chapters = CHAPTERS.map((c) => ({ ...c, lines: [] as Line[] }));
  for (let i = 0; i < lines; i += 1) {
    const ch = chapters[i % 9];
    if (!ch) continue;
    const k = ch.lines.length + 1;
    ch.lines.push({
      code: `${ch.code}${String(k).padStart(4, '0')}`,
      label: `Ligne ${ch.code}.${k}`,
      qty: 1 + (i % 9),
      unit: 'jour',
      rate: 100 + ((i * 37) % 2000),
    });
  }
  const wb = new ExcelJS.Workbook();
  const layout = LAYOUTS['budget-previsionnel']?.devis[0];
  if (!layout) throw new Error('budget-previsionnel');
  writeDevis(wb, { ...layout, plant: {} }, chapters);
  return wb;
}

const MONTHS = ['janv. 2027', 'févr. 2027', 'mars 2027', 'avr. 2027', 'mai 2027', 'juin 2027'];

/**
 * A cash-flow forecast by month as people build one: receipts (the financing's sources), payments
 * (the devis's chapters spread over the months), totals, the month's balance and the running
 * balance. `off` plants one month's payments total typed this many euros off.
 */
export function writeCashflow(
  ws: ExcelJS.Worksheet,
  devis: WrittenDevis,
  off?: { month: number; euros: number },
  planShort = 0,
): void {
  ws.getCell('A1').value = 'TRÉSORERIE PRÉVISIONNELLE';
  ws.getCell('A3').value = 'Mois';
  MONTHS.forEach((m, k) => (ws.getCell(3, k + 2).value = m));
  const T = colLetter(MONTHS.length + 1);
  ws.getCell(3, MONTHS.length + 2).value = 'Total';
  const spread = (amount: number, from: number, to: number): number[] => {
    const out = MONTHS.map(() => 0);
    const n = to - from + 1;
    const each = Math.floor((amount / n) * 100) / 100;
    for (let k = from; k <= to; k += 1)
      out[k] = k === to ? Math.round((amount - each * (n - 1)) * 100) / 100 : each;
    return out;
  };
  const cents = (n: number): number => Math.round(n * 100) / 100;
  const shownTotals: Record<string, number[]> = {};
  const block = (title: string, row: number, items: [string, number[]][], total: string): number => {
    ws.getCell(row, 1).value = title;
    let r = row + 1;
    for (const [label, months] of items) {
      ws.getCell(r, 1).value = label;
      months.forEach((v, k) => (ws.getCell(r, k + 2).value = v));
      ws.getCell(r, MONTHS.length + 2).value = {
        formula: `SUM(B${r}:${colLetter(MONTHS.length)}${r})`,
        result: Math.round(months.reduce((a, b) => a + b, 0) * 100) / 100,
      };
      r += 1;
    }
    ws.getCell(r, 1).value = total;
    const shown = MONTHS.map((_, k) => {
      const L = colLetter(k + 1);
      const sum = cents(items.reduce((n, [, m]) => n + (m[k] ?? 0), 0));
      const planted = off && total.startsWith('Total déc') && off.month === k;
      ws.getCell(r, k + 2).value = planted
        ? sum + off.euros
        : { formula: `SUM(${L}${row + 1}:${L}${r - 1})`, result: sum };
      return planted ? sum + off.euros : sum;
    });
    shownTotals[total] = shown;
    const all = cents(items.reduce((n, [, m]) => n + m.reduce((a, b) => a + b, 0), 0));
    ws.getCell(r, MONTHS.length + 2).value = { formula: `SUM(${T}${row + 1}:${T}${r - 1})`, result: all };
    return r;
  };
  const g = devis.grand.value;
  const receipts: [string, number[]][] = [
    ['Apport producteur', spread(Math.round(g * 0.15 * 100) / 100, 0, 0)],
    ['Préachat chaîne', spread(Math.round(g * 0.3 * 100) / 100, 1, 2)],
    ['Aide sélective CNC', spread(Math.round(g * 0.2 * 100) / 100, 2, 3)],
    ['Aide régionale', spread(Math.round(g * 0.1 * 100) / 100, 4, 4)],
  ];
  const given = receipts.reduce((n, [, m]) => n + m.reduce((a, b) => a + b, 0), 0);
  receipts.push(['Crédit d’impôt', spread(Math.round((g - given - planShort) * 100) / 100, 5, 5)]);
  const payments: [string, number[]][] = devis.chapters.map((c) => [
    `${c.code} - ${c.label}`,
    spread(c.value, 1, 4),
  ]);
  const chaptersSum = devis.chapters.reduce((n, c) => n + c.value, 0);
  payments.push(['Frais généraux et imprévus', spread(Math.round((g - chaptersSum) * 100) / 100, 5, 5)]);
  const enc = block('ENCAISSEMENTS', 4, receipts, 'Total encaissements');
  const dec = block('DÉCAISSEMENTS', enc + 1, payments, 'Total décaissements');
  ws.getCell(dec + 1, 1).value = 'Solde du mois';
  ws.getCell(dec + 2, 1).value = 'Solde cumulé';
  let running = 0;
  MONTHS.forEach((_, k) => {
    const L = colLetter(k + 1);
    const balance = cents(
      (shownTotals['Total encaissements']?.[k] ?? 0) - (shownTotals['Total décaissements']?.[k] ?? 0),
    );
    running = cents(running + balance);
    ws.getCell(dec + 1, k + 2).value = { formula: `${L}${enc}-${L}${dec}`, result: balance };
    ws.getCell(dec + 2, k + 2).value = {
      formula: k === 0 ? `${L}${dec + 1}` : `${colLetter(k)}${dec + 2}+${L}${dec + 1}`,
      result: running,
    };
  });
  ws.getColumn(1).width = 36;
}
