import { DEVIS_NAMES } from '../sheets/devis/contract';
import { BASE_SHEETS } from '../sheets/model/naming';
import { looseForm } from '../domain/text/looseForm';
import { devisTable, isNumber } from './snapshot';
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
    reads: [DEVIS_NAMES.lines],
    sheet: BASE_SHEETS.devis,
  },
  check(ctx) {
    const table = devisTable(ctx.snapshot);
    if (!table) return;
    const found = table.rows.some((r) => {
      if (!isNumber(r.amount) || r.amount <= 0) return false;
      const text = looseForm(`${r.label} ${r.justification}`);
      return WORDS.some((w) => text.includes(w));
    });
    if (!found) ctx.report('rse-lines-missing', {}, table.locate(table.headerIndex, 'label'));
  },
};
