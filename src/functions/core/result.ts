export type { Issue as FunctionIssue, Result as FunctionResult } from '../../domain/result';
