import type { BudgetInput, BudgetResult } from '../domain/budget/types';
import { Money, ZERO, toCellNumber } from '../domain/money';
import type { ProductionParameters } from '../domain/budget/templates';
import type { Naming } from './naming';
import { NUMFMT, absolute, type CellPlan, type ChartPlan, type NamePlan, type SheetPlan } from './plan';

export const RECAP_FIRST_ROW = 5;

const num = (m: Money): number => toCellNumber(m);

function share(part: Money, total: Money): Money {
  return total.isZero() ? ZERO : part.dividedBy(total);
}

/**
 * Récapitulatif: the chapters linked by name to the Devis (total, % of the total général, dont
 * France, dont étranger), then frais généraux, imprévus, total général, a check against the
 * Devis, and the gap to the enveloppe budgétaire.
 */
export function recapSheet(
  budget: BudgetInput,
  result: BudgetResult,
  production: ProductionParameters | null,
  naming: Naming,
): { sheet: SheetPlan; names: NamePlan[]; charts: ChartPlan[] } {
  const sheetName = naming.sheet('recap');
  const n = (base: string): string => naming.name(base);
  const cells: CellPlan[] = [];
  const total = result.total.amount;
  const totalName = n('Devis_Total');
  const pct = (row: number): string => `IF(${totalName}=0,0,C${row}/${totalName})`;

  cells.push({ address: 'A1', value: 'Récapitulatif du devis', style: 'title' });
  cells.push({ address: 'A2', value: 'Chaque montant est lié au devis par une formule ; rien n’est à saisir sur cette feuille.', style: 'banner' });
  ['Code', 'Poste', 'Montant', '% du total', 'dont France', 'dont étranger'].forEach((h, i) =>
    cells.push({ address: `${'ABCDEF'[i]}4`, value: h, style: 'header' }),
  );

  let row = RECAP_FIRST_ROW;
  budget.chapters.forEach((ch, i) => {
    const r = result.chapters[i];
    if (!r) throw new Error(`Chapitre ${ch.code} sans résultat`);
    cells.push({ address: `A${row}`, value: ch.code, style: 'label' });
    cells.push({ address: `B${row}`, value: ch.label, style: 'label' });
    cells.push({ address: `C${row}`, formula: n(`Devis_Poste${ch.code}`), result: num(r.amount), numFmt: NUMFMT.euro, style: 'computed' });
    cells.push({ address: `D${row}`, formula: pct(row), result: num(share(r.amount, total)), numFmt: NUMFMT.percent, style: 'computed' });
    cells.push({ address: `E${row}`, formula: n(`Devis_Poste${ch.code}_France`), result: num(r.france), numFmt: NUMFMT.euro, style: 'computed' });
    cells.push({ address: `F${row}`, formula: n(`Devis_Poste${ch.code}_Etranger`), result: num(r.foreign), numFmt: NUMFMT.euro, style: 'computed' });
    row += 1;
  });
  const firstChapter = RECAP_FIRST_ROW;
  const lastChapter = row - 1;

  const sub = row;
  cells.push({ address: `B${sub}`, value: 'Total des postes 1 à 9', style: 'subtotal' });
  (
    [
      ['C', result.subtotal.amount],
      ['E', result.subtotal.france],
      ['F', result.subtotal.foreign],
    ] as const
  ).forEach(([col, v]) =>
    cells.push({ address: `${col}${sub}`, formula: `SUM(${col}${firstChapter}:${col}${lastChapter})`, result: num(v), numFmt: NUMFMT.euro, style: 'subtotal' }),
  );
  cells.push({ address: `D${sub}`, formula: pct(sub), result: num(share(result.subtotal.amount, total)), numFmt: NUMFMT.percent, style: 'subtotal' });

  const linked = (r: number, code: string, label: string, base: string, split: BudgetResult['overheads']): void => {
    cells.push({ address: `A${r}`, value: code, style: 'label' });
    cells.push({ address: `B${r}`, value: label, style: 'label' });
    cells.push({ address: `C${r}`, formula: n(base), result: num(split.amount), numFmt: NUMFMT.euro, style: 'computed' });
    cells.push({ address: `D${r}`, formula: pct(r), result: num(share(split.amount, total)), numFmt: NUMFMT.percent, style: 'computed' });
    cells.push({ address: `E${r}`, formula: n(`${base}_France`), result: num(split.france), numFmt: NUMFMT.euro, style: 'computed' });
    cells.push({ address: `F${r}`, formula: n(`${base}_Etranger`), result: num(split.foreign), numFmt: NUMFMT.euro, style: 'computed' });
  };
  const fg = sub + 1;
  const imp = sub + 2;
  const tot = sub + 3;
  linked(fg, 'FG', 'Frais généraux', 'Devis_FraisGeneraux', result.overheads);
  linked(imp, 'IMP', 'Imprévus', 'Devis_Imprevus', result.contingency);
  cells.push({ address: `B${tot}`, value: 'TOTAL GÉNÉRAL', style: 'total' });
  (
    [
      ['C', result.total.amount],
      ['E', result.total.france],
      ['F', result.total.foreign],
    ] as const
  ).forEach(([col, v]) =>
    cells.push({ address: `${col}${tot}`, formula: `${col}${sub}+${col}${fg}+${col}${imp}`, result: num(v), numFmt: NUMFMT.euro, style: 'total' }),
  );
  cells.push({ address: `D${tot}`, formula: pct(tot), result: num(share(total, total)), numFmt: NUMFMT.percent, style: 'total' });

  const check = tot + 1;
  cells.push({ address: `B${check}`, value: 'Contrôle : écart avec le total du devis (doit être nul)', style: 'note' });
  cells.push({ address: `C${check}`, formula: `C${tot}-${totalName}`, result: 0, numFmt: NUMFMT.euro, style: 'computed' });

  const envelope = production?.envelope ?? ZERO;
  const env = check + 2;
  const gap = env + 1;
  const used = env + 2;
  const perMinute = env + 3;
  cells.push({ address: `B${env}`, value: 'Enveloppe budgétaire', style: 'label' });
  cells.push({ address: `C${env}`, formula: n('Param_Enveloppe'), result: num(envelope), numFmt: NUMFMT.euro, style: 'computed' });
  cells.push({ address: `B${gap}`, value: 'Écart à l’enveloppe (positif : marge ; négatif : dépassement)', style: 'label' });
  cells.push({ address: `C${gap}`, formula: `C${env}-C${tot}`, result: num(envelope.minus(total)), numFmt: NUMFMT.euro, style: 'total' });
  cells.push({ address: `B${used}`, value: 'Part de l’enveloppe utilisée', style: 'label' });
  cells.push({ address: `D${used}`, formula: `IF(C${env}=0,0,C${tot}/C${env})`, result: num(share(total, envelope)), numFmt: NUMFMT.percent, style: 'computed' });
  const minutes = production?.durationMinutes ?? 0;
  cells.push({ address: `B${perMinute}`, value: 'Coût à la minute (total général / durée)', style: 'label' });
  cells.push({
    address: `C${perMinute}`,
    formula: `IF(N(${n('Param_Duree')})=0,0,C${tot}/${n('Param_Duree')})`,
    result: minutes === 0 ? 0 : num(total.dividedBy(new Money(minutes))),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });

  const names: NamePlan[] = [
    { name: n('Recap_Lignes'), sheet: sheetName, ref: `$A$4:$F$${check}` },
    { name: n('Recap_Total'), sheet: sheetName, ref: absolute(`C${tot}`) },
    { name: n('Recap_EcartEnveloppe'), sheet: sheetName, ref: absolute(`C${gap}`) },
    { name: n('Recap_EcartDevis'), sheet: sheetName, ref: absolute(`C${check}`) },
  ];

  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [8, 58, 17, 12, 17, 17],
      freezeRows: 4,
      validations: [],
      conditionalFormats: [
        { range: `C${gap}`, when: 'negative' },
        { range: `C${gap}`, when: 'positive' },
        { range: `C${check}`, when: 'negative' },
      ],
      merges: ['A2:F2'],
      print: { orientation: 'portrait', repeatRows: 4 },
    },
    names,
    charts: [
      {
        sheet: sheetName,
        kind: 'barClustered',
        title: 'Répartition du devis par poste',
        source: `B${firstChapter}:C${lastChapter}`,
        seriesBy: 'columns',
        anchor: `H4`,
      },
    ],
  };
}
