import { type Case, r, one, snap } from './support';

/** The table of `devis-recap-consistent`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'devis-recap-consistent',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', 10],
      ]),
      Devis_Poste1: one('Devis', 'H16', 10),
    }),
    [],
  ],
  [
    'devis-recap-consistent',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', 10],
      ]),
      Devis_Poste1: one('Devis', 'H16', 12),
    }),
    ['recap-mismatch@Récapitulatif!C5'],
  ],
];
