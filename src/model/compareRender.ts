/**
 * Two versions of a production compared, as a person reads it: French lines (the command line and
 * the pane) and JSON (amounts as exact decimal strings). Pure.
 */
import { formatAmount, formatEuros, type Money } from '../domain/money';
import { agree, count } from '../domain/text/french';
import type { Location } from '../sheets/model/snapshot';
import type { AmountDelta, LineChange, LineFigures, ModelComparison, SourceChange } from './compare';

// ── Text ─────────────────────────────────────────────────────────────────────────────────────

const euros = (m: Money | null): string => (m === null ? '—' : formatEuros(m));
const signed = (m: Money): string => (m.gt(0) ? `+${formatEuros(m)}` : formatEuros(m));
export const place = (at: Location | null): string => (at ? `${at.sheet}!${at.address}` : 'sans cellule');

/** « 3 035 291,62 € → 3 041 691,62 € (+6 400,00 €) ». */
function move(d: AmountDelta): string {
  return `${euros(d.before)} → ${euros(d.after)} (${d.delta.isZero() ? 'inchangé' : signed(d.delta)})`;
}

type Figure = Exclude<keyof LineFigures, 'at' | 'computed'>;

export const FIELD_WORDS: Record<Figure, string> = {
  label: 'libellé',
  status: 'statut',
  quantity: 'quantité',
  count: 'nombre',
  rate: 'taux',
  amount: 'montant',
};

function figure(f: LineFigures, k: Figure): string {
  const v = f[k];
  if (typeof v === 'string') return v === '' ? '(vide)' : `« ${v} »`;
  if (v === null) return '(vide)';
  return k === 'rate' || k === 'amount' ? formatEuros(v) : formatAmount(v).replace(/,00$/, '');
}

function lineText(l: LineChange): string {
  const label = (l.after ?? l.before)?.label ?? '';
  const head = `${l.code} ${label}`.trim();
  if (l.change === 'changed' && l.before && l.after && l.computed) {
    // Charges and the like: their base is the lines they sum; what matters is where they land.
    const gap = l.delta.isZero() ? '' : ` (${signed(l.delta)})`;
    return `    recalculée ${head} : montant ${euros(l.before.amount)} → ${euros(l.after.amount)}${gap} — ${place(l.after.at)}`;
  }
  if (l.change === 'changed' && l.before && l.after) {
    const { before, after } = l;
    const parts = l.fields.map((k) => `${FIELD_WORDS[k]} ${figure(before, k)} → ${figure(after, k)}`);
    const gap = l.delta.isZero() ? '' : ` (${signed(l.delta)})`;
    return `    modifiée  ${head} : ${parts.join(' ; ')}${gap} — ${place(after.at)}`;
  }
  if (l.change === 'added' && l.after)
    return `    ajoutée   ${head} : ${euros(l.after.amount)} — ${place(l.after.at)}`;
  return `    supprimée ${head} : ${euros(l.before?.amount ?? null)} — était en ${place(l.before?.at ?? null)}`;
}

function sourceText(s: SourceChange): string {
  if (s.change === 'changed' && s.before && s.after) {
    const { before, after } = s;
    const parts = s.fields.map((k) =>
      k === 'amount'
        ? `montant ${euros(before.amount)} → ${euros(after.amount)}`
        : `${k === 'status' ? 'statut' : 'catégorie'} « ${before[k]} » → « ${after[k]} »`,
    );
    const gap = s.delta.isZero() ? '' : ` (${signed(s.delta)})`;
    return `    modifiée  ${s.name} : ${parts.join(' ; ')}${gap} — ${place(after.at)}`;
  }
  if (s.change === 'added' && s.after)
    return `    ajoutée   ${s.name} : ${euros(s.after.amount)} — ${place(s.after.at)}`;
  return `    supprimée ${s.name} : ${euros(s.before?.amount ?? null)} — était en ${place(s.before?.at ?? null)}`;
}

/** « 1 modifiée, 1 ajoutée, 0 supprimée, 2 recalculées, 52 inchangées ». */
function tally(changes: { change: string; computed?: boolean }[], unchanged: number): string {
  const n = (k: string): number => changes.filter((x) => x.change === k && !x.computed).length;
  const computed = changes.filter((x) => x.computed).length;
  return [
    `${count(n('changed'), 'modifiée')}`,
    `${count(n('added'), 'ajoutée')}`,
    `${count(n('removed'), 'supprimée')}`,
    ...(computed ? [`${count(computed, 'recalculée')}`] : []),
    `${unchanged} ${agree(unchanged, 'inchangée')}`,
  ].join(', ');
}

export function comparisonText(
  before: string,
  after: string,
  c: ModelComparison,
  /** Without the plan de financement: two sheets of one devis compared in the pane. */
  options: { financing: boolean } = { financing: true },
): string[] {
  const out = [`Comparaison de « ${before} » (avant) et « ${after} » (après)`, ''];
  out.push(`Devis : ${move(c.total)}`);
  out.push(`  Lignes : ${tally(c.lines, c.unchangedLines)}`);
  const moved = c.chapters.filter((d) => !d.delta.isZero());
  if (moved.length) {
    out.push('  Par chapitre (ceux qui changent) :');
    for (const d of moved)
      out.push(`    ${d.code === 'FG' || d.code === 'IMP' ? '' : `${d.code} `}${d.label} : ${move(d)}`);
  }
  if (c.lines.length) {
    out.push('  Lignes qui changent :');
    for (const l of c.lines) out.push(lineText(l));
  }
  if (options.financing) {
    out.push('');
    out.push(`Plan de financement : ${move(c.financingTotal)}`);
    out.push(`  Sources : ${tally(c.sources, c.unchangedSources)}`);
    for (const s of c.sources) out.push(sourceText(s));
  }
  const same = !c.lines.length && c.total.delta.isZero();
  if (same && (!options.financing || (!c.sources.length && c.financingTotal.delta.isZero()))) {
    out.push('');
    out.push(
      options.financing
        ? 'Aucune différence dans le devis ni dans le plan de financement.'
        : 'Aucune différence entre les deux devis.',
    );
  }
  return out;
}

// ── JSON ─────────────────────────────────────────────────────────────────────────────────────

/** An amount as an exact decimal string, to the cent ("17550.00"); null when absent. */
const amount = (m: Money | null): string | null => (m === null ? null : m.toFixed(2));
const where = (at: Location | null): { sheet: string; address: string } | null =>
  at ? { sheet: at.sheet, address: at.address } : null;

function lineFiguresJson(f: LineFigures | null): object | null {
  return f
    ? {
        label: f.label,
        status: f.status,
        quantity: f.quantity?.toString() ?? null,
        count: f.count?.toString() ?? null,
        // Exact: a charges line's rate is a share (0.555), not a price.
        rate: f.rate?.toString() ?? null,
        amount: amount(f.amount),
        at: where(f.at),
      }
    : null;
}

const deltaJson = (d: AmountDelta): object => ({
  code: d.code,
  label: d.label,
  before: amount(d.before),
  after: amount(d.after),
  delta: amount(d.delta),
});

export function comparisonJson(before: string, after: string, c: ModelComparison): object {
  return {
    version: 1,
    before,
    after,
    devis: {
      total: deltaJson(c.total),
      chapters: c.chapters.map(deltaJson),
      unchangedLines: c.unchangedLines,
      lines: c.lines.map((l) => ({
        code: l.code,
        change: l.change,
        computed: l.computed,
        fields: l.fields,
        delta: amount(l.delta),
        before: lineFiguresJson(l.before),
        after: lineFiguresJson(l.after),
      })),
    },
    financing: {
      total: deltaJson(c.financingTotal),
      unchangedSources: c.unchangedSources,
      sources: c.sources.map((s) => ({
        name: s.name,
        change: s.change,
        fields: s.fields,
        delta: amount(s.delta),
        before: s.before && { ...s.before, amount: amount(s.before.amount), at: where(s.before.at) },
        after: s.after && { ...s.after, amount: amount(s.after.amount), at: where(s.after.at) },
      })),
    },
  };
}
