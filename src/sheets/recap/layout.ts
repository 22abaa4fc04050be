import type { ProductionParameters } from '../../domain/budget/templates';
import type { BudgetInput, BudgetResult, Split } from '../../domain/budget/types';
import { Money, ZERO, toCellNumber } from '../../domain/money';
import { getNomenclature, rolesOf } from '../../domain/nomenclature/nomenclature';
import { DEVIS_NAMES, SPLIT_PARTS, chapterNames, type SplitPart } from '../devis/contract';
import { SheetBuilder } from '../model/builder';
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

/** What every row of the récapitulatif refers to: the builder and the total général. */
interface Recap {
  b: SheetBuilder;
  total: Money;
  totalName: string;
}

const PART_COLUMN = { amount: 'amount', france: 'france', foreign: 'foreign' } as const;

const pct = (x: Recap, row: number): string =>
  `IF(${x.totalName}=0,0,${C.cell('amount', row)}/${x.totalName})`;

/** A row linked to the Devis by name: code, label, amount, share of the total, France, étranger. */
function linked(x: Recap, row: number, r: LinkedRow): void {
  const part = (p: SplitPart): CellPlan => ({
    address: C.cell(PART_COLUMN[p], row),
    formula: x.b.n(r.names[p]),
    result: num(r.split[p]),
    numFmt: NUMFMT.euro,
    style: 'computed',
  });
  x.b.push(
    { address: C.cell('code', row), value: r.code, numFmt: NUMFMT.text, style: 'label' },
    { address: C.cell('label', row), value: r.label, style: 'label' },
    part('amount'),
    {
      address: C.cell('share', row),
      formula: pct(x, row),
      result: num(share(r.split.amount, x.total)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
    part('france'),
    part('foreign'),
  );
}

/** A row summing others: each part by formula, the share of the total général. */
function summed(
  x: Recap,
  row: number,
  label: string,
  formula: (p: SplitPart) => string,
  split: Split,
  style: 'subtotal' | 'total',
): void {
  x.b.push({ address: C.cell('label', row), value: label, style });
  for (const p of SPLIT_PARTS)
    x.b.push({
      address: C.cell(PART_COLUMN[p], row),
      formula: formula(p),
      result: num(split[p]),
      numFmt: NUMFMT.euro,
      style,
    });
  x.b.push({
    address: C.cell('share', row),
    formula: pct(x, row),
    result: num(share(split.amount, x.total)),
    numFmt: NUMFMT.percent,
    style,
  });
}

/** The chapters under the subtotal, and the indirect costs (FG and imprévus, or the indirect chapter). */
function linkedRows(budget: BudgetInput, result: BudgetResult): { base: LinkedRow[]; indirect: LinkedRow[] } {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const chapterRow = (i: number): LinkedRow => {
    const ch = budget.chapters[i];
    const r = result.chapters[i];
    if (!ch || !r) throw new Error(`Chapitre ${i + 1} sans résultat`);
    return { code: ch.code, label: ch.label, names: chapterNames(ch.code), split: r };
  };
  const indices = budget.chapters.map((_, i) => i);
  const isIndirect = (i: number): boolean => budget.chapters[i]?.code === roles.indirect.chapter;
  const base = indices.filter((i) => !isIndirect(i)).map(chapterRow);
  if (roles.indirect.chapter !== null) return { base, indirect: indices.filter(isIndirect).map(chapterRow) };
  const indirect = roles.indirect.lines.flatMap((l) =>
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
  );
  return { base, indirect };
}

type Table = { firstChapter: number; lastChapter: number; tot: number; check: number };

/** The chapters, the subtotal, the indirect costs, the total général and its check against the Devis. */
function tableRows(x: Recap, budget: BudgetInput, result: BudgetResult): Table {
  const roles = rolesOf(getNomenclature(budget.nomenclature));
  const { base, indirect } = linkedRows(budget, result);
  let row = RECAP_FIRST_ROW;
  for (const r of base) linked(x, row++, r);
  const firstChapter = RECAP_FIRST_ROW;
  const lastChapter = row - 1;
  const sub = row;
  const subtotalLabel = roles.subtotalLabel.replace(/ \(.*\)$/, '');
  summed(
    x,
    sub,
    subtotalLabel,
    (p) => `SUM(${C.span(PART_COLUMN[p], firstChapter, lastChapter)})`,
    result.subtotal,
    'subtotal',
  );
  row += 1;
  const indirectRows: number[] = [];
  for (const r of indirect) {
    indirectRows.push(row);
    linked(x, row++, r);
  }
  const tot = row;
  const sumOf = (p: SplitPart): string =>
    [sub, ...indirectRows].map((r) => C.cell(PART_COLUMN[p], r)).join('+');
  summed(x, tot, 'TOTAL GÉNÉRAL', sumOf, result.total, 'total');
  const check = tot + 1;
  x.b.push(
    {
      address: C.cell('label', check),
      value: 'Contrôle : écart avec le total du devis (doit être nul)',
      style: 'note',
    },
    {
      address: C.cell('amount', check),
      formula: `${C.cell('amount', tot)}-${x.totalName}`,
      result: 0,
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
  );
  return { firstChapter, lastChapter, tot, check };
}

/** The enveloppe, the gap to it, the share used and the cost per minute; the gap's row. */
function envelopeRows(x: Recap, production: ProductionParameters | null, t: Table): number {
  const { b, total } = x;
  const envelope = production?.envelope ?? ZERO;
  const env = t.check + 2;
  const gap = env + 1;
  const used = env + 2;
  const perMinute = env + 3;
  const amountAt = (r: number): string => C.cell('amount', r);
  const minutes = production?.durationMinutes ?? 0;
  const duration = b.n(PARAMS_NAMES.duration);
  const label = (r: number, value: string): CellPlan => ({
    address: C.cell('label', r),
    value,
    style: 'label',
  });
  b.push(
    label(env, 'Enveloppe budgétaire'),
    {
      address: amountAt(env),
      formula: b.n(PARAMS_NAMES.envelope),
      result: num(envelope),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
    label(gap, 'Écart à l’enveloppe (positif : marge ; négatif : dépassement)'),
    {
      address: amountAt(gap),
      formula: `${amountAt(env)}-${amountAt(t.tot)}`,
      result: num(envelope.minus(total)),
      numFmt: NUMFMT.euro,
      style: 'total',
    },
    label(used, 'Part de l’enveloppe utilisée'),
    {
      address: C.cell('share', used),
      formula: `IF(${amountAt(env)}=0,0,${amountAt(t.tot)}/${amountAt(env)})`,
      result: num(share(total, envelope)),
      numFmt: NUMFMT.percent,
      style: 'computed',
    },
    label(perMinute, 'Coût à la minute (total général / durée)'),
    {
      address: amountAt(perMinute),
      formula: `IF(N(${duration})=0,0,${amountAt(t.tot)}/${duration})`,
      result: minutes === 0 ? 0 : num(total.dividedBy(new Money(minutes))),
      numFmt: NUMFMT.euro,
      style: 'computed',
    },
  );
  return gap;
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
  const b = new SheetBuilder(naming, 'recap');
  const x: Recap = { b, total: result.total.amount, totalName: b.n(DEVIS_NAMES.total.amount) };
  b.titled(
    'Récapitulatif du devis',
    'Chaque montant est lié au devis par une formule ; rien n’est à saisir sur cette feuille.',
  ).headers(C, RECAP_HEADER_ROW);
  const t = tableRows(x, budget, result);
  const gap = envelopeRows(x, production, t);
  const amountAt = (r: number): string => C.cell('amount', r);
  b.name(RECAP_NAMES.lines, C.block(RECAP_HEADER_ROW, t.check))
    .name(RECAP_NAMES.total, absolute(amountAt(t.tot)))
    .name(RECAP_NAMES.envelopeGap, absolute(amountAt(gap)))
    .name(RECAP_NAMES.devisGap, absolute(amountAt(t.check)));
  b.conditionalFormats.push(
    { range: amountAt(gap), when: 'negative' },
    { range: amountAt(gap), when: 'positive' },
    { range: amountAt(t.check), when: 'negative' },
  );
  return {
    sheet: b.plan({
      columnWidths: [8, 58, 17, 12, 17, 17],
      freezeRows: RECAP_HEADER_ROW,
      merges: [`A2:${C.last}2`],
      print: { orientation: 'portrait', repeatRows: RECAP_HEADER_ROW },
    }),
    names: b.names,
    charts: [
      {
        sheet: b.sheet,
        kind: 'barClustered',
        title: 'Répartition du devis par poste',
        source: `${C.cell('label', t.firstChapter)}:${C.cell('amount', t.lastChapter)}`,
        seriesBy: 'columns',
        anchor: 'H4',
      },
    ],
  };
}
