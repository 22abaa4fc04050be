import { SEVERITY_ORDER } from './severity';
import { readModel } from '../model/read';
import { understood } from './recognitionDetail';
import type { ProductionModel } from '../model/model';
import { formatPercent, Money } from '../domain/money';
import { rulesFor } from '../rules';
import {
  amountIn,
  blockAmount,
  devisTable,
  eurosText,
  HEADER_SEARCH_ROWS,
  outlineOf,
} from '../sheets/devis/reader';
import { DEVIS_COLUMNS, type DevisColumn } from '../sheets/devis/contract';
import type { Snapshot } from '../sheets/model/snapshot';
import { readNomenclature } from '../sheets/params/reader';
import type { DeliverableKey, Recognition } from '../sheets/recognition';
import type { MessageId } from '../rules/messages';
import type { Finding } from '../rules/types';
import type { RecognitionReport } from './recognitionText';

export type { RecognitionReport };

const FIELDS_REPORTED: DevisColumn[] = [
  'code',
  'label',
  'status',
  'quantity',
  'unit',
  'count',
  'rate',
  'amount',
  'france',
  'foreign',
];

export function recognitionReport(snapshot: Snapshot): RecognitionReport {
  const recognition = snapshot.recognition as Recognition;
  const table = devisTable(snapshot);
  const r = recognition.devis;
  let devis: RecognitionReport['devis'] = null;
  if (r && table) {
    const outline = outlineOf(table, readNomenclature(snapshot));
    const chaptersTotal = outline.chapters.reduce((n, ch) => n.plus(blockAmount(table, ch)), new Money(0));
    const share = (row: typeof outline.overheads): { amount: string; rate: string } | null => {
      const v = row ? amountIn(table, row.amount) : null;
      if (!row || v === null) return null;
      return {
        amount: eurosText(v),
        rate: chaptersTotal.isZero() ? '' : formatPercent(v.dividedBy(chaptersTotal)),
      };
    };
    devis = {
      sheet: r.sheet,
      reason: r.reason,
      headerRow: r.headerRow,
      columns: r.columns.map(({ title, column, header }) => ({ title, column, header })),
      missingColumns: FIELDS_REPORTED.filter((f) => table.columns[f] === undefined).map((f) =>
        DEVIS_COLUMNS.header(f),
      ),
      combined: table.combined,
      thousands: table.thousands,
      versions: table.versions,
      audiovisual: table.audiovisual,
      nomenclature: r.nomenclature,
      chapters: outline.chapters.map((c) => c.code),
      lines: outline.chapters.reduce((n, c) => n + c.lines.length, 0),
      overheads: share(outline.overheads),
      contingency: share(outline.contingency),
      grandTotal: outline.grandTotal !== null,
      others: r.others,
      ...understood(table, outline, r),
    };
  }
  const m = readModel(snapshot);
  return {
    devis,
    deliverables: recognition.deliverables.map((d) => ({
      label: d.label,
      sheet: d.sheet,
      empty: d.empty,
      read: readOf(d.key, m),
    })),
    unverifiable: unverifiable(m),
  };
}

/** What the model read of a deliverable, in French; null when nothing of it was read. */
function readOf(key: DeliverableKey, m: ProductionModel): string | null {
  if (key === 'recap' && m.recap?.lines) return `lu : ${m.recap.lines.length} chapitres`;
  if (key === 'financing' && m.financing) {
    const n = m.financing.sources.length;
    const at = m.financing.total?.at;
    return `lu : ${n} source${n > 1 ? 's' : ''}${at ? `, total en ${at.sheet}!${at.address}` : ''}`;
  }
  if (key === 'cashflow' && m.cashflow?.table) {
    const t = m.cashflow.table;
    return `lu : ${t.months.length} mois (${t.months[0]?.label ?? ''} à ${t.months.at(-1)?.label ?? ''}), ${t.blocks.length} blocs avec leur total`;
  }
  return null;
}

/**
 * The checks a workbook built by hand cannot be held to, and why: what it would need and does
 * not have. Listed in the recognition report, never as erreurs.
 */
function unverifiable(m: ProductionModel): { check: string; reason: string }[] {
  const b = m.budget;
  const out: { check: string; reason: string }[] = [];
  if (!b?.table) return out;
  const add = (check: string, reason: string): void => void out.push({ check, reason });
  if (!b.columns.status)
    add('Statuts des lignes et charges sociales par statut', 'le devis n’a pas de colonne Statut');
  if (!b.rows.some((r) => r.france.at !== null))
    add(
      'Dépenses en France (crédit d’impôt, aides territoriales)',
      'le devis n’a pas de colonne « dont France »',
    );
  if (!b.overheads) add('Plafond des frais généraux', 'pas de ligne de frais généraux trouvée');
  else if (!b.protocolBase)
    add(
      'Plafond des frais généraux',
      'grille audiovisuelle : les frais généraux y sont un forfait (accord du 19 février 2016), pas un plafond',
    );
  if (!b.contingency) add('Imprévus', 'pas de ligne d’imprévus trouvée');
  if (!m.recap?.lines) add('Récapitulatif égal au devis', 'pas de récapitulatif ni de topsheet lisible');
  if (!m.financing) add('Plan de financement égal au devis', 'pas de plan de financement lisible');
  if (!m.cashflow)
    add('Trésorerie (mois, encaissements = plan, décaissements = devis)', 'pas de trésorerie lisible');
  else if (!m.cashflow.planGap && m.cashflow.table)
    add(
      'Encaissements de la trésorerie égaux au plan',
      'pas de plan de financement, ou pas de total des encaissements',
    );
  if (!m.params.envelope && !m.params.shootStart)
    add('Enveloppe, calendrier et taux du classeur', 'pas de feuille Paramètres');
  return out;
}

/** The deliverable a "name missing" finding is about, from the name's prefix. */
function deliverableOf(f: Finding): DeliverableKey | null {
  if (f.messageId === 'devis-missing') return 'devis';
  if (f.messageId !== 'name-missing' && f.messageId !== 'sheet-missing') return null;
  const name = String(f.data.name ?? '');
  const prefixes: [string, DeliverableKey][] = [
    ['Recap_', 'recap'],
    ['Fin_', 'financing'],
    ['Treso_', 'cashflow'],
    ['Carbone_', 'carbon'],
    ['Devis_', 'devis'],
  ];
  return prefixes.find(([p]) => name.startsWith(p))?.[1] ?? null;
}

const ORDER = SEVERITY_ORDER;

/** The audit's own findings without a cell, with why (as rules declare theirs in meta.unlocated). */
export const PLAIN_DELIVERABLE_MESSAGES: Readonly<Record<string, string>> = {
  'deliverable-missing': 'le livrable n’est pas dans le classeur : il n’y a pas de cellule à désigner',
  'deliverable-unread': 'la feuille du livrable est là mais pas lue : le constat porte sur toute la feuille',
  'deliverable-empty': 'la feuille du livrable est vide : il n’y a pas de cellule à désigner',
  'devis-not-recognised': 'aucun devis reconnu : il n’y a pas de cellule à désigner',
  'devis-header-missing':
    'la feuille du devis n’a pas de ligne d’en-têtes : le constat porte sur toute la feuille',
};

/** A finding that may carry its own criteria, title and explanation (else the rule's). */
export type Explained = Finding & { criteria?: string[]; title?: string; why?: string; fix?: string };

/**
 * In a workbook built by hand, the findings that only say one of our workbook names is missing
 * become one plain finding per deliverable: « Pas de plan de financement dans ce classeur », or
 * the sheet found and not checked automatically — never a list of internal names.
 */
export function plainDeliverables(
  findings: Finding[],
  recognition: Recognition,
  /** Only these deliverables' findings (those the workbook lacks); all when absent. */
  only?: ReadonlySet<DeliverableKey>,
): Explained[] {
  const rules = new Map(rulesFor('tous').map((r) => [r.meta.id, r]));
  const groups = new Map<DeliverableKey, Finding[]>();
  const kept: Explained[] = [];
  for (const f of findings) {
    const key = f.location === null ? deliverableOf(f) : null;
    if (!key || (only && !only.has(key))) {
      kept.push(f);
      continue;
    }
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, group] of groups) {
    const deliverable = recognition.deliverables.find((d) => d.key === key);
    const severity = ORDER.find((s) => group.some((f) => f.severity === s)) ?? 'erreur';
    const criteria = [...new Set(group.flatMap((f) => rules.get(f.ruleId)?.meta.criteria ?? []))];
    const label = deliverable?.label ?? key;
    const What = label.charAt(0).toUpperCase() + label.slice(1);
    const [messageId, data]: [MessageId, Finding['data']] =
      deliverable?.sheet && deliverable.empty
        ? ['deliverable-empty', { What, sheet: deliverable.sheet }]
        : key === 'devis'
          ? deliverable?.sheet
            ? ['devis-header-missing', { sheet: deliverable.sheet, rows: HEADER_SEARCH_ROWS }]
            : ['devis-not-recognised', { rows: HEADER_SEARCH_ROWS }]
          : deliverable?.sheet
            ? ['deliverable-unread', { What, sheet: deliverable.sheet }]
            : ['deliverable-missing', { what: label }];
    // A deliverable the workbook lacks (or that could not be read) is an info: the jury may not
    // need it, and the checks that needed it are listed as not verifiable here. A devis not read
    // stays what it is.
    const devisLost = messageId === 'devis-header-missing' || messageId === 'devis-not-recognised';
    kept.push({
      ruleId: group[0]?.ruleId ?? 'livrables',
      messageId,
      data,
      severity: devisLost ? severity : 'info',
      location: null,
      criteria,
      title: `Livrable attendu : ${label}`,
      why: `Les référentiels attendent ce livrable (${label}) : sans lui, les critères qui le lisent ne peuvent pas être jugés.`,
      fix:
        messageId === 'deliverable-unread'
          ? 'Vérifiez cette feuille à la main, ou reprenez le devis dans le modèle Devis CNC (bouton « Reprendre ce devis ») pour que ses contrôles s’appliquent.'
          : messageId === 'devis-header-missing'
            ? 'Ajoutez au-dessus des lignes du devis une ligne d’en-têtes : Code (ou Compte, Poste), Libellé, Montant (ou Total).'
            : 'Ajoutez la feuille, ou créez le classeur avec Devis CNC (onglet Créer, ou « devis-cnc new ») et reportez-y vos chiffres.',
    });
  }
  return kept;
}
