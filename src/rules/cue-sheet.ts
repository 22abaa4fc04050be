import { boughtCue, timecodeText } from '../domain/music/cues';
import { formatAmount, type Money, ZERO } from '../domain/money';
import type { BudgetLineModel, CueModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule, RuleContext } from './types';

const named = (c: CueModel): string => c.number.value ?? c.title.value ?? 'sans numéro';

/** Timecodes in order, within the film, no two cues at once. */
function checkTimecodes(cues: readonly CueModel[], film: number | null, ctx: RuleContext): void {
  const timed = cues.filter((c) => c.in.value !== null && c.out.value !== null);
  for (const c of timed) {
    const [start, end] = [c.in.value ?? 0, c.out.value ?? 0];
    if (end <= start && c.out.at)
      ctx.report(
        'cue-timecodes',
        { cue: named(c), in: timecodeText(start), out: timecodeText(end) },
        c.out.at,
      );
    else if (film !== null && film > 0 && end > film && c.out.at)
      ctx.report(
        'cue-beyond-film',
        { cue: named(c), out: timecodeText(end), film: timecodeText(film) },
        c.out.at,
        {
          severity: 'avertissement',
        },
      );
  }
  const ordered = timed
    .filter((c) => (c.out.value ?? 0) > (c.in.value ?? 0))
    .sort((a, b) => (a.in.value ?? 0) - (b.in.value ?? 0));
  ordered.forEach((c, i) => {
    const before = ordered.slice(0, i).find((p) => (p.out.value ?? 0) > (c.in.value ?? 0));
    if (before && c.in.at)
      ctx.report(
        'cue-overlap',
        {
          cue: named(c),
          in: timecodeText(c.in.value ?? 0),
          other: named(before),
          out: timecodeText(before.out.value ?? 0),
        },
        c.in.at,
        { severity: 'avertissement' },
      );
  });
}

/** A bought cue (pre-existing, archive) has its cost and its rights cleared. */
function checkRights(cues: readonly CueModel[], ctx: RuleContext): void {
  for (const c of cues) {
    const origin = c.origin.value ?? '';
    if (!boughtCue(origin)) continue;
    if (!c.cost.value?.gt(0) && c.cost.at)
      ctx.report('cue-rights-cost', { cue: named(c), origin }, c.cost.at);
    const rights = c.rights.value ?? '';
    if ((rights === 'En négociation' || rights === 'À demander') && c.rights.at)
      ctx.report('cue-rights-pending', { cue: named(c), rights }, c.rights.at, { severity: 'avertissement' });
  }
}

/** Each cue's devis line exists, and holds what the cue sheet charges to it. */
function checkDevisLines(
  cues: readonly CueModel[],
  lines: readonly BudgetLineModel[],
  ctx: RuleContext,
): void {
  const byCode = new Map<string, { line: BudgetLineModel | undefined; cost: Money; last: CueModel }>();
  for (const c of cues) {
    const code = c.code.value;
    if (code === null) continue;
    const known = byCode.get(code);
    const line = known ? known.line : lines.find((l) => l.code.value === code);
    byCode.set(code, { line, cost: (known?.cost ?? ZERO).plus(c.cost.value ?? ZERO), last: c });
    if (!line && !known && c.code.at) ctx.report('cue-devis-code', { cue: named(c), code }, c.code.at);
  }
  for (const [code, { line, cost, last }] of byCode) {
    const amount = line?.amount.value;
    if (!line || !amount || !cost.gt(amount) || !last.code.at) continue;
    ctx.report(
      'cue-devis-short',
      {
        code,
        label: line.label.value ?? '',
        amount: formatAmount(amount),
        cost: formatAmount(cost),
        missing: formatAmount(cost.minus(amount)),
      },
      last.code.at,
    );
  }
}

/**
 * The CUE sheet (cpca C.3.3.1): each cue timed in order within the film, no two at once; a
 * pre-existing or archive cue has its rights' cost, cleared; each cue is charged to a devis line
 * that holds what the cue sheet charges to it.
 */
export const rule: Rule = {
  meta: {
    id: 'cue-sheet',
    title:
      'CUE sheet : musiques minutées dans le film, droits des musiques préexistantes chiffrés sur une ligne du devis qui les couvre',
    criteria: ['cpca:C.3.3.1'],
    why: 'La CUE sheet sert à déclarer les musiques à la SACEM et aux distributeurs : un minutage faux fausse la répartition des droits, une musique préexistante ou d’archive sans coût de droits est une dépense oubliée (ou un titre utilisé sans autorisation), et une ligne du devis plus petite que les droits qu’elle doit payer est un dépassement annoncé.',
    fix: 'Dans la feuille CUE sheet, corrigez le minutage (entrée avant sortie, dans la durée du film), chiffrez les droits de chaque musique préexistante ou d’archive et imputez-les à une ligne du devis qui existe ; si la ligne ne suffit pas, augmentez-la dans le Devis ou renégociez les droits.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.cues,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const cues = m.cues?.cues ?? [];
    if (cues.length === 0) return;
    const film = m.cues?.filmSeconds?.value;
    checkTimecodes(cues, film ? film.toNumber() : null, ctx);
    checkRights(cues, ctx);
    if (m.budget) checkDevisLines(cues, m.budget.lines, ctx);
  },
};
