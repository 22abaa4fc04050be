import examples from '../../../data/exemples/depenses.json';
import type { ProductionFormat } from '../facts/facts';
import { toMoney } from '../money';
import {
  EXPENSE_NATURES,
  EXPENSE_PLACES,
  EXPENSE_STATUSES,
  type ExpenseInput,
  type ExpenseNature,
  type ExpensePlace,
  type ExpenseStatus,
} from './expenses';

/*
 * The example ledgers (data/exemples/depenses.json), apart from the ledger's vocabulary so that
 * what only needs the natures and statuses (the pane's expense form) does not carry the data.
 */

interface ExampleExpense {
  date: string;
  piece: string;
  payee: string;
  nature: string;
  code: string;
  label: string;
  ht: string;
  tva: string;
  status: string;
  paidOn: string | null;
  mode: string | null;
  proof: boolean;
  proofRef: string;
  place?: string;
}

const isNature = (v: string): v is ExpenseNature => (EXPENSE_NATURES as readonly string[]).includes(v);
const isStatus = (v: string): v is ExpenseStatus => (EXPENSE_STATUSES as readonly string[]).includes(v);
const isPlace = (v: string): v is ExpensePlace => (EXPENSE_PLACES as readonly string[]).includes(v);

/** The example ledger of a format (data/exemples/depenses.json); empty where the example has none. */
export function exampleExpenses(format: ProductionFormat): ExpenseInput[] {
  const lines = (examples.formats as Partial<Record<ProductionFormat, ExampleExpense[]>>)[format] ?? [];
  return lines.map((e) => {
    const place = e.place ?? 'France';
    if (!isNature(e.nature) || !isStatus(e.status) || !isPlace(place))
      throw new Error(`Dépense d’exemple ${e.piece} : nature, statut ou lieu inconnu`);
    return {
      ...e,
      nature: e.nature,
      status: e.status,
      place,
      ht: toMoney(e.ht),
      tva: toMoney(e.tva),
    };
  });
}

/** The note the example's ledger carries (fictitious figures). */
export const EXPENSES_EXAMPLE_NOTE: string = examples.note;
