import examples from '../../../data/exemples/evenement.json';
import type { ProductionFormat } from '../facts/facts';
import { type Money, roundCents, sum, toMoney } from '../money';
import { exampleFestivals, type Festival } from './festivals';
import { exampleRetroplanning, type RetroInput } from './retroplanning';

/** How an event's postes are grouped (cpca C.4.2.4). */
export const EVENT_CATEGORIES = ['Logistique', 'Communication et marketing', 'Frais administratifs'] as const;
export const PARTNER_KINDS = ['Numéraire', 'En nature'] as const;

export interface EventLine {
  category: string;
  label: string;
  quantity: Money;
  unit: string;
  rate: Money;
}

export interface EventPartner {
  name: string;
  kind: string;
  amount: Money;
}

export interface EventInput {
  title: string;
  lines: EventLine[];
  partners: EventPartner[];
  /** The rétroplanning of the avant-première (cpca C.4.2.3). */
  retroplanning: RetroInput;
  /** The festival strategy (cpca C.4.2.1, cefpf C4.14). */
  festivals: Festival[];
}

/** No event yet: no poste, no partner, no task. */
export const emptyEvent = (): EventInput => ({
  title: '',
  lines: [],
  partners: [],
  retroplanning: { eventDate: null, tasks: [] },
  festivals: [],
});

export interface EventResult {
  amounts: Money[];
  byCategory: { category: string; amount: Money }[];
  total: Money;
  partners: Money;
  /** Left for the production to pay: total − partners. */
  balance: Money;
}

/** An event budget, exact to the cent: amount = quantity × rate rounded per line. */
export function computeEvent(input: EventInput): EventResult {
  const amounts = input.lines.map((l) => roundCents(l.quantity.times(l.rate)));
  const total = sum(amounts);
  const partners = sum(input.partners.map((p) => p.amount));
  return {
    amounts,
    byCategory: EVENT_CATEGORIES.map((category) => ({
      category,
      amount: sum(amounts.filter((_, i) => input.lines[i]?.category === category)),
    })),
    total,
    partners,
    balance: total.minus(partners),
  };
}

interface ExampleEvent {
  title: string;
  lines: { category: string; label: string; quantity: string; unit: string; rate: string }[];
  partners: { name: string; kind: string; amount: string }[];
}

/** The example's event budget (data/exemples/evenement.json); empty where the example has none. */
export function exampleEvent(format: ProductionFormat): EventInput {
  const e = (examples.formats as Partial<Record<ProductionFormat, ExampleEvent>>)[format];
  if (!e) return emptyEvent();
  return {
    title: e.title,
    lines: e.lines.map((l) => ({ ...l, quantity: toMoney(l.quantity), rate: toMoney(l.rate) })),
    partners: e.partners.map((p) => ({ ...p, amount: toMoney(p.amount) })),
    retroplanning: exampleRetroplanning(format),
    festivals: exampleFestivals(format),
  };
}

export const EVENT_EXAMPLE_NOTE: string = examples.note;
