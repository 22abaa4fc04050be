import { useState } from 'react';
import {
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
import { ControlPanel } from './components/ControlPanel/ControlPanel';
import { AddSourcePanel } from './components/AddSourcePanel/AddSourcePanel';
import { CarbonExport } from './components/CarbonExport/CarbonExport';
import type { TaskpaneHost } from './host';
import { OutsideExcel } from './components/OutsideExcel/OutsideExcel';
import { ScaffoldPanel } from './components/ScaffoldPanel/ScaffoldPanel';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
});

/** The taskpane. `host` is null outside Excel. */
export function App({ host }: { host: TaskpaneHost | null }): JSX.Element {
  const styles = useStyles();
  const [suffix, setSuffix] = useState<number | null>(null);
  const [tab, setTab] = useState<'creer' | 'controle'>('creer');
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">Devis CNC</Title3>
        <Text>
          Crée les feuilles Paramètres, Devis (nomenclature CNC du format : 9 postes pour le cinéma, 10
          chapitres pour la série et le documentaire), Récapitulatif, Plan de financement, Trésorerie, Bilan
          carbone et Facteurs, reliées par des formules.
        </Text>
        {host ? (
          <>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as 'creer' | 'controle')}>
              <Tab value="creer">Créer</Tab>
              <Tab value="controle">Contrôle</Tab>
            </TabList>
            {tab === 'creer' ? (
              <>
                <ScaffoldPanel host={host} onCreated={setSuffix} />
                <Divider />
                <AddSourcePanel host={host} suffix={suffix} />
                <Divider />
                <CarbonExport host={host} suffix={suffix} />
              </>
            ) : (
              <ControlPanel host={host} suffix={suffix} />
            )}
          </>
        ) : (
          <OutsideExcel />
        )}
      </main>
    </FluentProvider>
  );
}
