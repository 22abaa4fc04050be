import { categoryByLabel } from '../domain/financing/categories';
import { loanRefusal, namesALoan } from '../domain/financing/loans';
import type { SourceStatus } from '../domain/financing/types';
import { MILESTONES } from '../domain/financing/types';
import { Money, toCellNumber } from '../domain/money';
import { FINANCING_NAMES, SOURCE_COLUMNS as S, milestoneColumn } from '../sheets/financing/contract';
import { NO } from '../sheets/model/labels';
import { makeNaming } from '../sheets/model/naming';
import { NUMFMT, parseAddress, type CellPlan } from '../sheets/model/plan';
import { isBlank, readTable } from '../sheets/model/snapshot';
import type { WorkbookPort } from './port';

export interface NewSource {
  label: string;
  /** Category label, as in the plan's category table. */
  category: string;
  status: SourceStatus;
  amount: Money;
  deadline?: Date | null;
}

export class SourceError extends Error {}

/**
 * "Ajouter une source": writes a source into the first free row of the plan's source table, with
 * its category's default payment milestones. The summary (ranges over the table) and the
 * Trésorerie (which reads the table row by row) pick it up by formula.
 */
export async function addSource(
  port: WorkbookPort,
  source: NewSource,
  suffix: number | null = null,
): Promise<{ sheet: string; row: number }> {
  const label = source.label.trim();
  if (label === '') throw new SourceError('Indiquez le nom de la source.');
  if (namesALoan(label)) throw new SourceError(loanRefusal(label));
  if (!source.amount.isFinite() || source.amount.lte(0))
    throw new SourceError('Le montant doit être un nombre positif.');
  const category = categoryByLabel(source.category);
  if (!category)
    throw new SourceError(
      `Catégorie inconnue « ${source.category} » : choisissez une catégorie du tableau des catégories.`,
    );
  const naming = makeNaming(suffix);
  const tableName = naming.name(FINANCING_NAMES.table);
  const read = await port.readName(tableName);
  if (!read) {
    throw new SourceError(
      'Pas de plan de financement dans ce classeur : créez d’abord le classeur (onglet Créer).',
    );
  }
  // The first row of the source table with no source (the total row has « Total » there).
  const free = readTable(read, S, 1).find((r) => isBlank(r.source));
  if (!free) {
    throw new SourceError(
      'Plus de ligne libre dans le tableau des sources : insérez une ligne à l’intérieur du tableau (au-dessus de la dernière source), recopiez-y la ligne voisine, puis saisissez la source.',
    );
  }
  const row = parseAddress(free.at('source').address).row;
  const table = { sheet: read.sheet };
  const cells: CellPlan[] = [
    { address: S.cell('source', row), value: label },
    { address: S.cell('category', row), value: category.label },
    { address: S.cell('status', row), value: source.status },
    { address: S.cell('amount', row), value: toCellNumber(source.amount), numFmt: NUMFMT.euro },
    { address: S.cell('rse', row), value: NO },
    ...(source.deadline
      ? [{ address: S.cell('deadline', row), value: source.deadline, numFmt: NUMFMT.date }]
      : []),
    ...MILESTONES.map((_, i) => {
      const share = category.defaultProfile[i];
      return {
        address: `${milestoneColumn(i)}${row}`,
        value: share && !share.isZero() ? toCellNumber(share) : null,
        numFmt: NUMFMT.percent,
      };
    }),
  ];
  await port.writeCells(table.sheet, cells);
  return { sheet: table.sheet, row };
}
