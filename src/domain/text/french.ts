/** French wording helpers shared by the pane, the CLI and the reports. */

const plural = new Intl.PluralRules('fr-FR');
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** True when French puts the noun in the plural after n (0 and 1 take the singular). */
export function isPlural(n: number): boolean {
  return plural.select(n) !== 'one';
}

/** "0 erreur", "1 erreur", "2 erreurs", "1 200 postes": the count, spaced as French writes it, and its noun. */
export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${integer.format(n)} ${isPlural(n) ? pluralForm : singular}`;
}

/** A word agreeing with a count: agree(2, 'exporté') → "exportés". */
export function agree(n: number, singular: string, pluralForm = `${singular}s`): string {
  return isPlural(n) ? pluralForm : singular;
}

const monthYear = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * "septembre 2027" from a cell's date: a Date (exceljs), or an Excel serial (Office.js, a file
 * read as values); null for anything else.
 */
export function monthWords(v: unknown): string | null {
  const d =
    v instanceof Date
      ? v
      : typeof v === 'number' && Number.isFinite(v)
        ? new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000)
        : null;
  return d ? monthYear.format(d) : null;
}

/** "0 erreur, 1 avertissement, 2 infos": an audit's counts. */
export function severityCounts(c: { erreur: number; avertissement: number; info: number }): string {
  return `${count(c.erreur, 'erreur')}, ${count(c.avertissement, 'avertissement')}, ${count(c.info, 'info')}`;
}

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/**
 * French typography for a sentence shown to a person: a non-breaking space before « : » and
 * inside guillemets, a narrow one before « ; ! ? », so a line never breaks between a word and
 * its colon (« Total général⏎: 2 953 096,16 € »), nor a number and its unit (€, %, kgCO2e).
 * Spaces already non-breaking are kept; a colon
 * inside a word or a number (« 12:30 », « https: ») is left alone. Typographic apostrophes are
 * the writer's business: this changes spaces only.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ +([:])(?=\s|$)/g, `${NBSP}$1`)
    .replace(/ +([;!?])(?=\s|$|\))/g, `${NARROW_NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`)
    .replace(/(\d) +(€|%|kgCO2e|k€)/g, `$1${NBSP}$2`);
}
