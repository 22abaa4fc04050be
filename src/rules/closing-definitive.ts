import { MODEL_READS, readModel } from '../model/read';
import type { ProductionModel } from '../model/model';
import { underCode } from '../domain/budget/compute';
import { formatAmount, Money, percentFigure, roundCents, sum } from '../domain/money';
import { rolesOf, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import type { RuleContext } from './types';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * The producer's fee at completion (the Suivi's estimé final of its lines) within its cap on the
 * base at completion, as the devis's within its cap on the devis's base (cinema protocol).
 */
function feeAtCompletion(ctx: RuleContext, m: ProductionModel): void {
  const base = m.followUp?.baseFinal?.value;
  const cap = m.params.producerFeeCap?.value;
  const b = m.budget;
  // A nomenclature that cannot serve as a devis model (a hand-made grid) has no fee codes to read.
  if (!base || !cap || !base.gt(0) || !b || scaffoldProblem(b.nomenclature) !== null) return;
  const codes = rolesOf(b.nomenclature).protocol?.producerFeeCodes ?? [];
  if (codes.length === 0) return;
  const lines = (m.followUp?.lines ?? []).filter((l) => l.code.value && underCode(l.code.value, codes));
  const fee = sum(lines.map((l) => l.final.value ?? new Money(0)));
  const limit = roundCents(base.times(cap));
  if (!roundCents(fee).gt(limit)) return;
  ctx.report(
    'closing-fee-over-cap',
    {
      fee: formatAmount(roundCents(fee)),
      share: percentFigure(fee.dividedBy(base)),
      base: formatAmount(roundCents(base)),
      cap: percentFigure(cap),
      limit: formatAmount(limit),
      over: formatAmount(roundCents(fee).minus(limit)),
    },
    lines[0]?.final.at ?? m.followUp?.baseFinal?.at ?? null,
  );
}

/**
 * The coût définitif as the CNC reads it for the agrément définitif: the tax credit recomputed on
 * the eligible spend actually made in France, against the plan's estimate; and the public-aid
 * intensity, checked again on the coût définitif.
 */
export const rule: Rule = {
  meta: {
    id: 'closing-definitive',
    title:
      'Coût définitif : crédit d’impôt recalculé sur les dépenses réelles, intensité des aides, rémunération du producteur dans son plafond à l’achèvement, listes du personnel et des prestataires complètes',
    criteria: ['cpca:C.3.2.2', 'par:C4.2.1'],
    why: 'À l’agrément définitif, le crédit d’impôt se recalcule sur les dépenses éligibles réellement faites en France (CGI art. 220 F ; Code du cinéma art. D331-14) : un crédit définitif plus bas que l’estimation du plan manque au financement, et ce qu’un préfinancement a avancé au-delà se rembourse. L’intensité des aides publiques se vérifie aussi sur le coût définitif, la rémunération du producteur reste dans son plafond sur la base à l’achèvement, et le commissaire aux comptes reçoit la liste nominative du personnel et celle des prestataires : une personne ou un prestataire payé qui n’y figure pas est un trou dans le rendu de comptes.',
    fix: 'Dans le Bilan financier, vérifiez les dépenses à l’étranger (colonne France / étranger des Dépenses) et les parts éligibles ; comblez l’écart du crédit d’impôt par un autre financement ; si l’intensité dépasse le plafond, une aide publique est à réduire ; ramenez la rémunération du producteur (Suivi budgétaire) dans son plafond ; ajoutez à la liste du personnel ou des prestataires le bénéficiaire qui manque, écrit comme dans les Dépenses.',
    severity: 'avertissement',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.closing,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    feeAtCompletion(ctx, m);
    const c = m.closing;
    if (!c) return;
    const gap = c.taxCreditGap?.value;
    const credit = c.taxCredit?.value;
    const plan = c.taxCreditPlan?.value;
    if (gap && credit && plan && roundCents(gap).lt(0))
      ctx.report(
        'closing-tax-credit-lower',
        {
          final: formatAmount(roundCents(credit)),
          plan: formatAmount(roundCents(plan)),
          missing: formatAmount(roundCents(gap).negated()),
        },
        c.taxCreditGap?.at ?? null,
      );
    for (const [gap, list, what] of [
      [c.personnelGap, 'du personnel', 'salaires'],
      [c.providersGap, 'des prestataires', 'factures'],
    ] as const) {
      const v = gap?.value;
      if (v && !roundCents(v).isZero())
        ctx.report('closing-list-incomplete', { list, what, gap: formatAmount(roundCents(v)) }, gap.at);
    }
    const pub = m.financing?.publicTotal?.value;
    const ceiling = m.financing?.ceiling?.value;
    const cost = c.cost?.value;
    if (!pub || !ceiling || !cost || !cost.gt(0)) return;
    const intensity = pub.dividedBy(cost);
    if (intensity.gt(ceiling))
      ctx.report(
        'closing-over-ceiling',
        {
          intensity: percentFigure(intensity),
          ceiling: percentFigure(ceiling),
          public: formatAmount(roundCents(pub)),
          cost: formatAmount(roundCents(cost)),
        },
        c.cost?.at ?? null,
        { severity: 'erreur' },
      );
  },
};
