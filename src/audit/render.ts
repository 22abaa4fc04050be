import { SEVERITY_ORDER, sheetOf } from './severity';
import { VERDICT_LABELS } from './state';
import { candidateOf, criterionVerdicts } from './jury';
import type { AuditReport } from './audit';
import { count, severityCounts } from '../domain/text/french';
import { recognitionLines } from './recognitionText';

/** Findings grouped by sheet then severity, with counts, in French. */
export function renderText(file: string, r: AuditReport): string[] {
  const out = [`Contrôle de ${file} — référentiel : ${r.referentiel} (${r.rules} règles)`];
  if (r.recognition) out.push(...recognitionLines(r.recognition));
  const sheets = [...new Set(r.findings.map(sheetOf))];
  for (const sheet of sheets) {
    const inSheet = r.findings.filter((f) => sheetOf(f) === sheet);
    out.push(`  ${sheet} (${inSheet.length})`);
    for (const sev of SEVERITY_ORDER) {
      const list = inSheet.filter((f) => f.severity === sev);
      if (!list.length) continue;
      out.push(`    ${sev} (${list.length})`);
      for (const f of list)
        out.push(
          `      ${f.location ? `${f.location.address} — ` : ''}${f.message} [${f.criteria.join(', ')}]`,
        );
    }
  }
  if (!r.findings.length) out.push('  Aucun constat.');
  out.push(`Résumé : ${severityCounts(r.counts)}.`);
  if (r.blank && r.counts.erreur > 0)
    out.push(
      `Classeur vierge : le devis n’a encore aucun montant ; ${r.counts.erreur > 1 ? `ses ${r.counts.erreur} erreurs sont des points` : 'son erreur est un point'} à compléter.`,
    );
  if (r.checklist.length) {
    out.push(`À juger par une personne (${count(r.checklist.length, 'critère')}) :`);
    for (const c of r.checklist)
      out.push(
        `  [${c.verdict === 'non-evalue' ? ' ' : VERDICT_LABELS[c.verdict]}] ${c.criterion} (${c.sheet}) — ${c.text}${c.comment ? ` — commentaire : ${c.comment}` : ''}`,
      );
  }
  return out;
}

export interface FileResult {
  file: string;
  report?: AuditReport;
  error?: string;
}

/** The JSON shape documented in docs/ligne-de-commande.md. */
export function renderJson(referentiel: string, results: FileResult[]): string {
  return JSON.stringify(
    {
      version: 1,
      referentiel,
      files: results.map((x) =>
        x.report
          ? {
              file: x.file,
              ok: true,
              summary: x.report.counts,
              blank: x.report.blank,
              candidate: candidateOf(x),
              criteria: criterionVerdicts(x.report).map((v) => ({
                id: v.id,
                state: v.state,
                findings: v.findings,
              })),
              recognition: x.report.recognition,
              findings: x.report.findings.map((f) => ({
                ruleId: f.ruleId,
                severity: f.severity,
                message: f.message,
                messageId: f.messageId,
                data: f.data,
                criteria: f.criteria,
                why: f.why,
                fix: f.fix,
                sheet: f.location?.sheet ?? null,
                address: f.location?.address ?? null,
              })),
              checklist: x.report.checklist.map((c) => ({
                criterion: c.criterion,
                sheet: c.sheet,
                text: c.text,
                rules: c.rules,
                verdict: c.verdict,
                // Earlier readers looked for a tick: acquis.
                ticked: c.verdict === 'acquis',
                comment: c.comment,
              })),
            }
          : { file: x.file, ok: false, candidate: candidateOf(x), error: x.error },
      ),
    },
    null,
    2,
  );
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JUnit XML: one suite per file, one case per rule; an erreur finding fails its case. */
export function renderJunit(results: FileResult[], ruleIds: string[]): string {
  const suites = results.map((x) => {
    if (!x.report)
      return `  <testsuite name="${xml(x.file)}" tests="1" failures="0" errors="1"><testcase classname="devis-cnc" name="lecture"><error message="${xml(x.error ?? '')}"/></testcase></testsuite>`;
    const cases = ruleIds.map((id) => {
      const errors = x.report?.findings.filter((f) => f.ruleId === id && f.severity === 'erreur') ?? [];
      const body = errors
        .map(
          (f) =>
            `<failure message="${xml(f.message)}">${xml(`${f.location ? `${f.location.sheet}!${f.location.address} ` : ''}${f.message}`)}</failure>`,
        )
        .join('');
      return `    <testcase classname="${xml(x.report?.referentiel ?? '')}" name="${xml(id)}">${body}</testcase>`;
    });
    const failures = ruleIds.filter((id) =>
      x.report?.findings.some((f) => f.ruleId === id && f.severity === 'erreur'),
    ).length;
    // The candidate and each criterion's state, as in the JSON and the jury's summary.
    const properties = [
      `      <property name="candidat" value="${xml(candidateOf(x))}"/>`,
      ...criterionVerdicts(x.report).map(
        (v) => `      <property name="critere:${xml(v.id)}" value="${xml(v.state)}"/>`,
      ),
    ];
    return `  <testsuite name="${xml(x.file)}" tests="${ruleIds.length}" failures="${failures}" errors="0">\n    <properties>\n${properties.join('\n')}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
