import { looseForm } from '../domain/text/looseForm';
import { cellText } from '../domain/text/cellText';
import { formatEuros, Money } from '../domain/money';
import { grid, type Grid } from './grid';
import { isNumber } from './snapshot';
import type { Rule } from './types';

type Role = 'amount' | 'france' | 'foreign' | 'share';

/** A column's role from its header, in any case and accents ("dont étranger", "% du devis"…). */
function roleOf(header: string): Role | null {
  const h = looseForm(header);
  // A header is short: a justification that mentions "2 %" is not one.
  if (!h || h.length > 40) return null;
  if (/^(dont )?france\b/.test(h)) return 'france';
  if (/^(dont )?etranger\b/.test(h)) return 'foreign';
  // An écart or a variation in % is signed and may pass 100 %: not a share.
  if (/\b(ecart|variation|evolution)s?\b/.test(h)) return null;
  if (/^%|%$|\(%\)|% (du|de|des)\b|^(part|quote part|pourcentage)\b/.test(h)) return 'share';
  if (/^(montant|total|cout)\b/.test(h) && !h.includes('%')) return 'amount';
  return null;
}

const HEADER_ROWS = 60;

/** A row whose first text says "Total…" (Total, Total général, Sous-total). */
function isTotalLine(g: Grid, i: number): boolean {
  for (let j = 0; j < Math.min(g.cols, 4); j += 1) {
    const v = g.value(i, j);
    if (typeof v === 'string' && v.trim() !== '') return /^(sous )?total\b/.test(looseForm(v));
  }
  return false;
}
const CENT = 0.005;

/** Header rows of a sheet: each with its columns by role (first column of each role). */
function headers(g: Grid): { row: number; roles: Map<Role, number[]> }[] {
  const out: { row: number; roles: Map<Role, number[]> }[] = [];
  for (let i = 0; i < Math.min(g.rows, HEADER_ROWS); i += 1) {
    const roles = new Map<Role, number[]>();
    for (let j = 0; j < g.cols; j += 1) {
      const v = g.value(i, j);
      if (typeof v !== 'string' || g.formula(i, j)) continue;
      const role = roleOf(v);
      if (role) roles.set(role, [...(roles.get(role) ?? []), j]);
    }
    // A header row names a split (France / étranger) or a share next to other headers.
    if (roles.has('france') || roles.has('foreign') || roles.has('share')) out.push({ row: i, roles });
  }
  return out;
}

/** A share column: its numbers are fractions (0,25 shown as 25 %) when most lie within 0–1. */
function fractions(g: Grid, j: number, from: number, to: number): boolean {
  let n = 0;
  let inside = 0;
  for (let i = from; i < to; i += 1) {
    const v = g.value(i, j);
    if (!isNumber(v) || isTotalLine(g, i)) continue;
    n += 1;
    if (v >= 0 && v <= 1 + 1e-9) inside += 1;
  }
  return n > 0 && inside * 2 > n;
}

const euros = (x: number): string => formatEuros(new Money(x));

export const rule: Rule = {
  meta: {
    id: 'derived-out-of-bounds',
    title: 'Colonnes dérivées dans leurs bornes (dont France, dont étranger, parts en %)',
    criteria: ['rncp40642:C1.5', 'cpca:C1.3.3'],
    why: 'Une part « dont France » négative, plus grande que le montant, ou un pourcentage hors de 0–100 % est une erreur de saisie qui fausse les bases calculées (crédit d’impôt, dépenses en France).',
    fix: 'Corrigez la cellule : la part France ou étranger est comprise entre zéro et le montant de la ligne, un pourcentage entre 0 et 100 %.',
    severity: 'erreur',
    kind: 'auto',
    reads: [],
    readsWorkbook: true,
    sheet: 'Toutes les feuilles',
  },
  check(ctx) {
    for (const range of ctx.snapshot.workbook?.sheets ?? []) {
      const g = grid(range);
      const hs = headers(g);
      hs.forEach(({ row, roles }, h) => {
        const end = hs[h + 1]?.row ?? g.rows;
        const amount = roles.get('amount')?.[0];
        for (const role of ['france', 'foreign'] as const) {
          for (const j of roles.get(role) ?? []) {
            for (let i = row + 1; i < end; i += 1) {
              const v = g.value(i, j);
              if (!isNumber(v)) continue;
              if (v < -CENT) {
                ctx.report(
                  'derived-negative',
                  { header: cellText(g.value(row, j)), value: euros(v) },
                  g.at(i, j),
                );
                continue;
              }
              const total = amount !== undefined ? g.value(i, amount) : null;
              if (role === 'foreign' && isNumber(total) && total >= 0 && v > total + CENT)
                ctx.report(
                  'derived-foreign-above',
                  { value: euros(v), amount: euros(total), header: cellText(g.value(row, amount ?? 0)) },
                  g.at(i, j),
                );
            }
          }
        }
        for (const j of roles.get('share') ?? []) {
          const asFraction = fractions(g, j, row + 1, end);
          for (let i = row + 1; i < end; i += 1) {
            // A total row sums the shares: above 100 % it tells an unbalanced plan, which
            // financing-balanced reports; here only a part's share is judged.
            if (isTotalLine(g, i)) continue;
            const v = g.value(i, j);
            if (!isNumber(v)) continue;
            const pct = asFraction ? v * 100 : v;
            if (pct < -1e-7 || pct > 100 + 1e-7)
              ctx.report(
                'derived-share',
                {
                  header: cellText(g.value(row, j)),
                  value: (Math.round(pct * 100) / 100).toString().replace('.', ','),
                },
                g.at(i, j),
              );
          }
        }
      });
    }
  },
};
