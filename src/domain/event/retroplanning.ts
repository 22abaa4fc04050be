import examples from '../../../data/exemples/evenement.json';
import type { ProductionFormat } from '../facts/facts';
import { isoDay } from '../isoDay';

/*
 * The rétroplanning of an avant-première (cpca C.4.2.3): the key phases, each split into tasks
 * with their duration, their safety margin and the person responsible, placed back from the
 * event's date.
 */

/** The phases of an avant-première; « Jour J » and « Bilan » may fall on or after the event. */
export const RETRO_PHASES = ['Préparation', 'Communication', 'Logistique', 'Jour J', 'Bilan'] as const;
/** The phases a task may end after the avant-première in. */
export const RETRO_AFTER_PHASES: readonly string[] = ['Jour J', 'Bilan'];

export interface RetroTask {
  /** Its number in the plan (dependencies name it). */
  rank: number;
  phase: string;
  task: string;
  /** The number of the task it follows (it starts after that one's deadline), or null. */
  after: number | null;
  /** Working time in calendar days, the start day included. */
  days: number;
  /** Safety margin after the end, in days. */
  margin: number;
  owner: string;
  start: Date;
}

export interface RetroInput {
  /** The avant-première's date, null while unknown. */
  eventDate: Date | null;
  tasks: RetroTask[];
}

/** A task placed: its end (start + days − 1), its deadline with the margin, days left before the event. */
export interface RetroPlaced extends RetroTask {
  end: Date;
  due: Date;
  /** Event − deadline, in days; null without an event date. */
  daysBefore: number | null;
}

const DAY_MS = 86_400_000;
const plusDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY_MS);

/** Each task's end, deadline and days before the event: what the sheet's formulas compute. */
export function placeTasks(input: RetroInput): RetroPlaced[] {
  return input.tasks.map((t) => {
    const end = plusDays(t.start, t.days - 1);
    const due = plusDays(end, t.margin);
    const daysBefore = input.eventDate
      ? Math.round((input.eventDate.getTime() - due.getTime()) / DAY_MS)
      : null;
    return { ...t, end, due, daysBefore };
  });
}

/** The rétroplanning as data/exemples/evenement.json writes it: dates as ISO days. */
interface ExampleRetro {
  eventDate: string;
  tasks: (Omit<RetroTask, 'start'> & { start: string })[];
}

/** The example's rétroplanning (data/exemples/evenement.json); empty where the example has none. */
export function exampleRetroplanning(format: ProductionFormat): RetroInput {
  const e = (examples.formats as Partial<Record<ProductionFormat, { retroplanning?: ExampleRetro }>>)[format]
    ?.retroplanning;
  if (!e) return { eventDate: null, tasks: [] };
  return {
    eventDate: isoDay(e.eventDate),
    tasks: e.tasks.map((t) => {
      const start = isoDay(t.start);
      if (!start) throw new Error(`Tâche d’exemple ${t.rank} : date de début illisible`);
      return { ...t, start };
    }),
  };
}
