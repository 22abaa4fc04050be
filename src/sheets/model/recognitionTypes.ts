import type { DevisColumn } from '../devis/contract';

/**
 * What the audit looked at in a workbook it did not write: which sheet it took as the devis and
 * why, how it read it, and which deliverables it found — shown before the findings, so a reviewer
 * sees at once what was checked.
 */
export interface DevisRecognition {
  sheet: string;
  /** Why this sheet, in French. */
  reason: string;
  /** Sheet row of the header line (1-based). */
  headerRow: number;
  columns: { field: DevisColumn; title: string; column: string; header: string }[];
  thousands: boolean;
  /** Amount columns headed by versions: the one read (the latest) and the others. */
  versions: { read: string; others: string[] } | null;
  /** The nomenclature the line codes fit best, and how many of them it knows. */
  nomenclature: { id: string; known: number; codes: number };
  /** Other sheets that looked like a devis and were not taken. */
  others: string[];
}

export type DeliverableKey = 'devis' | 'recap' | 'financing' | 'cashflow' | 'carbon' | 'expenses';

export interface Deliverable {
  key: DeliverableKey;
  label: string;
  /** The sheet found for it by name, or null. */
  sheet: string | null;
  /** That sheet has not one cell filled. */
  empty: boolean;
}

export interface Recognition {
  devis: DevisRecognition | null;
  deliverables: Deliverable[];
}
