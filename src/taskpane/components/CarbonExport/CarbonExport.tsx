import { frenchSpacing } from '../../../domain/text/french';
import { useRef, useState } from 'react';
import { agree, count } from '../../../domain/text/french';
import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import { downloadText } from '../../download';

export { downloadText };
import { ActionResult, type ActionState } from '../ActionResult/ActionResult';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

type State = ActionState;

/** "Exporter le bilan carbone (CSV)": the lines of the Bilan carbone sheet, for re-entry in Carbon'Clap. */
export function CarbonExport({
  host,
  suffix,
  save = downloadText,
  busy = null,
  work = runDirectly,
  missing = null,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  save?: (name: string, text: string) => void;
  /** What another action of the pane is doing, if anything: the export waits for it. */
  busy?: string | null;
  work?: Work;
  /** Why the export cannot work yet (no Bilan carbone), shown beside it; null: it can. */
  missing?: string | null;
}): JSX.Element {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  /** The sheet the export was written to, for « Ouvrir la feuille ». */
  const [sheetOut, setSheetOut] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const run = async (to: 'fichier' | 'feuille'): Promise<void> => {
    setState({ kind: 'working' });
    try {
      if (to === 'feuille') {
        const { sheet, rows } = await work('Export du bilan carbone', () => host.exportCarbonSheet(suffix));
        setSheetOut(sheet);
        setState({
          kind: 'done',
          message: `${count(rows, 'poste')} ${agree(rows, 'écrit')} dans la feuille « ${sheet} » : copiez-les dans le calculateur.`,
        });
        return;
      }
      const { csv, rows } = await work('Export du bilan carbone', () => host.exportCarbonCsv(suffix));
      // An empty bilan is not a success: no file with headers only.
      if (rows === 0)
        throw new Error(
          'Aucun poste dans le bilan carbone (aucune ligne avec une clé de facteur) : rien à exporter.',
        );
      save('bilan-carbone.csv', csv);
      setSheetOut(null);
      setState({
        kind: 'done',
        message: `${count(rows, 'poste')} ${agree(rows, 'exporté')} dans bilan-carbone.csv.`,
      });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const working = state.kind === 'working' || busy !== null || missing !== null;
  return (
    <section aria-label="Exporter le bilan carbone" className={styles.box}>
      <Subtitle2 as="h2">Bilan carbone</Subtitle2>
      <Text>
        {frenchSpacing(
          'Le bilan déposé au CNC se fait dans un calculateur homologué (Carbon’Clap, SeCO2, Carbon Stage) : exportez les postes pour les ressaisir.',
        )}
      </Text>
      {!host.canDownload && (
        <Text size={200}>
          {frenchSpacing(
            'Excel pour Mac ne télécharge pas de fichier depuis un volet : l’export s’écrit dans une feuille.',
          )}
        </Text>
      )}
      <div className={styles.row}>
        {host.canDownload && (
          <Button
            disabled={working}
            aria-describedby={missing ? 'carbone-indisponible' : undefined}
            onClick={() => void run('fichier')}
          >
            Exporter le bilan carbone (CSV)
          </Button>
        )}
        <Button
          ref={trigger}
          disabled={working}
          aria-describedby={missing ? 'carbone-indisponible' : undefined}
          onClick={() => void run('feuille')}
        >
          Écrire l’export dans une feuille
        </Button>
      </div>
      {missing && (
        <Text id="carbone-indisponible" size={200}>
          {frenchSpacing(missing)}
        </Text>
      )}
      <ActionResult
        state={state}
        done="Export prêt"
        failed="Export impossible"
        trigger={trigger}
        next={
          sheetOut ? (
            <Button onClick={() => void host.selectCell(sheetOut, 'A1')}>Ouvrir la feuille</Button>
          ) : undefined
        }
      />
    </section>
  );
}
