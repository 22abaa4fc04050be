import type { RangeRead } from '../workbook/port';

export type Severity = 'erreur' | 'avertissement' | 'info';
export type RuleKind = 'auto' | 'semi' | 'manual';

export interface Location {
  sheet: string;
  address: string;
}

/** What a rule reports; the text comes from the French catalogue (messages.ts). */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
  severity: Severity;
  location: Location | null;
}

/** The workbook as rules see it, read in advance in one batch. */
export interface Snapshot {
  /** Ranges behind our workbook names (null when the name is missing). */
  ranges: Record<string, RangeRead | null>;
  /** Used range of a sheet found by its name (any case, any accents) when our names are missing: key "devis". */
  sheets: Record<string, RangeRead | null>;
}

export interface RuleContext {
  snapshot: Snapshot;
  report(messageId: string, data: Finding['data'], location: Location | null): void;
}

export interface RuleMeta {
  /** Equals the file name. */
  id: string;
  title: string;
  /** Criteria ids, e.g. "cpca:C1.4.2", from data/referentiels/criteres.json. */
  criteria: string[];
  severity: Severity;
  kind: RuleKind;
  /** Workbook names the rule reads. */
  reads: string[];
  /** Where a person sees what the rule checks, for the checklist. */
  sheet: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
