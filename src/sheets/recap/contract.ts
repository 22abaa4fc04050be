import { contiguousColumns } from '../model/contract';

/** Columns of the Récapitulatif table. */
export const RECAP_COLUMNS = contiguousColumns('A', {
  code: 'Code',
  label: 'Poste',
  amount: 'Montant',
  share: '% du total',
  france: 'dont France',
  foreign: 'dont étranger',
});

export const RECAP_HEADER_ROW = 4;
export const RECAP_FIRST_ROW = RECAP_HEADER_ROW + 1;

export const RECAP_NAMES = {
  /** The table, headers included, down to the check row. */
  lines: 'Recap_Lignes',
  total: 'Recap_Total',
  envelopeGap: 'Recap_EcartEnveloppe',
  devisGap: 'Recap_EcartDevis',
} as const;
