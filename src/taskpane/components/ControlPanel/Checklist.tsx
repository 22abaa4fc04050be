import { frenchSpacing } from '../../../domain/text/french';
import { useEffect, useRef, useState } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChecklistItem } from '../../../audit/audit';
import { VERDICT_LABELS, VERDICTS, type Tick } from '../../../audit/state';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
  },
  comment: { paddingLeft: tokens.spacingHorizontalXXL, color: tokens.colorNeutralForeground2 },
  fill: { width: '100%', minWidth: 0 },
  indent: { paddingLeft: tokens.spacingHorizontalXXL },
  // Three native radio buttons in a row: light on the first screen's weight, keyboard and screen
  // readers as the platform gives them.
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  verdicts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXL,
  },
  verdict: {
    display: 'inline-flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    minHeight: '24px',
    cursor: 'pointer',
  },
  radio: { margin: 0, width: '16px', height: '16px', accentColor: tokens.colorBrandBackground },
});

/**
 * The criteria a person judges: a verdict each (Acquis, Non acquis, Non évalué), how many are
 * judged, and a comment behind "Commenter" (a labelled field, opened on demand, so the list is not
 * fifteen empty boxes to tab through; Escape gives the comment back as it was).
 */
export function Checklist({
  items,
  ticks,
  onChange,
}: {
  items: ChecklistItem[];
  ticks: Record<string, Tick>;
  onChange: (criterion: string, tick: Tick) => void;
}): JSX.Element {
  const styles = useStyles();
  const [editing, setEditing] = useState<{ criterion: string; before: string } | null>(null);
  /** The comment just closed by Enter or Escape: the focus goes back to its button. */
  const [closed, setClosed] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    if (closed === null) return;
    buttons.current.get(closed)?.focus();
    setClosed(null);
  }, [closed]);
  const tickOf = (c: ChecklistItem): Tick => ticks[c.criterion] ?? { verdict: c.verdict, comment: c.comment };
  const judged = items.filter((c) => tickOf(c).verdict !== 'non-evalue').length;
  return (
    <div>
      <Text role="status">{`${judged} / ${items.length} ${judged > 1 ? 'jugés' : 'jugé'}`}</Text>
      {items.map((c) => {
        const t = tickOf(c);
        const open = editing?.criterion === c.criterion;
        return (
          <div key={c.criterion} className={styles.item}>
            <div className={styles.group}>
              <Text id={`critere-${c.criterion}`}>{`${c.criterion} (${c.sheet}) — ${c.text}`}</Text>
              <div role="radiogroup" aria-labelledby={`critere-${c.criterion}`} className={styles.verdicts}>
                {VERDICTS.map((v) => (
                  <label key={v} className={styles.verdict}>
                    <input
                      type="radio"
                      className={styles.radio}
                      name={`verdict-${c.criterion}`}
                      value={v}
                      checked={t.verdict === v}
                      onChange={() => onChange(c.criterion, { ...t, verdict: v })}
                    />
                    <Text>{VERDICT_LABELS[v]}</Text>
                  </label>
                ))}
              </div>
            </div>
            {open ? (
              <Field label={`Commentaire sur ${c.criterion}`} className={styles.indent}>
                <Input
                  className={styles.fill}
                  // Opened by a click on "Commenter": the field takes the focus.
                  ref={(el) => el?.focus()}
                  value={t.comment}
                  onChange={(_, d) => onChange(c.criterion, { ...t, comment: d.value })}
                  onKeyDown={(e) => {
                    // Escape cancels the edit: the comment as it was before.
                    if (e.key === 'Escape')
                      onChange(c.criterion, { ...t, comment: editing?.before ?? t.comment });
                    if (e.key === 'Enter' || e.key === 'Escape') {
                      e.preventDefault();
                      setEditing(null);
                      setClosed(c.criterion);
                    }
                  }}
                  onBlur={() => setEditing(null)}
                />
              </Field>
            ) : (
              <>
                {t.comment && <Text className={styles.comment}>{frenchSpacing(`« ${t.comment} »`)}</Text>}
                <div className={styles.indent}>
                  <Button
                    ref={(el) => {
                      if (el) buttons.current.set(c.criterion, el);
                      else buttons.current.delete(c.criterion);
                    }}
                    size="small"
                    appearance="subtle"
                    aria-label={`${t.comment ? 'Modifier le commentaire' : 'Commenter'} ${c.criterion}`}
                    onClick={() => setEditing({ criterion: c.criterion, before: t.comment })}
                  >
                    {t.comment ? 'Modifier le commentaire' : 'Commenter'}
                  </Button>
                </div>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
