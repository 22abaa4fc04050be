import { scenesOf } from '../domain/schedule/breakdown';
import { nameKey } from '../domain/schedule/plan';
import { dayText } from '../model/field';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * The dépouillement and the plan de travail agree (cpca C1.3.1, rncp40642 C1.4): every sequence of
 * the dépouillement is shot on a day of the plan, and the plan shoots no sequence the dépouillement
 * does not list.
 */
export const rule: Rule = {
  meta: {
    id: 'breakdown-scenes',
    title:
      'Dépouillement et plan de travail : chaque séquence tournée un jour du plan, aucune séquence inconnue',
    criteria: ['cpca:C1.3.1', 'rncp40642:C1.4'],
    why: 'Le dépouillement recense ce que chaque séquence demande ; une séquence qu’aucun jour du plan ne tourne manquera au film (et à ses coûts), et une séquence du plan absente du dépouillement n’a ni ses moyens ni son impact listés.',
    fix: 'Dans la feuille Plan de travail, ajoutez la séquence aux « Séquences » du jour qui la tourne ; ou, dans le Dépouillement, ajoutez la séquence que le plan tourne, avec ses moyens.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.breakdown,
  },
  check(ctx) {
    const m = readModel(ctx.snapshot);
    const scenes = m.breakdown?.scenes ?? [];
    const days = m.schedule?.days ?? [];
    if (scenes.length === 0 || days.length === 0) return;
    for (const s of scenes)
      if (s.days.value?.isZero() && s.days.at)
        ctx.report('scene-unscheduled', { scene: s.number.value ?? '' }, s.days.at);
    const known = new Set(scenes.map((s) => nameKey(s.number.value ?? '')));
    for (const d of days) {
      const unknown = scenesOf({ scenes: d.scenes.value ?? '' }).filter((x) => !known.has(nameKey(x)));
      if (unknown.length > 0 && d.scenes.at)
        ctx.report(
          'scene-unknown',
          {
            day: d.date.value === null ? '?' : dayText(d.date.value),
            what:
              unknown.length > 1 ? `les séquences ${unknown.join(', ')}` : `la séquence ${unknown[0] ?? ''}`,
          },
          d.scenes.at,
          { severity: 'avertissement' },
        );
    }
  },
};
