import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { renderMessage } from '../../src/rules/messages';
import type { Snapshot } from '../../src/rules/types';
import type { RangeRead } from '../../src/workbook/port';

/* A valid / invalid table per rule, over small in-memory snapshots. */

const r = (sheet: string, topLeft: string, values: unknown[][], formulas?: unknown[][]): RangeRead => ({
  sheet,
  topLeft,
  values,
  ...(formulas ? { formulas } : {}),
});
const one = (sheet: string, address: string, v: unknown): RangeRead => r(sheet, address, [[v]]);
const snap = (ranges: Snapshot['ranges'], sheets: Snapshot['sheets'] = {}): Snapshot => ({ ranges, sheets });
/** A whole workbook for the generic checks: its sheets' used ranges and its names. */
const book = (
  sheets: RangeRead[],
  names: string[] = [],
  localNames: { sheet: string; name: string }[] = [],
): Snapshot => ({ ranges: {}, sheets: {}, workbook: { sheets, names, localNames } });
/** A sheet from A1 where a string starting with "=" is a formula (its value given after "→"). */
const sheet = (name: string, rows: unknown[][]): RangeRead => ({
  sheet: name,
  topLeft: 'A1',
  values: rows.map((row) =>
    row.map((c) => (typeof c === 'string' && c.startsWith('=') ? Number(c.split('→')[1] ?? 0) : c)),
  ),
  formulas: rows.map((row) =>
    row.map((c) => (typeof c === 'string' && c.startsWith('=') ? (c.split('→')[0] ?? '').trim() : c)),
  ),
});
const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
const params = (over: Record<string, unknown> = {}): Snapshot => {
  const base: Record<string, [string, unknown]> = {
    Param_DebutDev: ['B12', null],
    Param_DebutPrepa: ['B13', day(2027, 3, 1)],
    Param_DebutTournage: ['B14', day(2027, 4, 26)],
    Param_FinTournage: ['B15', day(2027, 6, 11)],
    Param_LivraisonPAD: ['B16', day(2027, 10, 29)],
    Param_SemainesPrepa: ['B9', 8],
    Param_JoursTournage: ['B10', 35],
    Param_SemainesPostprod: ['B11', 18],
    Param_TauxFG: ['B25', 0.07],
  };
  const ranges: Snapshot['ranges'] = {};
  for (const [name, [cell, v]] of Object.entries(base))
    ranges[name] = one('Paramètres', cell, name in over ? over[name] : v);
  return snap(ranges);
};
const found = (id: string, s: Snapshot): string[] =>
  runRules(
    RULES.filter((x) => x.meta.id === id),
    s,
  ).map((f) => `${f.messageId}@${f.location ? `${f.location.sheet}!${f.location.address}` : '-'}`);

const HEAD = [
  'Code',
  'Libellé',
  'Statut',
  'Quantité',
  'Unité',
  'Nombre',
  'Taux',
  'Montant',
  'dont France',
  'dont étranger',
  'Justification',
];
const CHAPTERS: [string, string][] = [
  ['1', 'DROITS ARTISTIQUES'],
  ['2', 'PERSONNEL'],
  ['3', 'INTERPRÉTATION'],
  ['4', 'CHARGES SOCIALES'],
  ['5', 'DÉCORS ET COSTUMES'],
  ['6', 'TRANSPORTS, DÉFRAIEMENTS, RÉGIE'],
  ['7', 'MOYENS TECHNIQUES'],
  ['8', 'PELLICULES ET LABORATOIRES'],
  ['9', 'ASSURANCES ET DIVERS'],
];

/** A small devis on the Devis sheet from A4: header, chapters with one line each. */
function devis(
  opts: { drop?: string; line?: unknown[]; typedAmount?: boolean; charges?: number } = {},
): RangeRead {
  const values: unknown[][] = [HEAD];
  const formulas: unknown[][] = [HEAD];
  for (const [code, label] of CHAPTERS) {
    if (code === opts.drop) continue;
    values.push([code, label, null, null, null, null, null, null, null, null, null]);
    formulas.push([code, label, null, null, null, null, null, null, null, null, null]);
    const line =
      code === '2' && opts.line
        ? opts.line
        : code === '4'
          ? [
              `4.1.1`,
              'Charges techniciens',
              null,
              1000,
              'Brut',
              1,
              0.55,
              opts.charges ?? 550,
              opts.charges ?? 550,
              null,
              '',
            ]
          : [
              `${code}.1`,
              'Ligne',
              code === '2' ? 'Technicien' : null,
              1,
              'Forfait',
              1,
              1000,
              1000,
              1000,
              null,
              code === '9' ? 'Référent éco-production' : '',
            ];
    values.push(line);
    formulas.push(
      line.map((v, j) =>
        j === 7 || j === 8 ? (opts.typedAmount && code === '5' ? v : '=ROUND(D*F*G,2)') : v,
      ),
    );
  }
  return r('Devis', 'A4', values, formulas);
}

/** Chapter 2 with a sous-poste (SUBTOTAL) and two lines, the second with `share` in column L. */
function shareDevis(share: number | null): RangeRead {
  const head = [...HEAD, 'Part éligible au crédit d’impôt'];
  const rows: unknown[][] = [
    ['2', 'PERSONNEL', null, null, null, null, null, null, null, null, null, null],
    ['2.2', 'Réalisation', null, null, null, null, null, 4600, 4600, 0, null, null],
    ['2.2.1', 'Réalisateur', 'Cadre', 1, 'Forfait', 1, 1000, 1000, 1000, null, '', 1],
    ['2.2.2', 'Scripte', 'Technicien', 3, 'Semaine', 1, 1200, 3600, 3600, null, '', share],
    [null, 'Total 2 — Personnel', null, null, null, null, null, 4600, 4600, 0, null, null],
  ];
  const formulas = rows.map((row, i) =>
    row.map((v, j) =>
      i === 1 && j === 7 ? '=SUBTOTAL(9,H7:H8)' : j === 7 && i > 1 && i < 4 ? '=ROUND(D*F*G,2)' : v,
    ),
  );
  return r('Devis', 'A4', [head, ...rows], [head, ...formulas]);
}

function withoutRse(range: RangeRead): RangeRead {
  return {
    ...range,
    values: range.values.map((row) =>
      row.map((v) => (v === 'Référent éco-production' ? 'Assurance tournage' : v)),
    ),
  };
}

/**
 * A devis laid out by hand on a sheet « Budget »: header on row 1, chapter 1 (lines 1.1 and 1.2,
 * total row 5), chapter 2 (line 2.2, total row 8), frais généraux, imprévus, total général row 11.
 */
const handmade = (o: { total1?: string; line?: string; grand?: string } = {}): RangeRead => {
  const typed = (spec: string | undefined, formula: string): string | number =>
    spec?.startsWith('typed ') ? Number(spec.slice(6)) : (spec ?? formula);
  return sheet('Budget', [
    ['Compte', 'Désignation', 'Qté', 'Total'],
    ['1 - DROITS ARTISTIQUES', null, null, null],
    [o.line ?? '1.1', 'Scénario', 1, '=C3*60000→60000'],
    ['1.2', 'Musique', 1, '=C4*15000→15000'],
    [null, 'Total 1', null, typed(o.total1, '=SUM(D3:D4)→75000')],
    ['2 - PERSONNEL', null, null, null],
    ['2.2', 'Réalisateur', 10, '=C7*3500→35000'],
    [null, 'Total 2', null, '=SUM(D7:D7)→35000'],
    [null, 'Frais généraux', null, '=ROUND((D5+D8)*0.07,2)→7700'],
    [null, 'Imprévus', null, '=ROUND((D5+D8)*0.05,2)→5500'],
    [null, 'TOTAL GÉNÉRAL', null, typed(o.grand, '=D5+D8+D9+D10→123200')],
  ]);
};

/**
 * A coût définitif whose tax credit falls short of the plan: 30 % of a définitif base of
 * 2 100 000 € = 630 000 €, for 653 220,54 € in the plan; public aids of 1 203 220,54 € over a coût
 * définitif of 1 900 000 €: 63,3 % > 60 %.
 */
const DEFINITIVE_SHORT = snap({
  Bilan_CreditImpotDefinitif: one('Bilan financier', 'L11', 630000),
  Bilan_CreditImpotPlan: one('Bilan financier', 'L12', 653220.54),
  Bilan_AjustementCreditImpot: one('Bilan financier', 'L13', -23220.54),
  Bilan_CoutDefinitif: one('Bilan financier', 'L5', 1900000),
  Fin_Public: one('Plan de financement', 'C9', 1203220.54),
  Fin_Plafond: one('Plan de financement', 'C13', 0.6),
});

const TABLES = [
  [
    'devis-nine-chapters',
    snap({ Devis_Lignes: devis(), Param_Nomenclature: one('Paramètres', 'B7', 'cnc-classique') }),
    [],
  ],
  ['devis-nine-chapters', snap({ Devis_Lignes: devis({ drop: '6' }) }), ['devis-chapter-missing@Devis!A4']],
  [
    'devis-nine-chapters',
    snap({ Devis_Lignes: devis({ line: ['2.x', 'Inconnu', null, 1, null, 1, 1, 1, 1, null, ''] }) }),
    ['devis-code-unknown@Devis!A8'],
  ],
  ['devis-nine-chapters', snap({}, { devis: devis() }), []],
  ['devis-nine-chapters', snap({}), ['devis-missing@-']],
  ['devis-totals-are-formulas', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-totals-are-formulas',
    snap({ Devis_Lignes: devis({ typedAmount: true }) }),
    ['typed-total@Devis!H14', 'typed-total@Devis!I14'],
  ],
  // A devis built by hand on a sheet « Budget » (no Devis_Lignes): chapters, lines, totals.
  ['devis-chapter-totals', snap({}, { devis: handmade() }), []],
  // Our own devis is summed by formulas LibreOffice recomputes: not this rule's.
  ['devis-chapter-totals', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ total1: 'typed 80000' }) }),
    ['chapter-total-mismatch@Budget!D5', 'grand-total-mismatch@Budget!D11'],
  ],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ total1: '=SUM(D3:D3)→60000' }) }),
    ['chapter-total-omits@Budget!D5', 'grand-total-mismatch@Budget!D11'],
  ],
  ['devis-chapter-totals', snap({}, { devis: handmade({ line: '2.1' }) }), ['line-wrong-chapter@Budget!A3']],
  [
    'devis-chapter-totals',
    snap({}, { devis: handmade({ grand: 'typed 1' }) }),
    ['grand-total-mismatch@Budget!D11'],
  ],
  ['devis-line-amount', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-line-amount',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chef op', 'Cadre', 9, 'Semaine', 1, 3500, 31000, 31000, null, ''],
      }),
    }),
    ['line-amount@Devis!H8'],
  ],
  [
    // A devis in k€ is compared at its own precision (ten euros): 10 × 1 × 1,2345 k€ shown as
    // 12,35 k€ is right; 12,5 k€ is 150 € over.
    'devis-line-amount',
    snap(
      {},
      {
        devis: sheet('Budget', [
          ['Budget du court métrage (k€)'],
          ['Compte', 'Désignation', 'Qté', 'Nb', 'Tarif', 'Total'],
          ['1 - DROITS ARTISTIQUES', null, null, null, null, null],
          ['1.1', 'Scénario', 10, 1, 1.2345, 12.35],
          ['1.2', 'Musique', 10, 1, 1.2345, 12.5],
        ]),
      },
    ),
    ['line-amount@Budget!F5'],
  ],
  [
    'devis-charges',
    snap({ Devis_Lignes: devis(), Param_TauxCharges_Technicien: one('Paramètres', 'B21', 0.55) }),
    [],
  ],
  [
    'devis-charges',
    snap({
      Devis_Lignes: devis({ charges: 0 }),
      Param_TauxCharges_Technicien: one('Paramètres', 'B21', 0.2),
    }),
    ['charges-missing@Devis!B11', 'charges-rate-range@Paramètres!B21'],
  ],
  ['devis-status-missing', snap({ Devis_Lignes: devis() }), []],
  [
    'devis-status-missing',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chauffeurs (équipe image)', null, 3, 'Semaine', 1, 1200, 3600, 3600, null, ''],
      }),
    }),
    ['status-missing@Devis!C8'],
  ],
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(1), Param_TauxCI: one('Paramètres', 'B30', 0.3) }),
    [],
  ],
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(null), Param_TauxCI: one('Paramètres', 'B30', 0.3) }),
    ['tax-credit-share-missing@Devis!L8'],
  ],
  // A court métrage has no tax credit: nothing to say about the column.
  [
    'devis-tax-credit-share',
    snap({ Devis_Lignes: shareDevis(null), Param_TauxCI: one('Paramètres', 'B30', 0) }),
    [],
  ],
  [
    'devis-overheads',
    snap({
      Param_TauxFG: one('Paramètres', 'B25', 0.07),
      Param_PlafondFG: one('Paramètres', 'B26', 0.07),
      Devis_Imprevus: one('Devis', 'H151', 10),
    }),
    [],
  ],
  [
    'devis-overheads',
    snap({
      Param_TauxFG: one('Paramètres', 'B25', 0.08),
      Param_PlafondFG: one('Paramètres', 'B26', 0.07),
      Devis_Imprevus: one('Devis', 'H151', 0),
    }),
    ['overheads-cap@Paramètres!B25', 'contingency-missing@Devis!H151'],
  ],
  // The protocol's worked example: postes 1–9 of 2 636 693 € with a fee of 90 000 € + 54 000 € of
  // charges and 40 000 € of frais financiers: base 2 452 693 €, FG cap 171 688,51 €, fee cap 122 634,65 €.
  [
    'devis-protocol-caps',
    snap({
      Devis_FraisGeneraux: one('Devis', 'H151', 171688.51),
      Devis_RemunProducteur: one('Devis', 'H156', 122634.65),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
    [],
  ],
  [
    'devis-protocol-caps',
    snap({
      // 7 % of the postes 1–9 (fee and frais financiers included): 12 880 € over the cap.
      Devis_FraisGeneraux: one('Devis', 'H151', 184568.51),
      Devis_RemunProducteur: one('Devis', 'H156', 144000),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
    ['protocol-overheads-over@Devis!H151', 'protocol-fee-over@Devis!H156'],
  ],
  // An audiovisual grid has no protocol base: nothing to judge.
  ['devis-protocol-caps', snap({ Devis_FraisGeneraux: one('Devis', 'H160', 500000) }), []],
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100), Param_Enveloppe: one('Paramètres', 'B17', 100) }),
    [],
  ],
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100.01), Param_Enveloppe: one('Paramètres', 'B17', 100) }),
    ['envelope-over@Devis!H152'],
  ],
  [
    'devis-enveloppe',
    snap({ Devis_Total: one('Devis', 'H152', 100), Param_Enveloppe: one('Paramètres', 'B17', null) }),
    ['envelope-missing@Paramètres!B17'],
  ],
  ['devis-rse-lines', snap({ Devis_Lignes: devis() }), []],
  ['devis-rse-lines', snap({ Devis_Lignes: withoutRse(devis()) }), ['rse-lines-missing@Devis!B4']],
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
  ['financing-balanced', snap({ Fin_Ecart: one('Plan de financement', 'C7', 0.004) }), []],
  [
    'financing-balanced',
    snap({ Fin_Ecart: one('Plan de financement', 'C7', -1) }),
    ['financing-unbalanced@Plan de financement!C7'],
  ],
  [
    'financing-balanced',
    snap({
      Fin_Ecart: one('P', 'C7', 0),
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        // Two loans typed as sources; a loan of equipment, the tax credit and a loan of 0 are not.
        [1, 'Prêt bancaire (BNP)', 'Autre', 'Privé', 'Acquis', 150000, 0.05, null, '', '', ''],
        [2, 'Prêt de matériel (Transpalux)', 'Autre', 'Privé', 'Acquis', 20000, 0.01, null, '', '', ''],
        [3, 'Crédit d’impôt cinéma', 'Crédit d’impôt', 'Public', 'Estimé', 300000, 0.1, null, '', '', ''],
        [4, 'Crédit-relais Coficiné', 'Autre', 'Privé', 'Acquis', 200000, 0.07, null, '', '', ''],
        [5, 'Emprunt', 'Autre', 'Privé', 'Envisagé', 0, 0, null, '', '', ''],
      ]),
    }),
    ['financing-loan-as-source@P!B22', 'financing-loan-as-source@P!B25'],
  ],
  ['financing-min-sources', snap({ Fin_NbSources: one('Plan de financement', 'C9', 5) }), []],
  [
    'financing-min-sources',
    snap({ Fin_NbSources: one('Plan de financement', 'C9', 4) }),
    ['financing-few-sources@Plan de financement!C9'],
  ],
  [
    'financing-public-private',
    snap({
      Fin_Public: one('P', 'C10', 1),
      Fin_Prive: one('P', 'C11', 1),
      Fin_Intensite: one('P', 'C12', 0.5),
      Fin_Plafond: one('P', 'C13', 0.5),
    }),
    [],
  ],
  [
    'financing-public-private',
    snap({
      Fin_Public: one('P', 'C10', 0),
      Fin_Prive: one('P', 'C11', 1),
      Fin_Intensite: one('P', 'C12', 0.61),
      Fin_Plafond: one('P', 'C13', 0.6),
    }),
    ['financing-no-public@P!C10', 'financing-over-ceiling@P!C12'],
  ],
  ['financing-rse-bonus', snap({ Fin_NbBonusRSE: one('P', 'C18', 1) }), []],
  ['financing-rse-bonus', snap({ Fin_NbBonusRSE: one('P', 'C18', 0) }), ['financing-no-rse@P!C18']],
  [
    'financing-deadlines',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [
          1,
          'Région',
          'Aide régionale',
          'Public',
          'Sollicité',
          300000,
          0.1,
          new Date(),
          'Tourner en région',
          '',
          '',
        ],
      ]),
    }),
    [],
  ],
  [
    'financing-deadlines',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'Région', 'Aide régionale', 'Public', 'Sollicité', 300000, 0.1, null, '', '', ''],
        [2, 'Chaîne', 'Préachat', 'Privé', 'Acquis', 1, 0, null, '', '', ''],
      ]),
    }),
    ['financing-deadline-missing@P!H22', 'financing-eligibility-missing@P!I22'],
  ],
  [
    'financing-deadlines',
    snap({
      Param_DebutTournage: one('Paramètres', 'B10', new Date(Date.UTC(2027, 3, 26))),
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        // The day before the shoot: in time; the day after: late. A private source: not an aid.
        [
          1,
          'Région',
          'Aide régionale',
          'Public',
          'Sollicité',
          300000,
          0.1,
          new Date(Date.UTC(2027, 3, 25)),
          'En région',
          '',
          '',
        ],
        [
          2,
          'CNC',
          'Aide sélective',
          'Public',
          'Sollicité',
          100000,
          0.1,
          new Date(Date.UTC(2027, 3, 27)),
          'Agrément',
          '',
          '',
        ],
        [
          3,
          'Chaîne',
          'Préachat',
          'Privé',
          'Sollicité',
          200000,
          0.1,
          new Date(Date.UTC(2027, 4, 15)),
          '',
          '',
          '',
        ],
      ]),
    }),
    ['financing-deadline-after-shoot@P!H23'],
  ],
  [
    'financing-tax-credit-status',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'CIC', 'Crédit d’impôt cinéma', 'Public', 'Acquis', 700000, 0.24, null, '', '', ''],
      ]),
      Param_AgrementProvisoire: one('Paramètres', 'B19', 'Oui'),
    }),
    [],
  ],
  [
    'financing-tax-credit-status',
    snap({
      Fin_Tableau: r('P', 'A21', [
        HEAD,
        [1, 'CIC', 'Crédit d’impôt cinéma', 'Public', 'Acquis', 700000, 0.24, null, '', '', ''],
        [2, 'Chaîne', 'Préachat chaîne de télévision', 'Privé', 'Acquis', 1, 0, null, '', '', ''],
        [3, 'CIA', 'Crédit d’impôt audiovisuel', 'Public', 'Sollicité', 1, 0, null, '', '', ''],
      ]),
      Param_AgrementProvisoire: one('Paramètres', 'B19', 'Non'),
    }),
    ['tax-credit-acquired-early@P!E22'],
  ],
  [
    'financing-comparative',
    snap({
      Fin_Comparatif: r('P', 'B44', [
        ['A', 1, 2, 3, 4, 5, 6, 7, 'plus', 'moins'],
        ['B', 1, 2, 3, 4, 5, 6, 7, 'plus', 'moins'],
      ]),
    }),
    [],
  ],
  [
    'financing-comparative',
    snap({ Fin_Comparatif: r('P', 'B44', [['A', 1, 2, 3, 4, 5, 6, 7, 'plus', '']]) }),
    ['financing-comparative-short@P!B44'],
  ],
  [
    'cashflow-totals',
    snap({ Treso_EcartPlan: one('T', 'C52', 0), Treso_EcartDevis: one('T', 'C53', 0) }),
    [],
  ],
  [
    'cashflow-totals',
    snap({ Treso_EcartPlan: one('T', 'C52', 10), Treso_EcartDevis: one('T', 'C53', -0.01) }),
    ['cashflow-gap-plan@T!C52', 'cashflow-gap-devis@T!C53'],
  ],
  [
    'cashflow-phase-order',
    snap({ Treso_Phases: r('T', 'F7', [['Développement', 'Préparation', 'Tournage', 'Postproduction']]) }),
    [],
  ],
  [
    'cashflow-phase-order',
    snap({ Treso_Phases: r('T', 'F7', [['Préparation', 'Tournage', 'Préparation']]) }),
    ['cashflow-phase-order@T!H7'],
  ],
  [
    'cashflow-critical-period',
    snap({
      Treso_MoisDeficit: one('T', 'C48', 3),
      Treso_Mesures: r('T', 'B55', [['Crédit relais', 1, null, 'Banque']]),
    }),
    [],
  ],
  [
    'cashflow-critical-period',
    snap({
      Treso_MoisDeficit: one('T', 'C48', 3),
      Treso_Besoin: one('T', 'C50', 10),
      Treso_Mesures: r('T', 'B55', [[null, null, null, null]]),
    }),
    ['cashflow-no-measure@T!C48'],
  ],
  [
    'cashflow-measures',
    snap({
      Treso_SoldeMinApresMesures: one('T', 'C68', 0),
      Treso_BesoinNonCouvert: one('T', 'C69', 0),
      Treso_CoutMesures: one('T', 'C70', 39872.33),
      Treso_EcartFraisFinanciers: one('T', 'C72', 127.67),
    }),
    [],
  ],
  [
    'cashflow-measures',
    snap({
      Treso_SoldeMinApresMesures: one('T', 'C68', -49401.34),
      Treso_BesoinNonCouvert: one('T', 'C69', 49401.34),
      Treso_CoutMesures: one('T', 'C70', 55090.41),
      Treso_EcartFraisFinanciers: one('T', 'C72', -15090.41),
    }),
    ['cashflow-uncovered@T!C69', 'cashflow-measures-cost@T!C72'],
  ],
  [
    'error-cells',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', 10],
      ]),
    }),
    [],
  ],
  [
    'error-cells',
    snap({
      Recap_Lignes: r('Récapitulatif', 'A4', [
        ['Code', 'Poste', 'Montant'],
        ['1', 'Droits', { error: '#REF!' }],
        ['2', 'Personnel', '#DIV/0!'],
      ]),
    }),
    ['error-cell@Récapitulatif!C5', 'error-cell@Récapitulatif!C6'],
  ],
  [
    // Read whole, every sheet is scanned: a #N/A in a sheet no other rule names is found too.
    'error-cells',
    book([
      sheet('Notes de production', [
        ['Poste', 'Montant'],
        ['Cantine', 1200],
        ['Navettes', { error: '#N/A' }],
      ]),
    ]),
    ['error-cell@Notes de production!B3'],
  ],
  [
    'text-in-number-cells',
    snap({ Devis_Lignes: devis(), Param_Enveloppe: one('Paramètres', 'B17', 3200000) }),
    [],
  ],
  [
    'text-in-number-cells',
    snap({
      Devis_Lignes: devis({
        line: ['2.1', 'Chef op', 'Cadre', 'neuf', 'Semaine', 1, '3 500,00 €', 0, 0, null, ''],
      }),
      Param_Enveloppe: one('Paramètres', 'B17', '3,2 M€'),
    }),
    ['text-number@Devis!D8', 'text-number@Devis!G8', 'text-number@Paramètres!B17'],
  ],
  [
    'formula-inconsistent',
    book([
      sheet('Feuil1', [
        ['Poste', 'Qté', 'Taux', 'Montant'],
        ['a', 2, 10, '=B2*C2 →20'],
        ['b', 3, 10, '=B3*C3 →30'],
        ['c', 4, 10, '=B4*C4 →40'],
      ]),
    ]),
    [],
  ],
  [
    'formula-inconsistent',
    book([
      sheet('Feuil1', [
        ['Poste', 'Qté', 'Taux', 'Montant'],
        ['a', 2, 10, '=B2*C2 →20'],
        ['b', 3, 10, '=B3*10 →30'],
        ['c', 4, 10, '=B4*C4 →40'],
        ['d', 5, 10, 50],
        ['e', 6, 10, '=B6*C6 →60'],
      ]),
      // Across a row: months side by side, one typed.
      sheet('Mois', [
        ['Mois', 1, 2, 3, 4, 5],
        ['Double', '=B1*2 →2', '=C1*2 →4', 99, '=E1*2 →8', '=F1*2 →10'],
      ]),
    ]),
    ['formula-inconsistent@Feuil1!D3', 'formula-typed-value@Feuil1!D5', 'formula-typed-value@Mois!D2'],
  ],
  ['formula-short-range', book([sheet('Feuil1', [['Montant'], [10], [20], [30], ['=SUM(A2:A4) →60']])]), []],
  [
    'formula-short-range',
    book([
      sheet('Feuil1', [['Montant'], [10], [20], [30], ['=SUM(A3:A4) →50']]),
      sheet('Ligne', [[10, 20, 30, '=SUM(A1:B1) →30']]),
    ]),
    ['formula-short-range@Feuil1!A5', 'formula-short-range@Ligne!D1'],
  ],
  [
    // The same short total under our ledger (Dep_Lignes, A5:N7, total row 8): inside a block the
    // model knows, it is an erreur with its own message.
    'formula-short-range',
    {
      ...book([
        sheet('Dépenses', [
          [],
          [],
          [],
          ['Date', 'Pièce', 'Fournisseur', 'Nature', 'Code', 'Libellé', 'Montant HT'],
          [null, 'F-1', 'A', 'Facture', '1.1', 'x', 100],
          [null, 'F-2', 'B', 'Facture', '1.1', 'y', 200],
          [null, 'F-3', 'C', 'Facture', '1.1', 'z', 300],
          [null, null, null, null, null, 'Total', '=SUM(G6:G7) →500'],
        ]),
      ]),
      ranges: {
        Dep_Lignes: r(
          'Dépenses',
          'A5',
          [[null, null, null, null, null, null, null, null, null, null, null, null, null, null]].concat([
            [],
            [],
          ]),
        ),
      },
    },
    ['formula-short-range-block@Dépenses!G8'],
  ],
  [
    'formula-undefined-name',
    book(
      [
        sheet('Feuil1', [
          ['=Taux*2 →1', '=Local_X →1', '=LET(x,1,x+1) →2', '=SUM(Table1[Montant]) →3', '="Taux2"&A1 →0'],
        ]),
      ],
      ['Taux'],
      [{ sheet: 'Feuil1', name: 'Local_X' }],
    ),
    [],
  ],
  [
    'formula-undefined-name',
    book(
      [sheet('Feuil1', [['=Taux2*2 →1', '=Feuil2!Local_X →1', '=taux*2 →1'], ['=A1+Frais_Gen →1']])],
      ['Taux'],
      [{ sheet: 'Feuil1', name: 'Local_X' }],
    ),
    [
      'formula-undefined-name@Feuil1!A1',
      'formula-undefined-name@Feuil1!B1',
      'formula-undefined-name@Feuil1!A2',
    ],
  ],
  [
    'derived-out-of-bounds',
    book([
      sheet('Budget', [
        ['Code', 'Montant', 'dont France', 'dont étranger', '% du devis'],
        ['1', 100, 80, 20, 0.5],
        ['3', 50, 50, 0, 0.3],
      ]),
    ]),
    [],
  ],
  [
    'derived-out-of-bounds',
    book([
      sheet('Budget', [
        ['Code', 'Montant', 'dont France', 'dont étranger', '% du devis'],
        ['1', 100, 80, 20, 0.5],
        ['2', 100, '=B3-D3 →-10', 110, 1.2],
        ['3', 50, 50, 0, 0.3],
        ['Total', 250, 120, 130, 2],
      ]),
    ]),
    ['derived-negative@Budget!C3', 'derived-foreign-above@Budget!D3', 'derived-share@Budget!E3'],
  ],
  ['params-coherence', params(), []],
  // No Suivi budgétaire: nothing to check.
  ['followup-gaps-explained', snap({}), []],
  [
    'followup-gaps-explained',
    snap({
      // Suivi_Lignes from A8: code, ligne, devis, engagé, payé, reste à engager, estimé final,
      // écart, écart %, cause, explication, rang.
      Suivi_Lignes: r('Suivi budgétaire', 'A8', [
        ['5.1', 'Studios', 21000, 6300, 0, 18200, 24500, 3500, 0.1667, 'Externe', 'Repli en studio', 2],
        // +21 % and 1 386 €: at both thresholds, neither cause nor explanation.
        ['6.1.2', 'Trains', 6600, 186, 186, 7800, 7986, 1386, 0.21, null, null, 3],
        // +5 000 € but 8,3 % of its line: under the share threshold.
        ['1.1', 'Droits', 60000, 15000, 15000, 50000, 65000, 5000, 0.0833, null, null, 1],
        // A saving beyond both thresholds is explained too; its cause is not in the list.
        [
          '8.3',
          'Effets visuels',
          45000,
          0,
          0,
          38000,
          38000,
          -7000,
          -0.1556,
          'Ailleurs',
          'Plans remplacés',
          '',
        ],
        // No devis: any écart from the amount threshold on; this one is explained.
        ['9.9', 'Nouvelle ligne', 0, 1500, 0, 0, 1500, 1500, '', 'Interne', 'Ajout du tournage', 4],
        // Text where the écart should be: not judged here (the generic checks see it).
        ['9.8', 'Texte', 100, 0, 0, null, 0, 'n/a', '', null, null, ''],
      ]),
      Param_SeuilEcart: one('Paramètres', 'B21', 0.1),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    [
      'followup-gap-unexplained@Suivi budgétaire!K9',
      'followup-gap-no-cause@Suivi budgétaire!J9',
      'followup-gap-cause-unknown@Suivi budgétaire!J11',
    ],
  ],
  [
    'followup-gaps-explained',
    snap({
      Suivi_Lignes: r('Suivi budgétaire', 'A8', [
        ['6.1.2', 'Trains', 6600, 186, 186, 7800, 7986, 1386, 0.21, null, null, 1],
      ]),
      // Thresholds raised by the production: 25 % of the line.
      Param_SeuilEcart: one('Paramètres', 'B21', 0.25),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    [],
  ],
  [
    'carbon-previsionnel-definitif',
    snap({
      Carbone_TotalPrev: one('Bilan carbone', 'B17', 53940.2),
      Carbone_TotalDef: one('Bilan carbone', 'D17', 10412.5),
      // Carbone_Lignes from A21: catégorie, poste, clé, facteur, unité, quantité prév., multiplicateur,
      // prévisionnel, quantité définitive, définitif, source, hypothèse.
      Carbone_Lignes: r('Bilan carbone', 'A21', [
        [
          'Décors',
          'Construction (k€)',
          'spend.furniture_manufactured',
          350,
          'kgCO2e/k€',
          85,
          0.35,
          10412.5,
          85,
          10412.5,
          'ADEME',
          '',
        ],
        [
          'Transports',
          'Équipe en TGV',
          'train.tgv',
          0.00293,
          'kgCO2e/p.km',
          460,
          120,
          161.7,
          null,
          0,
          'ADEME',
          '',
        ],
        ['Repas', 'Cantine', 'meal.average', 2.25, 'kgCO2e/repas', 980, 1, 2205, null, 0, 'ADEME', ''],
        // Nothing at the forecast: nothing expected at the définitif.
        [null, null, null, null, null, null, null, 0, null, 0, null, null],
      ]),
    }),
    ['carbon-definitive-partial@Bilan carbone!I22'],
  ],
  ['cashflow-actual', snap({}), []],
  [
    'cashflow-actual',
    snap({
      // After the measures drawn and scheduled, the updated balance still falls to −35 384,07 €.
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      // The critical month as read from an .xlsx: an Excel serial (1 septembre 2027).
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', -35_384.07),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 35_384.07),
    }),
    ['cashflow-actual-uncovered@Trésorerie réelle!B51'],
  ],
  [
    'cashflow-actual',
    snap({
      // A need above the forecast's, but covered by the measures: nothing to say.
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', 0),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 0),
    }),
    [],
  ],
  ['closing-balance', snap({}), []],
  [
    'closing-balance',
    snap({
      // Bilan_Postes from A5: chapitre, intitulé, devis, coût définitif, écart, écart %, dont France,
      // dont éligible, explication.
      Bilan_Postes: r('Bilan financier', 'A5', [
        ['1', 'Droits artistiques', 340500, 345500, 5000, 0.0147, 345500, 345500, null],
        // −15 % and −7 000 €: beyond both thresholds, unexplained.
        ['8', 'Pellicules et laboratoires', 46000, 39000, -7000, -0.1522, 39000, 39000, null],
        ['5', 'Décors et costumes', 21000, 24500, 3500, 0.1667, 24500, 24500, 'Repli en studio'],
        [
          null,
          'Imprévus (consommés dans les lignes)',
          135986.59,
          0,
          -135986.59,
          -1,
          0,
          0,
          'Consommés par les lignes',
        ],
      ]),
      // Financement définitif 2 990 000 € for a coût définitif of 3 043 991,03 €.
      Bilan_Solde: one('Bilan financier', 'L9', -53991.03),
      Param_SeuilEcart: one('Paramètres', 'B21', 0.1),
      Param_SeuilEcartMontant: one('Paramètres', 'B22', 1000),
    }),
    ['closing-gap-unexplained@Bilan financier!I6', 'closing-uncovered@Bilan financier!L9'],
  ],
  [
    'closing-balance',
    snap({
      Bilan_Postes: r('Bilan financier', 'A5', [
        ['1', 'Droits artistiques', 340500, 345500, 5000, 0.0147, 345500, 345500, null],
      ]),
      Bilan_Solde: one('Bilan financier', 'L9', 133100.59),
    }),
    [],
  ],
  ['closing-definitive', snap({}), []],
  [
    'closing-definitive',
    DEFINITIVE_SHORT,
    ['closing-tax-credit-lower@Bilan financier!L13', 'closing-over-ceiling@Bilan financier!L5'],
  ],
  [
    'closing-definitive',
    snap({
      // A définitif above the plan is kept by the financement définitif: nothing to say; both lists
      // hold every piece of the ledger.
      Bilan_PersonnelEcart: one('Bilan financier', 'D84', 0),
      Bilan_PrestatairesEcart: one('Bilan financier', 'D136', 0),
      Bilan_CreditImpotDefinitif: one('Bilan financier', 'L11', 659036.17),
      Bilan_CreditImpotPlan: one('Bilan financier', 'L12', 653220.54),
      Bilan_AjustementCreditImpot: one('Bilan financier', 'L13', 5815.63),
      Bilan_CoutDefinitif: one('Bilan financier', 'L5', 2902246.03),
      Fin_Public: one('Plan de financement', 'C9', 1203220.54),
      Fin_Plafond: one('Plan de financement', 'C13', 0.6),
    }),
    [],
  ],
  [
    'closing-definitive',
    snap({
      // 3 200 € of salaries paid to « J. Castel » while the list says « Julien Castel ».
      Bilan_PersonnelEcart: one('Bilan financier', 'D84', 3200),
      Bilan_PrestatairesEcart: one('Bilan financier', 'D136', 0.004),
    }),
    ['closing-list-incomplete@Bilan financier!D84'],
  ],
  ['financing-conditions', snap({}), []],
  [
    'financing-conditions',
    snap({
      // Fin_Conditions from B87: financeur, condition, taux, assiette, exigée, (G), au devis, écart, règle.
      Fin_Conditions: r('Plan de financement', 'B87', [
        // 160 % of a 300 000 € aid: 480 000 € required, 431 150 € spent in the region.
        [
          'Région',
          'Dépenses en région ≥ taux × aide',
          1.6,
          300000,
          480000,
          null,
          431150,
          -48850,
          'Règlement',
        ],
        // Met, to the cent.
        [
          'Île-de-France',
          'Dépenses en région ≥ taux × devis hors poste 9',
          0.3,
          1000000,
          300000,
          null,
          300000,
          0,
          '',
        ],
        // A free row: nothing to check.
        [null, null, null, '', '', null, '', '', null],
      ]),
    }),
    ['financing-condition-unmet@Plan de financement!H87'],
  ],
  ['financing-media-windows', snap({}), []],
  [
    'financing-media-windows',
    snap({
      Fin_Tableau: r('Plan de financement', 'A21', [
        HEAD,
        [
          1,
          'Canal+ — préachat',
          'Préachat chaîne de télévision',
          'Privé',
          'Acquis',
          700000,
          0.2,
          null,
          '',
          '',
          '',
        ],
        [
          2,
          'Netflix — préachat',
          'Préachat plateforme (SMAD)',
          'Privé',
          'Sollicité',
          400000,
          0.1,
          null,
          '',
          '',
          '',
        ],
        [
          3,
          'Distributeur — MG',
          'Minimum garanti distributeur',
          'Privé',
          'Acquis',
          250000,
          0.1,
          null,
          '',
          '',
          '',
        ],
        // Buys no window: not asked for one.
        [4, 'Région', 'Aide régionale', 'Public', 'Sollicité', 300000, 0.1, null, '', '', ''],
      ]),
      // Fin_Chronologie from B100: source, fenêtre, ouverture au contrat, selon l'accord, écart, (G), ordre, constat.
      Fin_Chronologie: r('Plan de financement', 'B100', [
        // Canal+ at 5 months where the accord says 6: the contract contradicts it.
        ['Canal+ — préachat', 'Télévision payante signataire (Canal+, OCS)', 5, 6, -1, null, 2, 'Avant'],
        // At the accord's month, to the month: in order.
        ['Distributeur — MG', 'Vidéo à l’acte (VàD à l’acte, DVD et Blu-ray)', 4, 4, 0, null, 1, 'Conforme'],
        // A window typed by hand, not one of the accord's.
        ['Distributeur — MG', 'Vidéo gratuite', 30, 'Fenêtre inconnue', '', null, 3, ''],
        // A source the plan does not have.
        [
          'M6 — préachat',
          'Télévision en clair (TF1, France Télévisions, M6, Arte…)',
          22,
          22,
          0,
          null,
          4,
          'Conforme',
        ],
        // A free row.
        [null, null, null, '', '', null, '', ''],
      ]),
    }),
    [
      'media-window-early@Plan de financement!D100',
      'media-window-unknown@Plan de financement!C102',
      'media-window-source@Plan de financement!B103',
      // Netflix buys a window and has no row.
      'media-window-missing@Plan de financement!B23',
    ],
  ],
  ['rights-shares', snap({}), []],
  [
    'rights-shares',
    snap({
      // Droits_Lignes from A5: ayant droit, qualité, assiette, pourcentage, rang, plafond, MG, montant…
      Droits_Lignes: r('Ayants droit', 'A5', [
        [
          'Films du Quai',
          'Producteur délégué',
          'Recettes nettes part producteur',
          0.76,
          2,
          null,
          null,
          0,
          0,
          0,
        ],
        ['SOFICA', 'Coproducteur', 'Recettes nettes part producteur', 0.25, 2, null, null, 0, 0, 0],
        ['Scénariste', 'Auteur', 'Recettes nettes part producteur', 0.03, null, null, 10000, 0, 0, 0],
        // A share without a base, and one on a base the table does not list.
        ['Compositeur', 'Compositeur', null, 0.01, null, null, null, '', '', ''],
        ['Éditeur', 'Auteur', 'Ventes de livres', 0.02, null, null, null, 0, 0, 0],
        // 100 % exactly on the distributor's base: allowed (ranks do not apply there).
        ['Distributeur', 'Distributeur', 'Recettes brutes distributeur', 0.25, 1, null, null, 0, 0, 0],
        ['Exploitant', 'Autre', 'Recettes brutes distributeur', 0.75, 1, null, null, 0, 0, 0],
        // A SOFICA's recoupment at 100 % of rank 1, held to its cap: allowed; a rank the waterfall
        // does not have.
        [
          'SOFICA (récupération)',
          'Coproducteur',
          'Recettes nettes part producteur',
          1,
          1,
          150000,
          null,
          0,
          0,
          0,
        ],
        ['Coproducteur', 'Coproducteur', 'Recettes nettes part producteur', 0.1, 7, null, null, 0, 0, 0],
        [null, null, null, null, null, null, null, '', '', ''],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [
        ['Recettes nettes part producteur', 0.03, 360000, 0, 0],
        ['Recettes brutes distributeur', 1, 765000, 0, 0],
        ['Recettes guichet', 0, 0, 0, 0],
        ['Autre assiette', 0, null, 0, 0],
      ]),
      // The waterfall (L29:P34): corridors, ranks 1 to 5.
      Droits_Rangs: r('Ayants droit', 'L29', [
        ['Couloirs (sans rang, dès le premier euro)', 0.03, 360000, 10800, 349200],
        ['Rang 1', 1, 349200, 150000, 199200],
        ['Rang 2', 1.01, 199200, 199200, 0],
        ['Rang 3', 0, 0, 0, 0],
        ['Rang 4', 0, 0, 0, 0],
        ['Rang 5', 0, 0, 0, 0],
      ]),
    }),
    [
      'rights-base-missing@Ayants droit!C8',
      'rights-base-unknown@Ayants droit!C9',
      'rights-rank-unknown@Ayants droit!E13',
      'rights-rank-over-100@Ayants droit!M31',
    ],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        [
          'Films du Quai',
          'Producteur délégué',
          'Recettes nettes part producteur',
          0.6,
          null,
          null,
          null,
          0,
          0,
          0,
        ],
        ['Auteur', 'Auteur', 'Recettes nettes part producteur', 0.45, null, null, null, 0, 0, 0],
      ]),
      // The corridors of the RNPP at 105 %.
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 1.05, 0, 0, 0]]),
    }),
    ['rights-over-100@Ayants droit!M5'],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        ['Films du Quai', 'Producteur délégué', 'Recettes nettes part producteur', 1, 1, null, null, 0, 0, 0],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 0, 0, 0, 0]]),
      // The cascade's rental rate typed at 55 % (L17:M17), above the 50 % cap of Paramètres.
      Droits_TauxLocation: one('Ayants droit', 'M17', 0.55),
      Param_PlafondLocation: one('Paramètres', 'B58', 0.5),
    }),
    ['rights-rental-over-cap@Ayants droit!M17'],
  ],
  [
    'rights-shares',
    snap({
      Droits_Lignes: r('Ayants droit', 'A5', [
        ['Films du Quai', 'Producteur délégué', 'Recettes nettes part producteur', 1, 1, null, null, 0, 0, 0],
      ]),
      Droits_ParAssiette: r('Ayants droit', 'L5', [['Recettes nettes part producteur', 0, 0, 0, 0]]),
      // At the cap exactly: allowed.
      Droits_TauxLocation: one('Ayants droit', 'M17', 0.5),
      Param_PlafondLocation: one('Paramètres', 'B58', 0.5),
    }),
    [],
  ],
  ['breakdown-scenes', snap({}), []],
  [
    'breakdown-scenes',
    snap({
      // Depou_Sequences from A6: séquence, décor, int/ext, jour/nuit, huitièmes, pages, rôles, figurants,
      // accessoires, véhicules, matériel, impact, jours au plan.
      Depou_Sequences: r('Dépouillement', 'A6', [
        ['1', 'Port', 'EXT', 'Jour', 8, 1, 'Léa', 0, '', '', '', '', 1],
        // Shot on no day of the plan.
        ['2', 'Port', 'EXT', 'Jour', 6, 0.75, 'Léa', 0, '', '', '', '', 0],
        ['3', 'Gare', 'INT', 'Jour', 4, 0.5, 'Marc', 10, '', '', '', '', 1],
        [null, null, null, null, null, '', null, null, null, null, null, null, ''],
      ]),
      PdT_Jours: r('Plan de travail', 'A11', [
        [
          1,
          day(2027, 4, 26),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1',
          'Léa',
          0,
          0.3333,
          0.75,
          1,
          9,
          '',
          1,
        ],
        // Sequences 3 and 4: the dépouillement has no 4, nor 5.
        [
          2,
          day(2027, 4, 27),
          'Gare',
          'Lille',
          'Décor naturel',
          'INT',
          'Jour',
          '3, 4,5',
          'Marc',
          10,
          0.3333,
          0.75,
          1,
          9,
          14,
          2,
        ],
      ]),
    }),
    ['scene-unscheduled@Dépouillement!M7', 'scene-unknown@Plan de travail!H12'],
  ],
  ['schedule-plan', snap({}), []],
  [
    'schedule-plan',
    snap({
      Param_DebutTournage: one('Paramètres', 'B14', day(2027, 4, 26)),
      Param_FinTournage: one('Paramètres', 'B15', day(2027, 6, 11)),
      PdT_MaxJour: one('Plan de travail', 'B5', 10),
      PdT_ReposMin: one('Plan de travail', 'B6', 11),
      PdT_MaxConsecutifs: one('Plan de travail', 'B7', 6),
      PdT_MaxSemaine: one('Plan de travail', 'B8', 48),
      Param_LivraisonPAD: one('Paramètres', 'B16', day(2027, 10, 29)),
      // Paramètres says 20 weeks of postproduction, the planning 18.
      Param_SemainesPostprod: one('Paramètres', 'B11', 20),
      PdT_SemainesPostprod: one('Plan de travail', 'I9', 18),
      // PdT_Semaines from H106: semaine du, jours tournés, travail effectif, couverts.
      PdT_Semaines: r('Plan de travail', 'H106', [
        [day(2027, 4, 26), 5, 47.5, 325],
        // Five days of 10 h 15.
        [day(2027, 5, 3), 5, 51.25, 330],
        ['', '', '', ''],
      ]),
      // PdT_Postprod from A121: étape, après l'étape, début, jours ouvrés, fin, semaines.
      PdT_Postprod: r('Plan de travail', 'A121', [
        // Begun a week before the first shooting day.
        ['Montage image', null, day(2027, 4, 19), 80, day(2027, 8, 6), 16],
        // Begun on the Monday before the picture is locked (Friday 6 August).
        ['Montage son', 'Montage image', day(2027, 8, 2), 20, day(2027, 8, 27), 4],
        // Follows a step the planning does not have.
        ['Mixage', 'Montage sons', day(2027, 9, 6), 10, day(2027, 9, 17), 2],
        // Ends a week after the delivery of 29 October.
        ['Conformation et PAD', 'Mixage', day(2027, 10, 25), 10, day(2027, 11, 5), 2],
        [null, null, null, null, '', ''],
      ]),
      PdT_Premier: one('Plan de travail', 'I6', day(2027, 4, 26)),
      // The plan ends a week after Paramètres says.
      PdT_Dernier: one('Plan de travail', 'I7', day(2027, 6, 18)),
      // PdT_Jours from A11: jour, date, décor, lieu, type, int/ext, jour/nuit, séquences, convoqués,
      // figurants, début, fin, pause, travail effectif, repos, jours consécutifs.
      PdT_Jours: r('Plan de travail', 'A11', [
        [
          1,
          day(2027, 4, 26),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1',
          'Léa',
          0,
          0.3125,
          0.8125,
          1,
          11,
          '',
          1,
        ],
        // Called at 06:00 after a wrap at 19:30: 10 h 30 of rest.
        [
          2,
          day(2027, 4, 27),
          'Gare',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '2',
          'Léa',
          0,
          0.25,
          0.6667,
          1,
          9,
          10.5,
          2,
        ],
        // The seventh day in a row, at the limit of hours.
        [
          7,
          day(2027, 5, 2),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '3',
          'Léa',
          0,
          0.3333,
          0.79167,
          1,
          10,
          12,
          7,
        ],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, '', '', ''],
      ]),
      // PdT_Roles from A70: rôle, comédien, début et fin du contrat, jours convoqués, hors contrat.
      PdT_Roles: r('Plan de travail', 'A70', [
        // Léa's contract ends on 1 May 2027: called on the 2nd.
        ['Léa', 'C. D.', day(2027, 4, 26), day(2027, 5, 1), 3, 1],
        ['Marc', 'J. M.', day(2027, 4, 26), day(2027, 6, 11), 0, 0],
      ]),
      // PdT_Quantites from A60: ligne, libellé, mesure, en plus, selon le plan, au devis, écart.
      PdT_Quantites: r('Plan de travail', 'A60', [
        ['6.3.1', 'Cantine', 'Couverts de cantine', null, 2450, 2450, 0],
        ['6.2.1', 'Hôtel', 'Jours à Lille', null, 25, 24, -1],
        // 7 weeks of shooting and 2 of preparation: 9, the devis says 9.
        ['2.4.1', 'Directeur de la photographie', 'Semaines de tournage', 2, 9, 9, 0],
      ]),
    }),
    [
      'schedule-daily-hours@Plan de travail!N11',
      'schedule-rest@Plan de travail!O12',
      'schedule-consecutive@Plan de travail!P13',
      'schedule-weekly-hours@Plan de travail!J107',
      'post-before-shoot@Plan de travail!C121',
      'post-before-dependency@Plan de travail!C122',
      'post-after-unknown@Plan de travail!B123',
      'post-after-delivery@Plan de travail!E124',
      'schedule-role-contract@Plan de travail!I13',
      // Back to the port after a day at the station.
      'schedule-set-return@Plan de travail!C13',
      'schedule-devis-quantity@Plan de travail!F61',
      'schedule-params-dates@Paramètres!B15',
      'schedule-params-post-weeks@Paramètres!B11',
    ],
  ],
  ['cue-sheet', snap({}), []],
  [
    'cue-sheet',
    snap({
      Devis_Lignes: devis(),
      // A ten-minute film.
      Cue_DureeFilm: one('CUE sheet', 'B5', 600),
      // Cue_Lignes from A8: n°, titre, entrée, sortie, durée, utilisation, origine, auteurs, éditeur,
      // interprètes, droits, coût, ligne du devis, libellé, montant au devis, imputé.
      Cue_Lignes: r('CUE sheet', 'A8', [
        // Under the commissioning contract: no cost asked.
        [
          '1M1',
          'Thème',
          0,
          120 / 86400,
          120,
          'Fond sonore',
          'Originale',
          'C. R.',
          'Éd.',
          'Ens.',
          'Contrat de commande',
          null,
          '1.1',
          'Ligne',
          1000,
          800,
        ],
        // Starts at 1:40, before the theme ends at 2:00; its rights still negotiated.
        [
          '1M2',
          'Chanson',
          100 / 86400,
          200 / 86400,
          100,
          'Visuelle',
          'Préexistante',
          'A. B.',
          'Éd.',
          'Groupe',
          'En négociation',
          800,
          '1.1',
          'Ligne',
          1000,
          1200,
        ],
        // Out before in; an archive without a cost, on a line the devis does not have.
        [
          '2M1',
          'Indicatif',
          300 / 86400,
          290 / 86400,
          -10,
          'Indicatif',
          'Archive',
          'INA',
          'INA',
          'Archive',
          'Acquis',
          null,
          '7.9',
          'Code inconnu au devis',
          '',
          0,
        ],
        // Ends at 11:00 in a ten-minute film; 800 + 400 € charged to 1.1 for 1 000 € in the devis.
        [
          '3M1',
          'Final',
          500 / 86400,
          660 / 86400,
          160,
          'Générique fin',
          'Préexistante',
          'D. E.',
          'Éd.',
          'Groupe',
          'Acquis',
          400,
          '1.1',
          'Ligne',
          1000,
          1200,
        ],
        // A free row.
        [null, null, null, null, '', null, null, null, null, null, null, null, null, '', '', ''],
      ]),
    }),
    [
      'cue-timecodes@CUE sheet!D10',
      'cue-beyond-film@CUE sheet!D11',
      'cue-overlap@CUE sheet!C9',
      'cue-rights-pending@CUE sheet!K9',
      'cue-rights-cost@CUE sheet!L10',
      'cue-devis-code@CUE sheet!M10',
      'cue-devis-short@CUE sheet!M11',
    ],
  ],
  ['event-budget', snap({}), []],
  [
    'event-budget',
    snap({
      // Evt_Lignes from A7: catégorie, poste, quantité, unité, tarif, montant, commentaire.
      Evt_Lignes: r('Budget événement', 'A7', [
        ['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null],
        [null, 'Affiches', 1, 'Forfait', 1800, 1800, null],
        ['Presse', 'Attaché de presse', 1, 'Forfait', 3000, 3000, null],
        // A tariff without a label is a poste too; an empty row is not.
        [null, null, 2, null, 50, 100, null],
        [null, null, null, null, null, '', null],
      ]),
    }),
    [
      'event-category-missing@Budget événement!A8',
      'event-category-unknown@Budget événement!A9',
      'event-category-missing@Budget événement!A10',
    ],
  ],
  ['event-festivals', snap({}), []],
  [
    'event-festivals',
    snap({
      Evt_Lignes: r('Budget événement', 'A7', [['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null]]),
      // A 105-minute film delivered on 29 October 2027 (serial 46689).
      Param_LivraisonPAD: one('Paramètres', 'B12', 46689),
      Param_Duree: one('Paramètres', 'B8', 105),
      // Evt_Festivals from A60: festival, section, lieu, rang, première, genres, retombées.
      Evt_Festivals: r('Budget événement', 'A60', [
        ['Lille', 'Compétition', 'Lille', 1, 'Mondiale', 'Fiction', 'Presse'],
        // Closes on 15 October, before the delivery.
        ['Bruxelles', 'Panorama', 'Bruxelles', 2, 'Internationale', 'Fiction', 'Vendeurs'],
        // Takes films of 90 minutes at most.
        ['Montréal', 'Sélection', 'Montréal', 3, 'Nationale', 'Fiction', 'Ventes'],
        // A world premiere after Lille's, in the strategy: a conflict.
        ['Cannes', 'Compétition', 'Cannes', 4, 'Mondiale', 'Tous genres', 'Prestige'],
        // The same, set aside (no rank): not checked.
        ['Venise', 'Compétition', 'Venise', null, 'Mondiale', 'Tous genres', 'Prestige'],
      ]),
      // Evt_FestivalDates from I60: début, date limite, livré, éligible, frais, durée min, durée max, année.
      Evt_FestivalDates: r('Budget événement', 'I60', [
        [46729, 46693, 'Oui', 'Oui', 0, 60, 150, 2027],
        [46772, 46675, 'Non', 'Oui', 60, 70, 180, 2026],
        [46822, 46736, 'Oui', 'Non', 85, 60, 90, 2027],
        [46889, 46813, 'Oui', 'Oui', 0, null, null, 2027],
        [46630, 46600, 'Non', 'Oui', 0, null, null, 2027],
      ]),
    }),
    [
      'festival-undelivered@Budget événement!J61',
      'festival-duration@Budget événement!O62',
      'festival-premiere-conflict@Budget événement!E63',
    ],
  ],
  ['event-retroplanning', snap({}), []],
  [
    'event-retroplanning',
    snap({
      Evt_Lignes: r('Budget événement', 'A7', [['Logistique', 'Salle', 1, 'Forfait', 2500, 2500, null]]),
      // The avant-première on 18 November 2027 (serial 46709).
      Evt_DateAvantPremiere: one('Budget événement', 'B40', 46709),
      // Evt_Retroplanning from A43: phase, tâche, n°, après n°, durée, marge, responsable.
      Evt_Retroplanning: r('Budget événement', 'A43', [
        ['Préparation', 'Salle', 1, null, 5, 2, 'Programmateur'],
        // Starts on 11 September, before the deadline of task 1 (12 September).
        ['Communication', 'Impression', 2, 1, 5, 3, 'Imprimeur'],
        // Nobody responsible, and due on 20 November, two days after the event.
        ['Logistique', 'Cocktail', 3, 2, 3, 2, null],
        // Follows a task the plan does not have; on the day itself: not late.
        ['Jour J', 'Projection', 4, 9, 1, 0, 'Projectionniste'],
        // The bilan, after the event: allowed.
        ['Bilan', 'Revue de presse', 5, 4, 5, 0, 'Attaché de presse'],
        [null, null, null, null, null, null, null],
      ]),
      // Evt_RetroDates from I43: début, fin, échéance, jours avant.
      Evt_RetroDates: r('Budget événement', 'I43', [
        [46636, 46640, 46642, 67],
        [46641, 46645, 46648, 61],
        [46707, 46709, 46711, -2],
        [46709, 46709, 46709, 0],
        [46710, 46714, 46714, -5],
        [null, '', '', ''],
      ]),
    }),
    [
      'retro-before-dependency@Budget événement!I44',
      'retro-missing@Budget événement!G45',
      'retro-after-event@Budget événement!K45',
      'retro-after-unknown@Budget événement!D46',
    ],
  ],
  ['followup-arbitrage', snap({}), []],
  [
    'followup-arbitrage',
    snap({
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 3043991.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', null),
    }),
    ['followup-arbitrage-missing@Suivi budgétaire!C5'],
  ],
  [
    'followup-arbitrage',
    snap({
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 3043991.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', 'Supprimer la deuxième journée à Lille'),
    }),
    [],
  ],
  [
    'followup-arbitrage',
    snap({
      // Within the devis: the imprévus absorb the overruns.
      Suivi_CoutFinal: one('Suivi budgétaire', 'O17', 2902191.03),
      Suivi_Devis: one('Suivi budgétaire', 'O8', 3035291.62),
      Suivi_Arbitrage: one('Suivi budgétaire', 'C5', null),
    }),
    [],
  ],
  // No Dépenses sheet (a workbook of the preparation): nothing to check.
  ['expenses-ledger', snap({}), []],
  [
    'expenses-ledger',
    snap({
      // Dep_Lignes from A5: date, pièce, bénéficiaire, nature, code, libellé, HT, TVA, TTC, statut,
      // date de paiement, mode, justificatif, référence; then a free row (TTC formula only).
      Dep_Lignes: r(
        'Dépenses',
        'A5',
        [
          [
            day(2026, 11, 6),
            'F-1',
            'Quais',
            'Facture',
            '1.1',
            'Option',
            15000,
            825,
            15825,
            'Payé',
            null,
            'Virement',
            'Oui',
            'F-1.pdf',
          ],
          [
            day(2026, 11, 7),
            'F-2',
            'Lumen',
            'Facture',
            '5.1',
            'Plateau',
            6300,
            1260,
            7560,
            'Engagé',
            null,
            null,
            'Oui',
            'BC',
          ],
          [null, null, null, null, null, null, null, null, '', null, null, null, null, null],
        ],
        [
          [
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            '=IF(AND(G5="",H5=""),"",G5+H5)',
            null,
            null,
            null,
            null,
            null,
          ],
          [null, null, null, null, null, null, null, null, 7560, null, null, null, null, null],
          [
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            '=IF(AND(G7="",H7=""),"",G7+H7)',
            null,
            null,
            null,
            null,
            null,
          ],
        ],
      ),
      Dep_Codes: r('Dépenses', 'P5', [['1.1'], ['5.1'], ['7.1']]),
    }),
    [],
  ],
  [
    'expenses-ledger',
    snap({
      Dep_Lignes: r(
        'Dépenses',
        'A5',
        [
          // A code absent from the devis, no justification, and a typed TTC 1 € off.
          [
            day(2026, 11, 6),
            'F-1',
            'Quais',
            'Facture',
            '1.9',
            'Option',
            15000,
            825,
            15826,
            'Payé',
            null,
            null,
            'Non',
            '',
          ],
          // A piece with an amount and no code.
          [
            day(2026, 11, 8),
            'NF-2',
            'Morel',
            'Note de frais',
            null,
            'Train',
            186,
            18.6,
            '',
            'Payé',
            null,
            null,
            'Oui',
            'NF-2',
          ],
        ],
        [
          [null, null, null, null, null, null, null, null, 15826, null, null, null, null, null],
          [
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            '=IF(AND(G6="",H6=""),"",G6+H6)',
            null,
            null,
            null,
            null,
            null,
          ],
        ],
      ),
      Dep_Codes: r('Dépenses', 'P5', [['1.1'], ['5.1']]),
    }),
    [
      'expense-code-unknown@Dépenses!E5',
      'expense-proof-missing@Dépenses!M5',
      'expense-ttc@Dépenses!I5',
      'expense-code-missing@Dépenses!E6',
    ],
  ],
  ['sheet-read-partial', book([sheet('Dépenses', [['Date'], [1]])]), []],
  [
    'sheet-read-partial',
    book([{ ...sheet('Dépenses', [['Date'], [1], [2]]), truncated: true }]),
    ['sheet-read-partial@Dépenses!A4'],
  ],
  [
    'params-coherence',
    params({
      Param_DebutDev: day(2027, 5, 1),
      Param_JoursTournage: 60,
      Param_SemainesPostprod: 30,
      Param_TauxFG: -0.07,
    }),
    [
      'params-date-order@Paramètres!B13',
      'params-shooting-days@Paramètres!B10',
      'params-post-weeks@Paramètres!B11',
      'params-rate-bounds@Paramètres!B25',
    ],
  ],
] as [string, Snapshot, string[]][];

describe.each(TABLES)('%s', (id, snapshot, expected) => {
  it(`gives ${expected.length ? expected.join(', ') : 'no finding'}`, () => {
    expect(found(id, snapshot)).toEqual(expected);
  });
});

describe('every finding is located', () => {
  // Every rule over every snapshot of the tables and over an empty workbook: a finding without a
  // cell must be one its rule declares workbook-level (meta.unlocated), with the reason.
  const snapshots = [...TABLES.map(([, s]) => s), snap({})];
  it.each(RULES.map((x) => [x.meta.id, x] as const))('%s', (_id, rule) => {
    const unlocated = rule.meta.unlocated ?? {};
    for (const reason of Object.values(unlocated)) expect(reason.length).toBeGreaterThan(20);
    for (const s of snapshots) {
      for (const f of runRules([rule], s)) {
        if (f.location) {
          expect(f.location.sheet).not.toBe('');
          expect(f.location.address).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        } else
          expect([f.messageId, Object.keys(unlocated)]).toEqual([
            f.messageId,
            expect.arrayContaining([f.messageId]),
          ]);
      }
    }
  });
});

it('covers every registered rule with a table', () => {
  // Derived, not typed: the rules of the tables above, and those whose tests live in another file
  // (each named there by its id, with a finding expected).
  const elsewhere: Record<string, string> = {
    'carbon-categories': 'test/rules/rules.test.ts',
    'carbon-decors-ratio': 'test/rules/rules.test.ts',
    'carbon-reduction-measures': 'test/rules/rules.test.ts',
    'carbon-previsionnel-definitif': 'test/rules/rules.test.ts',
    'model-invariants': 'test/model/invariants.libreoffice.test.ts',
  };
  const covered = new Set(TABLES.filter(([, , expected]) => expected.length > 0).map(([id]) => id));
  for (const [id, file] of Object.entries(elsewhere)) {
    const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
    if (text.includes(`'${id}'`) && /toContainEqual|toEqual/.test(text)) covered.add(id);
  }
  expect(RULES.map((x) => x.meta.id).filter((id) => !covered.has(id))).toEqual([]);
});

it("renders each finding inside its rule's guard: a message that cannot render is that rule's crash, the others go on", () => {
  const broken = {
    meta: { ...RULES[0]!.meta, id: 'broken-rule' },
    check(ctx: Parameters<(typeof RULES)[number]['check']>[0]) {
      // A message id the catalogue does not have, as a rule written without the compiler would.
      (ctx.report as (id: string, data: object, at: null) => void)('no-such-message', {}, null);
    },
  };
  const s = snap({ Fin_NbBonusRSE: one('P', 'C18', 0) });
  const findings = runRules([broken, ...RULES.filter((x) => x.meta.id === 'financing-rse-bonus')], s);
  expect(findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
    [
      'broken-rule',
      'rule-crashed',
      renderMessage('rule-crashed', { detail: 'Message inconnu : no-such-message' }),
    ],
    ['financing-rse-bonus', 'financing-no-rse', renderMessage('financing-no-rse', {})],
  ]);
});

it('tells a partial définitif with how many postes are left and the first one', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'carbon-previsionnel-definitif'),
    snap({
      Carbone_TotalPrev: one('Bilan carbone', 'B17', 53940.2),
      Carbone_TotalDef: one('Bilan carbone', 'D17', 10412.5),
      Carbone_Lignes: r('Bilan carbone', 'A21', [
        ['Décors', 'Construction (k€)', 'k', 350, 'u', 85, 0.35, 10412.5, 85, 10412.5, 's', ''],
        ['Transports', 'Équipe en TGV', 'k', 0.00293, 'u', 460, 120, 161.7, null, 0, 's', ''],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' '))).toEqual([
    'Bilan définitif partiel : 1 des 2 postes chiffrés au prévisionnel n’a pas encore de quantité définitive (dont « Équipe en TGV ») : complétez-les d’après les consommations réelles.',
  ]);
});

it('tells what the measures leave uncovered, with the updated need and its month', () => {
  const [f] = runRules(
    RULES.filter((x) => x.meta.id === 'cashflow-actual'),
    snap({
      TresoR_Besoin: one('Trésorerie réelle', 'B49', 1_235_412.6),
      TresoR_MoisCritique: one('Trésorerie réelle', 'B47', 46631),
      TresoR_SoldeMinApresMesures: one('Trésorerie réelle', 'B50', -35_384.07),
      TresoR_BesoinNonCouvert: one('Trésorerie réelle', 'B51', 35_384.07),
    }),
  );
  expect(f && renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
    'Trésorerie réelle : après les mesures tirées et celles que la Trésorerie prévoit encore, le solde actualisé descend à -35 384,07 € ; il manque 35 384,07 € que les mesures ne couvrent plus (besoin actualisé avant mesures : 1 235 412,60 €, au plus bas en septembre 2027).',
  );
});

it('tells the tax credit définitif below the plan with both amounts, and the intensity on the coût définitif', () => {
  const found = runRules(
    RULES.filter((x) => x.meta.id === 'closing-definitive'),
    DEFINITIVE_SHORT,
  );
  expect(
    found.map((f) => [f.severity, renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')]),
  ).toEqual([
    [
      'avertissement',
      'Crédit d’impôt définitif de 630 000,00 € sur les dépenses réelles : 23 220,54 € de moins que les 653 220,54 € du plan de financement ; le financement définitif retient le définitif, et ce qu’un préfinancement a avancé au-delà se rembourse.',
    ],
    [
      'erreur',
      'Aides publiques de 1 203 220,54 € : 63,3 % du coût définitif (1 900 000,00 €), au-delà du plafond de 60 % : l’intensité se vérifie aussi au coût définitif.',
    ],
  ]);
});

it('tells a TTC that is not HT + TVA with the three amounts, in euros to the cent', () => {
  const [f] = runRules(
    RULES.filter((x) => x.meta.id === 'expenses-ledger'),
    snap({
      Dep_Lignes: r('Dépenses', 'A5', [
        [
          null,
          'F-1',
          'Quais',
          'Facture',
          '1.1',
          'Option',
          15000,
          825,
          15826,
          'Payé',
          null,
          null,
          'Oui',
          'F-1',
        ],
      ]),
      Dep_Codes: r('Dépenses', 'P5', [['1.1']]),
    }),
  );
  expect(f && renderMessage(f.messageId, f.data).replace(/[\u00a0\u202f]/g, ' ')).toBe(
    'Dépense F-1 : TTC 15 826,00 € au lieu de HT 15 000,00 € + TVA 825,00 € = 15 825,00 €.',
  );
});

it('tells the protocol overshoot in euros, with the base and the gap', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'devis-protocol-caps'),
    snap({
      Devis_FraisGeneraux: one('Devis', 'H151', 184568.51),
      Devis_RemunProducteur: one('Devis', 'H156', 100000),
      Devis_BaseProtocole: one('Devis', 'H158', 2452693),
      Param_PlafondFG: one('Paramètres', 'B29', 0.07),
      Param_PlafondRemunProducteur: one('Paramètres', 'B30', 0.05),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Frais généraux de 184 568,51 € (7,5 % de la base) au-dessus du plafond de 7,0 % : 171 688,51 € sur une base de 2 452 693,00 € (coût hors frais généraux, rémunération du producteur et frais financiers ; Protocole du 16/12/2010 art. 2.12). Dépassement : 12 880,00 €.',
  ]);
});

it('names the sequences a plan day shoots and the dépouillement does not list', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'breakdown-scenes'),
    snap({
      Depou_Sequences: r('Dépouillement', 'A6', [
        ['1', 'Port', 'EXT', 'Jour', 8, 1, 'Léa', 0, '', '', '', '', 1],
      ]),
      PdT_Jours: r('Plan de travail', 'A11', [
        [
          1,
          day(2027, 4, 26),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1, 4,5',
          'Léa',
          0,
          0.3,
          0.7,
          1,
          9,
          '',
          1,
        ],
        [
          2,
          day(2027, 4, 27),
          'Port',
          'Lille',
          'Décor naturel',
          'EXT',
          'Jour',
          '1, 7',
          'Léa',
          0,
          0.3,
          0.7,
          1,
          9,
          14,
          2,
        ],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Journée du 26/04/2027 : le dépouillement ne liste pas les séquences 4, 5 — dépouillez ce que le plan tourne ou corrigez le numéro.',
    'Journée du 27/04/2027 : le dépouillement ne liste pas la séquence 7 — dépouillez ce que le plan tourne ou corrigez le numéro.',
  ]);
});

it('tells a cue sheet’s devis line short of the rights it charges to it, in euros', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'cue-sheet'),
    snap({
      Devis_Lignes: devis(),
      Cue_Lignes: r('CUE sheet', 'A8', [
        [
          '1M1',
          'Chanson',
          0,
          60 / 86400,
          60,
          'Visuelle',
          'Préexistante',
          'A',
          'B',
          'C',
          'Acquis',
          750.5,
          '5.1',
        ],
        [
          '1M2',
          'Chanson',
          60 / 86400,
          90 / 86400,
          30,
          'Visuelle',
          'Préexistante',
          'A',
          'B',
          'C',
          'Acquis',
          300,
          '5.1',
        ],
      ]),
    }),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Ligne 5.1 du devis (Ligne) : 1 000,00 € au devis pour 1 050,50 € de droits imputés par la CUE sheet ; il manque 50,50 €.',
  ]);
});

it('tells a line amount of a devis in k€ in euros', () => {
  const findings = runRules(
    RULES.filter((x) => x.meta.id === 'devis-line-amount'),
    snap(
      {},
      {
        devis: sheet('Budget', [
          ['Budget du court métrage (k€)'],
          ['Compte', 'Désignation', 'Qté', 'Nb', 'Tarif', 'Total'],
          ['1 - DROITS ARTISTIQUES', null, null, null, null, null],
          ['1.2', 'Musique', 10, 1, 1.2345, 12.5],
        ]),
      },
    ),
  );
  expect(findings.map((f) => renderMessage(f.messageId, f.data).replace(/[\u202f\u00a0]/g, ' '))).toEqual([
    'Montant 12 500,00 € au lieu de quantité × nombre × taux = 12 350,00 €.',
  ]);
});
