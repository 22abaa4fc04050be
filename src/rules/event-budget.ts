import { EVENT_CATEGORIES } from '../domain/event/event';
import { EVENT_NAMES } from '../sheets/event/contract';
import { readEventRows } from '../sheets/event/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * The event budget groups its postes by category (logistique, communication et marketing, frais
 * administratifs): every poste with an amount or a label has one of them.
 */
export const rule: Rule = {
  meta: {
    id: 'event-budget',
    title: 'Budget d’événement : chaque poste rangé dans une catégorie',
    criteria: ['cpca:C.4.2.4'],
    why: 'Un budget d’avant-première ou de festival se lit par catégorie (logistique, communication et marketing, frais administratifs) : un poste hors catégorie échappe aux totaux que le jury et les partenaires regardent.',
    fix: 'Dans la feuille Budget événement, choisissez la catégorie du poste dans la liste de la colonne « Catégorie ».',
    severity: 'erreur',
    kind: 'auto',
    reads: [EVENT_NAMES.lines],
    sheet: BASE_SHEETS.event,
  },
  check(ctx) {
    const rows = readEventRows(ctx.snapshot);
    if (!rows) return;
    for (const r of rows) {
      const label = r.text('label');
      if (label === '' && r.text('amount') === '' && r.text('rate') === '') continue;
      const poste = label || 'sans intitulé';
      const category = r.text('category');
      if (category === '') ctx.report('event-category-missing', { poste }, r.at('category'));
      else if (!(EVENT_CATEGORIES as readonly string[]).includes(category))
        ctx.report('event-category-unknown', { poste, category }, r.at('category'));
    }
  },
};
