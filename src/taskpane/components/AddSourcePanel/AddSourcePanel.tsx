import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { financingCategories, SOURCE_STATUSES } from '../../../domain/financing/categories';
import type { SourceStatus } from '../../../domain/financing/types';
import { formatEuros, parseAmount } from '../../../domain/money';
import type { TaskpaneHost } from '../../host';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // Long category labels must not widen the pane: the select shrinks and ellipsises.
  fill: { width: '100%', minWidth: 0 },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/** "Ajouter une source": one row appended to the plan de financement, picked up by the summary and the Trésorerie. */
export function AddSourcePanel({ host, suffix }: { host: TaskpaneHost; suffix: number | null }): JSX.Element {
  const styles = useStyles();
  const categories = financingCategories();
  const [label, setLabel] = useState('');
  const [category, setCategory] = useState(categories[0]?.label ?? '');
  const [status, setStatus] = useState<SourceStatus>('Envisagé');
  const [amountText, setAmountText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const parsed = amountText.trim() === '' ? null : parseAmount(amountText);
  const amountError =
    parsed && !parsed.ok ? 'Montant : un nombre est attendu, par exemple 150 000 €.' : undefined;

  const submit = async (): Promise<void> => {
    if (!parsed || !parsed.ok || parsed.value.lte(0)) {
      setState({ kind: 'error', message: 'Indiquez un montant positif, par exemple 150 000 €.' });
      return;
    }
    setState({ kind: 'working' });
    try {
      const { sheet, row } = await host.addSource({ label, category, status, amount: parsed.value }, suffix);
      setState({
        kind: 'done',
        message: `« ${label.trim()} » (${formatEuros(parsed.value)}) ajoutée à la ligne ${row} de la feuille ${sheet}.`,
      });
      setLabel('');
      setAmountText('');
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-label="Ajouter une source" className={styles.form}>
      <Subtitle2 as="h2">Ajouter une source de financement</Subtitle2>
      <Field label="Source">
        <Input value={label} onChange={(_, d) => setLabel(d.value)} />
      </Field>
      <Field label="Catégorie">
        <Select
          className={styles.fill}
          select={{ className: styles.fillSelect }}
          value={category}
          onChange={(_, d) => setCategory(d.value)}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.label}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Statut">
        <Select value={status} onChange={(_, d) => setStatus(d.value as SourceStatus)}>
          {SOURCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Montant" validationMessage={amountError} validationState={amountError ? 'error' : 'none'}>
        <Input value={amountText} onChange={(_, d) => setAmountText(d.value)} placeholder="150 000 €" />
      </Field>
      <div>
        <Button
          appearance="secondary"
          disabled={state.kind === 'working' || label.trim() === ''}
          onClick={() => void submit()}
        >
          Ajouter la source
        </Button>
      </div>
      {state.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Source ajoutée</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Source non ajoutée</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
