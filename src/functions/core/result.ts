/** Bad data is a returned value, never a thrown error (thrown errors are for programming mistakes). */
export type FunctionIssue = { code: 'notAvailable' | 'invalidValue'; message: string };
export type FunctionResult<T> = { ok: true; value: T } | { ok: false; issue: FunctionIssue };
