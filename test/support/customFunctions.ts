/** Stand-in for Excel's CustomFunctions.Error, installed before the functions module loads. */
export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionError,
    ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!', divisionByZero: '#DIV/0!' },
  };
}
