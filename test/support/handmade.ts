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

export interface Layout {
  /** Sheet name of the devis. */
  sheet: string;
  /** Title rows above the header (merged across the table). */
  titles: string[];
  /** Header cells, left to right; the fields they hold are given by `fields`. */
  headers: string[];
  fields: ('code' | 'label' | 'codeLabel' | 'qty' | 'unit' | 'rate' | 'amount' | 'france' | 'foreign')[];
  /** Chapter row: "1 - DROITS ARTISTIQUES" in the first column, or the label alone. */
  chapterStyle: 'codeDashLabel' | 'codeThenLabel' | 'labelOnly' | 'none';
  /** Amounts as formulas (qty × rate), typed numbers, or French text ("1 234,56 €"). */
  amounts: 'formula' | 'number' | 'frenchText';
  /** Amounts in k€. */
  thousands?: boolean;
  /** Frais généraux and imprévus rates (of the chapters' total). */
  overheads: number;
  contingency: number;
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
  };
}

const colLetter = (i: number): string => String.fromCharCode(65 + i);
const frenchAmount = (n: number): string =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(n)
    .replace(/\u202f/g, ' ')} €`;

/** Writes one hand-made devis on a new sheet of `wb`; returns the cells of its totals. */
export function writeDevis(wb: ExcelJS.Workbook, layout: Layout, source: Chapter[] = CHAPTERS): void {
  const ws = wb.addWorksheet(layout.sheet);
  const width = layout.headers.length;
  const col = (f: Layout['fields'][number]): number => layout.fields.indexOf(f);
  const amountCol = col('amount');
  const A = (r: number): string => `${colLetter(amountCol)}${r}`;
  const scale = layout.thousands ? 1000 : 1;
  let r = 1;
  for (const t of layout.titles) {
    ws.getCell(r, 1).value = t;
    ws.mergeCells(r, 1, r, width);
    r += 1;
  }
  r += 1;
  layout.headers.forEach((h, j) => (ws.getCell(r, j + 1).value = h));
  ws.getRow(r).font = { bold: true };
  r += 1;
  const chapters = source.map((c) => ({ ...c, lines: [...c.lines] }));
  const move = layout.plant?.moveLine;
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
  const totals: { cell: string; value: number }[] = [];
  for (const ch of chapters) {
    if (layout.chapterStyle === 'none') {
      // A flat list of coded lines: no chapter rows, no chapter totals.
      for (const l of ch.lines) {
        ws.getCell(r, col('code') + 1).value = l.code;
        ws.getCell(r, col('label') + 1).value = l.label;
        if (col('qty') >= 0) ws.getCell(r, col('qty') + 1).value = l.qty;
        if (col('rate') >= 0) ws.getCell(r, col('rate') + 1).value = value(l.rate);
        ws.getCell(r, amountCol + 1).value = {
          formula: `${colLetter(col('qty'))}${r}*${colLetter(col('rate'))}${r}`,
          result: (l.qty * l.rate) / scale,
        };
        totals.push({ cell: A(r), value: l.qty * l.rate });
        r += 1;
      }
      continue;
    }
    if (layout.chapterStyle === 'codeDashLabel') ws.getCell(r, 1).value = `${ch.code} - ${ch.label}`;
    else if (layout.chapterStyle === 'codeThenLabel') {
      ws.getCell(r, col('code') + 1).value = ch.code;
      ws.getCell(r, col('label') + 1).value = ch.label;
    } else ws.getCell(r, Math.max(col('label'), col('codeLabel')) + 1).value = ch.label;
    ws.getRow(r).font = { bold: true };
    r += 1;
    const first = r;
    let sum = 0;
    for (const l of ch.lines) {
      const amount = l.qty * l.rate;
      sum += amount;
      if (col('codeLabel') >= 0) ws.getCell(r, col('codeLabel') + 1).value = `${l.code} - ${l.label}`;
      else {
        ws.getCell(r, col('code') + 1).value = l.code;
        ws.getCell(r, col('label') + 1).value = l.label;
      }
      if (col('qty') >= 0) ws.getCell(r, col('qty') + 1).value = l.qty;
      if (col('unit') >= 0) ws.getCell(r, col('unit') + 1).value = l.unit;
      if (col('rate') >= 0) ws.getCell(r, col('rate') + 1).value = value(l.rate);
      const cell = ws.getCell(r, amountCol + 1);
      cell.value =
        layout.amounts === 'formula' && col('qty') >= 0 && col('rate') >= 0
          ? {
              formula: `${colLetter(col('qty'))}${r}*${colLetter(col('rate'))}${r}`,
              result: amount / scale,
            }
          : value(amount);
      if (col('france') >= 0) ws.getCell(r, col('france') + 1).value = value(amount);
      if (col('foreign') >= 0) ws.getCell(r, col('foreign') + 1).value = value(0);
      r += 1;
    }
    const labelCol = Math.max(col('label'), col('codeLabel'));
    ws.getCell(r, labelCol + 1).value = `Total ${ch.code} - ${ch.label}`;
    const cell = ws.getCell(r, amountCol + 1);
    const typed = layout.plant?.typedTotalAbove;
    const short = layout.plant?.shortTotal === ch.code;
    const lastLine = ch.lines.at(-1);
    // What the cell shows, as a spreadsheet program would have cached it.
    const shown =
      typed?.chapter === ch.code
        ? sum + typed.euros
        : short && lastLine
          ? sum - lastLine.qty * lastLine.rate
          : sum;
    if (typed?.chapter === ch.code || layout.amounts === 'frenchText') cell.value = value(shown);
    else cell.value = { formula: `SUM(${A(first)}:${A(short ? r - 2 : r - 1)})`, result: shown / scale };
    ws.getRow(r).font = { bold: true };
    totals.push({ cell: A(r), value: shown });
    r += 1;
  }
  const chaptersTotal = totals.reduce((n, t) => n + t.value, 0);
  const labelCol = Math.max(col('label'), col('codeLabel'));
  const fg = Math.round(chaptersTotal * layout.overheads * 100) / 100;
  const imp = Math.round(chaptersTotal * layout.contingency * 100) / 100;
  r += 1;
  ws.getCell(r, labelCol + 1).value = 'TOTAL DES CHAPITRES';
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(chaptersTotal)
      : { formula: totals.map((t) => t.cell).join('+'), result: chaptersTotal / scale };
  const sub = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = `Frais généraux (${Math.round(layout.overheads * 100)} %)`;
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(fg)
      : { formula: `ROUND(${sub}*${layout.overheads},2)`, result: fg / scale };
  const fgCell = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = `Imprévus (${Math.round(layout.contingency * 100)} %)`;
  ws.getCell(r, amountCol + 1).value =
    layout.amounts === 'frenchText'
      ? value(imp)
      : { formula: `ROUND(${sub}*${layout.contingency},2)`, result: imp / scale };
  const impCell = A(r);
  r += 1;
  ws.getCell(r, labelCol + 1).value = 'TOTAL GÉNÉRAL';
  const grand = chaptersTotal + fg + imp;
  const off = layout.plant?.grandTotalOff;
  ws.getCell(r, amountCol + 1).value =
    off !== undefined || layout.amounts === 'frenchText'
      ? value(grand + (off ?? 0))
      : { formula: `${sub}+${fgCell}+${impCell}`, result: grand / scale };
  ws.getRow(r).font = { bold: true };
  layout.headers.forEach((_, j) => (ws.getColumn(j + 1).width = j === labelCol ? 36 : 14));
}

/** The eight layouts of the corpus, by file name. */
export const LAYOUTS: Record<string, { devis: Layout[]; others?: string[]; libreoffice?: boolean }> = {
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
    others: ['Plan de financement', 'Trésorerie'],
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
};

/** The workbook of a layout, as exceljs writes it. */
export function handmadeWorkbook(name: string): ExcelJS.Workbook {
  const spec = LAYOUTS[name];
  if (!spec) throw new Error(`Pas de modèle ${name}`);
  const wb = new ExcelJS.Workbook();
  for (const d of spec.devis) writeDevis(wb, d);
  for (const other of spec.others ?? []) {
    const ws = wb.addWorksheet(other);
    ws.getCell('A1').value = other;
    ws.getCell('A3').value = 'Source';
    ws.getCell('B3').value = 'Montant';
    ws.getCell('A4').value = 'Apport producteur';
    ws.getCell('B4').value = 300000;
  }
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
