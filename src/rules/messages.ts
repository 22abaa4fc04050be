/** The one French message catalogue: rules give an id and data, the taskpane and the CLI render. */
export const MESSAGES: Record<string, string> = {
  'sheet-missing': 'La feuille {sheet} est introuvable (nom {name}) : créez-la avec le volet ou « devis-cnc new ».',
  'carbon-group-missing': 'Aucune émission chiffrée pour le poste « {group} » (catégories : {categories}) : le bilan doit chiffrer transport, matériel, énergie et déchets.',
  'carbon-no-measure': 'Aucune mesure de réduction chiffrée : proposez au moins une mesure avec son économie estimée (kgCO2e).',
  'carbon-definitive-missing': 'Bilan définitif non renseigné (total définitif nul) : à compléter au coût définitif pour comparer avec le prévisionnel.',
  'carbon-definitive-above': 'Le bilan définitif ({definitive} kgCO2e) dépasse le prévisionnel ({forecast} kgCO2e) : expliquez l’écart et l’effet des mesures.',
};

/** Renders a message with its data, e.g. {group} → « Énergie ». */
export function renderMessage(messageId: string, data: Record<string, string | number>): string {
  const template = MESSAGES[messageId];
  if (!template) throw new Error(`Message inconnu : ${messageId}`);
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(data[k] ?? `{${k}}`));
}
