import examples from '../../../data/exemples/evenement.json';
import type { ProductionFormat } from '../facts/facts';
import { isoDay } from '../isoDay';
import { type Money, sum, toMoney, ZERO } from '../money';

/*
 * The festival strategy (cpca C.4.2.1, cefpf C4.14): the festivals that suit the film, compared
 * by their selection criteria — premiere status, duration, year of production, genres — with
 * their dates, submission deadlines, fees and expected benefits, ranked.
 */

/** The premiere a festival requires, from the strictest. */
export const PREMIERE_STATUSES = ['Mondiale', 'Internationale', 'Nationale', 'Aucune'] as const;

export interface Festival {
  name: string;
  section: string;
  place: string;
  /** Order in the strategy (1 first); null: listed, not in the strategy. */
  rank: number | null;
  premiere: string;
  genres: string;
  benefits: string;
  start: Date;
  deadline: Date;
  fee: Money;
  minutesMin: number | null;
  minutesMax: number | null;
  yearMin: number | null;
}

/** What the festivals in the strategy cost to enter. */
export function strategyFees(festivals: readonly Festival[]): Money {
  return sum(festivals.filter((f) => f.rank !== null).map((f) => f.fee));
}

/** A festival as data/exemples/evenement.json writes it: dates and fee as strings. */
type ExampleFestival = Omit<Festival, 'start' | 'deadline' | 'fee'> & {
  start: string;
  deadline: string;
  fee: string;
};

/** The example's festivals (data/exemples/evenement.json); none where the example has none. */
export function exampleFestivals(format: ProductionFormat): Festival[] {
  const e = (examples.formats as Partial<Record<ProductionFormat, { festivals?: ExampleFestival[] }>>)[
    format
  ];
  return (e?.festivals ?? []).map((f) => {
    const [start, deadline] = [isoDay(f.start), isoDay(f.deadline)];
    if (!start || !deadline) throw new Error(`Festival d’exemple ${f.name} : date illisible`);
    return { ...f, start, deadline, fee: f.fee ? toMoney(f.fee) : ZERO };
  });
}
