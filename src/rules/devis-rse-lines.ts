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
      if (!r.amount.value?.gt(0)) return false;
      const text = looseForm(`${r.label.value ?? ''} ${r.justification.value ?? ''}`);
      return WORDS.some((w) => text.includes(w));
    });
    if (!found) ctx.report('rse-lines-missing', {}, b.header?.label ?? null);
  },
};
