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
}

export type NomenclatureId = 'cnc-classique' | 'cnc-2018' | 'cnc-audiovisuel';

/** What a code is in a nomenclature. */
export type CodeResolution =
  | { kind: 'chapter'; chapter: NomenclatureChapter }
  | { kind: 'line'; chapter: NomenclatureChapter; line: NomenclatureLine }
  /** A line the user added under a known poste (e.g. "2.4.3" under "2.4", "2111" under "21"). */
  | { kind: 'user'; chapter: NomenclatureChapter; parent: NomenclatureLine | NomenclatureChapter }
  | { kind: 'unknown' };
