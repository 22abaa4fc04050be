import type { BudgetResult } from '../domain/budget/types';
import { financingCategories, milestoneLabels, RECEIPT_PROFILE_NOTE } from '../domain/financing/categories';
import { computeFinancing, isPublic } from '../domain/financing/compute';
import type { ComparedAid, FinancingContext, FinancingResult, FinancingSource } from '../domain/financing/types';
import { formatLabel } from '../domain/facts/facts';
import { Money, ZERO, sum, toCellNumber } from '../domain/money';
import type { Naming } from './naming';
import { CEILING_NAMES } from './params';
import { NUMFMT, absolute, columnLetter, type CellPlan, type NamePlan, type SheetPlan } from './plan';

/** Free rows left in the source table for the user's own sources ("Ajouter une source" fills them). */
export const FREE_SOURCE_ROWS = 8;
const FREE_COMPARISON_ROWS = 3;
const FREE_CATEGORY_ROWS = 5;

export const FIN_TABLE_HEADER_ROW = 21;
/** Columns of the source table. The six milestone shares sit in M..R. */
export const FIN_COLUMNS = {
  number: 'A',
  source: 'B',
  category: 'C',
  nature: 'D',
  status: 'E',
  amount: 'F',
  share: 'G',
  deadline: 'H',
  eligibility: 'I',
  advantages: 'J',
  drawbacks: 'K',
  rse: 'L',
  firstMilestone: 12,
  total: 'S',
} as const;

export interface FinancingLayoutInput {
  sources: FinancingSource[];
  comparison: ComparedAid[];
  context: FinancingContext;
  budget: BudgetResult;
  naming: Naming;
}

export interface FinancingLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  result: FinancingResult;
  /** Rows of the source table (sources then free rows), for the Trésorerie. */
  rows: (FinancingSource | null)[];
  firstRow: number;
  lastRow: number;
}

const num = (m: Money): number => toCellNumber(m);

/**
 * Plan de financement: a summary block (all formulas), the source table (nature derived from the
 * category table, % of the devis, payment milestones), the comparative study of aids, and the
 * user-extendable category table.
 */
export function financingSheet(input: FinancingLayoutInput): FinancingLayout {
  const { naming, context: ctx } = input;
  const n = (base: string): string => naming.name(base);
  const sheetName = naming.sheet('financing');
  const cells: CellPlan[] = [];
  const names: NamePlan[] = [];
  const result = computeFinancing(input.sources, ctx);
  const rows: (FinancingSource | null)[] = [...input.sources, ...Array<null>(FREE_SOURCE_ROWS).fill(null)];
  const first = FIN_TABLE_HEADER_ROW + 1;
  const last = first + rows.length - 1;
  const totalRow = last + 1;
  const col = (c: string): string => `$${c}$${first}:$${c}$${last}`;
  const C = FIN_COLUMNS;
  const milestoneCol = (i: number): string => columnLetter(C.firstMilestone + i);
  const lastMilestone = milestoneCol(5);

  cells.push({ address: 'A1', value: 'Plan de financement', style: 'title' });
  cells.push({
    address: 'A2',
    value:
      'Une ligne par source. La nature (public / privé) vient du tableau des catégories en bas de feuille ; l’échéancier (colonnes M à R, en % du montant) alimente la Trésorerie. Lignes libres : saisissez-y vos sources, la synthèse et la trésorerie les prennent en compte.',
    style: 'banner',
  });

  // ---- Summary block (rows 4–18)
  cells.push({ address: 'A4', value: 'Synthèse', style: 'section' });
  const devisTotal = n('Devis_Total');
  const estimate = result.taxCreditEstimate;
  const ceilingFormula = (() => {
    const p = (k: keyof typeof CEILING_NAMES): string => n(CEILING_NAMES[k]);
    const fmt = n('Param_Format');
    const duree = n('Param_Duree');
    const cinema = `OR(${fmt}="${formatLabel('long-metrage')}",${fmt}="${formatLabel('court-metrage')}")`;
    const difficult = `OR(${n('Param_PremierFilm')}="Oui",${devisTotal}<=${p('cinemaSmallBudget')})`;
    const noCredit = `COUNTIF(${n('Fin_Categories')},"Crédit d'impôt cinéma")=0`;
    const cinemaRate = `IF(${difficult},IF(${noCredit},${p('cinemaWithoutTaxCredit')},${p('cinemaDerogation')}),${p('cinemaBase')})`;
    const perHour = `${devisTotal}*60/${duree}`;
    const avRate = `IF(N(${duree})=0,${p('avBase')},IF(AND(${fmt}="${formatLabel('documentaire')}",${perHour}<=${p('avDocumentaryPerHour')}),${p('avDocumentary')},IF(${perHour}<=${p('avSmallBudgetPerHour')},${p('avDerogation')},${p('avBase')})))`;
    const cinemaRule = `IF(${difficult},IF(${noCredit},"Cinéma, difficile ou petit budget, sans crédit d’impôt (art. 211-22)","Cinéma, 1er/2e film ou petit budget (art. 211-21)"),"Cinéma, cas général (art. 211-20)")`;
    const avRule = `IF(N(${duree})=0,"Audiovisuel, cas général (art. 311-18)",IF(AND(${fmt}="${formatLabel('documentaire')}",${perHour}<=${p('avDocumentaryPerHour')}),"Documentaire de création ≤ 150 000 €/h (art. 311-19)",IF(${perHour}<=${p('avSmallBudgetPerHour')},"Audiovisuel, petit budget (art. 311-19)","Audiovisuel, cas général (art. 311-18)")))`;
    return { rate: `IF(${cinema},${cinemaRate},${avRate})`, rule: `IF(${cinema},${cinemaRule},${avRule})` };
  })();
  const acquired = sum(input.sources.filter((s) => s.status === 'Acquis').map((s) => s.amount));
  const privateTotal = sum(input.sources.filter((s) => !isPublic(s)).map((s) => s.amount));
  const balanced = result.gap.toDecimalPlaces(2).isZero();
  const summary: { label: string; name: string; formula: string; result: number | string; numFmt: string; note?: CellPlan }[] = [
    { label: 'Total du financement', name: 'Fin_Total', formula: `F${totalRow}`, result: num(result.total), numFmt: NUMFMT.euro },
    { label: 'Coût du film (total général du devis)', name: 'Fin_CoutFilm', formula: devisTotal, result: num(ctx.devisTotal), numFmt: NUMFMT.euro },
    {
      label: 'Écart financement − devis (équilibré si nul)',
      name: 'Fin_Ecart',
      formula: 'C5-C6',
      result: num(result.gap),
      numFmt: NUMFMT.euro,
      note: {
        address: 'D7',
        formula: 'IF(ROUND(C7,2)=0,"Plan équilibré",IF(C7>0,"Excédent de financement","Besoin de financement à couvrir"))',
        result: balanced ? 'Plan équilibré' : result.gap.isPositive() ? 'Excédent de financement' : 'Besoin de financement à couvrir',
        style: 'note',
      },
    },
    { label: 'Part acquise', name: 'Fin_PartAcquise', formula: `IF(C5=0,0,SUMIF(${col(C.status)},"Acquis",${col(C.amount)})/C5)`, result: num(result.total.isZero() ? ZERO : acquired.dividedBy(result.total)), numFmt: NUMFMT.percent },
    { label: 'Nombre de sources', name: 'Fin_NbSources', formula: `COUNTIF(${col(C.amount)},">0")`, result: result.sourceCount, numFmt: NUMFMT.integer },
    { label: 'Aides publiques', name: 'Fin_Public', formula: `SUMIF(${col(C.nature)},"Public",${col(C.amount)})`, result: num(result.publicTotal), numFmt: NUMFMT.euro },
    { label: 'Financement privé', name: 'Fin_Prive', formula: `SUMIF(${col(C.nature)},"Privé",${col(C.amount)})`, result: num(privateTotal), numFmt: NUMFMT.euro },
    { label: 'Intensité des aides publiques (aides publiques / coût du film)', name: 'Fin_Intensite', formula: 'IF(C6=0,0,C10/C6)', result: num(result.intensity), numFmt: NUMFMT.percent },
    {
      label: 'Plafond applicable',
      name: 'Fin_Plafond',
      formula: ceilingFormula.rate,
      result: num(result.ceiling),
      numFmt: NUMFMT.percent,
      note: { address: 'D13', formula: ceilingFormula.rule, result: result.ceilingRule, style: 'note' },
    },
    { label: 'Marge sous le plafond (négatif : plafond dépassé)', name: 'Fin_MargePlafond', formula: 'C13-C12', result: num(result.ceiling.minus(result.intensity)), numFmt: NUMFMT.percent },
    {
      label: 'Crédit d’impôt estimé (taux × dépenses France des postes 1 à 9)',
      name: 'Fin_CreditImpotEstime',
      formula: `MIN(${n('Param_PlafondCI')},ROUND(${n('Param_TauxCI')}*${n('Devis_TotalPostes_France')},2))`,
      result: num(estimate),
      numFmt: NUMFMT.euro,
      note: { address: 'D15', value: 'Taux et plafond : feuille Paramètres (source et fiabilité indiquées) ; base : colonne « dont France » du devis.', style: 'note' },
    },
    { label: 'Crédit d’impôt inscrit au plan', name: 'Fin_CreditImpotPlan', formula: `SUMIF(${col(C.category)},"Crédit d'impôt*",${col(C.amount)})`, result: num(result.taxCreditInPlan), numFmt: NUMFMT.euro },
    { label: 'Écart plan − estimation du crédit d’impôt', name: 'Fin_EcartCreditImpot', formula: 'C16-C15', result: num(result.taxCreditInPlan.minus(estimate)), numFmt: NUMFMT.euro },
    { label: 'Sources avec bonus RSE (éco-production, inclusion…)', name: 'Fin_NbBonusRSE', formula: `COUNTIF(${col(C.rse)},"Oui")`, result: result.rseCount, numFmt: NUMFMT.integer },
  ];
  summary.forEach((s, i) => {
    const row = 5 + i;
    cells.push({ address: `B${row}`, value: s.label, style: 'label' });
    cells.push({ address: `C${row}`, formula: s.formula, result: s.result, numFmt: s.numFmt, style: i === 0 || i === 2 ? 'total' : 'computed' });
    if (s.note) cells.push(s.note);
    names.push({ name: n(s.name), sheet: sheetName, ref: absolute(`C${row}`) });
  });

  // ---- Source table
  cells.push({ address: `A${FIN_TABLE_HEADER_ROW - 1}`, value: 'Sources de financement', style: 'section' });
  const headers = ['N°', 'Source', 'Catégorie', 'Nature', 'Statut', 'Montant', '% du devis', 'Date limite de dépôt / échéance', 'Conditions et critères d’éligibilité', 'Avantages', 'Inconvénients', 'Bonus RSE', ...milestoneLabels().map((l) => `% ${l}`), 'Total échéancier'];
  headers.forEach((h, i) => cells.push({ address: `${columnLetter(i)}${FIN_TABLE_HEADER_ROW}`, value: h, style: 'header' }));
  rows.forEach((s, i) => {
    const r = first + i;
    cells.push({ address: `A${r}`, formula: `ROW()-${FIN_TABLE_HEADER_ROW}`, result: i + 1, numFmt: NUMFMT.integer, style: 'computed' });
    cells.push({ address: `B${r}`, value: s?.label ?? null, style: 'input' });
    cells.push({ address: `C${r}`, value: s?.category ?? null, style: 'input' });
    const nature = s ? (financingCategories().find((c) => c.label === s.category)?.nature ?? 'Catégorie inconnue') : '';
    cells.push({
      address: `D${r}`,
      formula: `IF(C${r}="","",IFERROR(INDEX(${n('Fin_CatNatures')},MATCH(C${r},${n('Fin_CatLibelles')},0)),"Catégorie inconnue"))`,
      result: nature,
      style: 'computed',
    });
    cells.push({ address: `E${r}`, value: s?.status ?? null, style: 'input' });
    cells.push({ address: `F${r}`, value: s ? num(s.amount) : null, numFmt: NUMFMT.euro, style: 'input' });
    cells.push({
      address: `G${r}`,
      formula: `IF(${devisTotal}=0,0,N(F${r})/${devisTotal})`,
      result: s && !ctx.devisTotal.isZero() ? num(s.amount.dividedBy(ctx.devisTotal)) : 0,
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
    cells.push({ address: `H${r}`, value: s?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' });
    cells.push({ address: `I${r}`, value: s?.eligibility ?? null, style: 'input' });
    cells.push({ address: `J${r}`, value: s?.advantages ?? null, style: 'input' });
    cells.push({ address: `K${r}`, value: s?.drawbacks ?? null, style: 'input' });
    cells.push({ address: `L${r}`, value: s ? (s.rseBonus ? 'Oui' : 'Non') : null, style: 'input' });
    for (let m = 0; m < 6; m += 1) {
      const share = s?.profile[m];
      cells.push({ address: `${milestoneCol(m)}${r}`, value: share && !share.isZero() ? num(share) : null, numFmt: NUMFMT.percent, style: 'input' });
    }
    cells.push({
      address: `S${r}`,
      formula: `SUM(${milestoneCol(0)}${r}:${lastMilestone}${r})`,
      result: s ? num(sum(s.profile)) : 0,
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
  });
  cells.push({ address: `B${totalRow}`, value: 'Total', style: 'total' });
  cells.push({ address: `F${totalRow}`, formula: `SUM(F${first}:F${last})`, result: num(result.total), numFmt: NUMFMT.euro, style: 'total' });
  cells.push({ address: `G${totalRow}`, formula: `SUM(G${first}:G${last})`, result: ctx.devisTotal.isZero() ? 0 : num(result.total.dividedBy(ctx.devisTotal)), numFmt: NUMFMT.percent, style: 'total' });
  const tableNames: [string, string][] = [
    ['Fin_Sources', col(C.source)],
    ['Fin_Categories', col(C.category)],
    ['Fin_Natures', col(C.nature)],
    ['Fin_Statuts', col(C.status)],
    ['Fin_Montants', col(C.amount)],
    ['Fin_DatesLimites', col(C.deadline)],
    ['Fin_Eligibilite', col(C.eligibility)],
    ['Fin_BonusRSE', col(C.rse)],
    ['Fin_Echeancier', `$${milestoneCol(0)}$${first}:$${lastMilestone}$${last}`],
  ];
  for (const [name, ref] of tableNames) names.push({ name: n(name), sheet: sheetName, ref });
  names.push({ name: n('Fin_Tableau'), sheet: sheetName, ref: `$A$${FIN_TABLE_HEADER_ROW}:$S$${totalRow}` });
  names.push({ name: n('Fin_Synthese'), sheet: sheetName, ref: '$B$5:$C$18' });

  // ---- Comparative study
  const compTitle = totalRow + 2;
  const compHeader = compTitle + 1;
  cells.push({ address: `A${compTitle}`, value: 'Étude comparative des aides', style: 'section' });
  const COMP = ['B', 'F', 'H', 'I', 'J', 'K', 'L'] as const;
  ['Aide envisagée', 'Montant envisagé', 'Date limite', 'Critères d’éligibilité', 'Avantages', 'Inconvénients', 'Retenue'].forEach((h, i) =>
    cells.push({ address: `${COMP[i]}${compHeader}`, value: h, style: 'header' }),
  );
  const compRows: (ComparedAid | null)[] = [...input.comparison, ...Array<null>(FREE_COMPARISON_ROWS).fill(null)];
  const compFirst = compHeader + 1;
  compRows.forEach((a, i) => {
    const r = compFirst + i;
    cells.push({ address: `B${r}`, value: a?.aid ?? null, style: 'input' });
    cells.push({ address: `F${r}`, value: a ? num(a.amount) : null, numFmt: NUMFMT.euro, style: 'input' });
    cells.push({ address: `H${r}`, value: a?.deadline ?? null, numFmt: NUMFMT.date, style: 'input' });
    cells.push({ address: `I${r}`, value: a?.eligibility ?? null, style: 'input' });
    cells.push({ address: `J${r}`, value: a?.advantages ?? null, style: 'input' });
    cells.push({ address: `K${r}`, value: a?.drawbacks ?? null, style: 'input' });
    cells.push({ address: `L${r}`, value: a ? (a.retained ? 'Oui' : 'Non') : null, style: 'input' });
  });
  const compLast = compFirst + compRows.length - 1;
  const compSummary = compLast + 1;
  cells.push({ address: `B${compSummary}`, value: 'Options comparées / retenues', style: 'subtotal' });
  cells.push({ address: `F${compSummary}`, formula: `COUNTA(B${compFirst}:B${compLast})`, result: input.comparison.length, numFmt: NUMFMT.integer, style: 'subtotal' });
  cells.push({ address: `L${compSummary}`, formula: `COUNTIF(L${compFirst}:L${compLast},"Oui")`, result: input.comparison.filter((a) => a.retained).length, numFmt: NUMFMT.integer, style: 'subtotal' });
  names.push({ name: n('Fin_Comparatif'), sheet: sheetName, ref: `$B$${compFirst}:$L$${compLast}` });
  names.push({ name: n('Fin_NbOptionsComparees'), sheet: sheetName, ref: absolute(`F${compSummary}`) });
  names.push({ name: n('Fin_NbOptionsRetenues'), sheet: sheetName, ref: absolute(`L${compSummary}`) });

  // ---- Category table (user-extendable)
  const catTitle = compSummary + 2;
  const catHeader = catTitle + 1;
  cells.push({ address: `A${catTitle}`, value: 'Catégories de financement (extensible : ajoutez vos catégories dans les lignes libres)', style: 'section' });
  (
    [
      ['B', 'Catégorie'],
      ['C', 'Nature'],
      ['I', 'Source du classement (fiabilité)'],
    ] as const
  ).forEach(([c, h]) => cells.push({ address: `${c}${catHeader}`, value: h, style: 'header' }));
  const categories = financingCategories();
  const catFirst = catHeader + 1;
  categories.forEach((c, i) => {
    const r = catFirst + i;
    cells.push({ address: `B${r}`, value: c.label, style: 'input' });
    cells.push({ address: `C${r}`, value: c.nature, style: 'input' });
    const mark = c.natureMark === 'verified' ? 'vérifié' : c.natureMark === 'secondary' ? 'source secondaire — à revérifier' : 'NON VÉRIFIÉ';
    cells.push({ address: `I${r}`, value: `${c.natureSource} (${mark})`, style: 'note' });
  });
  const catLast = catFirst + categories.length + FREE_CATEGORY_ROWS - 1;
  for (let r = catFirst + categories.length; r <= catLast; r += 1) {
    cells.push({ address: `B${r}`, value: null, style: 'input' });
    cells.push({ address: `C${r}`, value: null, style: 'input' });
  }
  names.push({ name: n('Fin_CatLibelles'), sheet: sheetName, ref: `$B$${catFirst}:$B$${catLast}` });
  names.push({ name: n('Fin_CatNatures'), sheet: sheetName, ref: `$C$${catFirst}:$C$${catLast}` });
  cells.push({ address: `B${catLast + 2}`, value: RECEIPT_PROFILE_NOTE, style: 'note' });

  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [6, 50, 36, 14, 12, 16, 11, 16, 48, 36, 36, 11, 12, 12, 12, 12, 12, 12, 12],
      freezeRows: FIN_TABLE_HEADER_ROW,
      validations: [
        { range: `C${first}:C${last}`, kind: 'list', listName: n('Fin_CatLibelles'), error: 'Catégorie inconnue : choisissez-la dans le tableau des catégories (bas de feuille) ou ajoutez-la à ce tableau.' },
        { range: `E${first}:E${last}`, kind: 'list', listName: n('Liste_StatutsSource'), error: 'Statut : Acquis, Sollicité ou Envisagé.' },
        { range: `L${first}:L${last}`, kind: 'list', listName: n('Liste_OuiNon'), error: 'Répondez Oui ou Non.' },
        { range: `L${compFirst}:L${compLast}`, kind: 'list', listName: n('Liste_OuiNon'), error: 'Répondez Oui ou Non.' },
        { range: `C${catFirst}:C${catLast}`, kind: 'list', listName: n('Liste_Natures'), error: 'Nature : Public ou Privé.' },
        { range: `F${first}:F${last}`, kind: 'decimalMin0', error: 'Saisissez un montant positif en euros (pas de texte).' },
        { range: `${milestoneCol(0)}${first}:${lastMilestone}${last}`, kind: 'decimalMin0', error: 'Saisissez un pourcentage positif (pas de texte).' },
      ],
      conditionalFormats: [
        { range: 'C7', when: 'negative' },
        { range: 'C14', when: 'negative' },
      ],
      merges: ['A2:S2'],
      rowHeights: { 2: 30, [FIN_TABLE_HEADER_ROW]: 45 },
      print: { orientation: 'landscape', repeatRows: FIN_TABLE_HEADER_ROW },
    },
    names,
    result,
    rows,
    firstRow: first,
    lastRow: last,
  };
}
