import { dayText } from '../model/field';
import type { FestivalModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

const named = (f: FestivalModel): string => f.name.value ?? 'sans nom';

/**
 * The festival strategy (cpca C.4.2.1, cefpf C4.14): for each festival ranked in it, the film is
 * delivered by its submission deadline, its duration is within the festival's, and a world
 * premiere it requires is not already given at an earlier festival of the strategy.
 */
export const rule: Rule = {
  meta: {
    id: 'event-festivals',
    title:
      'Festivals : film livré à la date limite, durée éligible, pas de première mondiale déjà donnée ailleurs',
    criteria: ['cpca:C.4.2.1', 'cefpf:C4.14'],
    why: 'Une stratégie de festivals se juge sur ses échéances et ses critères : un festival dont l’inscription ferme avant la livraison du film, dont la durée exclut le film, ou qui exige une première mondiale que la stratégie donne d’abord à un autre festival, ne retiendra pas le film.',
    fix: 'Dans la feuille Budget événement, sous le rétroplanning, écartez le festival (rang vide) ou changez l’ordre de la stratégie, prévoyez une copie de travail pour l’inscription, ou vérifiez les critères de durée et de première dans son règlement.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.event,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const ranked = (m.event?.festivals ?? []).filter((f) => f.rank.value !== null);
    const delivery = m.params.delivery?.value ?? null;
    const minutes = m.params.duration?.value ?? null;
    for (const f of ranked) {
      const deadline = f.deadline.value;
      if (delivery !== null && deadline !== null && deadline < delivery && f.deadline.at)
        ctx.report(
          'festival-undelivered',
          { festival: named(f), deadline: dayText(deadline), delivery: dayText(delivery) },
          f.deadline.at,
          { severity: 'avertissement' },
        );
      const [min, max] = [f.minutesMin.value, f.minutesMax.value];
      if (minutes?.gt(0)) {
        const out = min?.gt(minutes) ? f.minutesMin : max?.lt(minutes) ? f.minutesMax : null;
        if (out?.at)
          ctx.report(
            'festival-duration',
            {
              festival: named(f),
              minutes: minutes.toString(),
              min: min?.toString() ?? '—',
              max: max?.toString() ?? '—',
            },
            out.at,
          );
      }
      const start = f.start.value;
      if (f.premiere.value !== 'Mondiale' || start === null || !f.premiere.at) continue;
      const before = ranked.find((g) => g !== f && g.start.value !== null && g.start.value < start);
      if (before && before.start.value !== null)
        ctx.report(
          'festival-premiere-conflict',
          { festival: named(f), other: named(before), date: dayText(before.start.value) },
          f.premiere.at,
        );
    }
  },
};
