import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { TaskpaneHost } from '../../host';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** Saves text as a file in the browser (Excel's taskpane is a browser). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

type State = { kind: 'idle' } | { kind: 'done'; rows: number } | { kind: 'error'; message: string };

/** "Exporter le bilan carbone (CSV)": the lines of the Bilan carbone sheet, for re-entry in Carbon'Clap. */
export function CarbonExport({
  host,
  suffix,
  save = downloadText,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  save?: (name: string, text: string) => void;
}): JSX.Element {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = async (): Promise<void> => {
    try {
      const { csv, rows } = await host.exportCarbonCsv(suffix);
      save('bilan-carbone.csv', csv);
      setState({ kind: 'done', rows });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section aria-label="Exporter le bilan carbone" className={styles.box}>
      <Subtitle2 as="h2">Bilan carbone</Subtitle2>
      <Text>
        Le bilan déposé au CNC se fait dans un calculateur homologué (Carbon&apos;Clap, SeCO2, Carbon Stage) :
        exportez les postes pour les ressaisir.
      </Text>
      <div>
        <Button onClick={() => void run()}>Exporter le bilan carbone (CSV)</Button>
      </div>
      {state.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Export prêt</MessageBarTitle>
            {state.rows} poste(s) exporté(s) dans bilan-carbone.csv.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Export impossible</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
