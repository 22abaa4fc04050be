import { SEVERITY_ORDER, sheetOf } from '../../../audit/severity';
import type { Severity } from '../../../rules/types';
import { frenchSpacing } from '../../../domain/text/french';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { agree, count, severityCounts } from '../../../domain/text/french';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AuditProgress, AuditReport, ReportedFinding } from '../../../audit/audit';
import { parseAddress } from '../../../sheets/model/plan';
import { makeNaming } from '../../../sheets/model/naming';
import { REFERENTIELS, referentielLabel, type Referentiel } from '../../../audit/referentiels';
import type { AuditState, Tick } from '../../../audit/state';
import { recognitionLines } from '../../../audit/recognitionText';
import { checklistCsv } from '../../../audit/checklistCsv';
import { downloadText } from '../../download';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import { Checklist } from './Checklist';
import { FindingList, severityWord } from './FindingList';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The save, report and export actions stay in view at the bottom of the pane while the
  // checklist scrolls (a jury judges fifteen criteria, then saves).
  footer: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
    position: 'sticky',
    bottom: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // A long référentiel name must not widen the pane: the select shrinks and ellipsises, the full
  // name stays in the option (read by screen readers and shown in the open list).
  fill: { width: '100%', minWidth: 0 },
  heading: { margin: 0 },
  filter: { flexGrow: 1, flexBasis: '8rem', minWidth: 0 },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  note: { outlineStyle: 'none' },
  noteLines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The outcome of an action of this view: titled, its details as a list, its next steps. */
interface Note {
  intent: 'success' | 'error';
  title: string;
  text: string;
  lines?: string[];
  next?: ReactNode;
}

const SEVERITIES = SEVERITY_ORDER;

type State =
  | { kind: 'idle' }
  | { kind: 'working'; progress: AuditProgress }
  | { kind: 'done'; report: AuditReport }
  | { kind: 'error'; message: string };

const progressText = (p: AuditProgress): string =>
  p.phase === 'lecture' ? 'Lecture du classeur…' : `Règle ${p.done} sur ${p.total}`;

/** The "Contrôle" tab: audit against a référentiel, findings that select their cell, ticks kept in the workbook, a report sheet. */
export function ControlPanel({
  host,
  suffix,
  active = true,
  save = downloadText,
  busy = null,
  work = runDirectly,
  onCreate,
  onConverted,
  checkRequest = 0,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  /** Saves a file (the browser's download; a stand-in in tests). */
  save?: (name: string, text: string) => void;
  /** The tab is shown: the saved référentiel and ticks are read the first time it is. */
  active?: boolean;
  /** What another action of the pane is doing, if anything: this tab's actions wait for it. */
  busy?: string | null;
  /** Runs a job that writes to or reads the workbook, telling the rest of the pane. */
  work?: Work;
  /** Takes the user to the creation of the workbook (the empty state's action). */
  onCreate?: () => void;
  /** A hand-made devis was converted: the pane works on the converted sheets from now on. */
  onConverted?: (suffix: number | null) => void;
  /** Each new value asks for a check (« Contrôler maintenant » elsewhere in the pane). */
  checkRequest?: number;
}): JSX.Element {
  const styles = useStyles();
  const [referentiel, setReferentiel] = useState<Referentiel>('tous');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  /** The finding Précédent / Suivant last went to. */
  const [visited, setVisited] = useState<ReportedFinding | null>(null);
  /** Ticks or comments changed since they were read or saved. */
  const [unsaved, setUnsaved] = useState(0);
  const [note, setNote] = useState<Note | null>(null);
  /** A report of ours is already in the workbook: the user chooses to update it or add one. */
  const [asking, setAsking] = useState<string | null>(null);
  // Filters of the findings list: severity, sheet, words.
  const [severity, setSeverity] = useState<'toutes' | Severity>('toutes');
  const [sheetFilter, setSheetFilter] = useState('toutes');
  const [search, setSearch] = useState('');
  const summary = useRef<HTMLHeadingElement>(null);
  const noteRef = useRef<HTMLDivElement>(null);

  const [stateRead, setStateRead] = useState(false);
  useEffect(() => {
    if (!active || stateRead) return;
    setStateRead(true);
    host
      .readState()
      .then((s) => {
        if (s.referentiel) setReferentiel(s.referentiel);
        setTicks(s.ticks);
      })
      .catch(() => undefined); // no state yet: defaults
  }, [host, active, stateRead]);

  // The result of a check takes the focus, so a screen reader reads it and Tab goes on from it.
  useEffect(() => {
    if (state.kind === 'done') summary.current?.focus();
  }, [state]);
  useEffect(() => {
    if (note) noteRef.current?.focus();
  }, [note]);

  const current = (): AuditState => ({ referentiel, ticks, suffix });
  const working = state.kind === 'working';
  const blocked = busy !== null;

  const run = async (): Promise<void> => {
    setState({ kind: 'working', progress: { phase: 'lecture' } });
    setNote(null);
    setAsking(null);
    try {
      const report = await work('Contrôle en cours', () =>
        host.audit(referentiel, suffix, (progress) => setState({ kind: 'working', progress })),
      );
      setState({ kind: 'done', report });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  /** Runs an action of this view; its outcome (or why not) becomes the titled note below. */
  const act = async (
    what: string,
    titles: [string, string],
    job: () => Promise<Omit<Note, 'intent' | 'title'>>,
  ): Promise<void> => {
    try {
      setNote({ intent: 'success', title: titles[0], ...(await work(what, job)) });
    } catch (e) {
      setNote({ intent: 'error', title: titles[1], text: e instanceof Error ? e.message : String(e) });
    }
  };
  // « Contrôler maintenant » from another view.
  const asked = useRef(checkRequest);
  useEffect(() => {
    if (checkRequest === asked.current) return;
    asked.current = checkRequest;
    void run();
  }, [checkRequest]);

  const report = state.kind === 'done' ? state.report : null;
  const writeReport = (replace: string | null): Promise<void> =>
    act('Écriture du rapport', ['Rapport écrit', 'Rapport non écrit'], async () => {
      if (!report) throw new Error('Lancez d’abord le contrôle.');
      setAsking(null);
      const name = await host.writeReport(report, current(), replace);
      return {
        text: replace
          ? `Rapport mis à jour dans la feuille « ${name} ».`
          : `Rapport écrit dans la feuille « ${name} ».`,
        next: <Button onClick={() => void host.selectCell(name, 'A1')}>Ouvrir le rapport</Button>,
      };
    });
  /** "Rapport": updates our previous report after asking, else writes a new sheet. */
  const askReport = async (): Promise<void> => {
    setNote(null);
    try {
      const existing = await work('Recherche d’un rapport existant', () => host.existingReport());
      if (existing) {
        setAsking(existing);
        return;
      }
    } catch (e) {
      setNote({
        intent: 'error',
        title: 'Rapport non écrit',
        text: e instanceof Error ? e.message : String(e),
      });
      return;
    }
    await writeReport(null);
  };

  const allSheets = report ? [...new Set(report.findings.map(sheetOf))] : [];
  const needle = search.trim().toLowerCase();
  const shown = (report?.findings ?? []).filter(
    (f) =>
      (severity === 'toutes' || f.severity === severity) &&
      (sheetFilter === 'toutes' || sheetOf(f) === sheetFilter) &&
      (needle === '' ||
        `${f.location?.address ?? ''} ${f.message} ${f.criteria.join(' ')}`.toLowerCase().includes(needle)),
  );
  const sheets = allSheets.filter((sh) => shown.some((f) => sheetOf(f) === sh));
  // The findings shown that have a cell, in sheet then cell order: what Précédent / Suivant walk.
  const walk = shown
    .filter((f) => f.location)
    .map((f) => ({ f, at: parseAddress(f.location?.address ?? 'A1') }))
    .sort(
      (a, b) =>
        allSheets.indexOf(a.f.location?.sheet ?? '') - allSheets.indexOf(b.f.location?.sheet ?? '') ||
        a.at.row - b.at.row ||
        a.at.col - b.at.col,
    )
    .map((x) => x.f);
  const currentAt = visited ? walk.indexOf(visited) : -1;
  const goTo = (k: number): void => {
    const f = walk[k];
    if (!f?.location) return;
    setVisited(f);
    void host.selectCell(f.location.sheet, f.location.address);
  };
  const rank = (f: { severity: Severity }): number => SEVERITIES.indexOf(f.severity);
  const blank = report?.blank === true;
  const empty =
    report?.recognition !== null &&
    report?.recognition !== undefined &&
    report.recognition.devis === null &&
    report.recognition.deliverables.every((d) => d.sheet === null);
  const headline = report
    ? empty
      ? 'Rien à contrôler'
      : blank
        ? `À compléter (${report.counts.erreur}) : le devis n’a encore aucun montant${
            report.counts.avertissement + report.counts.info > 0
              ? ` ; ${count(report.counts.avertissement, 'avertissement')}, ${count(report.counts.info, 'info')}`
              : ''
          }`
        : severityCounts(report.counts)
    : '';

  return (
    <section aria-label="Contrôle" className={styles.box}>
      <Subtitle2 as="h2">Contrôle du classeur</Subtitle2>
      <Field label="Référentiel">
        <Select
          className={styles.fill}
          select={{ className: styles.fillSelect, title: referentielLabel(referentiel) }}
          value={referentiel}
          disabled={working}
          onChange={(_, d) => setReferentiel(d.value)}
        >
          {REFERENTIELS.map((r) => (
            <option key={r} value={r}>
              {referentielLabel(r)}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" disabled={working || blocked} onClick={() => void run()}>
          Lancer le contrôle
        </Button>
      </div>
      {state.kind === 'working' && (
        <Field validationMessage={progressText(state.progress)} validationState="none">
          <ProgressBar
            aria-label="Contrôle en cours"
            {...(state.progress.phase === 'règles'
              ? { value: state.progress.done / state.progress.total }
              : {})}
          />
        </Field>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Contrôle impossible</MessageBarTitle>
            {frenchSpacing(state.message)}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <h3 ref={summary} tabIndex={-1} className={styles.heading}>
            <Subtitle2>{frenchSpacing(`${headline} — ${count(report.rules, 'règle')}`)}</Subtitle2>
          </h3>
          {empty && (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>Classeur vide</MessageBarTitle>
                {frenchSpacing(
                  'Ni devis, ni plan de financement, ni trésorerie, ni bilan carbone dans ce classeur : créez-les d’abord, puis contrôlez.',
                )}
              </MessageBarBody>
              {onCreate && (
                <MessageBarActions>
                  <Button onClick={onCreate}>Créer le classeur</Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
          {!empty && report.recognition && (
            <section aria-label="Ce que le contrôle a lu" className={styles.box}>
              {recognitionLines(report.recognition).map((line, k) => (
                <Text key={k} block size={k === 0 ? 300 : 200} weight={k === 0 ? 'semibold' : 'regular'}>
                  {frenchSpacing(line.trim())}
                </Text>
              ))}
              {report.recognition.devis && (
                <div>
                  <Button
                    disabled={blocked}
                    onClick={() =>
                      void act('Reprise du devis', ['Devis repris', 'Devis non repris'], async () => {
                        const done = await host.convert();
                        if ('refused' in done) throw new Error(done.refused);
                        // From now on the pane works on the converted sheets (and remembers it).
                        onConverted?.(done.suffix);
                        const [first = '', ...rest] = done.lines.map((l) => l.trim());
                        const devis = makeNaming(done.suffix).sheet('devis');
                        return {
                          text: first,
                          lines: rest,
                          next: (
                            <>
                              <Button appearance="primary" onClick={() => void host.selectCell(devis, 'A1')}>
                                Ouvrir le Devis repris
                              </Button>
                              <Button onClick={() => void run()}>Contrôler les feuilles reprises</Button>
                            </>
                          ),
                        };
                      })
                    }
                  >
                    Reprendre ce devis dans le modèle Devis CNC
                  </Button>
                </div>
              )}
            </section>
          )}
          {!empty && report.findings.length > 0 && (
            <div role="search" aria-label="Filtrer les constats" className={styles.box}>
              <div className={styles.row}>
                <Field label="Gravité" className={styles.filter}>
                  <Select
                    className={styles.fill}
                    select={{ className: styles.fillSelect }}
                    value={severity}
                    onChange={(_, d) => setSeverity(d.value as 'toutes' | Severity)}
                  >
                    <option value="toutes">Toutes</option>
                    {SEVERITIES.map((sev) => (
                      <option key={sev} value={sev}>
                        {severityWord(sev, blank)} ({report.counts[sev]})
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Feuille" className={styles.filter}>
                  <Select
                    className={styles.fill}
                    select={{ className: styles.fillSelect }}
                    value={sheetFilter}
                    onChange={(_, d) => setSheetFilter(d.value)}
                  >
                    <option value="toutes">Toutes</option>
                    {allSheets.map((sh) => (
                      <option key={sh} value={sh}>
                        {sh}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Field label="Rechercher dans les constats">
                <Input type="search" value={search} onChange={(_, d) => setSearch(d.value)} />
              </Field>
              <Text size={200} role="status">
                {shown.length === report.findings.length
                  ? count(shown.length, 'constat')
                  : `${count(shown.length, 'constat')} ${agree(shown.length, 'affiché')} sur ${report.findings.length}`}
              </Text>
              {walk.length > 0 && (
                <div className={styles.row}>
                  <Button size="small" disabled={currentAt <= 0} onClick={() => goTo(currentAt - 1)}>
                    Précédent
                  </Button>
                  <Button
                    size="small"
                    disabled={currentAt >= walk.length - 1}
                    onClick={() => goTo(currentAt + 1)}
                  >
                    Suivant
                  </Button>
                  <Text size={200} aria-live="polite">
                    {visited?.location && currentAt >= 0
                      ? `Constat ${currentAt + 1} / ${walk.length} : ${visited.location.sheet}!${visited.location.address}`
                      : `${count(walk.length, 'constat')} à parcourir, feuille par feuille`}
                  </Text>
                </div>
              )}
            </div>
          )}
          {!empty && (
            <>
              {sheets.map((sheet) => (
                <FindingList
                  key={sheet}
                  sheet={sheet}
                  findings={shown.filter((f) => sheetOf(f) === sheet).sort((a, b) => rank(a) - rank(b))}
                  blank={blank}
                  wording={report.criteriaWording}
                  current={visited}
                  onGo={(sh, address) => void host.selectCell(sh, address)}
                />
              ))}
              {report.findings.length === 0 && <Text>Aucun constat.</Text>}
              <Subtitle2 as="h3">À juger par une personne</Subtitle2>
              <Checklist
                items={report.checklist}
                ticks={ticks}
                onChange={(criterion, tick) => {
                  setTicks({ ...ticks, [criterion]: tick });
                  setUnsaved((n) => n + 1);
                }}
              />
              {unsaved > 0 && (
                <Text role="status" weight="semibold">
                  Verdicts et commentaires non enregistrés dans le classeur.
                </Text>
              )}
              <div className={styles.footer}>
                <Button
                  disabled={blocked}
                  onClick={() =>
                    void act(
                      'Enregistrement des verdicts',
                      ['Verdicts enregistrés', 'Verdicts non enregistrés'],
                      async () => {
                        await host.saveState(current());
                        setUnsaved(0);
                        return {
                          text: 'Verdicts et référentiel enregistrés dans le classeur (feuille masquée Contrôle_État).',
                        };
                      },
                    )
                  }
                >
                  Enregistrer les verdicts
                </Button>
                <Button disabled={blocked || asking !== null} onClick={() => void askReport()}>
                  Rapport
                </Button>
                {host.canDownload && (
                  <Button
                    onClick={() =>
                      void act(
                        'Export de la grille',
                        ['Grille exportée', 'Grille non exportée'],
                        async () => {
                          save('grille-de-controle.csv', checklistCsv(report.checklist, ticks));
                          return {
                            text: `Grille des ${count(report.checklist.length, 'critère')} exportée dans grille-de-controle.csv (verdicts et commentaires compris).`,
                          };
                        },
                      )
                    }
                  >
                    Exporter la grille (CSV)
                  </Button>
                )}
              </div>
              {asking && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    <MessageBarTitle>Rapport existant</MessageBarTitle>
                    {frenchSpacing(
                      `La feuille « ${asking} » contient le rapport d’un contrôle précédent. Le remplacer par celui-ci, ou écrire ce rapport dans une nouvelle feuille ?`,
                    )}
                  </MessageBarBody>
                  <MessageBarActions>
                    <Button appearance="primary" onClick={() => void writeReport(asking)}>
                      {frenchSpacing(`Mettre à jour « ${asking} »`)}
                    </Button>
                    <Button onClick={() => void writeReport(null)}>Nouvelle feuille</Button>
                    <Button onClick={() => setAsking(null)}>Annuler</Button>
                  </MessageBarActions>
                </MessageBar>
              )}
            </>
          )}
        </>
      )}
      {note && (
        <div ref={noteRef} tabIndex={-1} className={styles.note}>
          <MessageBar intent={note.intent} layout={note.next || note.lines ? 'multiline' : 'auto'}>
            <MessageBarBody>
              <MessageBarTitle>{note.title}</MessageBarTitle>
              {frenchSpacing(note.text)}
              {note.lines && note.lines.length > 0 && (
                <ul className={styles.noteLines}>
                  {note.lines.map((l, k) => (
                    <li key={k}>{frenchSpacing(l)}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            {note.intent === 'success' && note.next && <MessageBarActions>{note.next}</MessageBarActions>}
          </MessageBar>
        </div>
      )}
    </section>
  );
}
