import { FluentProvider, Text, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
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
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Title3 as="h1">Devis CNC</Title3>
        <Text>Crée les feuilles Paramètres, Devis (nomenclature CNC, 9 postes) et Récapitulatif, reliées par des formules.</Text>
        {host ? <ScaffoldPanel host={host} /> : <OutsideExcel />}
      </main>
    </FluentProvider>
  );
}
