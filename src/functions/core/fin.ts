import { cellText } from '../../domain/text/cellText';
import data from '../../../data/finance/financement.json';
import { taxCreditCap, taxCreditFact } from '../../domain/financing/categories';
import { taxCreditEstimate } from '../../domain/financing/compute';
import { Money, ZERO } from '../../domain/money';
import { fail, ok, type Result } from '../../domain/result';
import { looseForm } from '../../domain/text/looseForm';
import type { ProductionFormat } from '../../domain/facts/facts';

/** FIN.INTENSITE: public share of a financing — sum of amounts whose nature is "Public" over the total. */
export function finIntensite(amounts: unknown[][], natures: unknown[][]): Result<number> {
  const a = amounts.flat();
  const n = natures.flat();
  if (a.length !== n.length)
    return fail(
      'invalidValue',
      `Les plages de montants (${a.length}) et de natures (${n.length}) n'ont pas la même taille.`,
    );
  let total = ZERO;
  let pub = ZERO;
  for (let i = 0; i < a.length; i += 1) {
    const v = a[i];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'number')
      return fail('invalidValue', `Montant non numérique à la ${i + 1}e cellule : « ${cellText(v)} ».`);
    const nature = looseForm(cellText(n[i]));
    if (nature !== 'public' && nature !== 'prive')
      return fail(
        'invalidValue',
        `Nature « ${cellText(n[i])} » à la ${i + 1}e cellule : Public ou Privé attendu.`,
      );
    const m = new Money(String(v));
    total = total.plus(m);
    if (nature === 'public') pub = pub.plus(m);
  }
  if (total.isZero()) return fail('divisionByZero', 'Total du financement nul.');
  return ok(pub.dividedBy(total).toNumber());
}

interface TaxCreditType {
  format?: string;
  rate?: string;
  cap?: string;
}

/**
 * FIN.CREDIT_IMPOT: rate × eligible French expenses, capped, for "cinéma", "audiovisuel",
 * "documentaire" or "international". The audiovisual credit is capped per minute produced: its
 * ceiling needs the duration (minutes) and the cost of the work.
 */
export function finCreditImpot(
  expenses: unknown,
  type: unknown,
  minutes?: unknown,
  cost?: unknown,
): Result<number> {
  if (typeof expenses !== 'number' || !Number.isFinite(expenses) || expenses < 0) {
    return fail(
      'invalidValue',
      `Dépenses éligibles : un montant positif est attendu (reçu « ${String(expenses)} »).`,
    );
  }
  const types = data.taxCreditTypes as unknown as Record<string, TaxCreditType | string>;
  const key = Object.keys(types).find((k) => k !== 'note' && looseForm(k) === looseForm(cellText(type)));
  const t = key ? (types[key] as TaxCreditType) : undefined;
  if (!t)
    return fail(
      'notAvailable',
      `Type de crédit d'impôt inconnu « ${cellText(type)} » : cinema, audiovisuel, documentaire ou international.`,
    );
  const base = new Money(String(expenses));
  if (t.format) {
    const fact = taxCreditFact(t.format as ProductionFormat);
    if (fact.cap !== null) return ok(taxCreditEstimate(fact.rate, base, fact.cap).toNumber());
    const given = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
    if (!given(minutes) || !given(cost)) {
      return fail(
        'invalidValue',
        'Crédit d’impôt audiovisuel : plafonné par minute produite ; indiquez la durée (minutes) et le coût de l’œuvre (3e et 4e arguments).',
      );
    }
    return ok(
      taxCreditEstimate(fact.rate, base, taxCreditCap(fact, new Money(String(cost)), minutes)).toNumber(),
    );
  }
  return ok(taxCreditEstimate(new Money(t.rate ?? '0'), base, new Money(t.cap ?? '0')).toNumber());
}
