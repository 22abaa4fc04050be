import type { FunctionIssue, FunctionResult } from './core/result';

/**
 * The one place where a domain issue becomes an Excel error: #N/A or #VALUE! with the French
 * message (the only two codes that carry a custom message).
 */
export function toExcelError(issue: FunctionIssue): CustomFunctions.Error {
  // Custom messages are shown with #N/A and #VALUE! only; #DIV/0! carries no message.
  if (issue.code === 'divisionByZero')
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
  const code =
    issue.code === 'notAvailable'
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, issue.message);
}

/** Returns the value, or throws the Excel error Excel shows in the cell. */
export function unwrap<T>(result: FunctionResult<T>): T {
  if (result.ok) return result.value;
  // Excel shows a thrown CustomFunctions.Error as the cell's error value; its type does not extend Error.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw toExcelError(result.issue);
}
