export type Confidence = 'verbatim' | 'secondary' | 'inferred';

export interface NomenclatureLine {
  code: string;
  /** null when the source gives the code but no French label. */
  label: string | null;
  confidence: Confidence;
  existence?: Confidence;
  source: string | null;
  labelHint?: string;
  note?: string;
  seededFromRange?: string;
  /** A readable form of the label, written by us where the source label is a raw spreadsheet heading. */
  displayLabel?: string;
}

export interface NomenclatureChapter {
  code: string;
  label: string;
  labelConfidence: Confidence;
  codeConfidence: Confidence;
  labelSource: string | null;
  note?: string;
  lines: NomenclatureLine[];
}

export interface NomenclatureSource {
  id: string;
  ref: string;
  what: string;
  kind?: string;
}

export interface NomenclatureData {
  id: NomenclatureId;
  title: string;
  codeStyle: 'dotted' | 'digits' | 'lettered';
  seededFrom: string;
  seededOn: string;
  sources: NomenclatureSource[];
  chapters: NomenclatureChapter[];
  openPoints: string[];
  /** What each chapter is for; absent for a grid the scaffold cannot write yet. */
  roles?: NomenclatureRoles;
}

/** Employment statuses a charges line can carry (same ids as the budget's). */
export type ChargesStatus = 'technicien' | 'cadre' | 'artiste' | 'auteur';

/** A computed line of the charges chapter: the charges on the gross pay of one status. */
export interface ChargesLineRole {
  code: string;
  label: string;
  status: ChargesStatus;
}

/**
 * A line of the indirect costs: a rate of the subtotal (frais généraux, imprévus) or an ordinary
 * line of the indirect chapter (production déléguée, frais financiers) whose label is the
 * nomenclature's.
 */
export interface IndirectLineRole {
  role: 'overheads' | 'contingency' | 'line';
  code: string;
  label?: string;
  justification?: string;
}

export interface PhaseWeights {
  dev: string;
  prepa: string;
  tournage: string;
  postprod: string;
}

/** The roles of a nomenclature's chapters: data, so a 10-chapter grid needs no code change. */
export interface NomenclatureRoles {
  note: string;
  /** Title row of the Devis sheet. */
  devisTitle: string;
  /** Chapters whose salaried lines carry a status and get charged in the charges chapter. */
  payChapters: string[];
  /** The chapter whose lines are the computed charges. */
  chargesChapter: string;
  chargesLines: ChargesLineRole[];
  /** Label of the subtotal the indirect costs are based on (every chapter but the indirect one). */
  subtotalLabel: string;
  /** Indirect costs: in a chapter of their own (audiovisuel: "10") or below the subtotal (null). */
  indirect: { chapter: string | null; lines: IndirectLineRole[] };
  /** What a tax credit's eligible base takes (used by the tax-credit estimate). */
  taxCreditEligibility: {
    note: string;
    source: string;
    mark: string;
    eligibleChapters: string[];
    excludedCodes: { code: string; why: string }[];
    performersAboveMinima?: string;
  };
  /**
   * Cinema caps of the Protocole du 16/12/2010 (absent for grids it does not cover): which codes
   * are the producer's fee and the frais financiers, and the fee's cap. The base of both caps is
   * the subtotal less the fee (with its charges) and the frais financiers; the frais généraux are
   * computed on it.
   */
  protocol?: {
    note: string;
    source: string;
    mark: string;
    producerFeeCodes: string[];
    financialCostsCodes: string[];
    producerFeeCap: string;
  };
  /** Default spread of each chapter's payments (and of each indirect rate line) over the phases. */
  paymentProfiles: { note: string; mark: string; byCode: Record<string, PhaseWeights> };
  /** Default VAT rate paid on each chapter's (and indirect line's) payments, as a decimal string. */
  vatRates: { note: string; mark: string; byCode: Record<string, string> };
}

export type NomenclatureId = 'cnc-classique' | 'cnc-2018' | 'cnc-audiovisuel';

/** What a code is in a nomenclature. */
export type CodeResolution =
  | { kind: 'chapter'; chapter: NomenclatureChapter }
  | { kind: 'line'; chapter: NomenclatureChapter; line: NomenclatureLine }
  /** A line the user added under a known poste (e.g. "2.4.3" under "2.4", "2111" under "21"). */
  | { kind: 'user'; chapter: NomenclatureChapter; parent: NomenclatureLine | NomenclatureChapter }
  | { kind: 'unknown' };
