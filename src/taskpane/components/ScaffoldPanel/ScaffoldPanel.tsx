import { frenchSpacing } from '../../../domain/text/french';
import { useEffect, useRef, useState, type RefObject } from 'react';
import {
  Button,
  Caption1,
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
import type { ScaffoldOutcome, ScaffoldProgress, ScaffoldRequest } from '../../../workbook/scaffold';
import { scaffoldRefusal } from '../../../workbook/refusal';
import { BASE_SHEETS, makeNaming, type SheetKey } from '../../../sheets/model/naming';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import type { Task } from '../../tasks';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, outlineStyle: 'none' },
  sheets: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(11em, 1fr))',
    marginLeft: 0,
    marginRight: 0,
    paddingTop: 0,
    paddingBottom: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderTopStyle: 'none',
    borderRightStyle: 'none',
    borderBottomStyle: 'none',
    borderLeftStyle: 'none',
  },
  hint: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground3 },
});

const SHEET_KEYS = Object.keys(BASE_SHEETS) as SheetKey[];

/**
 * Whether to choose the sheets (null: every sheet) and, when so, one box per sheet, all ticked
 * until the person takes some out.
 */
function SheetChoice({
  chosen,
  disabled,
  onChange,
}: {
  chosen: ReadonlySet<SheetKey> | null;
  disabled: boolean;
  onChange: (next: Set<SheetKey> | null) => void;
}): JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Checkbox
        label="Choisir les feuilles à créer"
        checked={chosen !== null}
        disabled={disabled}
        onChange={(_, d) => onChange(d.checked === true ? new Set(SHEET_KEYS) : null)}
      />
      {chosen && (
        <fieldset className={styles.sheets} aria-describedby="feuilles-aide">
          <legend>Feuilles à créer</legend>
          {SHEET_KEYS.map((k) => (
            <Checkbox
              key={k}
              label={BASE_SHEETS[k]}
              checked={chosen.has(k)}
              disabled={disabled}
              onChange={(_, d) => {
                const next = new Set(chosen);
                if (d.checked === true) next.add(k);
                else next.delete(k);
                onChange(next);
              }}
            />
          ))}
          <Caption1 id="feuilles-aide" role={chosen.size === 0 ? 'alert' : undefined} className={styles.hint}>
            {chosen.size === 0
              ? 'Choisissez au moins une feuille.'
              : 'Les feuilles que lisent les feuilles choisies (Paramètres, Devis…) sont ajoutées.'}
          </Caption1>
        </fieldset>
      )}
    </>
  );
}

const STEP_LABELS: Record<ScaffoldProgress, string> = {
  inventaire: 'lecture des feuilles existantes…',
  calcul: 'calcul du devis…',
  écriture: 'écriture des feuilles…',
  terminé: 'terminé',
};
/** The steps a creation goes through, in order ("terminé" is the end, not a step). */
const STEPS: ScaffoldProgress[] = ['inventaire', 'calcul', 'écriture'];
const stepText = (step: ScaffoldProgress): string => {
  const k = STEPS.indexOf(step);
  return k < 0 ? 'Terminé' : `Étape ${k + 1} sur ${STEPS.length} : ${STEP_LABELS[step]}`;
};
const stepValue = (step: ScaffoldProgress): number => {
  const k = STEPS.indexOf(step);
  return k < 0 ? 1 : k / STEPS.length;
};

type State =
  | { kind: 'idle' }
  | { kind: 'working'; step: ScaffoldProgress }
  | { kind: 'done'; outcome: Extract<ScaffoldOutcome, { status: 'done' }> }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

/** What a creation wrote, in words, and the next steps: open the Devis, enter sources, check. */
function Created({
  outcome,
  host,
  onNext,
}: {
  outcome: Extract<ScaffoldOutcome, { status: 'done' }>;
  host: TaskpaneHost;
  onNext?: (task: Task) => void;
}): JSX.Element {
  const { sheets, result, added } = outcome;
  const devis = makeNaming(outcome.suffix).sheet('devis');
  const blank = result.total.amount.isZero();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Classeur créé</MessageBarTitle>
        {frenchSpacing(
          `${sheets.length} feuilles reliées par des formules, de « ${sheets[0] ?? ''} » à « ${sheets[sheets.length - 1] ?? ''} ». Total général : ${formatEuros(result.total.amount)}.${
            added.length > 0
              ? ` Ajoutées parce que les feuilles choisies les lisent : ${added.map((a) => `« ${a} »`).join(', ')}.`
              : ''
          }${blank ? ` Le devis est vierge : saisissez quantités et tarifs dans la feuille « ${devis} ».` : ''}`,
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => void host.selectCell(devis, 'A1')}>
          Ouvrir le Devis
        </Button>
        {onNext && <Button onClick={() => onNext('saisir')}>Saisir les sources</Button>}
        {onNext && <Button onClick={() => onNext('controler')}>Contrôler maintenant</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}

/** The grid a creation writes, and why it (or its example) cannot be written, if so. */
type GridChoice = ReturnType<typeof gridChoice>;
function gridChoice(format: ProductionFormat, nomenclature: NomenclatureId | null) {
  const grid = nomenclature ?? defaultNomenclature(format);
  const exampleRefusal = scaffoldRefusal({ format, nomenclature: grid, example: true });
  return {
    grid,
    exampleRefusal,
    canExample: exampleRefusal === null,
    gridRefusal: scaffoldProblem(getNomenclature(grid)),
  };
}

/** The format, the grid and the example: what the workbook is created from. */
function ProductionFields({
  format,
  nomenclature,
  choice: { grid, exampleRefusal, canExample, gridRefusal },
  example,
  disabled,
  onFormat,
  onNomenclature,
  onExample,
}: {
  format: ProductionFormat;
  /** null: the format's own grid. */
  nomenclature: NomenclatureId | null;
  choice: GridChoice;
  example: boolean;
  disabled: boolean;
  onFormat: (f: ProductionFormat) => void;
  onNomenclature: (n: NomenclatureId) => void;
  onExample: (checked: boolean) => void;
}): JSX.Element {
  return (
    <>
      <Field label="Format de la production">
        <Select value={format} disabled={disabled} onChange={(_, d) => onFormat(d.value as ProductionFormat)}>
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
          disabled={disabled}
          onChange={(_, d) => onNomenclature(d.value as NomenclatureId)}
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
        disabled={!canExample || disabled}
        onChange={(_, d) => onExample(d.checked === true)}
      />
    </>
  );
}

/** A creation's state, and what starts one: its steps shown, its outcome kept, an error said. */
function useCreation(
  host: TaskpaneHost,
  work: Work,
  onCreated?: (suffix: number | null) => void,
): [State, (s: State) => void, (request: ScaffoldRequest) => Promise<void>] {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const create = async (request: ScaffoldRequest): Promise<void> => {
    setState({ kind: 'working', step: 'inventaire' });
    try {
      const outcome = await work('Création du classeur', () =>
        host.scaffold(request, (step) => setState({ kind: 'working', step })),
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
  return [state, setState, create];
}

/**
 * The creation's progress, then what it ended with — created, sheets in the way (write beside
 * them?), or an error — which takes the focus (read by a screen reader, and Tab goes on from
 * there); Escape in it goes back to the button that started it.
 */
function ResultArea({
  state,
  host,
  onNext,
  busy,
  onBeside,
  onCancel,
  trigger,
}: {
  state: State;
  host: TaskpaneHost;
  onNext?: (task: Task) => void;
  busy: string | null;
  onBeside: () => void;
  onCancel: () => void;
  trigger: RefObject<HTMLButtonElement>;
}): JSX.Element {
  const styles = useStyles();
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind !== 'idle' && state.kind !== 'working') result.current?.focus();
  }, [state.kind]);
  return (
    <>
      {state.kind === 'working' && (
        <Field validationMessage={stepText(state.step)} validationState="none">
          <ProgressBar aria-label="Création du classeur" value={stepValue(state.step)} />
        </Field>
      )}
      <div
        ref={result}
        tabIndex={-1}
        className={styles.result}
        onKeyDown={(e) => {
          if (e.key === 'Escape') trigger.current?.focus();
        }}
      >
        {state.kind === 'done' && <Created outcome={state.outcome} host={host} onNext={onNext} />}
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
              {frenchSpacing(state.message)}
            </MessageBarBody>
            <MessageBarActions>
              <Button disabled={busy !== null} onClick={onBeside}>
                Créer à côté
              </Button>
              <Button onClick={onCancel}>Annuler</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.kind === 'error' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>Erreur</MessageBarTitle>
              {frenchSpacing(state.message)}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}

interface ScaffoldPanelProps {
  host: TaskpaneHost;
  onCreated?: (suffix: number | null) => void;
  /** The next steps after a creation: another task of the pane. */
  onNext?: (task: Task) => void;
  /** What another action of the pane is doing, if anything: creation waits for it. */
  busy?: string | null;
  /** Runs a job on the workbook, telling the rest of the pane. */
  work?: Work;
}

export function ScaffoldPanel({
  host,
  onCreated,
  onNext,
  busy = null,
  work = runDirectly,
}: ScaffoldPanelProps): JSX.Element {
  const styles = useStyles();
  const [format, setFormat] = useState<ProductionFormat>('long-metrage');
  /** null: the format's own grid. */
  const [nomenclature, setNomenclature] = useState<NomenclatureId | null>(null);
  const [example, setExample] = useState(false);
  /** null: every sheet; otherwise the sheets ticked. */
  const [chosen, setChosen] = useState<Set<SheetKey> | null>(null);
  const choice = gridChoice(format, nomenclature);
  const { grid, canExample, gridRefusal } = choice;

  const [state, setState, create] = useCreation(host, work, onCreated);
  const run = (onConflict: 'refuse' | 'beside'): Promise<void> =>
    create({
      format,
      nomenclature: grid,
      example: example && canExample,
      onConflict,
      ...(chosen && chosen.size < SHEET_KEYS.length
        ? { sheets: SHEET_KEYS.filter((k) => chosen.has(k)) }
        : {}),
    });

  const working = state.kind === 'working';
  const blocked = working || busy !== null;
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <section aria-label="Créer le classeur" className={styles.form}>
      <Subtitle2 as="h2">Classeur</Subtitle2>
      <ProductionFields
        format={format}
        nomenclature={nomenclature}
        choice={choice}
        example={example}
        disabled={working}
        onFormat={(f) => {
          setFormat(f);
          setNomenclature(null);
        }}
        onNomenclature={setNomenclature}
        onExample={setExample}
      />
      <SheetChoice chosen={chosen} disabled={working} onChange={setChosen} />
      <div className={styles.actions}>
        <Button
          ref={trigger}
          appearance="primary"
          disabled={blocked || gridRefusal !== null || chosen?.size === 0}
          onClick={() => void run('refuse')}
        >
          Créer le classeur
        </Button>
      </div>
      <ResultArea
        state={state}
        host={host}
        onNext={onNext}
        busy={busy}
        onBeside={() => void run('beside')}
        onCancel={() => setState({ kind: 'idle' })}
        trigger={trigger}
      />
    </section>
  );
}
