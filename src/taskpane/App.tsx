import { frenchSpacing } from '../domain/text/french';
import { useCallback, useEffect, useState } from 'react';
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
import type { Work } from './work';
import { OutsideExcel } from './components/OutsideExcel/OutsideExcel';
import { ScaffoldPanel } from './components/ScaffoldPanel/ScaffoldPanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
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

/** The taskpane. `host` is null outside Excel. */
export function App({ host }: { host: TaskpaneHost | null }): JSX.Element {
  const styles = useStyles();
  const [suffix, setSuffix] = useState<number | null>(null);
  const [tab, setTab] = useState<'creer' | 'controle'>('creer');
  const [introSeen, setIntroSeen] = useState(() => remembered(INTRO_KEY));
  /** What the pane is doing to the workbook: other actions wait, and say why. */
  const [busy, setBusy] = useState<string | null>(null);
  /** Which tables exist (null: not known yet, or the host could not say). */
  const [ready, setReady] = useState<Readiness | null>(null);
  const work = useCallback<Work>(async (what, job) => {
    setBusy(what);
    try {
      return await job();
    } finally {
      setBusy(null);
    }
  }, []);
  /** Why an action cannot work yet: the table it writes to is not in the workbook. */
  const missing = (has: boolean | undefined, what: string): string | null =>
    has === false
      ? `Pas encore de ${what} dans ce classeur : créez d’abord le classeur (section Classeur).`
      : null;
  // Read again when the pane opens, after every action and on a tab switch: the user may have
  // created or deleted sheets by hand in between.
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
  }, [host, suffix, busy, tab]);
  return (
    <FluentProvider theme={webLightTheme}>
      {/* Results of actions (MessageBar) are announced to screen readers. */}
      <AriaLiveAnnouncer>
        <main className={styles.root}>
          <Title3 as="h1">Devis CNC</Title3>
          {!introSeen && (
            <section aria-label="Premiers pas" className={styles.panel}>
              <Text>
                {frenchSpacing(
                  'Crée les feuilles Paramètres, Devis (nomenclature CNC du format : 9 postes pour le cinéma, 10 chapitres pour la série et le documentaire), Récapitulatif, Plan de financement, Trésorerie, Bilan carbone et Facteurs, reliées par des formules ; contrôle un classeur, le vôtre ou un devis fait à la main, selon les critères des certifications.',
                )}
              </Text>
              <div>
                <Button
                  appearance="subtle"
                  onClick={() => {
                    setIntroSeen(true);
                    remember(INTRO_KEY);
                  }}
                >
                  Compris, ne plus afficher
                </Button>
              </div>
            </section>
          )}
          {host ? (
            <>
              {busy && (
                <Text role="status" weight="semibold">
                  {busy}… Les autres actions attendent la fin.
                </Text>
              )}
              <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'creer' | 'controle')}>
                <Tab value="creer" id="onglet-creer" aria-controls="panneau-creer">
                  Créer
                </Tab>
                <Tab value="controle" id="onglet-controle" aria-controls="panneau-controle">
                  Contrôle
                </Tab>
              </TabList>
              {/* Both panels stay mounted: a tab switch keeps a check's results, unsaved ticks and
                comments, and a creation under way. */}
              <div
                role="tabpanel"
                id="panneau-creer"
                aria-labelledby="onglet-creer"
                hidden={tab !== 'creer'}
                // The class sets display: flex, which would override [hidden].
                className={tab === 'creer' ? styles.panel : undefined}
              >
                <ScaffoldPanel host={host} onCreated={setSuffix} busy={busy} work={work} />
                <Divider />
                <AddSourcePanel
                  host={host}
                  suffix={suffix}
                  busy={busy}
                  work={work}
                  missing={missing(ready?.financing, 'plan de financement')}
                />
                <Divider />
                <AddExpensePanel
                  host={host}
                  suffix={suffix}
                  busy={busy}
                  work={work}
                  missing={missing(ready?.expenses, 'feuille Dépenses')}
                />
                <Divider />
                <FollowUpPanel
                  host={host}
                  suffix={suffix}
                  busy={busy}
                  work={work}
                  missing={missing(ready?.followUp, 'Suivi budgétaire')}
                />
                <Divider />
                <CarbonExport
                  host={host}
                  suffix={suffix}
                  busy={busy}
                  work={work}
                  missing={missing(ready?.carbon, 'bilan carbone')}
                />
              </div>
              <div
                role="tabpanel"
                id="panneau-controle"
                aria-labelledby="onglet-controle"
                hidden={tab !== 'controle'}
                className={tab === 'controle' ? styles.panel : undefined}
              >
                <ControlPanel
                  host={host}
                  suffix={suffix}
                  active={tab === 'controle'}
                  busy={busy}
                  work={work}
                  onCreate={() => setTab('creer')}
                />
                <Divider />
                <ComparePanel host={host} active={tab === 'controle'} busy={busy} work={work} />
              </div>
            </>
          ) : (
            <OutsideExcel />
          )}
        </main>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
