import criteria from '../../data/referentiels/criteres.json';
import { makeNaming } from '../sheets/model/naming';
import { readSnapshot, runRules } from '../rules/engine';
import { rulesFor } from '../rules';
import { renderMessage } from '../rules/messages';
import type { Finding, Severity } from '../rules/types';
import type { WorkbookReader } from '../workbook/port';
import { readState } from './state';
import { plainDeliverables, recognitionReport, type RecognitionReport } from './recognition';

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
}

export interface ChecklistItem {
  criterion: string;
  text: string;
  sheet: string;
  kind: string;
  /** Rules that check part of it automatically. */
  rules: string[];
  /** Ticked by a person in the taskpane (kept in the hidden sheet Contrôle_État). */
  ticked: boolean;
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
}

const SEVERITY_ORDER: Severity[] = ['erreur', 'avertissement', 'info'];

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
      ticked: false,
      comment: '',
    }));
}

/** Audits a workbook through its port: one snapshot read, pure rules, French messages. Writes nothing. */
export async function audit(
  port: WorkbookReader,
  referentiel: Referentiel,
  suffix: number | null = null,
): Promise<AuditReport> {
  const rules = rulesFor(referentiel);
  const naming = makeNaming(suffix);
  const snapshot = await readSnapshot(port, rules, (n) => naming.name(n));
  const raw = runRules(rules, snapshot);
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const findings = (
    snapshot.recognition
      ? plainDeliverables(raw, snapshot.recognition)
      : (raw as (Finding & { criteria?: string[]; title?: string })[])
  )
    .map((f) => ({
      ...f,
      message: renderMessage(f.messageId, f.data),
      criteria: f.criteria ?? byId.get(f.ruleId)?.meta.criteria ?? [],
      title: f.title ?? byId.get(f.ruleId)?.meta.title ?? f.ruleId,
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
    ticked: state.ticks[c.criterion]?.ticked ?? false,
    comment: state.ticks[c.criterion]?.comment ?? '',
  }));
  return {
    referentiel,
    recognition: snapshot.recognition ? recognitionReport(snapshot) : null,
    rules: rules.length,
    findings,
    counts,
    checklist,
  };
}
