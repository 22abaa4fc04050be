/** Words the sheets write and read back as values (validation lists, flags): defined once. */
export const YES = 'Oui';
export const NO = 'Non';
export const YES_NO: readonly string[] = [YES, NO];

export function yesNo(flag: boolean): string {
  return flag ? YES : NO;
}
