import type { ProductionParameters } from '../../domain/budget/templates';
import type { BudgetInput, BudgetResult, Split } from '../../domain/budget/types';
import { Money, ZERO, toCellNumber } from '../../domain/money';
import { getNomenclature, rolesOf } from '../../domain/nomenclature/nomenclature';
import { DEVIS_NAMES, SPLIT_PARTS, chapterNames, type SplitPart } from '../devis/contract';
import type { Naming } from '../model/naming';
import {
  NUMFMT,
  absolute,
  type CellPlan,
  type ChartPlan,
  type NamePlan,
  type SheetPlan,
} from '../model/plan';
import { PARAMS_NAMES } from '../params/contract';
import { RECAP_COLUMNS as C, RECAP_FIRST_ROW, RECAP_HEADER_ROW, RECAP_NAMES } from './contract';

export { RECAP_FIRST_ROW };

const num = (m: Money): number => toCellNumber(m);

function share(part: Money, total: Money): Money {
  return total.isZero() ? ZERO : part.dividedBy(total);
}

/** A row of the récapitulatif linked to the Devis: code, label and the three names of its amount. */
interface LinkedRow {
  code: string;
  label: string;
  names: Readonly<Record<SplitPart, string>>;
  split: Split;
}

/**
 * Récapitulatif: the chapters linked by name to the Devis (total, % of the total général, dont
 * France, dont étranger), the subtotal, the indirect costs (frais généraux and imprévus, or the
 * indirect chapter), total général, a check against the Devis, and the gap to the enveloppe.
 */
export function recapSheet(
  budget: BudgetInput,
  result: BudgetResult,
  production: ProductionParameters | null,
  naming: Naming,
): { sheet: SheetPlan; names: NamePlan[]; charts: ChartPlan[] } {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const sheetName = naming.sheet('recap');
  const n = (base: string): string => naming.name(base);
  const cells: CellPlan[] = [];
  const total = result.total.amount;
  const totalName = n(DEVIS_NAMES.total.amount);
  const pct = (row: number): string => `IF(${totalName}=0,0,${C.cell('amount', row)}/${totalName})`;
  const partColumn = { amount: 'amount', france: 'france', foreign: 'foreign' } as const;

  cells.push({ address: 'A1', value: 'Récapitulatif du devis', style: 'title' });
  cells.push({
    address: 'A2',
    value: 'Chaque montant est lié au devis par une formule ; rien n’est à saisir sur cette feuille.',
    style: 'banner',
  });
  for (const k of C.keys)
    cells.push({ address: C.cell(k, RECAP_HEADER_ROW), value: C.header(k), style: 'header' });

  const linked = (row: number, r: LinkedRow): void => {
    cells.push({ address: C.cell('code', row), value: r.code, numFmt: NUMFMT.text, style: 'label' });
    cells.push({ address: C.cell('label', row), value: r.label, style: 'label' });
    const part = (p: SplitPart): void => {
      cells.push({
        address: C.cell(partColumn[p], row),
        formula: n(r.names[p]),
        result: num(r.split[p]),
        numFmt: NUMFMT.euro,
        style: 'computed',
      });
    };
    part('amount');
    cells.push({
      address: C.cell('share', row),
      formula: pct(row),
      result: num(share(r.split.amount, total)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    });
    part('france');
    part('foreign');
  };
  /** A row summing others: each part by formula, the share of the total général. */
  const summed = (
    row: number,
    label: string,
    formula: (p: SplitPart) => string,
    split: Split,
    style: 'subtotal' | 'total',
  ): void => {
    cells.push({ address: C.cell('label', row), value: label, style });
    for (const p of SPLIT_PARTS)
      cells.push({
        address: C.cell(partColumn[p], row),
        formula: formula(p),
        result: num(split[p]),
        numFmt: NUMFMT.euro,
        style,
      });
    cells.push({
      address: C.cell('share', row),
      formula: pct(row),
      result: num(share(split.amount, total)),
      numFmt: NUMFMT.percent,
      style,
    });
  };

  const chapterRow = (i: number): LinkedRow => {
    const ch = budget.chapters[i];
    const r = result.chapters[i];
    if (!ch || !r) throw new Error(`Chapitre ${i + 1} sans résultat`);
    return { code: ch.code, label: ch.label, names: chapterNames(ch.code), split: r };
  };
  const indices = budget.chapters.map((_, i) => i);
  const base = indices.filter((i) => budget.chapters[i]?.code !== roles.indirect.chapter).map(chapterRow);
  const indirect: LinkedRow[] =
    roles.indirect.chapter === null
      ? roles.indirect.lines.flatMap((l) =>
          l.role === 'line'
            ? []
            : [
                {
                  code: l.code,
                  label: l.label ?? l.code,
                  names: l.role === 'overheads' ? DEVIS_NAMES.overheads : DEVIS_NAMES.contingency,
                  split: l.role === 'overheads' ? result.overheads : result.contingency,
                },
              ],
        )
      : indices.filter((i) => budget.chapters[i]?.code === roles.indirect.chapter).map(chapterRow);

  let row = RECAP_FIRST_ROW;
  for (const r of base) linked(row++, r);
  const firstChapter = RECAP_FIRST_ROW;
  const lastChapter = row - 1;
  const sub = row;
  summed(
    sub,
    roles.subtotalLabel.replace(/ \(.*\)$/, ''),
    (p) => `SUM(${C.span(partColumn[p], firstChapter, lastChapter)})`,
    result.subtotal,
    'subtotal',
  );
  row += 1;
  const indirectRows: number[] = [];
  for (const r of indirect) {
    indirectRows.push(row);
    linked(row++, r);
  }
  const tot = row;
  summed(
    tot,
    'TOTAL GÉNÉRAL',
    (p) => [sub, ...indirectRows].map((x) => C.cell(partColumn[p], x)).join('+'),
    result.total,
    'total',
  );

  const check = tot + 1;
  cells.push({
    address: C.cell('label', check),
    value: 'Contrôle : écart avec le total du devis (doit être nul)',
    style: 'note',
  });
  cells.push({
    address: C.cell('amount', check),
    formula: `${C.cell('amount', tot)}-${totalName}`,
    result: 0,
    numFmt: NUMFMT.euro,
    style: 'computed',
  });

  const envelope = production?.envelope ?? ZERO;
  const env = check + 2;
  const gap = env + 1;
  const used = env + 2;
  const perMinute = env + 3;
  const amountAt = (r: number): string => C.cell('amount', r);
  cells.push({ address: C.cell('label', env), value: 'Enveloppe budgétaire', style: 'label' });
  cells.push({
    address: amountAt(env),
    formula: n(PARAMS_NAMES.envelope),
    result: num(envelope),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  cells.push({
    address: C.cell('label', gap),
    value: 'Écart à l’enveloppe (positif : marge ; négatif : dépassement)',
    style: 'label',
  });
  cells.push({
    address: amountAt(gap),
    formula: `${amountAt(env)}-${amountAt(tot)}`,
    result: num(envelope.minus(total)),
    numFmt: NUMFMT.euro,
    style: 'total',
  });
  cells.push({ address: C.cell('label', used), value: 'Part de l’enveloppe utilisée', style: 'label' });
  cells.push({
    address: C.cell('share', used),
    formula: `IF(${amountAt(env)}=0,0,${amountAt(tot)}/${amountAt(env)})`,
    result: num(share(total, envelope)),
    numFmt: NUMFMT.percent,
    style: 'computed',
  });
  const minutes = production?.durationMinutes ?? 0;
  const duration = n(PARAMS_NAMES.duration);
  cells.push({
    address: C.cell('label', perMinute),
    value: 'Coût à la minute (total général / durée)',
    style: 'label',
  });
  cells.push({
    address: amountAt(perMinute),
    formula: `IF(N(${duration})=0,0,${amountAt(tot)}/${duration})`,
    result: minutes === 0 ? 0 : num(total.dividedBy(new Money(minutes))),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });

  const names: NamePlan[] = [
    { name: n(RECAP_NAMES.lines), sheet: sheetName, ref: C.block(RECAP_HEADER_ROW, check) },
    { name: n(RECAP_NAMES.total), sheet: sheetName, ref: absolute(amountAt(tot)) },
    { name: n(RECAP_NAMES.envelopeGap), sheet: sheetName, ref: absolute(amountAt(gap)) },
    { name: n(RECAP_NAMES.devisGap), sheet: sheetName, ref: absolute(amountAt(check)) },
  ];

  return {
    sheet: {
      name: sheetName,
      cells,
      columnWidths: [8, 58, 17, 12, 17, 17],
      freezeRows: RECAP_HEADER_ROW,
      validations: [],
      conditionalFormats: [
        { range: amountAt(gap), when: 'negative' },
        { range: amountAt(gap), when: 'positive' },
        { range: amountAt(check), when: 'negative' },
      ],
      merges: [`A2:${C.last}2`],
      print: { orientation: 'portrait', repeatRows: RECAP_HEADER_ROW },
    },
    names,
    charts: [
      {
        sheet: sheetName,
        kind: 'barClustered',
        title: 'Répartition du devis par poste',
        source: `${C.cell('label', firstChapter)}:${C.cell('amount', lastChapter)}`,
        seriesBy: 'columns',
        anchor: 'H4',
      },
    ],
  };
}
