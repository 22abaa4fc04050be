import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  FORMATS,
  defaultNomenclature,
  formatLabel,
  type ProductionFormat,
} from '../../../domain/facts/facts';
import {
  getNomenclature,
  listNomenclatures,
  scaffoldProblem,
} from '../../../domain/nomenclature/nomenclature';
import type { NomenclatureId } from '../../../domain/nomenclature/types';
import { formatEuros } from '../../../domain/money';
import type { ScaffoldOutcome, ScaffoldProgress } from '../../../workbook/scaffold';
import { scaffoldRefusal } from '../../../workbook/refusal';
import type { TaskpaneHost } from '../../host';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

const STEP_LABELS: Record<ScaffoldProgress, string> = {
  inventaire: 'Lecture des feuilles existantes…',
  calcul: 'Calcul du devis…',
  écriture: 'Écriture des feuilles…',
  terminé: 'Terminé',
};

type State =
  | { kind: 'idle' }
  | { kind: 'working'; step: ScaffoldProgress }
  | { kind: 'done'; outcome: Extract<ScaffoldOutcome, { status: 'done' }> }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

export function ScaffoldPanel({
  host,
  onCreated,
}: {
  host: TaskpaneHost;
  onCreated?: (suffix: number | null) => void;
}): JSX.Element {
  const styles = useStyles();
  const [format, setFormat] = useState<ProductionFormat>('long-metrage');
  /** null: the format's own grid. */
  const [nomenclature, setNomenclature] = useState<NomenclatureId | null>(null);
  const [example, setExample] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const grid = nomenclature ?? defaultNomenclature(format);
  const exampleRefusal = scaffoldRefusal({ format, nomenclature: grid, example: true });
  const canExample = exampleRefusal === null;
  const gridRefusal = scaffoldProblem(getNomenclature(grid));

  const run = async (onConflict: 'refuse' | 'beside'): Promise<void> => {
    setState({ kind: 'working', step: 'inventaire' });
    try {
      const outcome = await host.scaffold(
        { format, nomenclature: grid, example: example && canExample, onConflict },
        (step) => setState({ kind: 'working', step }),
      );
      setState(
        outcome.status === 'done'
          ? { kind: 'done', outcome }
          : outcome.status === 'conflict'
            ? { kind: 'conflict', message: outcome.message }
            : { kind: 'error', message: outcome.message },
      );
      if (outcome.status === 'done') onCreated?.(outcome.suffix);
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const working = state.kind === 'working';
  return (
    <section aria-label="Créer le classeur" className={styles.form}>
      <Subtitle2 as="h2">Classeur</Subtitle2>
      <Field label="Format de la production">
        <Select
          value={format}
          disabled={working}
          onChange={(_, d) => {
            setFormat(d.value as ProductionFormat);
            setNomenclature(null);
          }}
        >
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {formatLabel(f)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Nomenclature du devis"
        validationState={gridRefusal ? 'error' : 'none'}
        validationMessage={
          gridRefusal ??
          (nomenclature === null ? `Grille du format : ${getNomenclature(grid).title}` : undefined)
        }
      >
        <Select
          value={grid}
          disabled={working}
          onChange={(_, d) => setNomenclature(d.value as NomenclatureId)}
        >
          {listNomenclatures().map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label={
          canExample
            ? `Remplir avec l'exemple (${formatLabel(format).toLowerCase()})`
            : `Remplir avec l'exemple (${gridRefusal ? 'indisponible dans cette nomenclature' : (exampleRefusal ?? '')})`
        }
        checked={example && canExample}
        disabled={!canExample || working}
        onChange={(_, d) => setExample(d.checked === true)}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={working || gridRefusal !== null}
          onClick={() => void run('refuse')}
        >
          Créer le classeur
        </Button>
      </div>
      {state.kind === 'working' && (
        <Field validationMessage={STEP_LABELS[state.step]} validationState="none">
          <ProgressBar aria-label="Progression" />
        </Field>
      )}
      {state.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Classeur créé</MessageBarTitle>
            Feuilles : {state.outcome.sheets.join(', ')}. Total général :{' '}
            {formatEuros(state.outcome.result.total.amount)}.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'done' && state.outcome.skipped.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Présentation incomplète</MessageBarTitle>
            {state.outcome.skipped.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'conflict' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Feuilles existantes</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void run('beside')}>Créer à côté</Button>
            <Button onClick={() => setState({ kind: 'idle' })}>Annuler</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Erreur</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
