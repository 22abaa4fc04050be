import { Text } from '@fluentui/react-components';
import { frenchSpacing } from '../../../domain/text/french';
import { makeNaming } from '../../../sheets/model/naming';

/**
 * Which sheets the pane works on, when they are not the plain names: the set written beside a
 * user's own sheets or converted from a hand-made devis (remembered in the workbook).
 */
export function WorkingSet({ suffix }: { suffix: number | null }): JSX.Element | null {
  if (suffix === null) return null;
  const naming = makeNaming(suffix);
  return (
    <Text size={200} role="note">
      {frenchSpacing(
        `Le volet travaille sur les feuilles suffixées (${suffix}) : « ${naming.sheet('devis')} », « ${naming.sheet('financing')} » et les autres de ce jeu ; vos feuilles d’origine ne sont pas touchées.`,
      )}
    </Text>
  );
}
