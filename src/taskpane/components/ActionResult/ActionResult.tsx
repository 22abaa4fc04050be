import { frenchSpacing } from '../../../domain/text/french';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { TaskpaneHost } from '../../host';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from '@fluentui/react-components';

/** Where an action of the pane stands: nothing yet, running, done or refused, with its message. */
export type ActionState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

const useStyles = makeStyles({
  // Focused by script (the result of an action), not a stop of its own when tabbing.
  box: { outlineStyle: 'none' },
});

/**
 * The outcome of an action as a titled MessageBar (announced through the pane's
 * AriaLiveAnnouncer), with the next steps as its actions. The outcome takes the focus, so a screen
 * reader reads it and Tab goes on to its next steps; Escape gives the focus back to the trigger.
 */
export function ActionResult({
  state,
  done,
  failed,
  next,
  trigger,
}: {
  state: ActionState;
  /** Title when it worked ("Source ajoutée"). */
  done: string;
  /** Title when it did not ("Source non ajoutée"). */
  failed: string;
  /** The next steps offered after a success (« Voir la ligne »…). */
  next?: ReactNode;
  /** What started the action: Escape in the result goes back to it. */
  trigger?: RefObject<HTMLElement | null>;
}): JSX.Element | null {
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'error') box.current?.focus();
  }, [state]);
  if (state.kind !== 'done' && state.kind !== 'error') return null;
  const actions = state.kind === 'done' ? next : undefined;
  return (
    <div
      ref={box}
      tabIndex={-1}
      className={styles.box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && trigger?.current) {
          e.stopPropagation();
          trigger.current.focus();
        }
      }}
    >
      <MessageBar
        intent={state.kind === 'done' ? 'success' : 'error'}
        layout={actions ? 'multiline' : 'auto'}
      >
        <MessageBarBody>
          <MessageBarTitle>{state.kind === 'done' ? done : failed}</MessageBarTitle>
          {frenchSpacing(state.message)}
        </MessageBarBody>
        {actions && <MessageBarActions>{actions}</MessageBarActions>}
      </MessageBar>
    </div>
  );
}

/**
 * The next steps after a form wrote a row: see it in the workbook (« Voir la ligne »), or enter
 * another one (the focus back to the form's first field).
 */
export function EntryNext({
  host,
  written,
  see,
  again,
  first,
}: {
  host: TaskpaneHost;
  /** Where the last entry was written, if anywhere yet. */
  written: { sheet: string; row: number } | null;
  see: string;
  again: string;
  first: RefObject<HTMLElement | null>;
}): JSX.Element {
  return (
    <>
      {written && (
        <Button onClick={() => void host.selectCell(written.sheet, `A${written.row}`)}>{see}</Button>
      )}
      <Button onClick={() => first.current?.focus()}>{again}</Button>
    </>
  );
}
