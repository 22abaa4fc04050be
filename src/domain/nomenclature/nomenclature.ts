import classique from '../../../data/nomenclatures/cnc-classique.json';
import cnc2018 from '../../../data/nomenclatures/cnc-2018.json';
import audiovisuel from '../../../data/nomenclatures/cnc-audiovisuel.json';
import type {
  CodeResolution,
  NomenclatureChapter,
  NomenclatureData,
  NomenclatureId,
  NomenclatureLine,
  NomenclatureRoles,
  PhaseWeights,
} from './types';

const ALL: Record<NomenclatureId, NomenclatureData> = {
  'cnc-classique': classique as NomenclatureData,
  'cnc-2018': cnc2018 as NomenclatureData,
  'cnc-audiovisuel': audiovisuel as NomenclatureData,
};

/** The default: the historic 9-poste devis, what the certifications call "les 9 postes". */
export const DEFAULT_NOMENCLATURE: NomenclatureId = 'cnc-classique';

const ALIASES: Record<string, NomenclatureId> = {
  'cnc-classique': 'cnc-classique',
  classique: 'cnc-classique',
  'cnc-2018': 'cnc-2018',
  '2018': 'cnc-2018',
  'cnc-audiovisuel': 'cnc-audiovisuel',
  audiovisuel: 'cnc-audiovisuel',
  av: 'cnc-audiovisuel',
};

/** Nomenclature by id or short alias ("classique", "2018", "audiovisuel"); undefined if unknown. */
export function findNomenclature(idOrAlias: string): NomenclatureData | undefined {
  const id = ALIASES[idOrAlias.trim().toLowerCase()];
  return id ? ALL[id] : undefined;
}

export function getNomenclature(id: NomenclatureId): NomenclatureData {
  return ALL[id];
}

export function listNomenclatures(): NomenclatureData[] {
  return Object.values(ALL);
}

/** Normalises what a user types as a code: trims, drops a trailing dot, lower-cases letters. */
/** A digit or a lower-case letter (no space of any kind, no dot, nothing to fold): « 1 », « a ». */
const PLAIN_ENDS = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

export function normaliseCode(code: string): string {
  // Most codes are already plain (« 11 », « 2.4 », « 1.a »): returned as they are, without
  // building three new strings (an audit normalises each line's code several times).
  if (PLAIN_ENDS(code.charCodeAt(0)) && PLAIN_ENDS(code.charCodeAt(code.length - 1)) && !/[A-Z]/.test(code))
    return code;
  return code.trim().replace(/\.$/, '').toLowerCase();
}

function sameCode(a: string, b: string): boolean {
  return normaliseCode(a) === normaliseCode(b);
}

/** Parent code in the nomenclature's numbering: "2.4.1" → "2.4", "1911" → "191", "1.a" → "1". */
export function parentCode(nom: NomenclatureData, code: string): string | undefined {
  const c = normaliseCode(code);
  if (nom.codeStyle === 'digits') return c.length > 1 ? c.slice(0, -1) : undefined;
  const i = c.lastIndexOf('.');
  return i > 0 ? c.slice(0, i) : undefined;
}

/** Chapter code of any code: its first segment ("2.4.1" → "2", "1911" → "1", "10.b" → "10"). */
export function chapterCodeOf(nom: NomenclatureData, code: string): string {
  const c = normaliseCode(code);
  if (nom.codeStyle === 'digits') return c.slice(0, 1);
  const dot = c.indexOf('.');
  return dot < 0 ? c : c.slice(0, dot);
}

/** Chapters and lines by normalised code, built once per nomenclature (a cell function resolves codes by the thousand). */
interface CodeIndex {
  chapters: Map<string, NomenclatureChapter>;
  lines: Map<string, { chapter: NomenclatureChapter; line: NomenclatureLine }>;
}
const INDEXES = new WeakMap<NomenclatureData, CodeIndex>();
function codeIndex(nom: NomenclatureData): CodeIndex {
  const known = INDEXES.get(nom);
  if (known) return known;
  const index: CodeIndex = { chapters: new Map(), lines: new Map() };
  for (const chapter of nom.chapters) {
    const c = normaliseCode(chapter.code);
    if (!index.chapters.has(c)) index.chapters.set(c, chapter);
    for (const line of chapter.lines) {
      const l = normaliseCode(line.code);
      if (!index.lines.has(l)) index.lines.set(l, { chapter, line });
    }
  }
  INDEXES.set(nom, index);
  return index;
}

/** Resolves a code to a chapter, a known line, a user line under a known poste, or unknown. */
export function resolveCode(nom: NomenclatureData, code: string): CodeResolution {
  const c = normaliseCode(code);
  if (c === '') return { kind: 'unknown' };
  const index = codeIndex(nom);
  const chapterCode = chapterCodeOf(nom, c);
  const chapter = index.chapters.get(chapterCode);
  if (!chapter) return { kind: 'unknown' };
  if (chapterCode === c) return { kind: 'chapter', chapter };
  const known = index.lines.get(c);
  if (known && known.chapter === chapter) return { kind: 'line', chapter, line: known.line };
  // A user line: its nearest known ancestor is a line or the chapter itself.
  if (!isWellFormed(nom, c)) return { kind: 'unknown' };
  for (let p = parentCode(nom, c); p !== undefined; p = parentCode(nom, p)) {
    const parent = index.lines.get(p);
    if (parent && parent.chapter === chapter) return { kind: 'user', chapter, parent: parent.line };
    if (p === chapterCode) return { kind: 'user', chapter, parent: chapter };
  }
  return { kind: 'unknown' };
}

function isWellFormed(nom: NomenclatureData, c: string): boolean {
  switch (nom.codeStyle) {
    case 'digits':
      return /^\d{2,5}$/.test(c);
    case 'dotted':
      return /^\d+(\.\d+)+$/.test(c);
    case 'lettered':
      return /^\d+(\.[a-z0-9]+)+$/.test(c);
  }
}

/** True when the code is a chapter, a known line, or a user line under a known poste. */
export function isValidCode(nom: NomenclatureData, code: string): boolean {
  return resolveCode(nom, code).kind !== 'unknown';
}

/** Nearest known ancestor (a line or the chapter) of a code, as a normalised code. */
function nearestKnownAncestor(
  nom: NomenclatureData,
  chapter: NomenclatureChapter,
  code: string,
): string | undefined {
  for (let p = parentCode(nom, code); p !== undefined; p = parentCode(nom, p)) {
    if (sameCode(chapter.code, p) || chapter.lines.some((l) => sameCode(l.code, p))) return normaliseCode(p);
  }
  return undefined;
}

/** Lines directly under a code: a chapter's postes, or a poste's known sub-lines ("19" → "1911"). */
export function childrenOf(nom: NomenclatureData, code: string): NomenclatureLine[] {
  const res = resolveCode(nom, code);
  if (res.kind === 'unknown') return [];
  const target = normaliseCode(code);
  return res.chapter.lines.filter((l) => nearestKnownAncestor(nom, res.chapter, l.code) === target);
}

/** The French label of a code, and how sure we are of it. */
export interface LabelLookup {
  code: string;
  label: string;
  /** True when the nomenclature's source gives no French label and we show a fallback. */
  labelVerified: boolean;
  confidence: string;
  kind: 'chapter' | 'line' | 'user';
}

/**
 * French label of a chapter or line code. A code known only by number (no label in the
 * source) gets an explicit fallback that says the label is unverified; user lines get
 * "Ligne libre sous …". Unknown codes return undefined.
 */
export function lookupLabel(nom: NomenclatureData, code: string): LabelLookup | undefined {
  const res = resolveCode(nom, code);
  switch (res.kind) {
    case 'unknown':
      return undefined;
    case 'chapter':
      return {
        code: res.chapter.code,
        label: res.chapter.label,
        labelVerified: true,
        confidence: res.chapter.labelConfidence,
        kind: 'chapter',
      };
    case 'line':
      return {
        code: res.line.code,
        label: res.line.label ?? `Poste ${res.line.code} (${res.chapter.label}) — libellé non vérifié`,
        labelVerified: res.line.label !== null,
        confidence: res.line.confidence,
        kind: 'line',
      };
    case 'user': {
      const parentLabel = res.parent.label ?? `poste ${res.parent.code}`;
      return {
        code: normaliseCode(code),
        label: `Ligne libre sous ${res.parent.code} ${parentLabel}`,
        labelVerified: false,
        confidence: 'user',
        kind: 'user',
      };
    }
  }
}

export function chapterOf(nom: NomenclatureData, code: string): NomenclatureChapter | undefined {
  const res = resolveCode(nom, code);
  return res.kind === 'unknown' ? undefined : res.chapter;
}

/** The label the scaffold writes for a line: the readable form when we wrote one, else the source's. */
export function lineLabel(line: NomenclatureLine): string | null {
  return line.displayLabel ?? line.label;
}

/**
 * Why a nomenclature cannot be written as a devis yet (French, for the user), or null when it can:
 * its chapter roles must be known and every poste must have a label.
 */
export function scaffoldProblem(nom: NomenclatureData): string | null {
  const unlabelled = nom.chapters.flatMap((c) =>
    c.lines.filter((l) => lineLabel(l) === null).map((l) => l.code),
  );
  const empty = nom.chapters.filter((c) => c.lines.length === 0).map((c) => c.code);
  const parts: string[] = [];
  if (unlabelled.length > 0)
    parts.push(
      `${unlabelled.length} poste${unlabelled.length > 1 ? 's' : ''} sans libellé connu (${unlabelled.slice(0, 6).join(', ')}${unlabelled.length > 6 ? '…' : ''})`,
    );
  if (empty.length > 0)
    parts.push(`chapitre${empty.length > 1 ? 's' : ''} ${empty.join(', ')} sans poste connu`);
  if (!nom.roles) parts.push('rôles des chapitres (charges, frais généraux, imprévus) non décrits');
  if (parts.length === 0) return null;
  return `La nomenclature ${nom.id} ne peut pas encore servir de modèle de devis : ${parts.join(' ; ')}. Choisissez cnc-classique (cinéma) ou cnc-audiovisuel (séries, documentaires).`;
}

/** The chapter roles of a nomenclature the scaffold can write; throws for one it cannot (check scaffoldProblem first). */
export function rolesOf(nom: NomenclatureData): NomenclatureRoles {
  if (!nom.roles) throw new Error(scaffoldProblem(nom) ?? `Rôles absents : ${nom.id}`);
  return nom.roles;
}

/** Chapters summed into the subtotal the indirect costs are based on: all but the indirect chapter. */
export function baseChapterCodes(nom: NomenclatureData): string[] {
  const indirect = rolesOf(nom).indirect.chapter;
  return nom.chapters.map((c) => c.code).filter((c) => c !== indirect);
}

/** Phase weights of a chapter or indirect line's payments, from the nomenclature's roles. */
export function paymentProfileOf(nom: NomenclatureData, code: string): PhaseWeights {
  const w = rolesOf(nom).paymentProfiles.byCode[code];
  if (!w) throw new Error(`Pas de profil de décaissement pour ${code} dans ${nom.id}`);
  return w;
}

/** Default VAT rate paid on a chapter's or indirect line's payments, from the nomenclature's roles. */
export function vatRateOf(nom: NomenclatureData, code: string): string {
  const r = rolesOf(nom).vatRates.byCode[code];
  if (r === undefined) throw new Error(`Pas de taux de TVA pour ${code} dans ${nom.id}`);
  return r;
}

/** "1 à 9": the span of chapter codes, for labels. */
export function chapterSpan(codes: readonly string[]): string {
  return codes.length === 0
    ? ''
    : codes.length === 1
      ? (codes[0] ?? '')
      : `${codes[0] ?? ''} à ${codes[codes.length - 1] ?? ''}`;
}
