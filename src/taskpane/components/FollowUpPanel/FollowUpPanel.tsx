import { useEffect, useRef, useState } from 'react';
import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Money, formatAmount, formatPercent } from '../../../domain/money';
import { frenchSpacing } from '../../../domain/text/french';
import type { FollowUpSummary } from '../../../workbook/followUp';
import type { TaskpaneHost } from '../../host';
import { runDirectly, type Work } from '../../work';
import { ActionResult } from '../ActionResult/ActionResult';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  figures: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, margin: 0 },
  // A label and its figure on one line when they fit, the figure on the next line (right-aligned)
  // when they do not: never drawn over each other, never one word per line.
  figure: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
  },
  label: { margin: 0, flexGrow: 1, flexShrink: 1, flexBasis: '9rem', minWidth: 0 },
  value: {
    margin: 0,
    marginLeft: 'auto',
    textAlign: 'right',
    // An amount holds together by its no-break spaces; what follows it (« (septembre 2027) »)
    // goes to the next line in a pane of 160 px (200 % zoom) rather than out of it.
    maxWidth: '100%',
    fontVariantNumeric: 'tabular-nums',
  },
  result: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, outlineStyle: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
});

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'read'; summary: FollowUpSummary }
  | { kind: 'error'; message: string };

const euros = (v: number | null): string => (v === null ? '—' : `${formatAmount(v)} €`);
const signed = (v: number | null): string => (v === null ? '—' : `${v > 0 ? '+' : ''}${formatAmount(v)} €`);
const share = (v: number | null): string => (v === null ? '—' : formatPercent(new Money(v)));

/**
 * "Suivi budgétaire": the dashboard of the Suivi sheet as the workbook computed it — the estimated
 * final cost against the devis, the imprévus left, the share paid against the share of the
 * schedule elapsed, the Trésorerie réelle's updated need against the forecast one — and the five
 * largest overruns, each a link to its line.
 */
export function FollowUpPanel({
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
  /** Why the summary cannot be read yet (no Suivi budgétaire), shown beside it; null: it can. */
  missing?: string | null;
}): JSX.Element {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const trigger = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  // The dashboard takes the focus when read: a screen reader reads its verdict first.
  useEffect(() => {
    if (state.kind === 'read') result.current?.focus();
  }, [state]);
  const read = async (): Promise<void> => {
    setState({ kind: 'working' });
    try {
      const summary = await work('Lecture du suivi', () => host.followUp(suffix));
      if (!summary)
        throw new Error('Pas de feuille Suivi budgétaire dans ce classeur : créez d’abord le classeur.');
      setState({ kind: 'read', summary });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const working = state.kind === 'working' || busy !== null || missing !== null;
  const s = state.kind === 'read' ? state.summary : null;
  const gap = s?.values.gap ?? null;
  const verdict =
    gap === null
      ? null
      : gap > 0
        ? `Au-dessus du devis de ${formatAmount(gap)} € : les dépassements passent les imprévus. Proposez un arbitrage (cellule « Arbitrage proposé » du Suivi).`
        : `Dans le devis : ${formatAmount(-gap)} € sous le total général, imprévus compris.`;
  const figures: [string, string][] = s
    ? [
        ['Devis (total général)', euros(s.values.devis)],
        ['Coût estimé final', euros(s.values.final)],
        ['Écart au devis', `${signed(s.values.gap)} (${share(s.values.gapRate)})`],
        ['Imprévus restants', euros(s.values.contingencyLeft)],
        ['Payé', `${share(s.values.consumed)} du devis`],
        ['Calendrier écoulé', share(s.values.elapsed)],
        ...(s.cash
          ? ([
              [
                'Besoin de trésorerie actualisé',
                `${euros(s.cash.need)}${s.cash.month ? ` (${s.cash.month})` : ''}`,
              ],
              ['Besoin prévu (Trésorerie)', euros(s.cash.planned)],
              ['Non couvert par les mesures', euros(s.cash.uncovered)],
            ] as [string, string][])
          : []),
      ]
    : [];
  const uncovered = s?.cash?.uncovered ?? null;
  const cashShort = uncovered !== null && uncovered >= 0.005 ? uncovered : null;
  return (
    <section aria-label="Suivi budgétaire" className={styles.box}>
      <Subtitle2 as="h2">Suivi budgétaire</Subtitle2>
      <Text>
        {frenchSpacing(
          'Où en est le coût du film : l’estimé final contre le devis, les imprévus qui restent, les plus gros dépassements.',
        )}
      </Text>
      <div>
        <Button
          ref={trigger}
          disabled={working}
          aria-describedby={missing ? 'suivi-indisponible' : undefined}
          onClick={() => void read()}
        >
          Lire le suivi
        </Button>
      </div>
      {missing && (
        <Text id="suivi-indisponible" size={200}>
          {frenchSpacing(missing)}
        </Text>
      )}
      {s && (
        <div
          ref={result}
          tabIndex={-1}
          role="group"
          aria-label="Suivi lu"
          className={styles.result}
          onKeyDown={(e) => {
            if (e.key === 'Escape') trigger.current?.focus();
          }}
        >
          {verdict && <Text weight="semibold">{frenchSpacing(verdict)}</Text>}
          {cashShort !== null && (
            <Text weight="semibold">
              {frenchSpacing(
                `Trésorerie : après les mesures tirées et prévues, il manque ${formatAmount(cashShort)} € (feuille Trésorerie réelle) ; ajoutez une mesure dans la feuille Trésorerie.`,
              )}
            </Text>
          )}
          <dl className={styles.figures} aria-label="Tableau de bord du suivi">
            {figures.map(([label, value]) => (
              <div key={label} className={styles.figure}>
                <dt className={styles.label}>{frenchSpacing(label)}</dt>
                <dd className={styles.value}>{frenchSpacing(value)}</dd>
              </div>
            ))}
          </dl>
          {s.top.length === 0 ? (
            <Text>Aucune ligne au-dessus de son devis.</Text>
          ) : (
            <>
              <Text weight="semibold" id="suivi-depassements">
                {s.top.length === 1 ? 'Le dépassement' : `Les ${s.top.length} plus gros dépassements`}
              </Text>
              <ol className={styles.list} aria-labelledby="suivi-depassements">
                {s.top.map((t) => (
                  <li key={t.rank}>
                    <span className={styles.item}>
                      <Text>
                        {frenchSpacing(
                          `${t.code} ${t.label} : ${signed(t.gap)}${t.cause ? ` (cause ${t.cause.toLowerCase()})` : ' (cause à indiquer)'}`,
                        )}
                      </Text>
                      <Button
                        appearance="transparent"
                        size="small"
                        // The visible words first (WCAG 2.5.3), then where it goes.
                        aria-label={frenchSpacing(`Aller à ${t.code}, dépassement, feuille ${s.sheet}`)}
                        onClick={() => void host.selectCell(s.sheet, t.address)}
                      >
                        {`Aller à ${t.code}`}
                      </Button>
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      {state.kind === 'error' && (
        <ActionResult state={state} done="" failed="Suivi illisible" trigger={trigger} />
      )}
    </section>
  );
}
