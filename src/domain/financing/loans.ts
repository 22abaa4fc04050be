import { looseForm } from '../text/looseForm';

/**
 * Words that name a loan in a source's label (on the loose form: accents and punctuation
 * ignored). A loan is repaid: it bridges the cash plan (Trésorerie, mesures) and never finances
 * the devis. « Prêt de matériel » or « prêt gracieux » is a contribution in kind, not a loan.
 */
const LOAN =
  /\b(pret|emprunt|credit relais|decouvert|facilite de caisse)\b(?! (de|d) (materiel|decor|costume|vehicule|local|locaux))(?! gracieux)/;

/** Whether a financing source's label names a loan (« Prêt bancaire », « Crédit-relais »…). */
export function namesALoan(label: string): boolean {
  return LOAN.test(looseForm(label));
}

/** Why a loan is not a source of the plan, and where it goes instead (French, for the user). */
export function loanRefusal(label: string): string {
  return `« ${label} » est un emprunt : il se rembourse, ce n’est pas une source du plan de financement. Placez-le dans les mesures de la Trésorerie (crédit relais, préfinancement).`;
}
