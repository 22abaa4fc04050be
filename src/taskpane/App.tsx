import { frenchSpacing } from '../domain/text/french';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  AriaLiveAnnouncer,
  Button,
  Divider,
  FluentProvider,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { ComparePanel } from './components/ComparePanel/ComparePanel';
import { ControlPanel } from './components/ControlPanel/ControlPanel';
import { AddSourcePanel } from './components/AddSourcePanel/AddSourcePanel';
import { AddExpensePanel } from './components/AddExpensePanel/AddExpensePanel';
import { FollowUpPanel } from './components/FollowUpPanel/FollowUpPanel';
import { CarbonExport } from './components/CarbonExport/CarbonExport';
import type { Readiness, TaskpaneHost } from './host';
import { TASKS, type Task } from './tasks';
import type { Work } from './work';
import { OutsideExcel } from './components/OutsideExcel/OutsideExcel';
import { ScaffoldPanel } from './components/ScaffoldPanel/ScaffoldPanel';
import { WorkingSet } from './components/WorkingSet/WorkingSet';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    // At 200 % zoom (160 px of CSS width) the pane keeps its content inside: long words break,
    // and fields narrow to the pane instead of keeping Fluent's minimum width.
    overflowWrap: 'anywhere',
    '& .fui-Input, & .fui-Select, & .fui-Select__select, & .fui-Textarea, & .fui-Combobox': {
      minWidth: 0,
      maxWidth: '100%',
    },
  },
  title: { margin: 0, outlineStyle: 'none' },
  help: {
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase300,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  // Four tasks in a narrow pane: the tabs wrap to a second line rather than scroll sideways.
  tabs: { flexWrap: 'wrap' },
});

/** Where the pane remembers that its first-run text was read (the browser's storage of the pane). */
const INTRO_KEY = 'devis-cnc.intro-lue';

function remembered(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === 'oui';
  } catch {
    return false; // storage refused (private mode): the text shows again, nothing breaks
  }
}

function remember(key: string): void {
  try {
    window.localStorage.setItem(key, 'oui');
  } catch {
    // storage refused: nothing to keep
  }
}

/** The two forms of the Saisir view. */
type Entry = 'source' | 'piece';

/** The help page, beside the pane on the same origin. */
const HELP_URL = 'aide.html';

/**
 * The working set: the suffix of the sheets the pane reads and writes (null: plain names), as the
 * workbook remembers it (sheets created beside or converted), and how to take a new one.
 */
function useWorkingSet(host: TaskpaneHost | null): [number | null, (next: number | null) => void] {
  const [suffix, setSuffix] = useState<number | null>(null);
  // Read once, when the pane opens.
  useEffect(() => {
    if (!host) return;
    let live = true;
    host
      .readState()
      .then((s) => live && setSuffix((now) => now ?? s.suffix ?? null))
      .catch(() => undefined); // no state yet: the plain names
    return () => {
      live = false;
    };
  }, [host]);
  /** Takes a new working set and keeps it in the workbook, with the verdicts already saved there. */
  const takeSet = useCallback(
    (next: number | null): void => {
      setSuffix(next);
      if (!host) return;
      void host
        .readState()
        .then((s) => ((s.suffix ?? null) === next ? undefined : host.saveState({ ...s, suffix: next })))
        .catch(() => undefined); // the pane still works on the set; the next reload falls back
    },
    [host],
  );
  return [suffix, takeSet];
}

/**
 * Which tables exist (null: not known yet, or the host could not say). Read again when the pane
 * opens, after every action and on a task switch: the user may have created or deleted sheets by
 * hand in between.
 */
function useReadiness(
  host: TaskpaneHost | null,
  suffix: number | null,
  busy: string | null,
  task: Task,
): Readiness | null {
  const [ready, setReady] = useState<Readiness | null>(null);
  useEffect(() => {
    if (!host || busy !== null) return;
    let live = true;
    host
      .readiness(suffix)
      .then((r) => live && setReady(r))
      .catch(() => live && setReady(null));
    return () => {
      live = false;
    };
  }, [host, suffix, busy, task]);
  return ready;
}

/** The first-run text: what each task is for, until it is dismissed. */
function FirstRun({ onDone }: { onDone: () => void }): JSX.Element {
  const styles = useStyles();
  return (
    <section aria-label="Premiers pas" className={styles.panel}>
      <Text>
        {frenchSpacing(
          'Créer : les feuilles d’une production (devis dans la nomenclature CNC du format, plan de financement, trésorerie, bilan carbone, suivi des dépenses…), reliées par des formules. Saisir : sources et pièces de dépense. Suivre : le coût estimé final et le bilan carbone. Contrôler : votre classeur ou un devis fait à la main, selon les critères des certifications.',
        )}
      </Text>
      <div>
        <Button appearance="subtle" onClick={onDone}>
          Compris, ne plus afficher
        </Button>
      </div>
    </section>
  );
}

/**
 * The Saisir view's two forms, one at a time: entering pieces never means scrolling past the
 * source form. Both stay mounted, so a form half filled is kept.
 */
function EntryView({
  entry,
  onSelect,
  source,
  piece,
}: {
  entry: Entry;
  onSelect: (e: Entry) => void;
  source: ReactNode;
  piece: ReactNode;
}): JSX.Element {
  const styles = useStyles();
  const panel = (value: Entry) => ({
    role: 'tabpanel',
    id: `saisie-${value}`,
    'aria-labelledby': `saisir-${value}`,
    hidden: entry !== value,
  });
  return (
    <>
      <TabList
        className={styles.tabs}
        size="small"
        appearance="subtle"
        selectedValue={entry}
        onTabSelect={(_, d) => onSelect(d.value as Entry)}
        aria-label="Que saisir"
      >
        <Tab value="source" id="saisir-source" aria-controls="saisie-source">
          Sources
        </Tab>
        <Tab value="piece" id="saisir-piece" aria-controls="saisie-piece">
          Dépenses
        </Tab>
      </TabList>
      <div {...panel('source')}>{source}</div>
      <div {...panel('piece')}>{piece}</div>
    </>
  );
}

/** The four tasks, in tabs that wrap rather than scroll sideways in a narrow pane. */
function TaskTabs({ task, onSelect }: { task: Task; onSelect: (t: Task) => void }): JSX.Element {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={task}
      onTabSelect={(_, d) => onSelect(d.value as Task)}
      aria-label="Tâches"
    >
      {TASKS.map((t) => (
        <Tab key={t.value} value={t.value} id={`onglet-${t.value}`} aria-controls={`panneau-${t.value}`}>
          {t.label}
        </Tab>
      ))}
    </TabList>
  );
}

/** Why an action cannot work yet: the table it writes to is not in the workbook. */
function missing(has: boolean | undefined, what: string): string | null {
  return has === false
    ? `Pas encore de ${what} dans ce classeur : créez d’abord le classeur (onglet Créer).`
    : null;
}

/** A task's panel: shown when its tab is selected, hidden otherwise. */
function panelProps(task: Task, value: Task, className: string) {
  return {
    role: 'tabpanel',
    id: `panneau-${value}`,
    'aria-labelledby': `onglet-${value}`,
    hidden: task !== value,
    // The class sets display: flex, which would override [hidden].
    className: task === value ? className : undefined,
  };
}

/**
 * The four tasks and their views over the working set. Every view stays mounted: a switch keeps a
 * check's results, unsaved verdicts and comments, a form half filled and a creation under way.
 */
function TaskViews({
  host,
  suffix,
  takeSet,
  busy,
  work,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  takeSet: (next: number | null) => void;
  busy: string | null;
  work: Work;
}): JSX.Element {
  const styles = useStyles();
  const [task, setTask] = useState<Task>('creer');
  /** What the Saisir view shows: the source form or the expense form. */
  const [entry, setEntry] = useState<Entry>('source');
  /** Each « Contrôler maintenant » asks the Contrôler view for a check. */
  const [checkRequest, setCheckRequest] = useState(0);
  const ready = useReadiness(host, suffix, busy, task);
  /** What every view of the working set takes: the set, and the pane's one job at a time. */
  const common = { suffix, busy, work };
  const panel = (value: Task) => panelProps(task, value, styles.panel);
  return (
    <>
      <TaskTabs task={task} onSelect={setTask} />
      <div {...panel('creer')}>
        <ScaffoldPanel
          host={host}
          onCreated={takeSet}
          busy={busy}
          work={work}
          onNext={(next) => {
            if (next === 'controler') setCheckRequest((n) => n + 1);
            if (next === 'saisir') setEntry('source');
            setTask(next);
          }}
        />
      </div>
      <div {...panel('saisir')}>
        <EntryView
          entry={entry}
          onSelect={setEntry}
          source={
            <AddSourcePanel
              host={host}
              {...common}
              missing={missing(ready?.financing, 'plan de financement')}
            />
          }
          piece={
            <AddExpensePanel host={host} {...common} missing={missing(ready?.expenses, 'feuille Dépenses')} />
          }
        />
      </div>
      <div {...panel('suivre')}>
        <FollowUpPanel host={host} {...common} missing={missing(ready?.followUp, 'Suivi budgétaire')} />
        <Divider />
        <CarbonExport host={host} {...common} missing={missing(ready?.carbon, 'bilan carbone')} />
      </div>
      <div {...panel('controler')}>
        <ControlPanel
          host={host}
          {...common}
          active={task === 'controler'}
          onCreate={() => setTask('creer')}
          onConverted={takeSet}
          checkRequest={checkRequest}
        />
        <Divider />
        <ComparePanel host={host} {...common} active={task === 'controler'} />
      </div>
    </>
  );
}

export function App({ host }: { host: TaskpaneHost | null }): JSX.Element {
  const styles = useStyles();
  const [introSeen, setIntroSeen] = useState(() => remembered(INTRO_KEY));
  /** What the pane is doing to the workbook: other actions wait, and say why. */
  const [busy, setBusy] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const [suffix, takeSet] = useWorkingSet(host);
  const work = useCallback<Work>(async (what, job) => {
    setBusy(what);
    try {
      return await job();
    } finally {
      setBusy(null);
    }
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      {/* Results of actions (MessageBar) are announced to screen readers. */}
      <AriaLiveAnnouncer>
        <main className={styles.root}>
          <div className={styles.head}>
            <h1 ref={title} tabIndex={-1} className={styles.title}>
              <Title3>Devis CNC</Title3>
            </h1>
            {/* A plain link in Fluent's colours: Fluent's Link would weigh on the first load. */}
            <a className={styles.help} href={HELP_URL} target="_blank" rel="noopener">
              Aide
            </a>
          </div>
          {!introSeen && (
            <FirstRun
              onDone={() => {
                setIntroSeen(true);
                remember(INTRO_KEY);
                // The text goes away: the focus goes to the top of the pane, not to the page.
                title.current?.focus();
              }}
            />
          )}
          {host ? (
            <>
              <WorkingSet suffix={suffix} />
              {busy && (
                <Text role="status" weight="semibold">
                  {busy}… Les autres actions attendent la fin.
                </Text>
              )}
              <TaskViews host={host} suffix={suffix} takeSet={takeSet} busy={busy} work={work} />
            </>
          ) : (
            <OutsideExcel />
          )}
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
