import { RETRO_AFTER_PHASES } from '../domain/event/retroplanning';
import { dayText } from '../model/field';
import type { RetroTaskModel } from '../model/model';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule, RuleContext } from './types';

const named = (t: RetroTaskModel): string => t.task.value ?? `n° ${t.rank.value?.toString() ?? '?'}`;

/** Each task says how long it takes and who does it: the criterion asks both. */
function missing(ctx: RuleContext, t: RetroTaskModel): void {
  const gaps: [string, RetroTaskModel[keyof RetroTaskModel]][] = [
    ['durée', t.days],
    ['responsable', t.owner],
    ['date de début', t.start],
  ];
  for (const [what, field] of gaps)
    if (field.value === null && field.at) ctx.report('retro-missing', { task: named(t), what }, field.at);
}

/**
 * The rétroplanning of the avant-première (cpca C.4.2.3): every task ends, safety margin included,
 * by the event (but those of the day itself and of the bilan after it); a task starts after the
 * deadline of the task it follows, which exists; each task has a duration, a start and someone
 * responsible.
 */
export const rule: Rule = {
  meta: {
    id: 'event-retroplanning',
    title:
      'Rétroplanning de l’avant-première : chaque tâche finie avant l’événement, après celle qu’elle suit, avec sa durée et son responsable',
    criteria: ['cpca:C.4.2.3'],
    why: 'Le rétroplanning part de la date de l’avant-première : une tâche dont l’échéance, marge comprise, tombe après l’événement ne sera pas prête ; une tâche qui commence avant la fin de celle dont elle dépend (l’impression avant la maquette) ne peut pas tenir ; une tâche sans durée ni responsable ne se pilote pas.',
    fix: 'Dans la feuille Budget événement, sous les postes, avancez le début de la tâche, réduisez sa durée ou sa marge, ou corrigez la tâche qu’elle suit ; donnez à chaque tâche sa durée, sa date de début et son responsable.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.event,
  },
  check(ctx) {
    const event = readModel(ctx.snapshot).event;
    if (!event) return;
    const date = event.eventDate?.value ?? null;
    const byRank = new Map(
      event.tasks.flatMap((t) => (t.rank.value ? [[t.rank.value.toNumber(), t] as const] : [])),
    );
    for (const t of event.tasks) {
      missing(ctx, t);
      const due = t.due.value;
      if (date !== null && due !== null && due > date && !RETRO_AFTER_PHASES.includes(t.phase.value ?? ''))
        ctx.report(
          'retro-after-event',
          { task: named(t), due: dayText(due), event: dayText(date), late: due - date },
          t.due.at,
        );
      const after = t.after.value?.toNumber();
      if (after === undefined || !t.after.at) continue;
      const before = byRank.get(after);
      if (!before) {
        ctx.report('retro-after-unknown', { task: named(t), after }, t.after.at);
        continue;
      }
      const start = t.start.value;
      const ready = before.due.value;
      if (start !== null && ready !== null && start <= ready)
        ctx.report(
          'retro-before-dependency',
          { task: named(t), start: dayText(start), other: named(before), after, ready: dayText(ready) },
          t.start.at,
          { severity: 'avertissement' },
        );
    }
  },
};
