/**
 * Bad data is a returned value, never a thrown error (thrown errors are for programming
 * mistakes). `notAvailable` becomes #N/A in a cell, `invalidValue` #VALUE!, `divisionByZero` #DIV/0!.
 */
export type Issue = { code: 'notAvailable' | 'invalidValue' | 'divisionByZero'; message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(code: Issue['code'], message: string): Result<T> => ({
  ok: false,
  issue: { code, message },
});
