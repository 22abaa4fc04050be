import { contiguousColumns } from '../model/contract';

/** Row of the sequences' headers; the sequences start right below it. */
export const BREAKDOWN_HEADER_ROW = 5;
export const BREAKDOWN_FIRST_ROW = BREAKDOWN_HEADER_ROW + 1;

/** The sequences (named Depou_Sequences), one per row, in the script's order. */
export const SCENE_COLUMNS = contiguousColumns('A', {
  number: 'Séquence',
  set: 'Décor',
  intExt: 'INT / EXT',
  dayNight: 'Jour / nuit',
  eighths: 'Longueur (huitièmes de page)',
  pages: 'Longueur (pages)',
  cast: 'Rôles',
  extras: 'Figurants',
  props: 'Accessoires',
  vehicles: 'Véhicules',
  special: 'Matériel spécial et effets',
  environment: 'Impact environnemental et mesure',
  days: 'Jours au plan de travail',
});

export const BREAKDOWN_NAMES = {
  scenes: 'Depou_Sequences',
  numbers: 'Depou_Numeros',
  pages: 'Depou_Pages',
  count: 'Depou_NbSequences',
} as const;
