import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  EXPENSE_NATURES,
  EXPENSE_PLACES,
  EXPENSE_STATUSES,
  type ExpenseNature,
  type ExpensePlace,
  type ExpenseStatus,
} from '../../../domain/expenses/expenses';
import { formatEuros, readAmountField, ZERO, type Money } from '../../../domain/money';
import { frenchSpacing } from '../../../domain/text/french';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import { ActionResult, EntryNext, type ActionState } from '../ActionResult/ActionResult';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  half: { flexGrow: 1, flexBasis: '7rem', minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  fillSelect: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

/** TVA may be zero (a salary, an author's note): empty or 0 reads as 0,00 €. */
function readTva(text: string): { ok: true; value: Money; reads: string } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '' || /^0+([.,]0+)?\s*€?$/.test(t))
    return { ok: true, value: ZERO, reads: `= ${formatEuros(ZERO)}` };
  return readAmountField(t);
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * "Saisir une dépense": one piece appended to the first free row of the Dépenses ledger, charged
 * to a devis code picked from the devis's own codes; amounts typed the French way.
 */
export function AddExpensePanel({
  host,
  suffix,
  busy = null,
  work = runDirectly,
  missing = null,
}: {
  host: TaskpaneHost;
  suffix: number | null;
  busy?: string | null;
  work?: Work;
  /** Why the action cannot work yet (no Dépenses sheet), shown beside it; null: it can. */
  missing?: string | null;
}): JSX.Element {
  const styles = useStyles();
  const [codes, setCodes] = useState<{ code: string; label: string }[]>([]);
  const [date, setDate] = useState(today);
  const [piece, setPiece] = useState('');
  const [payee, setPayee] = useState('');
  const [nature, setNature] = useState<ExpenseNature>('Facture');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [htText, setHtText] = useState('');
  const [tvaText, setTvaText] = useState('');
  const [status, setStatus] = useState<ExpenseStatus>('Engagé');
  const [proof, setProof] = useState(true);
  const [place, setPlace] = useState<ExpensePlace>('France');
  const [checked, setChecked] = useState(false);
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  /** Where the last piece was written, for « Voir la pièce ». */
  const [written, setWritten] = useState<{ sheet: string; row: number } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const ht = readAmountField(htText);
  const tva = readTva(tvaText);
  const htError = checked && !ht.ok ? ht.message : undefined;
  const tvaError = checked && !tva.ok ? tva.message : undefined;
  const codeError = checked && code === '' ? 'Choisissez le code du devis.' : undefined;

  // The devis's codes, once the ledger exists (and again when it appears).
  useEffect(() => {
    if (missing !== null) return;
    let live = true;
    host
      .expenseCodes(suffix)
      .then((c) => live && setCodes(c))
      .catch(() => live && setCodes([]));
    return () => {
      live = false;
    };
  }, [host, suffix, missing]);

  const submit = async (): Promise<void> => {
    setChecked(true);
    if (!ht.ok || !tva.ok || code === '') return;
    setState({ kind: 'working' });
    try {
      const { sheet, row } = await work('Saisie de la dépense', () =>
        host.addExpense(
          {
            date,
            piece: piece.trim(),
            payee: payee.trim(),
            nature,
            code,
            label: label.trim(),
            ht: ht.value,
            tva: tva.value,
            status,
            paidOn: status === 'Payé' ? date : null,
            mode: null,
            proof,
            proofRef: proof ? piece.trim() : '',
            place,
          },
          suffix,
        ),
      );
      setState({
        kind: 'done',
        message: `${piece.trim() || 'Pièce'} (${formatEuros(ht.value)} HT, code ${code}) ajoutée à la ligne ${row} de la feuille ${sheet}.`,
      });
      setWritten({ sheet, row });
      setPiece('');
      setLabel('');
      setHtText('');
      setTvaText('');
      setChecked(false);
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-label="Saisir une dépense">
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (state.kind !== 'working' && busy === null && missing === null) void submit();
        }}
      >
        <Subtitle2 as="h2">{frenchSpacing('Dépenses : saisir une pièce')}</Subtitle2>
        <div className={styles.row}>
          <Field label="Date" className={styles.half}>
            <Input
              ref={first}
              className={styles.fill}
              input={{ className: styles.fill }}
              type="date"
              value={date}
              onChange={(_, d) => setDate(d.value)}
            />
          </Field>
          <Field label="N° de pièce" className={styles.half}>
            <Input className={styles.fill} value={piece} onChange={(_, d) => setPiece(d.value)} />
          </Field>
        </div>
        <Field label="Fournisseur ou bénéficiaire">
          <Input value={payee} onChange={(_, d) => setPayee(d.value)} />
        </Field>
        <Field
          label="Code du devis"
          validationMessage={codeError}
          validationState={codeError ? 'error' : 'none'}
        >
          <Select
            className={styles.fill}
            select={{ className: styles.fillSelect }}
            value={code}
            onChange={(_, d) => setCode(d.value)}
          >
            <option value="">Choisir…</option>
            {codes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label ? `${c.code} — ${c.label}` : c.code}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Libellé">
          <Input value={label} onChange={(_, d) => setLabel(d.value)} />
        </Field>
        <div className={styles.row}>
          <Field
            label="Montant HT"
            className={styles.half}
            validationMessage={htError}
            validationState={htError ? 'error' : 'none'}
            hint={ht.ok ? ht.reads : undefined}
          >
            <Input
              className={styles.fill}
              inputMode="decimal"
              value={htText}
              onChange={(_, d) => setHtText(d.value)}
            />
          </Field>
          <Field
            label="TVA"
            className={styles.half}
            validationMessage={tvaError}
            validationState={tvaError ? 'error' : 'none'}
            hint={tvaText.trim() !== '' && tva.ok ? tva.reads : 'Vide : 0,00 €'}
          >
            <Input
              className={styles.fill}
              inputMode="decimal"
              value={tvaText}
              onChange={(_, d) => setTvaText(d.value)}
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Nature" className={styles.half}>
            <Select
              className={styles.fill}
              select={{ className: styles.fillSelect }}
              value={nature}
              onChange={(_, d) => setNature(d.value as ExpenseNature)}
            >
              {EXPENSE_NATURES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </Select>
          </Field>
          <Field label="Engagé ou payé" className={styles.half}>
            <Select
              className={styles.fill}
              select={{ className: styles.fillSelect }}
              value={status}
              onChange={(_, d) => setStatus(d.value as ExpenseStatus)}
            >
              {EXPENSE_STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Dépense faite" hint="À l’étranger : hors de la part française du coût définitif">
          <Select
            className={styles.fill}
            select={{ className: styles.fillSelect }}
            value={place}
            onChange={(_, d) => setPlace(d.value as ExpensePlace)}
          >
            {EXPENSE_PLACES.map((p) => (
              <option key={p} value={p}>
                {p === 'France' ? 'En France' : 'À l’étranger'}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Justificatif en main (facture, reçu, contrat)"
          checked={proof}
          onChange={(_, d) => setProof(d.checked === true)}
        />
        <div>
          <Button
            ref={trigger}
            type="submit"
            disabled={state.kind === 'working' || busy !== null}
            disabledFocusable={missing !== null}
            aria-describedby={missing ? 'depense-indisponible' : undefined}
          >
            Ajouter la dépense
          </Button>
        </div>
        {missing && (
          <Text id="depense-indisponible" size={200}>
            {frenchSpacing(missing)}
          </Text>
        )}
        <ActionResult
          state={state}
          done="Dépense ajoutée"
          failed="Dépense non ajoutée"
          trigger={trigger}
          next={
            <EntryNext
              host={host}
              written={written}
              see="Voir la pièce"
              again="Saisir une autre pièce"
              first={first}
            />
          }
        />
      </form>
    </section>
  );
}
