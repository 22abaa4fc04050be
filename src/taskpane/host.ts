import type { ScaffoldOutcome, ScaffoldProgress, ScaffoldRequest } from '../workbook/scaffold';

/** What the taskpane asks of its host (Excel, or a fake in tests and in a plain browser). */
export interface TaskpaneHost {
  scaffold(request: ScaffoldRequest, onProgress: (step: ScaffoldProgress) => void): Promise<ScaffoldOutcome>;
}
