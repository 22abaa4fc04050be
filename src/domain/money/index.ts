export { Money, ZERO } from './decimal';
export {
  toMoney,
  roundCents,
  sum,
  toCellNumber,
  formatAmount,
  formatEuros,
  formatPercent,
  percentFigure,
} from './money';
export type { MoneyInput } from './money';
export { parseAmount } from './parseAmount';
export type { ParseResult } from './parseAmount';
export { readAmountField, type AmountField } from './amountField';
