import { SEVERITY_ORDER } from './severity';
import criteria from '../../data/referentiels/criteres.json';
import { frenchSpacing } from '../domain/text/french';
import { DEVIS_NAMES } from '../sheets/devis/contract';
import { PARAMS_NAMES } from '../sheets/params/contract';
import { cellText } from '../domain/text/cellText';
import { makeNaming, type Naming, type SheetKey } from '../sheets/model/naming';
import { deliverableLabel, type DeliverableKey } from '../sheets/recognition';
import type { Snapshot } from '../sheets/model/snapshot';
import { isBlank, single } from '../sheets/model/snapshot';
import { readSnapshot, runRules } from '../rules/engine';
import { rulesFor } from '../rules';
import { renderMessage } from '../rules/messages';
import type { Finding, Severity } from '../rules/types';
import type { WorkbookReader } from '../workbook/port';
import { readState, type Verdict } from './state';
import { plainDeliverables, recognitionReport, type Explained, type RecognitionReport } from './recognition';

export {
  ALL_REFERENTIELS,
  isReferentiel,
  REFERENTIELS,
  referentielLabel,
  type Referentiel,
} from './referentiels';
import { type Referentiel } from './referentiels';

export interface ReportedFinding extends Finding {
  message: string;
  criteria: string[];
  title: string;
  /** Why it matters ("pourquoi"), from the rule. */
  why: string;
  /** How to fix it ("comment corriger"), from the rule. */
  fix: string;
}

export interface ChecklistItem {
  criterion: string;
  text: string;
  sheet: string;
  kind: string;
  /** Rules that check part of it automatically. */
  rules: string[];
  /** A person's verdict in the taskpane (kept in the hidden sheet Contrôle_État). */
  verdict: Verdict;
  comment: string;
}

export interface AuditReport {
  referentiel: Referentiel;
  /** What the audit found in a workbook it did not write (null: a Devis CNC workbook, read by its names). */
  recognition: RecognitionReport | null;
  rules: number;
  findings: ReportedFinding[];
  counts: Record<Severity, number>;
  /** Criteria a person judges (semi-automatic or manual), to tick. */
  checklist: ChecklistItem[];
  /** The wording of every criterion a finding cites, by id ("cpca:C1.3.3" → its text). */
  criteriaWording: Record<string, string>;
  /**
   * A Devis CNC workbook whose devis has no amount yet (a blank template): its erreurs are points
   * to fill in, not faults, and the pane says "À compléter".
   */
  blank: boolean;
  /** The production's title (Paramètres), when the workbook has one: how a jury names a candidate's file. */
  title: string | null;
}

/** Where an audit is: reading the workbook, then rule k of n. */
export type AuditProgress = { phase: 'lecture' } | { phase: 'règles'; done: number; total: number };

/** Lets the pane repaint between two rules (a macrotask: a microtask would not). */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function checklistFor(referentiel: Referentiel): ChecklistItem[] {
  const rules = rulesFor('tous');
  return criteria.criteria
    .filter((c) => (referentiel === 'tous' || c.referentiel === referentiel) && /semi|manual/.test(c.kind))
    .map((c) => ({
      criterion: c.id,
      text: c.text,
      sheet: c.sheet,
      kind: c.kind,
      rules: rules.filter((r) => r.meta.criteria.includes(c.id)).map((r) => r.meta.id),
      verdict: 'non-evalue' as const,
      comment: '',
    }));
}

/** The deliverables our scaffold writes, with the sheet each is on. */
const OUR_DELIVERABLES: readonly [DeliverableKey, SheetKey][] = [
  ['recap', 'recap'],
  ['financing', 'financing'],
  ['cashflow', 'cashflow'],
  ['carbon', 'carbon'],
  ['expenses', 'expenses'],
];

/**
 * In one of our workbooks, a deliverable whose sheet is not there at all (left out with
 * `--feuilles`, or deleted) is said once, as an info, as in a workbook built by hand: the jury may
 * not need it. A sheet that is there but lost one of our names keeps its findings.
 */
function absentDeliverables(findings: Finding[], snapshot: Snapshot, naming: Naming): Explained[] {
  const sheets = snapshot.workbook?.sheets;
  if (!sheets) return findings;
  const present = new Set(sheets.map((s) => s.sheet.toLowerCase()));
  const absent = OUR_DELIVERABLES.filter(([, k]) => !present.has(naming.sheet(k).toLowerCase())).map(
    ([key]) => key,
  );
  if (absent.length === 0) return findings;
  const deliverables = absent.map((key) => ({
    key,
    label: deliverableLabel(key),
    sheet: null,
    empty: false,
  }));
  return plainDeliverables(findings, { devis: null, deliverables }, new Set(absent));
}

/** Audits a workbook through its port: one snapshot read, pure rules, French messages. Writes nothing. */
export async function audit(
  port: WorkbookReader,
  referentiel: Referentiel,
  suffix: number | null = null,
  /** Given (the pane), the audit says where it is and yields between rules so the progress shows. */
  onProgress?: (p: AuditProgress) => void,
): Promise<AuditReport> {
  const rules = rulesFor(referentiel);
  const naming = makeNaming(suffix);
  onProgress?.({ phase: 'lecture' });
  const snapshot = await readSnapshot(port, rules, (n) => naming.name(n), [
    DEVIS_NAMES.total.amount,
    PARAMS_NAMES.title,
  ]);
  let raw: Finding[];
  if (onProgress) {
    raw = [];
    for (const [k, rule] of rules.entries()) {
      onProgress({ phase: 'règles', done: k + 1, total: rules.length });
      await nextFrame();
      raw.push(...runRules([rule], snapshot));
    }
  } else raw = runRules(rules, snapshot);
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  // A finding that names its own criteria (a declared invariant) counts for their référentiels only.
  const cited = raw.filter(
    (f) => referentiel === 'tous' || !f.criteria || f.criteria.some((c) => c.startsWith(`${referentiel}:`)),
  );
  const findings = (
    snapshot.recognition
      ? plainDeliverables(cited, snapshot.recognition)
      : absentDeliverables(cited, snapshot, naming)
  )
    .map((f) => ({
      ...f,
      message: f.message ?? renderMessage(f.messageId, f.data),
      criteria: f.criteria ?? byId.get(f.ruleId)?.meta.criteria ?? [],
      title: f.title ?? byId.get(f.ruleId)?.meta.title ?? f.ruleId,
      why: frenchSpacing(f.why ?? byId.get(f.ruleId)?.meta.why ?? ''),
      fix: frenchSpacing(f.fix ?? byId.get(f.ruleId)?.meta.fix ?? ''),
    }))
    .sort(
      (a, b) =>
        (a.location?.sheet ?? '').localeCompare(b.location?.sheet ?? '') ||
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
    );
  const counts: Record<Severity, number> = { erreur: 0, avertissement: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  const state = await readState(port);
  const checklist = checklistFor(referentiel).map((c) => ({
    ...c,
    verdict: state.ticks[c.criterion]?.verdict ?? 'non-evalue',
    comment: state.ticks[c.criterion]?.comment ?? '',
  }));
  const total = single(snapshot, DEVIS_NAMES.total.amount);
  const wording = new Map(criteria.criteria.map((c) => [c.id, c.text]));
  return {
    referentiel,
    recognition: snapshot.recognition ? recognitionReport(snapshot) : null,
    rules: rules.length,
    findings,
    counts,
    checklist,
    criteriaWording: Object.fromEntries(
      [...new Set(findings.flatMap((f) => f.criteria))].map((id) => [id, wording.get(id) ?? '']),
    ),
    blank: !snapshot.recognition && total !== null && (isBlank(total.value) || total.value === 0),
    title: cellText(single(snapshot, PARAMS_NAMES.title)?.value).trim() || null,
  };
}
