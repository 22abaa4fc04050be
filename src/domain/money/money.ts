import { Money, ZERO } from './decimal';

/** Anything the domain accepts as an amount or rate: a Decimal, an integer or a decimal string. */
export type MoneyInput = Money | string | number;

/**
 * Makes a Decimal from a domain input. Numbers are accepted only when they are integers or come
 * from a spreadsheet cell (already a double): they are read through their shortest string form.
 */
export function toMoney(value: MoneyInput): Money {
  if (value instanceof Money) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`toMoney: nombre non fini ${value}`);
    return new Money(String(value));
  }
  return new Money(value);
}

/** Rounds to the cent, half-up: the rounding of every amount a cell shows. */
export function roundCents(value: Money): Money {
  return value.toDecimalPlaces(2, Money.ROUND_HALF_UP);
}

/** Exact sum of a list of Decimals. */
export function sum(values: readonly Money[]): Money {
  return values.reduce<Money>((acc, v) => acc.plus(v), ZERO);
}

/** Converts to the double a spreadsheet cell stores. Only at the boundary to a cell. */
export function toCellNumber(value: Money): number {
  return value.toNumber();
}

/**
 * "1 234 567,89" — an amount to the cent as French writes it (narrow no-break space between
 * thousands, decimal comma), without the unit: for a message that puts « € » after it. Built from
 * the decimal's string, never a float.
 */
export function formatAmount(value: MoneyInput): string {
  const fixed = roundCents(toMoney(value)).toFixed(2);
  const negative = fixed.startsWith('-');
  const [int = '0', dec = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${negative ? '-' : ''}${grouped},${dec}`;
}

/** "1 234 567,89 €" — French display of an amount, for console and messages. */
export function formatEuros(value: Money): string {
  return `${formatAmount(value)}\u00a0€`;
}

/** « 13,5 » for 13,5 %, « 60 » for 60 %: a share in percent to a tenth, for a message that adds « % ». */
export function percentFigure(share: Money): string {
  return share.times(100).toDecimalPlaces(1, Money.ROUND_HALF_UP).toString().replace('.', ',');
}

/** "12,5 %" — French display of a rate. */
export function formatPercent(value: Money, decimals = 1): string {
  return `${value.times(100).toDecimalPlaces(decimals, Money.ROUND_HALF_UP).toFixed(decimals).replace('.', ',')}\u00a0%`;
}
