import { useEffect, useState } from 'react';
import { agree, count, severityCounts } from '../../../domain/text/french';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AuditReport } from '../../../audit/audit';
import { REFERENTIELS, referentielLabel, type Referentiel } from '../../../audit/referentiels';
import type { AuditState, Tick } from '../../../audit/state';
import { recognitionLines } from '../../../audit/recognitionText';
import { checklistCsv } from '../../../audit/checklistCsv';
import { downloadText } from '../../download';
import type { TaskpaneHost } from '../../host';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  finding: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // A long référentiel name must not widen the pane: the select shrinks and ellipsises, the full
  // name stays in the option (read by screen readers and shown in the open list).
  fill: { width: '100%', minWidth: 0 },
  filter: { flexGrow: 1, flexBasis: '8rem', minWidth: 0 },
  plain: {
    paddingLeft: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

const SEVERITIES = ['erreur', 'avertissement', 'info'] as const;
type Severity = (typeof SEVERITIES)[number];

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; report: AuditReport }
  | { kind: 'error'; message: string };

/** The "Contrôle" tab: audit against a référentiel, findings that select their cell, ticks kept in the workbook, a report sheet. */
export function ControlPanel({
  host,
  suffix,
  active = true,
  save = downloadText,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  /** Saves a file (the browser's download; a stand-in in tests). */
  save?: (name: string, text: string) => void;
  /** The tab is shown: the saved référentiel and ticks are read the first time it is. */
  active?: boolean;
}): JSX.Element {
  const styles = useStyles();
  const [referentiel, setReferentiel] = useState<Referentiel>('tous');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  // Filters of the findings list: severity, sheet, words.
  const [severity, setSeverity] = useState<'toutes' | Severity>('toutes');
  const [sheetFilter, setSheetFilter] = useState('toutes');
  const [search, setSearch] = useState('');

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

  const current = (): AuditState => ({ referentiel, ticks });

  const run = async (): Promise<void> => {
    setState({ kind: 'working' });
    setNote(null);
    try {
      const report = await host.audit(referentiel, suffix);
      setState({ kind: 'done', report });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const act = async (what: () => Promise<string>): Promise<void> => {
    try {
      setNote({ intent: 'success', text: await what() });
    } catch (e) {
      setNote({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  const report = state.kind === 'done' ? state.report : null;
  const allSheets = report ? [...new Set(report.findings.map((f) => f.location?.sheet ?? 'Classeur'))] : [];
  const needle = search.trim().toLowerCase();
  const shown = (report?.findings ?? []).filter(
    (f) =>
      (severity === 'toutes' || f.severity === severity) &&
      (sheetFilter === 'toutes' || (f.location?.sheet ?? 'Classeur') === sheetFilter) &&
      (needle === '' ||
        `${f.location?.address ?? ''} ${f.message} ${f.criteria.join(' ')}`.toLowerCase().includes(needle)),
  );
  const sheets = allSheets.filter((sh) => shown.some((f) => (f.location?.sheet ?? 'Classeur') === sh));

  return (
    <section aria-label="Contrôle" className={styles.box}>
      <Subtitle2 as="h2">Contrôle du classeur</Subtitle2>
      <Field label="Référentiel">
        <Select
          className={styles.fill}
          select={{ className: styles.fillSelect, title: referentielLabel(referentiel) }}
          value={referentiel}
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
        <Button appearance="primary" disabled={state.kind === 'working'} onClick={() => void run()}>
          Lancer le contrôle
        </Button>
      </div>
      {state.kind === 'working' && <ProgressBar aria-label="Contrôle en cours" />}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Contrôle impossible</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <Text weight="semibold">
            {severityCounts(report.counts)} — {report.rules} règles
          </Text>
          {report.recognition && (
            <section aria-label="Ce que le contrôle a lu" className={styles.box}>
              {recognitionLines(report.recognition).map((line, k) => (
                <Text key={k} block size={k === 0 ? 300 : 200} weight={k === 0 ? 'semibold' : 'regular'}>
                  {line.trim()}
                </Text>
              ))}
              {report.recognition.devis && (
                <div>
                  <Button
                    onClick={() =>
                      void act(async () => {
                        const done = await host.convert();
                        if ('refused' in done) throw new Error(done.refused);
                        return done.lines.map((l) => l.trim()).join(' ');
                      })
                    }
                  >
                    Reprendre ce devis dans le modèle Devis CNC
                  </Button>
                </div>
              )}
            </section>
          )}
          {report.findings.length > 0 && (
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
                        {sev} ({report.counts[sev]})
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
            </div>
          )}
          {sheets.map((sheet) => {
            const inSheet = shown.filter((f) => (f.location?.sheet ?? 'Classeur') === sheet);
            return (
              <section key={sheet} aria-label={`Constats ${sheet}`} className={styles.box}>
                <Subtitle2 as="h3">
                  {sheet} <Badge appearance="tint">{inSheet.length}</Badge>
                </Subtitle2>
                {SEVERITIES.map((sev) => {
                  const list = inSheet.filter((f) => f.severity === sev);
                  if (!list.length) return null;
                  return (
                    <div key={sev} className={styles.box}>
                      <Text size={200}>
                        {sev} ({list.length})
                      </Text>
                      {list.map((f, i) =>
                        f.location ? (
                          <Button
                            key={`${f.ruleId}-${i}`}
                            className={styles.finding}
                            appearance="subtle"
                            onClick={() =>
                              f.location && void host.selectCell(f.location.sheet, f.location.address)
                            }
                          >
                            {`${f.location.address} — `}
                            {f.message} [{f.criteria.join(', ')}]
                          </Button>
                        ) : (
                          // No cell to go to: plain text, readable and in the reading order, not a
                          // greyed-out button.
                          <Text key={`${f.ruleId}-${i}`} block className={styles.plain}>
                            {f.message} [{f.criteria.join(', ')}]
                          </Text>
                        ),
                      )}
                    </div>
                  );
                })}
              </section>
            );
          })}
          {report.findings.length === 0 && <Text>Aucun constat.</Text>}
          <Subtitle2 as="h3">À juger par une personne</Subtitle2>
          {report.checklist.map((c) => {
            const t = ticks[c.criterion] ?? { ticked: c.ticked, comment: c.comment };
            return (
              <div key={c.criterion} className={styles.item}>
                <Checkbox
                  label={`${c.criterion} (${c.sheet}) — ${c.text}`}
                  checked={t.ticked}
                  onChange={(_, d) =>
                    setTicks({ ...ticks, [c.criterion]: { ...t, ticked: d.checked === true } })
                  }
                />
                <Input
                  aria-label={`Commentaire ${c.criterion}`}
                  placeholder="Commentaire"
                  value={t.comment}
                  onChange={(_, d) => setTicks({ ...ticks, [c.criterion]: { ...t, comment: d.value } })}
                />
              </div>
            );
          })}
          <div className={styles.row}>
            <Button
              onClick={() =>
                void act(
                  async () => (
                    await host.saveState(current()),
                    'Coches et référentiel enregistrés dans le classeur (feuille masquée Contrôle_État).'
                  ),
                )
              }
            >
              Enregistrer les coches
            </Button>
            <Button
              onClick={() =>
                void act(
                  async () =>
                    `Rapport écrit dans la feuille « ${await host.writeReport(report, current())} ».`,
                )
              }
            >
              Rapport
            </Button>
            {host.canDownload && (
              <Button
                onClick={() =>
                  void act(async () => {
                    save('grille-de-controle.csv', checklistCsv(report.checklist, ticks));
                    return `Grille des ${count(report.checklist.length, 'critère')} exportée dans grille-de-controle.csv (coches et commentaires compris).`;
                  })
                }
              >
                Exporter la grille (CSV)
              </Button>
            )}
          </div>
        </>
      )}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
