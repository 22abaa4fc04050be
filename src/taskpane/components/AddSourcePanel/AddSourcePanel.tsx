import { frenchSpacing } from '../../../domain/text/french';
import { useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { financingCategories, SOURCE_STATUSES } from '../../../domain/financing/categories';
import type { SourceStatus } from '../../../domain/financing/types';
import { formatEuros, readAmountField } from '../../../domain/money';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import { ActionResult, EntryNext, type ActionState } from '../ActionResult/ActionResult';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  // Long category labels must not widen the pane: the select shrinks and ellipsises.
  fill: { width: '100%', minWidth: 0 },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

type State = ActionState;

/** "Ajouter une source": one row appended to the plan de financement, picked up by the summary and the Trésorerie. */
export function AddSourcePanel({
  host,
  suffix,
  busy = null,
  work = runDirectly,
  missing = null,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  /** What another action of the pane is doing, if anything: adding waits for it. */
  busy?: string | null;
  work?: Work;
  /** Why the action cannot work yet (no plan de financement), shown beside it; null: it can. */
  missing?: string | null;
}): JSX.Element {
  const styles = useStyles();
  const categories = financingCategories();
  const [label, setLabel] = useState('');
  const [category, setCategory] = useState(categories[0]?.label ?? '');
  const [status, setStatus] = useState<SourceStatus>('Envisagé');
  const [amountText, setAmountText] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  /** Where the last source was written, for « Voir la ligne ». */
  const [written, setWritten] = useState<{ sheet: string; row: number } | null>(null);
  /** Refusals show once the field was left or the form sent, not at the first keystroke. */
  const [checked, setChecked] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const amount = useRef<HTMLInputElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const parsed = readAmountField(amountText);
  const amountError = checked && !parsed.ok ? parsed.message : undefined;
  const labelError =
    checked && label.trim() === ''
      ? 'Nommez la source (par exemple « Région — aide à la production »).'
      : undefined;

  const submit = async (): Promise<void> => {
    setChecked(true);
    if (label.trim() === '') {
      first.current?.focus();
      return;
    }
    if (!parsed.ok) {
      amount.current?.focus();
      return;
    }
    setState({ kind: 'working' });
    try {
      const { sheet, row } = await work('Ajout de la source', () =>
        host.addSource({ label, category, status, amount: parsed.value }, suffix),
      );
      setState({
        kind: 'done',
        message: `« ${label.trim()} » (${formatEuros(parsed.value)}) ajoutée à la ligne ${row} de la feuille ${sheet}.`,
      });
      setWritten({ sheet, row });
      setLabel('');
      setAmountText('');
      setChecked(false);
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-label="Ajouter une source">
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (state.kind !== 'working' && busy === null && missing === null) void submit();
        }}
      >
        <Subtitle2 as="h2">{frenchSpacing('Financement : ajouter une source')}</Subtitle2>
        <Field label="Source" validationMessage={labelError} validationState={labelError ? 'error' : 'none'}>
          <Input ref={first} value={label} onChange={(_, d) => setLabel(d.value)} />
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
        <Field
          label="Montant"
          validationMessage={amountError}
          validationState={amountError ? 'error' : 'none'}
          hint={parsed.ok ? parsed.reads : 'En euros, par exemple 150 000 €'}
        >
          <Input
            ref={amount}
            value={amountText}
            inputMode="decimal"
            onChange={(_, d) => setAmountText(d.value)}
            // What the field holds when it is left (not when the form was last drawn): after a
            // source is added the emptied field is not a refusal.
            onBlur={(e) => e.currentTarget.value.trim() !== '' && setChecked(true)}
          />
        </Field>
        <div>
          <Button
            ref={trigger}
            appearance="secondary"
            type="submit"
            disabled={state.kind === 'working' || busy !== null}
            // Reachable with Tab while the plan is missing, so the reason is heard with it.
            disabledFocusable={missing !== null}
            aria-describedby={missing ? 'source-indisponible' : undefined}
          >
            Ajouter la source
          </Button>
        </div>
        {missing && (
          <Text id="source-indisponible" size={200}>
            {frenchSpacing(missing)}
          </Text>
        )}
        <ActionResult
          state={state}
          done="Source ajoutée"
          failed="Source non ajoutée"
          trigger={trigger}
          next={
            <EntryNext
              host={host}
              written={written}
              see="Voir la ligne"
              again="Saisir une autre source"
              first={first}
            />
          }
        />
      </form>
    </section>
  );
}
