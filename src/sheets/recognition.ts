import { parseAmount } from '../domain/money';
import { cellText } from '../domain/text/cellText';
import { looseForm } from '../domain/text/looseForm';
import { isValidCode, listNomenclatures } from '../domain/nomenclature/nomenclature';
import { DEVIS_COLUMNS } from './devis/contract';
import { CODE_SHAPE, detectHeader, type DevisHeader } from './devis/reader';
import { a1, parseAddress } from './model/plan';
import type { RangeRead } from './model/snapshot';

export type { DevisRecognition, DeliverableKey, Deliverable, Recognition } from './model/recognitionTypes';
import type { DeliverableKey, DevisRecognition, Recognition } from './model/recognitionTypes';

/** Sheet names (loose form) each deliverable answers to, in any case or accent. */
const SHEET_SYNONYMS: Record<DeliverableKey, { label: string; words: string[] }> = {
  devis: {
    label: 'devis',
    words: [
      'devis',
      'budget',
      'budget previsionnel',
      'devis de production',
      'devis previsionnel',
      'budget de production',
    ],
  },
  recap: {
    label: 'récapitulatif',
    words: ['recapitulatif', 'recap', 'synthese', 'resume du devis', 'topsheet', 'top sheet', 'resume'],
  },
  financing: { label: 'plan de financement', words: ['plan de financement', 'financement', 'financements'] },
  cashflow: {
    label: 'trésorerie',
    words: ['tresorerie', 'plan de tresorerie', 'cash flow', 'cashflow', 'previsionnel de tresorerie'],
  },
  carbon: { label: 'bilan carbone', words: ['bilan carbone', 'empreinte carbone', 'carbone'] },
  expenses: {
    label: 'suivi des dépenses',
    words: ['depenses', 'suivi', 'suivi budgetaire', 'suivi des depenses', 'cost report'],
  },
};

/** How the report names a deliverable (« plan de financement »). */
export function deliverableLabel(key: DeliverableKey): string {
  return SHEET_SYNONYMS[key].label;
}

/** A sheet name matches a word when it is that word, possibly followed by a version ("Devis V2", "Budget (2)"). */
function nameMatches(name: string, words: string[]): boolean {
  const n = looseForm(name).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  return words.some(
    (w) =>
      n === w ||
      (n.startsWith(`${w} `) &&
        /^(v ?\d+|version \d+|\d+|final|definitif|def)( .*)?$/.test(n.slice(w.length + 1))),
  );
}

/** The version a sheet name carries ("V2", "version 3", "(2)"), 0 without. */
function versionOf(name: string): number {
  const m = /(?:\bv\s?|version\s+|\()(\d{1,2})\b|\s(\d{1,2})\s*$/i.exec(name);
  return m ? Number(m[1] ?? m[2]) : 0;
}

/**
 * The costed rows of a table, in the code column below its header: a code-shaped first word (in
 * its own cell, or before the label: « 11 - Scénario ») and an amount. How a sheet scores as a devis.
 */
function codesOf(range: RangeRead, header: DevisHeader): string[] {
  const j = header.columns.code ?? header.columns.label;
  const k = header.columns.amount;
  if (j === undefined || k === undefined) return [];
  const out: string[] = [];
  for (let i = header.headerIndex + 1; i < range.values.length; i += 1) {
    const word = /^\s*([0-9][0-9A-Za-z.]*)/.exec(cellText(range.values[i]?.[j]))?.[1]?.replace(/\.$/, '');
    if (!word || !CODE_SHAPE.test(word)) continue;
    const amount = range.values[i]?.[k];
    // A number is an amount; a text one if it reads as one (« 1 234,50 »).
    if (typeof amount === 'number' ? Number.isFinite(amount) : parseAmount(amount).ok) out.push(word);
  }
  return out;
}

/** Whether a sheet's used range holds a value or a formula (formatting alone is not content). */
function hasContent(range: RangeRead): boolean {
  const filled = (rows: unknown[][] | undefined): boolean =>
    !!rows?.some((r) => r.some((v) => cellText(v).trim() !== ''));
  return filled(range.values) || filled(range.formulas);
}

/** The nomenclature under which most line codes are valid (ties: the first listed). */
function bestNomenclature(codes: string[]): { id: string; known: number; codes: number } {
  let best = { id: listNomenclatures()[0]?.id ?? 'cnc-classique', known: -1, codes: codes.length };
  for (const n of listNomenclatures()) {
    const known = codes.filter((c) => isValidCode(n, c)).length;
    if (known > best.known) best = { id: n.id, known, codes: codes.length };
  }
  return best;
}

/**
 * Finds the devis among the sheets of a workbook built by hand: a sheet named like a devis
 * (devis, budget, budget prévisionnel…) with a header line, else any sheet with a header line.
 * Of several, the highest version in the name, else the one with most codes. The deliverables
 * are found by name among every sheet of the workbook (`sheetNames`), empty ones included: an
 * empty sheet has no used range to read, and says so.
 */
export function recogniseWorkbook(
  sheets: RangeRead[],
  sheetNames: readonly string[] = sheets.map((s) => s.sheet),
): Recognition {
  const candidates = sheets
    .map((range) => ({
      range,
      header: detectHeader(range),
      byName: nameMatches(range.sheet, SHEET_SYNONYMS.devis.words),
    }))
    .filter((c): c is { range: RangeRead; header: DevisHeader; byName: boolean } => c.header !== null)
    .map((c) => ({ ...c, codes: codesOf(c.range, c.header) }));
  // Structure first: the sheet with the most costed rows; a name, a version only among sheets of
  // comparable size (a topsheet of nine chapters against its detail is not comparable).
  // Tables named by their header words first; tables inferred from their cells only without them.
  const worded = candidates.filter((c) => !c.header.inferred && c.codes.length > 0);
  const eligible = worded.length > 0 ? worded : candidates;
  const most = Math.max(0, ...eligible.map((c) => c.codes.length));
  const pool = eligible.filter((c) => c.codes.length > 0 && c.codes.length * 2 >= most);
  const ranked = [...pool].sort(
    (x, y) =>
      versionOf(y.range.sheet) - versionOf(x.range.sheet) ||
      y.codes.length - x.codes.length ||
      Number(y.byName) - Number(x.byName),
  );
  const chosen = ranked[0] ?? candidates.find((c) => c.byName);
  let devis: DevisRecognition | null = null;
  if (chosen) {
    const others = candidates.filter((c) => c !== chosen).map((c) => c.range.sheet);
    const { row, col } = parseAddress(chosen.range.topLeft);
    const n = chosen.codes.length;
    const under = chosen.header.inferred
      ? ' (colonnes déduites des cellules : aucun en-tête reconnu)'
      : ' sous une ligne d’en-têtes';
    const why = `son contenu : ${n} ligne${n > 1 ? 's' : ''} codée${n > 1 ? 's' : ''} avec un montant${under}${chosen.byName ? ` ; son nom (« ${chosen.range.sheet} ») dit devis ou budget` : ''}`;
    const choice =
      ranked.length > 1
        ? versionOf(chosen.range.sheet) > 0 &&
          versionOf(chosen.range.sheet) > versionOf(ranked[1]?.range.sheet ?? '')
          ? ` ; la version la plus récente parmi ${ranked.map((c) => `« ${c.range.sheet} »`).join(', ')}`
          : ` ; celle qui a le plus de lignes parmi ${ranked.map((c) => `« ${c.range.sheet} »`).join(', ')}`
        : '';
    devis = {
      sheet: chosen.range.sheet,
      reason: `${why}${choice}`,
      headerRow: row + chosen.header.headerIndex,
      columns: DEVIS_COLUMNS.keys
        .filter((f) => chosen.header.columns[f] !== undefined)
        .map((f) => ({
          field: f,
          title: DEVIS_COLUMNS.header(f),
          column: a1(col + (chosen.header.columns[f] ?? 0), 1).replace(/\d+$/, ''),
          header: chosen.header.headers[f] ?? '',
        })),
      thousands: chosen.header.thousands,
      versions: chosen.header.versions,
      nomenclature: bestNomenclature(chosen.codes),
      others,
    };
  }
  const deliverables = (Object.keys(SHEET_SYNONYMS) as DeliverableKey[]).map((key) => {
    // The devis is the sheet recognised; failing that, a sheet named like one (empty, or with no
    // header line), so the finding can name it.
    const byName = sheetNames.find((name) => nameMatches(name, SHEET_SYNONYMS[key].words)) ?? null;
    const sheet = key === 'devis' ? (devis?.sheet ?? byName) : byName;
    return {
      key,
      label: SHEET_SYNONYMS[key].label,
      sheet,
      empty: sheet !== null && !sheets.some((s) => s.sheet === sheet && hasContent(s)),
    };
  });
  return { devis, deliverables };
}
