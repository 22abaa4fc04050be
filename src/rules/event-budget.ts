import { EVENT_CATEGORIES } from '../domain/event/event';
import { MODEL_READS, readModel } from '../model/read';
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
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.event,
  },
  check(ctx) {
    // Over the model: each poste of the event (a label, an amount or a tarif typed).
    for (const l of readModel(ctx.snapshot).event?.lines ?? []) {
      if (!l.category.at) continue;
      const poste = l.label.value ?? 'sans intitulé';
      const category = l.category.value ?? '';
      if (category === '') ctx.report('event-category-missing', { poste }, l.category.at);
      else if (!(EVENT_CATEGORIES as readonly string[]).includes(category))
        ctx.report('event-category-unknown', { poste, category }, l.category.at);
    }
  },
};
