/** The pane's four tasks, in the order of a production's life. */
export type Task = 'creer' | 'saisir' | 'suivre' | 'controler';

export const TASKS: { value: Task; label: string }[] = [
  { value: 'creer', label: 'Créer' },
  { value: 'saisir', label: 'Saisir' },
  { value: 'suivre', label: 'Suivre' },
  { value: 'controler', label: 'Contrôler' },
];
