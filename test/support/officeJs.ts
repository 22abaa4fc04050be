import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

/**
 * Microsoft's own Excel JavaScript library (npm @microsoft/office-js, the file Excel on the web
 * loads), run in a sandbox with no Office host behind it. Each `context.sync()` builds the very
 * request body Excel would receive; a stand-in executor records its size and answers "done".
 * That is how a batch's payload is measured against the 5 MB request limit of Excel on the web.
 */
export interface RecordedRequests {
  context: Excel.RequestContext;
  /** Size of each request's body (JSON, in bytes), in the order sent. */
  sizes: number[];
  /** Operations (actions) each request carries. */
  actions: number[];
  /** Makes the next request (0-based index among all sent) fail as Excel would. */
  failAt(index: number, message: string): void;
}

let library: { Excel: typeof Excel } | null = null;

function loadLibrary(): { Excel: typeof Excel } {
  if (library) return library;
  const path = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: 'node' },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  createContext(sandbox);
  runInContext(readFileSync(path, 'utf8'), sandbox, { filename: path });
  library = { Excel: sandbox.Excel as typeof Excel };
  return library;
}

export function officeJsContext(): RecordedRequests {
  const { Excel: lib } = loadLibrary();
  const context = new lib.RequestContext();
  const sizes: number[] = [];
  const actions: number[] = [];
  const failures = new Map<number, string>();
  (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync(
      _custom: unknown,
      _flags: unknown,
      message: { Body: { Actions?: { Id: number; ActionType: number }[] } },
    ) {
      const index = sizes.length;
      sizes.push(Buffer.byteLength(JSON.stringify(message.Body), 'utf8'));
      actions.push(message.Body.Actions?.length ?? 0);
      const failure = failures.get(index);
      if (failure !== undefined)
        return Promise.resolve({
          ErrorCode: 'InvalidArgument',
          ErrorMessage: failure,
          Headers: {},
          Body: { Error: { Code: 'InvalidArgument', Message: failure, ActionIndex: -1 } },
        });
      // As Excel does, every object the request instantiated (a sheet added, a range) gets a
      // reference id, so it stays usable in the next batch of the same run.
      const Results = (message.Body.Actions ?? [])
        .filter((a) => a.ActionType === 1)
        .map((a) => ({ ActionId: a.Id, Value: { _ReferenceId: `ref${a.Id}` } }));
      return Promise.resolve({ ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results } });
    },
  };
  return {
    context,
    sizes,
    actions,
    failAt(index, message) {
      failures.set(index, message);
    },
  };
}
