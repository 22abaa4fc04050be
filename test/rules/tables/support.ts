import { RULES } from '../../../src/rules';
import { runRules } from '../../../src/rules/engine';
import type { Snapshot } from '../../../src/rules/types';
import type { RangeRead } from '../../../src/workbook/port';

/* What the rule tables share: small in-memory snapshots, and the findings of one rule over one. */

/** A rule's table: each snapshot with the findings it gives (messageId@Sheet!A1), in order. */
export type Case = [string, Snapshot, string[]];

export const r = (
  sheet: string,
  topLeft: string,
  values: unknown[][],
  formulas?: unknown[][],
): RangeRead => ({
  sheet,
  topLeft,
  values,
  ...(formulas ? { formulas } : {}),
});
export const one = (sheet: string, address: string, v: unknown): RangeRead => r(sheet, address, [[v]]);
export const snap = (ranges: Snapshot['ranges'], sheets: Snapshot['sheets'] = {}): Snapshot => ({
  ranges,
  sheets,
});
/** A whole workbook for the generic checks: its sheets' used ranges and its names. */
export const book = (
  sheets: RangeRead[],
  names: string[] = [],
  localNames: { sheet: string; name: string }[] = [],
): Snapshot => ({ ranges: {}, sheets: {}, workbook: { sheets, names, localNames } });
/** A sheet from A1 where a string starting with "=" is a formula (its value given after "→"). */
export const sheet = (name: string, rows: unknown[][]): RangeRead => ({
  sheet: name,
  topLeft: 'A1',
  values: rows.map((row) =>
    row.map((c) => (typeof c === 'string' && c.startsWith('=') ? Number(c.split('→')[1] ?? 0) : c)),
  ),
  formulas: rows.map((row) =>
    row.map((c) => (typeof c === 'string' && c.startsWith('=') ? (c.split('→')[0] ?? '').trim() : c)),
  ),
});
export const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
export const params = (over: Record<string, unknown> = {}): Snapshot => {
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
export const found = (id: string, s: Snapshot): string[] =>
  runRules(
    RULES.filter((x) => x.meta.id === id),
    s,
  ).map((f) => `${f.messageId}@${f.location ? `${f.location.sheet}!${f.location.address}` : '-'}`);

export const HEAD = [
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
export const CHAPTERS: [string, string][] = [
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
export function devis(
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
export function shareDevis(share: number | null): RangeRead {
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

export function withoutRse(range: RangeRead): RangeRead {
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
export const handmade = (o: { total1?: string; line?: string; grand?: string } = {}): RangeRead => {
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
export const DEFINITIVE_SHORT = snap({
  Bilan_CreditImpotDefinitif: one('Bilan financier', 'L11', 630000),
  Bilan_CreditImpotPlan: one('Bilan financier', 'L12', 653220.54),
  Bilan_AjustementCreditImpot: one('Bilan financier', 'L13', -23220.54),
  Bilan_CoutDefinitif: one('Bilan financier', 'L5', 1900000),
  Fin_Public: one('Plan de financement', 'C9', 1203220.54),
  Fin_Plafond: one('Plan de financement', 'C13', 0.6),
});
