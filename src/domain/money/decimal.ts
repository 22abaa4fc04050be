import DecimalBase from 'decimal.js';

/**
 * The one Decimal constructor of the product. Every amount, rate and total is computed with it;
 * JS floats never carry money. Rounding to the cent is half-up (ROUND_HALF_UP), as Excel's
 * ROUND does for positive amounts.
 */
export const Money = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

/** Zero, shared. Decimal values are immutable. */
export const ZERO: Money = new Money(0);
