import { sheetOf } from '../../../audit/severity';
import { useState } from 'react';
import { Badge, Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportedFinding } from '../../../audit/audit';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  current: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  where: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  explain: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

type Severity = ReportedFinding['severity'];

/** How a severity reads (a blank template's erreurs are points to fill in) and its badge colour. */
export function severityWord(severity: Severity, blank: boolean): string {
  if (severity === 'erreur') return blank ? 'À compléter' : 'Erreur';
  return severity === 'avertissement' ? 'Avertissement' : 'Info';
}

const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  erreur: 'danger',
  avertissement: 'warning',
  info: 'informative',
};

/**
 * One finding, as Excel's own checkers show theirs: severity (icon and word), the message in
 * regular weight, then sheet · cell · criteria; "Aller à" selects the cell, "Pourquoi, comment
 * corriger" unfolds why it matters, how to fix it and the wording of the criteria it cites.
 */
function FindingItem({
  finding: f,
  blank,
  wording,
  current,
  onGo,
}: {
  finding: ReportedFinding;
  blank: boolean;
  wording: Record<string, string>;
  /** The one Précédent / Suivant went to: marked. */
  current: boolean;
  onGo: (sheet: string, address: string) => void;
}): JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const word = severityWord(f.severity, blank);
  const where = [sheetOf(f), f.location?.address, f.criteria.join(', ')].filter((x): x is string => !!x);
  return (
    <li
      className={current ? `${styles.item} ${styles.current}` : styles.item}
      aria-current={current ? 'true' : undefined}
    >
      <div className={styles.head}>
        <Badge
          appearance={blank && f.severity === 'erreur' ? 'tint' : 'filled'}
          color={blank && f.severity === 'erreur' ? 'brand' : COLOR[f.severity]}
          shape="rounded"
        >
          {word}
        </Badge>
        <Text size={200} className={styles.where}>
          {where.join(' · ')}
        </Text>
      </div>
      <Text>{f.message}</Text>
      <div className={styles.actions}>
        {f.location && (
          <Button
            size="small"
            appearance="secondary"
            aria-label={`Aller à ${f.location.address} — ${word.toLowerCase()}, feuille ${f.location.sheet} : ${f.message}`}
            onClick={() => f.location && onGo(f.location.sheet, f.location.address)}
          >
            Aller à {f.location.address}
          </Button>
        )}
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
          Pourquoi, comment corriger
        </Button>
      </div>
      {open && (
        <div className={styles.explain}>
          <Text size={200}>
            <strong>Pourquoi.</strong> {f.why}
          </Text>
          <Text size={200}>
            <strong>Comment corriger.</strong> {f.fix}
          </Text>
          {f.criteria.map((c) => (
            <Text key={c} size={200}>
              <strong>{c}</strong> — {wording[c] ?? ''}
            </Text>
          ))}
        </div>
      )}
    </li>
  );
}

/** The findings of one sheet (or of the workbook, without a cell), most severe first. */
export function FindingList({
  sheet,
  findings,
  blank,
  wording,
  current = null,
  onGo,
}: {
  sheet: string;
  findings: ReportedFinding[];
  blank: boolean;
  wording: Record<string, string>;
  current?: ReportedFinding | null;
  onGo: (sheet: string, address: string) => void;
}): JSX.Element {
  const styles = useStyles();
  return (
    <section aria-label={`Constats ${sheet}`} className={styles.box}>
      <Subtitle2 as="h3">
        {sheet} <Badge appearance="tint">{findings.length}</Badge>
      </Subtitle2>
      <ul className={styles.list}>
        {findings.map((f, i) => (
          <FindingItem
            key={`${f.ruleId}-${f.location?.address ?? ''}-${i}`}
            finding={f}
            blank={blank}
            wording={wording}
            current={f === current}
            onGo={onGo}
          />
        ))}
      </ul>
    </section>
  );
}
