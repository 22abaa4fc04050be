import { windowCategoryLabels } from '../domain/financing/windows';
import { formatAmount } from '../domain/money';
import { MODEL_READS, readModel } from '../model/read';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

const months = (m: { toString(): string }): string => m.toString();

/**
 * The chronologie des médias (rncp40642 C1.6): each window a source buys opens no earlier than the
 * accord in force allows; the windows belong to sources of the plan; a préachat or a distributor's
 * minimum guarantee carries its window.
 */
export const rule: Rule = {
  meta: {
    id: 'financing-media-windows',
    title: 'Chronologie des médias : chaque fenêtre achetée s’ouvre au plus tôt au délai de l’accord',
    criteria: ['rncp40642:C1.6'],
    why: 'Un préachat ou un minimum garanti achète une fenêtre d’exploitation du film : un contrat qui l’ouvre avant le délai de l’accord étendu contredit la chronologie des médias et ne peut pas être exécuté tel quel ; un financeur dont la fenêtre n’est pas dite laisse le plan sans la preuve qu’il la respecte.',
    fix: 'Dans le Plan de financement, sous les conditions des financeurs, donnez à chaque préachat et minimum garanti sa fenêtre (liste de l’accord) et le mois d’ouverture de son contrat ; un mois antérieur au délai de l’accord se corrige dans le contrat, pas dans la feuille.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.financing,
  },
  check(ctx) {
    const financing = readModel(ctx.snapshot).financing;
    const windows = financing?.windows;
    if (!financing || !windows) return;
    const names = new Set(financing.sources.map((s) => s.name.value).filter((n) => n !== null));
    for (const w of windows) {
      const source = w.source.value ?? '';
      if (source !== '' && financing.sources.length > 0 && !names.has(source) && w.source.at)
        ctx.report('media-window-source', { source }, w.source.at, { severity: 'avertissement' });
      const [opening, accord] = [w.months.value, w.accord.value];
      if (w.window.value !== null && accord === null && w.window.at) {
        ctx.report('media-window-unknown', { window: w.window.value }, w.window.at);
        continue;
      }
      if (opening === null || accord === null || !opening.lt(accord) || !w.months.at) continue;
      ctx.report(
        'media-window-early',
        {
          source: source || 'sans nom',
          window: w.window.value ?? '',
          months: months(opening),
          accord: months(accord),
        },
        w.months.at,
      );
    }
    const buying = new Set(windowCategoryLabels());
    for (const s of financing.sources) {
      const name = s.name.value;
      if (!name || !buying.has(s.category.value ?? '') || !s.amount.value?.gt(0) || !s.name.at) continue;
      if (windows.some((w) => w.source.value === name)) continue;
      ctx.report(
        'media-window-missing',
        { source: name, category: s.category.value ?? '', amount: formatAmount(s.amount.value) },
        s.name.at,
        { severity: 'avertissement' },
      );
    }
  },
};
