import { checkInvariants } from '../model/invariant';
import { INVARIANTS } from '../model/invariants';
import { MODEL_READS, readModel } from '../model/read';
import type { MessageData } from './messages';
import type { Rule } from './types';

/**
 * The declared invariants of the model (src/model/invariants.ts) as one rule: every figure that
 * breaks what a production accountant takes for granted, at its cell, with the criterion it harms.
 */
export const rule: Rule = {
  meta: {
    id: 'model-invariants',
    title: 'Les évidences du métier tiennent : signes, listes, sommes, ordres, égalités entre feuilles',
    criteria: [...new Set(INVARIANTS.map((i) => i.criterion))],
    why: 'Un jury ou un financier voit tout de suite une quantité négative, un échéancier à 120 %, une source sans catégorie ou un payé au-dessus de l’engagé : chacun fausse un total ou une base sans erreur visible.',
    fix: 'Corrigez la cellule désignée : le message dit ce qui doit tenir (la règle du métier) et, pour une égalité entre feuilles, où se trouve l’autre chiffre.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: 'Tout le classeur',
  },
  check(ctx) {
    for (const v of checkInvariants(INVARIANTS, readModel(ctx.snapshot))) {
      // The checker builds each message's data with its template's keys; the union of eight
      // messages cannot be correlated by the compiler, and a missing key fails inside the guard.
      const data = v.data as MessageData<typeof v.messageId>;
      ctx.report(v.messageId, data, v.at, { criteria: [v.criterion] });
    }
  },
};
