import { frenchSpacing } from '../../../domain/text/french';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Where an action of the pane stands: nothing yet, running, done or refused, with its message. */
export type ActionState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

/**
 * The outcome of an action as a MessageBar (announced through the pane's AriaLiveAnnouncer):
 * its title on success or refusal, and the message.
 */
export function ActionResult({
  state,
  done,
  failed,
}: {
  state: ActionState;
  /** Title when it worked ("Source ajoutée"). */
  done: string;
  /** Title when it did not ("Source non ajoutée"). */
  failed: string;
}): JSX.Element | null {
  if (state.kind !== 'done' && state.kind !== 'error') return null;
  return (
    <MessageBar intent={state.kind === 'done' ? 'success' : 'error'}>
      <MessageBarBody>
        <MessageBarTitle>{state.kind === 'done' ? done : failed}</MessageBarTitle>
        {frenchSpacing(state.message)}
      </MessageBarBody>
    </MessageBar>
  );
}
