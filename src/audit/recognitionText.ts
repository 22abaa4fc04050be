/**
 * The recognition report: what the audit looked at in a workbook built by hand, shown before the
 * findings (CLI text and JSON, the pane).
 */
import type { Understood } from './recognitionDetail';

export interface RecognitionReport {
  devis:
    | ({
        sheet: string;
        reason: string;
        headerRow: number;
        columns: { title: string; column: string; header: string }[];
        /** Our columns the sheet does not have. */
        missingColumns: string[];
        /** Codes and labels written in one cell ("11 - Scénario"). */
        combined: boolean;
        thousands: boolean;
        /** Amount columns headed by versions: the one read (the latest) and the others. */
        versions: { read: string; others: string[] } | null;
        /** The devis says it is a series or a documentary (episode columns, its title). */
        audiovisual: boolean;
        nomenclature: { id: string; known: number; codes: number };
        chapters: string[];
        lines: number;
        /** Frais généraux and imprévus found, with their share of the chapters' total. */
        overheads: { amount: string; rate: string } | null;
        contingency: { amount: string; rate: string } | null;
        grandTotal: boolean;
        others: string[];
      } & Understood)
    | null;
  /** Each deliverable: the sheet found for it, and what the model read of it (null: nothing). */
  deliverables: { label: string; sheet: string | null; empty: boolean; read: string | null }[];
  /** Checks the workbook cannot be held to, and why (never an erreur). */
  unverifiable: { check: string; reason: string }[];
}

/** The recognition report in French lines, for the CLI text and the pane. */
export function recognitionLines(r: RecognitionReport): string[] {
  const out = ['Ce que le contrôle a lu (classeur fait à la main, sans les noms Devis CNC) :'];
  const d = r.devis;
  if (!d) out.push('  Devis : aucun reconnu.');
  else {
    out.push(`  Devis : feuille « ${d.sheet} », retenue pour ${d.reason}.`);
    out.push(
      `    En-têtes en ligne ${d.headerRow} : ${d.columns.map((c) => `${c.title} = ${c.column} « ${c.header} »`).join(', ')}.`,
    );
    if (d.combined)
      out.push('    Codes et libellés dans une même cellule (« 11 - Scénario ») : séparés à la lecture.');
    if (d.thousands) out.push('    Montants en milliers d’euros (k€) : convertis en euros.');
    if (d.audiovisual)
      out.push(
        '    Devis audiovisuel (colonnes par épisode, ou son titre) : les plafonds du protocole cinéma ne s’y appliquent pas.',
      );
    if (d.versions)
      out.push(
        `    Montants lus dans la colonne « ${d.versions.read} », la version la plus récente (non lue${d.versions.others.length > 1 ? 's' : ''} : ${d.versions.others.map((o) => `« ${o} »`).join(', ')}).`,
      );
    const n = d.chapters.length;
    out.push(
      `    ${n} chapitre${n > 1 ? 's' : ''}${n ? ` (${d.chapters.join(', ')})` : ''}, ${d.lines} ligne${d.lines > 1 ? 's' : ''} ; codes lus dans la nomenclature ${d.nomenclature.id} (${d.nomenclature.known} sur ${d.nomenclature.codes} connus).`,
    );
    out.push(
      `    Tableau ${d.range} ; chapitres : ${d.hierarchy
        .map(
          (c) =>
            `${c.code} (${c.lines} ligne${c.lines > 1 ? 's' : ''}${c.total ? `, total en ${c.total}${c.above ? ' au-dessus' : ''}` : ', sans total'})`,
        )
        .join(', ')}.`,
    );
    const k = d.confidence;
    out.push(
      `    Lecture : feuille ${k.sheet}, colonnes ${k.columns}s, hiérarchie ${k.hierarchy}, échelle ${k.scale} (${d.thousands ? 'k€' : 'euros'}), nomenclature ${k.nomenclature}.`,
    );
    const part = (what: string, x: { amount: string; rate: string } | null): string =>
      x ? `${what} ${x.amount}${x.rate ? ` (${x.rate} des chapitres)` : ''}` : `${what} non trouvés`;
    out.push(
      `    ${part('Frais généraux', d.overheads)} ; ${part('imprévus', d.contingency)} ; total général ${d.grandTotal ? 'trouvé' : 'non trouvé'}.`,
    );
    if (d.missingColumns.length) out.push(`    Colonnes absentes : ${d.missingColumns.join(', ')}.`);
    if (d.others.length)
      out.push(
        `    Autres feuilles prises pour un devis, non retenues : ${d.others.map((o) => `« ${o} »`).join(', ')}.`,
      );
  }
  out.push(
    `  Autres livrables : ${r.deliverables
      .filter((x) => x.label !== 'devis')
      .map(
        (x) =>
          `${x.label} ${x.sheet ? `(feuille « ${x.sheet} »${x.empty ? ', vide' : ''}${x.read ? `, ${x.read}` : ''})` : x.read ? `(${x.read})` : 'absent'}`,
      )
      .join(' ; ')}.`,
  );
  if (r.unverifiable.length > 0)
    out.push(`  Non vérifiable ici : ${r.unverifiable.map((u) => `${u.check} — ${u.reason}`).join(' ; ')}.`);
  return out;
}
