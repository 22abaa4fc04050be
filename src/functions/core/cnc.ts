import { cellText } from '../../domain/text/cellText';
import { STATUSES, type Status } from '../../domain/budget/types';
import { chargeRate } from '../../domain/budget/compute';
import { defaultParams, statusLabel } from '../../domain/facts/facts';
import { Money, ZERO, parseAmount, roundCents } from '../../domain/money';
import {
  chapterOf,
  DEFAULT_NOMENCLATURE,
  findNomenclature,
  getNomenclature,
  isValidCode,
  listNomenclatures,
} from '../../domain/nomenclature/nomenclature';
import type { NomenclatureData } from '../../domain/nomenclature/types';
import { fail, ok, type Result } from '../../domain/result';
import { looseForm } from '../../domain/text/looseForm';

function nomenclatureArg(nomenclature: unknown): Result<NomenclatureData> {
  if (nomenclature === null || nomenclature === undefined || nomenclature === '')
    return ok(getNomenclature(DEFAULT_NOMENCLATURE));
  const nom = findNomenclature(cellText(nomenclature));
  if (nom) return ok(nom);
  return fail(
    'invalidValue',
    `Nomenclature inconnue « ${cellText(nomenclature)} » : utilisez ${listNomenclatures()
      .map((n) => n.id)
      .join(', ')}.`,
  );
}

/** A code typed in a cell: text as is, a number through its shortest form (2.1 → "2.1"). */
export function codeText(code: unknown): string {
  if (typeof code === 'number') return String(code);
  return cellText(code).trim();
}

/** CNC.CHAPITRE: the label of the chapter a code belongs to ("2.4.1" → Personnel). */
export function cncChapitre(code: unknown, nomenclature?: unknown): Result<string> {
  const nom = nomenclatureArg(nomenclature);
  if (!nom.ok) return nom;
  const text = codeText(code);
  if (text === '') return fail('invalidValue', 'Indiquez un code de poste, par exemple "2.4".');
  const ch = chapterOf(nom.value, text);
  return ch
    ? ok(ch.label)
    : fail('notAvailable', `Code « ${text} » inconnu dans la nomenclature ${nom.value.id}.`);
}

/** CNC.VALIDE: TRUE for a chapter, a known line or a user line under a known poste. */
export function cncValide(code: unknown, nomenclature?: unknown): Result<boolean> {
  const nom = nomenclatureArg(nomenclature);
  if (!nom.ok) return nom;
  return ok(isValidCode(nom.value, codeText(code)));
}

/** True when `candidate` is `code` or lies under it: "2.1" holds "2.1.3" but not "2.10". */
export function isUnder(code: string, candidate: string, dotted: boolean): boolean {
  const c = code.toLowerCase();
  const x = candidate.toLowerCase();
  if (x === c) return true;
  if (dotted) return x.startsWith(`${c}.`);
  return /^\d+$/.test(x) && x.startsWith(c);
}

/**
 * CNC.TOTAL: the sum of the amounts whose code is `code` or lies under it. Dotted codes
 * (classic, audiovisuel) compare by segment; all-digit codes (CNC 2018) by prefix. An amount
 * that is not a number gives #VALUE! naming the row; empty amounts count as nothing.
 */
export function cncTotal(code: unknown, codes: unknown[][], amounts: unknown[][]): Result<number> {
  const target = codeText(code);
  if (target === '') return fail('invalidValue', 'Indiquez le code du poste à totaliser, par exemple "2".');
  const flatCodes = codes.flat();
  const flatAmounts = amounts.flat();
  if (flatCodes.length !== flatAmounts.length) {
    return fail(
      'invalidValue',
      `Les plages de codes (${flatCodes.length} cellules) et de montants (${flatAmounts.length}) n'ont pas la même taille.`,
    );
  }
  const texts = flatCodes.map(codeText);
  const dotted = target.includes('.') || texts.some((t) => t.includes('.'));
  let total = ZERO;
  for (let i = 0; i < texts.length; i += 1) {
    const t = texts[i] ?? '';
    if (t === '' || !isUnder(target, t, dotted)) continue;
    const raw = flatAmounts[i];
    if (raw === null || raw === undefined || raw === '') continue;
    if (typeof raw === 'number') {
      total = total.plus(new Money(String(raw)));
      continue;
    }
    const parsed = parseAmount(raw);
    return fail(
      'invalidValue',
      parsed.ok
        ? `Montant saisi comme texte à la ${i + 1}e cellule (code ${t}) : « ${cellText(raw)} » — saisissez un nombre.`
        : `Montant non numérique à la ${i + 1}e cellule (code ${t}) : « ${cellText(raw)} ».`,
    );
  }
  return ok(total.toNumber());
}

function statusArg(status: unknown): Result<Status> {
  const s = looseForm(cellText(status));
  const found = STATUSES.find((x) => looseForm(x) === s || looseForm(statusLabel(x)) === s);
  return found
    ? ok(found)
    : fail(
        'notAvailable',
        `Statut inconnu « ${cellText(status)} » : ${STATUSES.map(statusLabel).join(', ')}.`,
      );
}

/**
 * CNC.CHARGES: employer charges on a gross pay, at the dated rate of the status, plus the
 * short-CDDU surcharge for intermittents, as the devis's charges chapter applies them (rounded to
 * the cent).
 */
export function cncCharges(gross: unknown, status: unknown): Result<number> {
  if (typeof gross !== 'number' || !Number.isFinite(gross))
    return fail('invalidValue', `Salaire brut : un nombre est attendu (reçu « ${String(gross)} »).`);
  if (gross < 0) return fail('invalidValue', 'Salaire brut négatif.');
  const s = statusArg(status);
  if (!s.ok) return s;
  // The charge rates and the short-CDDU surcharge are the same for every format.
  const rate = chargeRate({ params: defaultParams('long-metrage') }, s.value);
  return ok(roundCents(new Money(String(gross)).times(rate)).toNumber());
}
