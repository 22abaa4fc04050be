import { frenchSpacing } from '../../../domain/text/french';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Shown when the page is opened outside Excel (Office.onReady reports no host). */
export function OutsideExcel(): JSX.Element {
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>Ouvrez ce volet dans Excel</MessageBarTitle>
        {frenchSpacing(
          'Ce complément agit sur un classeur Excel : chargez-le dans Excel (bouton « Devis CNC » de l’onglet Accueil). Hors d’Excel, utilisez la ligne de commande « devis-cnc new ».',
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
