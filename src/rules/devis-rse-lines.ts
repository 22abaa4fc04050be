import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import { looseForm } from '../domain/text/looseForm';
import type { Rule } from './types';

const WORDS = [
  'accessib',
  'eco-prod',
  'ecoprod',
  'eco prod',
  'inclusion',
  'prevention',
  'rse',
  'vhss',
  'handicap',
  'audiodescription',
  'sous-titrage sme',
  'diversite',
  'dechets',
  'bilan carbone',
];

/** A raw text that may hold one of the words (any case, accents or not). */
const MAYBE =
  /acc[eè]s|[eé]co|inclus|pr[eé]vention|rse|vhss|handicap|audiod|sous-titr|diversit|d[eé]chet|carbone/i;

export const rule: Rule = {
  meta: {
    id: 'devis-rse-lines',
    title: 'Devis : lignes chiffrées pour les engagements environnementaux et sociaux',
    criteria: ['rncp40642:C1.5', 'rncp40642:C2.3'],
    why: 'Les engagements environnementaux et sociaux (éco-production, accessibilité, inclusion, prévention) doivent être budgétés pour être crédibles.',
    fix: 'Ajoutez au devis au moins une ligne chiffrée pour un de ces engagements, avec un libellé qui le dit (par exemple « Référent éco-production »).',
    severity: 'erreur',
    kind: 'semi',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const b = readModel(ctx.snapshot).budget;
    if (!b?.table) return;
    const found = b.rows.some((r) => {
      const raw = `${r.label.value ?? ''} ${r.justification.value ?? ''}`;
      // Most rows say none of the words: a cheap look at the raw text before normalising it.
      if (!MAYBE.test(raw)) return false;
      const text = looseForm(raw);
      return WORDS.some((w) => text.includes(w)) && r.amount.value?.gt(0) === true;
    });
    if (!found) ctx.report('rse-lines-missing', {}, b.header?.label ?? null);
  },
};
