import { useEffect, useRef, useState } from 'react';
import { makeNaming } from '../../../sheets/model/naming';
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
  result: { outlineStyle: 'none' },
});

type State = { kind: 'idle' } | { kind: 'done'; lines: string[] } | { kind: 'refused'; message: string };

/** A sheet of the workbook to compare, in a labelled drop-down. */
function SheetPick({
  label,
  sheets,
  value,
  onChange,
}: {
  label: string;
  sheets: string[];
  value: string;
  onChange: (sheet: string) => void;
}): JSX.Element {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.pick}>
      <Select
        className={styles.fill}
        select={{ className: styles.fillSelect }}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      >
        {sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The workbook's sheets, listed when the tab is shown, and the two chosen: by default the Devis as
 * the later version and the first other sheet as the earlier one.
 */
function useVersions(host: TaskpaneHost, active: boolean, suffix: number | null) {
  const [sheets, setSheets] = useState<string[]>([]);
  const [before, setBefore] = useState('');
  const [after, setAfter] = useState('');
  useEffect(() => {
    if (!active) return;
    void host.sheets().then((names) => {
      setSheets(names);
      const own = makeNaming(suffix).sheet('devis');
      const devis = names.find((n) => n === own) ?? names[0] ?? '';
      setAfter((a) => (a && names.includes(a) ? a : devis));
      setBefore((b) => (b && names.includes(b) ? b : (names.find((n) => n !== devis) ?? '')));
    });
  }, [active, host, suffix]);
  return { sheets, before, setBefore, after, setAfter };
}

/** The comparison's French lines, or why there is none. */
function Result({ state }: { state: State }): JSX.Element {
  const styles = useStyles();
  // The comparison takes the focus: read by a screen reader, and Tab goes on from it.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind !== 'idle') box.current?.focus();
  }, [state]);
  return (
    <div role="status" ref={box} tabIndex={-1} className={styles.result}>
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
  );
}

/**
 * « Comparer avec… »: two sheets of the workbook holding a devis (the Devis and a copy kept as V1,
 * a devis built by hand beside ours), compared line by line — lines added, removed and changed,
 * chapters and total. Reads only.
 */
export function ComparePanel({
  host,
  active,
  suffix = null,
  busy = null,
  work = runDirectly,
}: {
  host: TaskpaneHost;
  /** The tab is shown: the sheets are listed when it is. */
  active: boolean;
  /** The working set: its Devis is the version compared by default. */
  suffix?: number | null;
  busy?: string | null;
  work?: Work;
}): JSX.Element {
  const styles = useStyles();
  const { sheets, before, setBefore, after, setAfter } = useVersions(host, active, suffix);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const compare = async (): Promise<void> => {
    try {
      const r = await work('Comparaison des devis', () => host.compareSheets(before, after));
      setState('refused' in r ? { kind: 'refused', message: r.refused } : { kind: 'done', lines: r.lines });
    } catch (e) {
      setState({ kind: 'refused', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section aria-label="Comparer deux versions du devis" className={styles.box}>
      <Subtitle2 as="h2">Comparer deux versions du devis</Subtitle2>
      <Text>
        Deux feuilles de ce classeur (le Devis et une copie gardée comme V1, un devis fait main) : les lignes
        ajoutées, supprimées et modifiées, les chapitres et le total. Rien n’est écrit.
      </Text>
      <div className={styles.row}>
        <SheetPick label="Version précédente" sheets={sheets} value={before} onChange={setBefore} />
        <SheetPick label="Version à comparer" sheets={sheets} value={after} onChange={setAfter} />
      </div>
      <div className={styles.row}>
        <Button disabled={busy !== null || sheets.length < 2} onClick={() => void compare()}>
          Comparer
        </Button>
      </div>
      <Result state={state} />
    </section>
  );
}
