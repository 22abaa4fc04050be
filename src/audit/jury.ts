import { sheetOf } from './severity';
/**
 * What a jury hands in after a batch audit: the state of each criterion of the référentiel for a
 * workbook, and one self-contained, printable HTML report per workbook (A4).
 */
import criteria from '../../data/referentiels/criteres.json';
import { count } from '../domain/text/french';
import type { AuditReport } from './audit';
import { recognitionLines } from './recognitionText';
import { VERDICT_LABELS } from './state';
import type { Referentiel } from './referentiels';

/** One file of a batch: its report, or why it has none (the shape of render's FileResult). */
interface FileResult {
  file: string;
  report?: AuditReport;
  error?: string;
}

/** How a criterion stands for one workbook. */
export type CriterionState =
  'non conforme' | 'à vérifier' | 'sans constat' | 'à juger' | 'acquis' | 'non acquis';

export interface CriterionVerdict {
  id: string;
  text: string;
  state: CriterionState;
  /** How many findings cite it. */
  findings: number;
}

/** The criteria of a référentiel (all of them for « tous »), in the catalogue's order. */
export function criteriaOf(referentiel: Referentiel): { id: string; text: string; kind: string }[] {
  return criteria.criteria.filter((c) => referentiel === 'tous' || c.referentiel === referentiel);
}

/**
 * Each criterion's state: non conforme when an erreur cites it, à vérifier when only an
 * avertissement does, else the verdict of a person (acquis, non acquis, à juger), sans constat for the rest
 * (no automatic check found anything: not a proof that the criterion is met).
 */
export function criterionVerdicts(report: AuditReport): CriterionVerdict[] {
  const verdicts = new Map(report.checklist.map((c) => [c.criterion, c.verdict]));
  return criteriaOf(report.referentiel).map((c) => {
    const cited = report.findings.filter((f) => f.criteria.includes(c.id));
    const state: CriterionState = cited.some((f) => f.severity === 'erreur')
      ? 'non conforme'
      : cited.some((f) => f.severity === 'avertissement')
        ? 'à vérifier'
        : verdicts.has(c.id)
          ? verdicts.get(c.id) === 'acquis'
            ? 'acquis'
            : verdicts.get(c.id) === 'non-acquis'
              ? 'non acquis'
              : 'à juger'
          : 'sans constat';
    return { id: c.id, text: c.text, state, findings: cited.length };
  });
}

/** The candidate: the production's title where the workbook has one, else the file's name. */
export function candidateOf(r: FileResult): string {
  const name = r.file.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  return r.report?.title ?? name;
}

const escape = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A4 portrait, 15 mm margins: tables fit the width, rows never cut, headers repeated. */
const STYLE = `
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 24px; }
h1 { font-size: 16pt; margin: 0 0 4px; } h2 { font-size: 12.5pt; margin: 18px 0 6px; }
p.meta { color: #444; margin: 2px 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 8px; }
th, td { border: 1px solid #999; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
td.erreur { color: #a4262c; font-weight: 600; } td.avertissement { color: #8a5a00; }
td.state-non-conforme { color: #a4262c; font-weight: 600; } td.state-a-verifier { color: #8a5a00; }
pre { white-space: pre-wrap; font-family: inherit; margin: 0; }
.sign { margin-top: 24px; display: flex; gap: 40px; } .sign div { flex: 1; border-top: 1px solid #999; padding-top: 4px; }
@page { size: A4 portrait; margin: 15mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  tr, .sign { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}`;

function table(headers: [string, string][], rows: string[][]): string {
  const cols = headers.map(([, width]) => `<col style="width:${width}">`).join('');
  const head = headers.map(([h]) => `<th>${escape(h)}</th>`).join('');
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const cell = (text: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${escape(text)}</td>`;
const stateClass = (s: CriterionState): string =>
  `state-${s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ /g, '-')}`;

function findingsHtml(report: AuditReport): string {
  if (!report.findings.length) return '<p>Aucun constat.</p>';
  const sheets = [...new Set(report.findings.map(sheetOf))];
  return sheets
    .map((sheet) => {
      const list = report.findings.filter((f) => sheetOf(f) === sheet);
      return `<h3>${escape(sheet)} (${list.length})</h3>${table(
        [
          ['Gravité', '13%'],
          ['Cellule', '9%'],
          ['Constat', '46%'],
          ['Critères', '14%'],
          ['Comment corriger', '18%'],
        ],
        list.map((f) => [
          cell(f.severity, f.severity),
          cell(f.location?.address ?? '—'),
          cell(f.message),
          cell(f.criteria.join(', ')),
          cell(f.fix),
        ]),
      )}`;
    })
    .join('');
}

/** One workbook's report, self-contained (no script, no outside file), printable on A4. */
export function reportHtml(r: FileResult, referentiel: Referentiel, date: Date): string {
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);
  const head = `<h1>Contrôle de « ${escape(candidateOf(r))} »</h1>
<p class="meta">Fichier : ${escape(r.file)}</p>
<p class="meta">Référentiel : ${escape(referentiel)} — contrôlé le ${escape(day)} par Devis CNC</p>`;
  let body: string;
  if (!r.report) body = `<h2>Classeur non contrôlé</h2><p>${escape(r.error ?? 'illisible')}.</p>`;
  else {
    const rep = r.report;
    const verdicts = criterionVerdicts(rep);
    body = [
      rep.recognition
        ? `<h2>Ce que le contrôle a lu</h2><pre>${escape(recognitionLines(rep.recognition).join('\n'))}</pre>`
        : '',
      `<h2>Résumé</h2><p>${count(rep.counts.erreur, 'erreur')}, ${count(rep.counts.avertissement, 'avertissement')}, ${count(rep.counts.info, 'info')} ; ${rep.rules} règles appliquées.</p>`,
      `<h2>Critères</h2>${table(
        [
          ['Critère', '16%'],
          ['Intitulé', '54%'],
          ['État', '15%'],
          ['Constats', '15%'],
        ],
        verdicts.map((v) => [
          cell(v.id),
          cell(v.text),
          cell(v.state, stateClass(v.state)),
          cell(String(v.findings)),
        ]),
      )}`,
      `<h2>Constats par feuille</h2>${findingsHtml(rep)}`,
      rep.checklist.length
        ? `<h2>À juger par une personne</h2>${table(
            [
              ['Critère', '14%'],
              ['Intitulé', '40%'],
              ['Feuille', '14%'],
              ['Verdict', '12%'],
              ['Commentaire', '20%'],
            ],
            rep.checklist.map((c) => [
              cell(c.criterion),
              cell(c.text),
              cell(c.sheet),
              cell(c.verdict === 'non-evalue' ? '' : VERDICT_LABELS[c.verdict]),
              cell(c.comment),
            ]),
          )}`
        : '',
    ].join('\n');
  }
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Contrôle — ${escape(candidateOf(r))}</title>
<style>${STYLE}</style></head>
<body>${head}
${body}
<div class="sign"><div>Le jury : nom et signature</div><div>Date</div></div>
</body></html>
`;
}
