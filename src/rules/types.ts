import type { Location, Snapshot } from '../sheets/model/snapshot';
import type { MessageData, MessageId } from './messages';

export type { Location, Snapshot };

export type Severity = 'erreur' | 'avertissement' | 'info';
export type RuleKind = 'auto' | 'semi' | 'manual';

/** What a rule reports; the text comes from the French catalogue (messages.ts). */
export interface Finding {
  ruleId: string;
  messageId: MessageId;
  data: Readonly<Record<string, string | number>>;
  severity: Severity;
  location: Location | null;
  /** The French text, rendered inside the rule's guard (a message that cannot render is the rule's crash). */
  message?: string;
  /** The criteria this finding harms when they are not the rule's own (a declared invariant names its own). */
  criteria?: string[];
}

/** What a finding may say beyond its message: its own criteria, a severity other than the rule's. */
export interface ReportExtra {
  /** The criteria this finding harms, when they are not all of the rule's (a declared invariant's own). */
  criteria?: string[];
  /** Graver or lighter than the rule's own (a short total inside a block the model knows is an erreur). */
  severity?: Severity;
}

export interface RuleContext {
  snapshot: Snapshot;
  /** The id must be in the catalogue and the data must carry every key its template names. */
  report<M extends MessageId>(
    messageId: M,
    data: MessageData<M>,
    location: Location | null,
    extra?: ReportExtra,
  ): void;
}

export interface RuleMeta {
  /** Equals the file name. */
  id: string;
  title: string;
  /** Why it matters, in one or two French sentences, shown with each finding ("pourquoi"). */
  why: string;
  /** How to fix it, in the user's words ("comment corriger"). */
  fix: string;
  /** Criteria ids, e.g. "cpca:C1.4.2", from data/referentiels/criteres.json. */
  criteria: string[];
  severity: Severity;
  kind: RuleKind;
  /** Workbook names the rule reads. */
  reads: string[];
  /** The rule looks at every sheet of the workbook (snapshot.workbook), not only our names. */
  readsWorkbook?: boolean;
  /** Where a person sees what the rule checks, for the checklist. */
  sheet: string;
  /**
   * The messages this rule reports without a cell, each with the reason it is workbook-level
   * (a sheet or a name that does not exist has no cell to point at). Every other finding has a
   * sheet and a cell: a meta-test enforces it.
   */
  unlocated?: Readonly<Record<string, string>>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
