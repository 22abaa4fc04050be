import { useEffect, useState } from 'react';
import { Button, Field, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  pick: { flexGrow: 1, flexBasis: '8rem', minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  lines: { margin: 0, paddingLeft: 0, listStyleType: 'none' },
  line: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
});

type State = { kind: 'idle' } | { kind: 'done'; lines: string[] } | { kind: 'refused'; message: string };

/**
 * « Comparer avec… »: two sheets of the workbook holding a devis (the Devis and a copy kept as V1,
 * a devis built by hand beside ours), compared line by line — lines added, removed and changed,
 * chapters and total. Reads only.
 */
export function ComparePanel({
  host,
  active,
  busy = null,
  work = runDirectly,
}: {
  host: TaskpaneHost;
  /** The tab is shown: the sheets are listed when it is. */
  active: boolean;
  busy?: string | null;
  work?: Work;
}): JSX.Element {
  const styles = useStyles();
  const [sheets, setSheets] = useState<string[]>([]);
  const [before, setBefore] = useState('');
  const [after, setAfter] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => {
    if (!active) return;
    void host.sheets().then((names) => {
      setSheets(names);
      // By default: the Devis as the later version, the sheet before it as the earlier one.
      const devis = names.find((n) => n === 'Devis') ?? names[0] ?? '';
      setAfter((a) => (a && names.includes(a) ? a : devis));
      setBefore((b) => (b && names.includes(b) ? b : (names.find((n) => n !== devis) ?? '')));
    });
  }, [active, host]);
  const compare = async (): Promise<void> => {
    try {
      const r = await work('Comparaison des devis', () => host.compareSheets(before, after));
      setState('refused' in r ? { kind: 'refused', message: r.refused } : { kind: 'done', lines: r.lines });
    } catch (e) {
      setState({ kind: 'refused', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const pick = (label: string, value: string, set: (v: string) => void): JSX.Element => (
    <Field label={label} className={styles.pick}>
      <Select
        className={styles.fill}
        select={{ className: styles.fillSelect }}
        value={value}
        onChange={(_, d) => set(d.value)}
      >
        {sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <section aria-label="Comparer deux versions du devis" className={styles.box}>
      <Subtitle2 as="h2">Comparer deux versions du devis</Subtitle2>
      <Text>
        Deux feuilles de ce classeur (le Devis et une copie gardée comme V1, un devis fait main) : les lignes
        ajoutées, supprimées et modifiées, les chapitres et le total. Rien n’est écrit.
      </Text>
      <div className={styles.row}>
        {pick('Version précédente', before, setBefore)}
        {pick('Version à comparer', after, setAfter)}
      </div>
      <div className={styles.row}>
        <Button disabled={busy !== null || sheets.length < 2} onClick={() => void compare()}>
          Comparer
        </Button>
      </div>
      <div role="status">
        {state.kind === 'refused' && <Text>{state.message}</Text>}
        {state.kind === 'done' && (
          <ul className={styles.lines} aria-label="Différences entre les deux devis">
            {state.lines
              .filter((l) => l.trim() !== '')
              .map((l, k) => (
                <li key={k} className={styles.line}>
                  <Text size={200}>{l.trim()}</Text>
                </li>
              ))}
          </ul>
        )}
      </div>
    </section>
  );
}
