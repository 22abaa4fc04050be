import { allFactors, describeSource, FACTORS_SEEDED_ON } from '../domain/carbon/factors';
import { carbonCategories, categoryLabel, computeBilan, HOMOLOGATION_NOTE, type BilanResult, type CarbonLine, type CarbonMeasure } from '../domain/carbon/bilan';
import { Money, ZERO, toCellNumber } from '../domain/money';
import type { Naming } from './naming';
import { absolute, type CellPlan, type NamePlan, type SheetPlan } from './plan';

const KG = '#,##0.0';
const T = '#,##0.00';
const SHARE = '0.0%';
const FREE_LINES = 10;
const FREE_MEASURES = 3;
const num = (m: Money): number => toCellNumber(m);

/** Facteurs: every emission factor from data/carbon with its unit, source, vintage and verified flag. */
export function factorsSheet(naming: Naming): { sheet: SheetPlan; names: NamePlan[] } {
  const name = naming.sheet('factors');
  const n = (b: string): string => naming.name(b);
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Facteurs d’émission (kgCO2e par unité)', style: 'title' },
    {
      address: 'A2',
      value: `Facteurs ADEME (Base Carbone / Base Empreinte) et sources citées, copiés de la référence le ${FACTORS_SEEDED_ON}. Les facteurs « Non » en colonne H ne sont pas vérifiés. Les facteurs voiture par défaut sont ceux de la Base Carbone. Modifiable : le bilan carbone relit cette feuille.`,
      style: 'banner',
    },
  ];
  ['Clé', 'Libellé', 'Valeur', 'Unité', 'Catégorie', 'Source', 'Millésime', 'Vérifié'].forEach((h, i) => cells.push({ address: `${'ABCDEFGH'[i]}4`, value: h, style: 'header' }));
  const factors = allFactors();
  factors.forEach((f, i) => {
    const r = 5 + i;
    cells.push({ address: `A${r}`, value: f.key, style: 'label' });
    cells.push({ address: `B${r}`, value: f.label, style: 'label' });
    cells.push({ address: `C${r}`, value: num(f.value), numFmt: 'General', style: 'input' });
    cells.push({ address: `D${r}`, value: f.unit, style: 'label' });
    cells.push({ address: `E${r}`, value: f.category, style: 'label' });
    cells.push({ address: `F${r}`, value: describeSource(f), style: 'note' });
    cells.push({ address: `G${r}`, value: f.year, style: 'label' });
    cells.push({ address: `H${r}`, value: f.verified ? 'Oui' : 'Non', style: 'label' });
  });
  const last = 4 + factors.length;
  const names: NamePlan[] = [
    { name: n('Fact_Cles'), sheet: name, ref: `$A$5:$A$${last}` },
    { name: n('Fact_Valeurs'), sheet: name, ref: `$C$5:$C$${last}` },
    { name: n('Fact_Unites'), sheet: name, ref: `$D$5:$D$${last}` },
    { name: n('Fact_Sources'), sheet: name, ref: `$F$5:$F$${last}` },
  ];
  return {
    sheet: { name, cells, columnWidths: [30, 58, 12, 22, 14, 90, 11, 9], freezeRows: 4, validations: [], conditionalFormats: [], merges: ['A2:H2'], rowHeights: { 2: 30 }, print: { orientation: 'landscape', repeatRows: 4 } },
    names,
  };
}

export interface CarbonLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: BilanResult;
}

/**
 * Bilan carbone: a summary by category (prévisionnel, définitif, shares, the three largest
 * emitters highlighted), the lines (factor looked up by INDEX/MATCH in the Facteurs sheet,
 * kgCO2e = facteur × quantité × multiplicateur) and the reduction measures.
 */
export function carbonSheet(lines: CarbonLine[], measures: CarbonMeasure[], naming: Naming): CarbonLayout {
  const name = naming.sheet('carbon');
  const n = (b: string): string => naming.name(b);
  const result = computeBilan(lines, measures);
  const cats = carbonCategories();
  const cells: CellPlan[] = [
    { address: 'A1', value: 'Bilan carbone — prévisionnel et définitif', style: 'title' },
    { address: 'A2', value: HOMOLOGATION_NOTE, style: 'banner' },
  ];

  // ---- Lines (row numbers first: the summary's SUMIFs span them)
  const sumTitle = 4;
  const sumHeader = 5;
  const sumFirst = 6;
  const sumLast = sumFirst + cats.length - 1;
  const sumTotal = sumLast + 1;
  const sumTonnes = sumTotal + 1;
  const linesTitle = sumTonnes + 2;
  const linesHeader = linesTitle + 1;
  const first = linesHeader + 1;
  const rows: (CarbonLine | null)[] = [...lines, ...Array<null>(FREE_LINES).fill(null)];
  const last = first + rows.length - 1;
  const range = (c: string): string => `$${c}$${first}:$${c}$${last}`;

  cells.push({ address: `A${sumTitle}`, value: 'Synthèse par catégorie (kgCO2e)', style: 'section' });
  ['Catégorie', 'Prévisionnel (kgCO2e)', 'Part', 'Définitif (kgCO2e)', 'Part', 'Écart définitif − prévisionnel'].forEach((h, i) =>
    cells.push({ address: `${'ABCDEF'[i]}${sumHeader}`, value: h, style: 'header' }),
  );
  cats.forEach((c, i) => {
    const r = sumFirst + i;
    const res = result.categories[i];
    cells.push({ address: `A${r}`, value: c.label, style: 'label' });
    cells.push({ address: `B${r}`, formula: `SUMIF(${range('A')},A${r},${range('H')})`, result: num(res?.prev ?? ZERO), numFmt: KG, style: 'computed' });
    cells.push({ address: `C${r}`, formula: `IF($B$${sumTotal}=0,0,B${r}/$B$${sumTotal})`, result: num(res?.prevShare ?? ZERO), numFmt: SHARE, style: 'computed' });
    cells.push({ address: `D${r}`, formula: `SUMIF(${range('A')},A${r},${range('J')})`, result: num(res?.def ?? ZERO), numFmt: KG, style: 'computed' });
    cells.push({ address: `E${r}`, formula: `IF($D$${sumTotal}=0,0,D${r}/$D$${sumTotal})`, result: num(res?.defShare ?? ZERO), numFmt: SHARE, style: 'computed' });
    cells.push({ address: `F${r}`, formula: `D${r}-B${r}`, result: num((res?.def ?? ZERO).minus(res?.prev ?? ZERO)), numFmt: KG, style: 'computed' });
  });
  cells.push({ address: `A${sumTotal}`, value: 'Total (kgCO2e)', style: 'total' });
  cells.push({ address: `B${sumTotal}`, formula: `SUM(B${sumFirst}:B${sumLast})`, result: num(result.totalPrev), numFmt: KG, style: 'total' });
  cells.push({ address: `D${sumTotal}`, formula: `SUM(D${sumFirst}:D${sumLast})`, result: num(result.totalDef), numFmt: KG, style: 'total' });
  cells.push({ address: `F${sumTotal}`, formula: `D${sumTotal}-B${sumTotal}`, result: num(result.totalDef.minus(result.totalPrev)), numFmt: KG, style: 'total' });
  cells.push({ address: `A${sumTonnes}`, value: 'Total (tCO2e)', style: 'subtotal' });
  cells.push({ address: `B${sumTonnes}`, formula: `B${sumTotal}/1000`, result: num(result.totalPrev.dividedBy(1000)), numFmt: T, style: 'subtotal' });
  cells.push({ address: `D${sumTonnes}`, formula: `D${sumTotal}/1000`, result: num(result.totalDef.dividedBy(1000)), numFmt: T, style: 'subtotal' });
  cells.push({ address: `H${sumTitle}`, value: 'Les trois catégories les plus émettrices (prévisionnel) sont surlignées.', style: 'note' });

  cells.push({ address: `A${linesTitle}`, value: 'Postes d’émission', style: 'section' });
  ['Catégorie', 'Poste d’émission', 'Clé du facteur', 'Facteur', 'Unité', 'Quantité prévisionnelle', 'Multiplicateur', 'Prévisionnel (kgCO2e)', 'Quantité définitive', 'Définitif (kgCO2e)', 'Source du facteur', 'Hypothèse'].forEach((h, i) =>
    cells.push({ address: `${'ABCDEFGHIJKL'[i]}${linesHeader}`, value: h, style: 'header' }),
  );
  rows.forEach((l, i) => {
    const r = first + i;
    const res = l ? result.lines[i] : null;
    const lookup = (nameOf: string, fallback: string): string => `IF(C${r}="","",IFERROR(INDEX(${n(nameOf)},MATCH(C${r},${n('Fact_Cles')},0)),${fallback}))`;
    cells.push({ address: `A${r}`, value: l ? categoryLabel(l.category) : null, style: 'input' });
    cells.push({ address: `B${r}`, value: l?.label ?? null, style: 'input' });
    cells.push({ address: `C${r}`, value: l?.key ?? null, style: 'input' });
    cells.push({ address: `D${r}`, formula: lookup('Fact_Valeurs', '"Clé inconnue"'), result: res?.factor ? num(res.factor) : l ? 'Clé inconnue' : '', numFmt: 'General', style: 'computed' });
    cells.push({ address: `E${r}`, formula: lookup('Fact_Unites', '""'), result: res?.unit ?? '', style: 'computed' });
    cells.push({ address: `F${r}`, value: l?.quantityPrev ? num(l.quantityPrev) : null, numFmt: 'General', style: 'input' });
    cells.push({ address: `G${r}`, value: l?.multiplier ? num(l.multiplier) : null, numFmt: 'General', style: 'input' });
    cells.push({ address: `H${r}`, formula: `IF(C${r}="",0,D${r}*N(F${r})*IF(G${r}="",1,G${r}))`, result: num(res?.prev ?? ZERO), numFmt: KG, style: 'computed' });
    cells.push({ address: `I${r}`, value: l?.quantityDef ? num(l.quantityDef) : null, numFmt: 'General', style: 'input' });
    cells.push({ address: `J${r}`, formula: `IF(C${r}="",0,D${r}*N(I${r})*IF(G${r}="",1,G${r}))`, result: num(res?.def ?? ZERO), numFmt: KG, style: 'computed' });
    cells.push({ address: `K${r}`, formula: lookup('Fact_Sources', '""'), result: res?.source ? describeSourceText(l?.key ?? '') : '', style: 'note' });
    cells.push({ address: `L${r}`, value: l?.assumption ?? null, style: 'input' });
  });

  // ---- Reduction measures
  const mTitle = last + 2;
  const mHeader = mTitle + 1;
  const mFirst = mHeader + 1;
  const mRows: (CarbonMeasure | null)[] = [...measures, ...Array<null>(FREE_MEASURES).fill(null)];
  const mLast = mFirst + mRows.length - 1;
  cells.push({ address: `A${mTitle}`, value: 'Mesures de réduction', style: 'section' });
  (
    [
      ['A', 'Catégorie'],
      ['B', 'Mesure'],
      ['H', 'Économie estimée (kgCO2e)'],
      ['L', 'Hypothèse de calcul'],
    ] as const
  ).forEach(([c, h]) => cells.push({ address: `${c}${mHeader}`, value: h, style: 'header' }));
  mRows.forEach((m, i) => {
    const r = mFirst + i;
    cells.push({ address: `A${r}`, value: m ? categoryLabel(m.category) : null, style: 'input' });
    cells.push({ address: `B${r}`, value: m?.label ?? null, style: 'input' });
    cells.push({ address: `H${r}`, value: m ? num(m.saving) : null, numFmt: KG, style: 'input' });
    cells.push({ address: `L${r}`, value: m?.assumption ?? null, style: 'input' });
  });
  const mTotal = mLast + 1;
  const after = mTotal + 1;
  cells.push({ address: `B${mTotal}`, value: 'Total des économies estimées', style: 'subtotal' });
  cells.push({ address: `H${mTotal}`, formula: `SUM(H${mFirst}:H${mLast})`, result: num(result.totalSavings), numFmt: KG, style: 'subtotal' });
  cells.push({ address: `B${after}`, value: 'Prévisionnel après mesures (kgCO2e)', style: 'total' });
  cells.push({ address: `H${after}`, formula: `B${sumTotal}-H${mTotal}`, result: num(result.totalPrev.minus(result.totalSavings)), numFmt: KG, style: 'total' });

  const names: NamePlan[] = [
    { name: n('Carbone_TotalPrev'), sheet: name, ref: absolute(`B${sumTotal}`) },
    { name: n('Carbone_TotalDef'), sheet: name, ref: absolute(`D${sumTotal}`) },
    { name: n('Carbone_Synthese'), sheet: name, ref: `$A$${sumFirst}:$F$${sumLast}` },
    { name: n('Carbone_Lignes'), sheet: name, ref: `$A$${first}:$L$${last}` },
    { name: n('Carbone_Mesures'), sheet: name, ref: `$A$${mFirst}:$L$${mLast}` },
    { name: n('Carbone_Economies'), sheet: name, ref: absolute(`H${mTotal}`) },
    { name: n('Carbone_Categories'), sheet: name, ref: `$A$${sumFirst}:$A$${sumLast}` },
  ];
  return {
    sheet: {
      name,
      cells,
      columnWidths: [34, 48, 28, 16, 20, 16, 14, 18, 16, 18, 60, 60],
      freezeRows: 0,
      validations: [
        { range: `A${first}:A${last}`, kind: 'list', listName: n('Carbone_Categories'), error: 'Choisissez une catégorie de la synthèse.' },
        { range: `A${mFirst}:A${mLast}`, kind: 'list', listName: n('Carbone_Categories'), error: 'Choisissez une catégorie de la synthèse.' },
        { range: `F${first}:G${last}`, kind: 'decimalMin0', error: 'Saisissez un nombre positif (pas de texte).' },
        { range: `I${first}:I${last}`, kind: 'decimalMin0', error: 'Saisissez un nombre positif (pas de texte).' },
      ],
      conditionalFormats: [{ range: `B${sumFirst}:B${sumLast}`, when: 'top3' }],
      merges: ['A2:L2'],
      rowHeights: { 2: 45, [linesHeader]: 30, [sumHeader]: 30 },
      print: { orientation: 'landscape', repeatRows: linesHeader },
    },
    names,
    result,
  };
}

function describeSourceText(key: string): string {
  const f = allFactors().find((x) => x.key === key);
  return f ? describeSource(f) : '';
}
