import { parseAmount, roundCents, formatEuros, ZERO, type Money } from '../money';
import { looseForm } from '../text/looseForm';
import {
  EXPENSE_NATURES,
  PAYMENT_MODES,
  type ExpenseInput,
  type ExpenseNature,
  type ExpensePlace,
  type ExpenseStatus,
} from './expenses';

/** The fields a statement's columns can map to. */
export const CSV_FIELDS = [
  'date',
  'piece',
  'payee',
  'nature',
  'code',
  'label',
  'ht',
  'tva',
  'ttc',
  'status',
  'paidOn',
  'mode',
  'proof',
  'proofRef',
  'place',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header words (loose form: no case, no accent, no punctuation) each field answers to. */
const SYNONYMS: Record<CsvField, string[]> = {
  date: ['date', 'date piece', 'date de la piece', 'date facture', 'date de facture', 'date operation'],
  piece: [
    'n de piece',
    'no de piece',
    'n° de piece',
    'numero de piece',
    'piece',
    'n piece',
    'numero',
    'n facture',
    'numero de facture',
  ],
  payee: ['fournisseur', 'beneficiaire', 'fournisseur beneficiaire', 'tiers', 'prestataire'],
  nature: ['nature', 'type', 'type de piece'],
  code: ['code', 'code du devis', 'code cnc', 'code devis', 'poste', 'compte', 'imputation'],
  label: ['libelle', 'designation', 'objet', 'description'],
  ht: ['ht', 'montant ht', 'total ht'],
  tva: ['tva', 'montant tva'],
  ttc: ['ttc', 'montant ttc', 'total ttc'],
  status: ['statut', 'engage paye', 'etat', 'engage ou paye'],
  paidOn: ['date de paiement', 'paye le', 'date reglement', 'date de reglement', 'regle le'],
  mode: ['mode de paiement', 'mode', 'moyen de paiement', 'reglement'],
  proof: ['justificatif', 'justifie', 'piece justificative'],
  proofRef: ['reference du justificatif', 'ref justificatif', 'reference justificatif', 'reference'],
  place: ['france etranger', 'lieu', 'lieu de la depense', 'pays', 'localisation'],
};

/** A French name for each field, in messages. */
export const FIELD_LABELS: Record<CsvField, string> = {
  date: 'date',
  piece: 'n° de pièce',
  payee: 'fournisseur / bénéficiaire',
  nature: 'nature',
  code: 'code du devis',
  label: 'libellé',
  ht: 'montant HT',
  tva: 'TVA',
  ttc: 'montant TTC',
  status: 'engagé / payé',
  paidOn: 'date de paiement',
  mode: 'mode de paiement',
  proof: 'justificatif',
  proofRef: 'référence du justificatif',
  place: 'France / étranger',
};

/** One record of the file: its fields and the line of the file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads a CSV as a French spreadsheet writes it: « ; » between fields, quotes around a field
 * holding « ; », a quote or a line break (a quote doubled inside), CRLF or LF, a BOM. Empty lines
 * are skipped. Each record keeps the line it starts on, for messages.
 */
export function readCsv(text: string, separator = ';'): CsvRecord[] {
  const s = text.replace(/^\ufeff/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const endRecord = (): void => {
    cells.push(cell);
    if (any || cells.some((c) => c.trim() !== '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n') line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      any = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvError(`ligne ${start} : guillemet ouvert jamais fermé`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** A file that cannot be read at all (not one of its rows): a French message. */
export class CsvError extends Error {}

/**
 * Which column holds each field: from the header row by synonyms, then `explicit` (« ht=Montant
 * HT »), which wins. Refuses a header named twice or a mapping to a column the file lacks.
 */
export function mapColumns(
  header: string[],
  explicit: Partial<Record<CsvField, string>> = {},
): Partial<Record<CsvField, number>> {
  const loose = header.map((h) => looseForm(h));
  const map: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const i = loose.findIndex((h) => SYNONYMS[field].map(looseForm).includes(h));
    if (i >= 0 && !Object.values(map).includes(i)) map[field] = i;
  }
  for (const [field, title] of Object.entries(explicit) as [CsvField, string][]) {
    const i = loose.indexOf(looseForm(title));
    if (i < 0)
      throw new CsvError(
        `colonne « ${title} » (pour ${FIELD_LABELS[field]}) absente de l’en-tête : ${header.map((h) => `« ${h} »`).join(', ')}`,
      );
    for (const k of Object.keys(map) as CsvField[]) if (map[k] === i) delete map[k];
    map[field] = i;
  }
  return map;
}

/** « ht=Montant HT;code=Compte » → { ht: 'Montant HT', code: 'Compte' } (--colonnes). */
export function parseMapping(spec: string): Partial<Record<CsvField, string>> {
  const out: Partial<Record<CsvField, string>> = {};
  for (const part of spec
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key = '', ...rest] = part.split('=');
    const field = CSV_FIELDS.find((f) => f.toLowerCase() === key.trim().toLowerCase());
    if (!field || rest.length === 0)
      throw new CsvError(
        `correspondance « ${part} » illisible : attendu champ=Titre de colonne, champ parmi ${CSV_FIELDS.join(', ')}`,
      );
    out[field] = rest.join('=').trim();
  }
  return out;
}

/** "06/11/2026" (or "2026-11-06") → "2026-11-06"; null when it is no calendar day. */
export function frenchDate(text: string): string | null {
  const t = text.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  return date.toISOString().slice(0, 10);
}

const NATURE_WORDS: Record<string, ExpenseNature> = Object.fromEntries<ExpenseNature>([
  ...EXPENSE_NATURES.map((n): [string, ExpenseNature] => [looseForm(n), n]),
  ['fact', 'Facture'],
  ['ndf', 'Note de frais'],
  ['frais', 'Note de frais'],
  ['paie', 'Salaire'],
  ['bulletin de paie', 'Salaire'],
  ['droits', 'Note de droits'],
]);

const STATUS_WORDS: Record<string, ExpenseStatus> = {
  paye: 'Payé',
  regle: 'Payé',
  realise: 'Payé',
  engage: 'Engagé',
  commande: 'Engagé',
  'a payer': 'Engagé',
};

/** Where a piece was spent, in the words a statement uses (loose form). */
const PLACE_WORDS: Record<string, ExpensePlace> = {
  france: 'France',
  fr: 'France',
  etranger: 'Étranger',
  'a l etranger': 'Étranger',
  "a l'etranger": 'Étranger',
  'a l’etranger': 'Étranger',
  'hors france': 'Étranger',
};

const YES_WORDS = new Set(['oui', 'o', 'x', 'vrai', 'yes', '1']);
const NO_WORDS = new Set(['non', 'n', 'faux', 'no', '0', '']);

/** The result of reading a statement: the expenses, or every row refused with its reason. */
export type StatementResult =
  { ok: true; expenses: ExpenseInput[] } | { ok: false; refused: { line: number; reasons: string[] }[] };

/**
 * Reads the rows of a statement (after its header) into ledger lines. A row is refused, with its
 * line number and every reason, when its date is no day, an amount is no number (French or
 * international form; never a silent zero), its code is not a code of the devis, its nature or
 * status is unknown, or its TTC is not HT + TVA. Nothing is returned unless every row reads.
 */
export function readStatement(
  records: CsvRecord[],
  map: Partial<Record<CsvField, number>>,
  devisCodes: ReadonlySet<string>,
): StatementResult {
  const missing = (['date', 'code', 'ht'] as const).filter((f) => map[f] === undefined);
  if (missing.length > 0)
    throw new CsvError(
      `colonnes obligatoires introuvables : ${missing.map((f) => FIELD_LABELS[f]).join(', ')} (donnez-les avec --colonnes, par exemple « ht=Montant HT »)`,
    );
  const refused: { line: number; reasons: string[] }[] = [];
  const expenses: ExpenseInput[] = [];
  for (const rec of records) {
    const get = (f: CsvField): string => {
      const i = map[f];
      return i === undefined ? '' : (rec.cells[i] ?? '').trim();
    };
    const read = readRecord(get, devisCodes);
    if ('reasons' in read) refused.push({ line: rec.line, reasons: read.reasons });
    else expenses.push(read.expense);
  }
  return refused.length > 0 ? { ok: false, refused } : { ok: true, expenses };
}

/**
 * One row of a statement: the expense it reads as, or every reason it is refused (a date that is
 * no day, an amount that is no number, an unknown code, nature, status or place, a TTC that is
 * not HT + TVA).
 */
function readRecord(
  get: (f: CsvField) => string,
  devisCodes: ReadonlySet<string>,
): { expense: ExpenseInput } | { reasons: string[] } {
  const reasons: string[] = [];
  const date = frenchDate(get('date'));
  if (!date) reasons.push(`date « ${get('date')} » illisible (attendu jj/mm/aaaa)`);
  const amount = (f: 'ht' | 'tva' | 'ttc', required: boolean): Money | null => {
    const raw = get(f);
    if (raw === '') {
      if (required) reasons.push(`${FIELD_LABELS[f]} vide`);
      return null;
    }
    const p = parseAmount(raw);
    if (!p.ok || raw.includes('%')) {
      reasons.push(`${FIELD_LABELS[f]} « ${raw} » n’est pas un montant`);
      return null;
    }
    if (roundCents(p.value).equals(p.value)) return p.value;
    reasons.push(`${FIELD_LABELS[f]} « ${raw} » a plus de deux décimales`);
    return null;
  };
  const ht = amount('ht', true);
  const tva = amount('tva', false);
  const ttc = amount('ttc', false);
  if (ht && ttc) {
    const expected = ht.plus(tva ?? ZERO);
    if (!ttc.equals(expected))
      reasons.push(
        `TTC ${formatEuros(ttc)} ≠ HT ${formatEuros(ht)} + TVA ${formatEuros(tva ?? ZERO)} = ${formatEuros(expected)}`,
      );
  }
  const code = get('code');
  if (code === '') reasons.push('code du devis vide');
  else if (!devisCodes.has(code)) reasons.push(`code « ${code} » absent du devis`);
  const natureText = get('nature');
  const nature: ExpenseNature | undefined =
    natureText === '' ? 'Facture' : NATURE_WORDS[looseForm(natureText)];
  if (!nature) reasons.push(`nature « ${natureText} » inconnue (${EXPENSE_NATURES.join(', ')})`);
  const paidOnText = get('paidOn');
  const paidOn = paidOnText === '' ? null : frenchDate(paidOnText);
  if (paidOnText !== '' && !paidOn) reasons.push(`date de paiement « ${paidOnText} » illisible`);
  const statusText = get('status');
  const status: ExpenseStatus | undefined =
    statusText === '' ? (paidOn ? 'Payé' : 'Engagé') : STATUS_WORDS[looseForm(statusText)];
  if (!status) reasons.push(`statut « ${statusText} » inconnu (engagé ou payé)`);
  const proofText = looseForm(get('proof'));
  const proof = YES_WORDS.has(proofText) ? true : NO_WORDS.has(proofText) ? false : null;
  if (proof === null) reasons.push(`justificatif « ${get('proof')} » : oui ou non`);
  const placeText = get('place');
  const place = placeText === '' ? 'France' : PLACE_WORDS[looseForm(placeText)];
  if (!place) reasons.push(`lieu « ${placeText} » : France ou Étranger`);
  const modeText = get('mode');
  const mode =
    modeText === '' ? null : (PAYMENT_MODES.find((m) => looseForm(m) === looseForm(modeText)) ?? modeText);
  if (reasons.length > 0 || !date || !ht || !nature || !status || proof === null || !place)
    return { reasons };
  return {
    expense: {
      date,
      piece: get('piece'),
      payee: get('payee'),
      nature,
      code,
      label: get('label'),
      ht,
      tva: tva ?? ZERO,
      status,
      paidOn,
      mode,
      proof,
      proofRef: get('proofRef'),
      place,
    },
  };
}
