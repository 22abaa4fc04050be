import { frenchSpacing } from '../../../domain/text/french';
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChecklistItem } from '../../../audit/audit';
import type { Tick } from '../../../audit/state';

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
});

/**
 * The criteria a person judges: a tick each, and a comment behind "Commenter" (a labelled field,
 * opened on demand, so the list is not fifteen empty boxes to tab through).
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
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div>
      {items.map((c) => {
        const t = ticks[c.criterion] ?? { ticked: c.ticked, comment: c.comment };
        const open = editing === c.criterion;
        return (
          <div key={c.criterion} className={styles.item}>
            <Checkbox
              label={`${c.criterion} (${c.sheet}) — ${c.text}`}
              checked={t.ticked}
              onChange={(_, d) => onChange(c.criterion, { ...t, ticked: d.checked === true })}
            />
            {open ? (
              <Field label={`Commentaire sur ${c.criterion}`} className={styles.indent}>
                <Input
                  className={styles.fill}
                  // Opened by a click on "Commenter": the field takes the focus.
                  ref={(el) => el?.focus()}
                  value={t.comment}
                  onChange={(_, d) => onChange(c.criterion, { ...t, comment: d.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === 'Escape') setEditing(null);
                  }}
                  onBlur={() => setEditing(null)}
                />
              </Field>
            ) : (
              <>
                {t.comment && <Text className={styles.comment}>{frenchSpacing(`« ${t.comment} »`)}</Text>}
                <div className={styles.indent}>
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`${t.comment ? 'Modifier le commentaire' : 'Commenter'} ${c.criterion}`}
                    onClick={() => setEditing(c.criterion)}
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
