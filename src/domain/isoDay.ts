/** "2027-03-01" → that day at 00:00 UTC, as cells and the cash-flow calendar hold days; null when absent. */
export function isoDay(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}
