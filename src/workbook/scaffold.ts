import { count } from '../domain/text/french';
import { blankBudget, exampleBudget, exampleParameters } from '../domain/budget/templates';
import type { BudgetInput, BudgetResult } from '../domain/budget/types';
import { exampleAvailable } from '../domain/examples/examples';
import { scaffoldRefusal } from './refusal';
import { defaultNomenclature } from '../domain/facts/facts';
import type { CashflowModel } from '../domain/cashflow/model';
import type { BilanResult } from '../domain/carbon/bilan';
import type { FinancingResult } from '../domain/financing/types';
import { makeNaming, BASE_SHEETS, type SheetKey } from '../sheets/model/naming';
import { buildScaffoldPlan } from '../sheets/workbook';
import { selectSheets } from '../sheets/select';
import type { WorkbookPlan } from '../sheets/model/plan';
import type { WorkbookInventory, WorkbookPort } from './port';

export type { ScaffoldRequest } from './scaffoldRequest';
import type { ScaffoldRequest } from './scaffoldRequest';

export type ScaffoldProgress = 'inventaire' | 'calcul' | 'écriture' | 'terminé';

export type ScaffoldOutcome =
  | {
      status: 'done';
      sheets: string[];
      /** Sheets written though not asked for, because a sheet asked for reads them. */
      added: string[];
      budget: BudgetInput;
      result: BudgetResult;
      financing: FinancingResult;
      cashflow: CashflowModel;
      carbon: BilanResult;
      plan: WorkbookPlan;
      skipped: string[];
      suffix: number | null;
    }
  | { status: 'conflict'; sheets: string[]; names: string[]; message: string }
  /** Nothing was read or written: the grid or the example cannot be scaffolded. */
  | { status: 'refused'; message: string };

export class ScaffoldError extends Error {}

export { exampleAvailable, scaffoldRefusal };

/** Smallest suffix (2, 3, …) with no non-empty sheet and no workbook name already taken. */
export function freeSuffix(inv: WorkbookInventory, planNames: (suffix: number) => string[]): number {
  for (let k = 2; k < 1000; k += 1) {
    const naming = makeNaming(k);
    const sheetsFree = (Object.keys(BASE_SHEETS) as SheetKey[]).every((key) => {
      const s = inv.sheets.find((x) => x.name.toLowerCase() === naming.sheet(key).toLowerCase());
      return !s || s.empty;
    });
    const lower = new Set(inv.names.map((n) => n.toLowerCase()));
    if (sheetsFree && planNames(k).every((n) => !lower.has(n.toLowerCase()))) return k;
  }
  throw new ScaffoldError('Impossible de trouver des noms de feuilles libres.');
}

/**
 * Creates the sheets (Paramètres, Devis, Dépouillement, Plan de travail, Récapitulatif, Plan de financement, Trésorerie,
 * Bilan carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, CUE sheet, Budget événement, Facteurs) through a port. Never overwrites a non-empty sheet
 * or an existing workbook name: refuses with the list of what is in the way, or writes beside it
 * under suffixed names ("Devis (2)", Devis_Total_2) when asked to.
 */
export async function scaffold(
  port: WorkbookPort,
  request: ScaffoldRequest,
  onProgress: (step: ScaffoldProgress) => void = () => undefined,
): Promise<ScaffoldOutcome> {
  const refusal = scaffoldRefusal(request);
  if (refusal) return { status: 'refused', message: refusal };
  onProgress('inventaire');
  const inv = await port.inventory();
  onProgress('calcul');
  const budget =
    request.budget ??
    (request.example
      ? exampleBudget(request.format)
      : blankBudget(request.format, request.nomenclature ?? defaultNomenclature(request.format)));
  const production = request.example ? exampleParameters(request.format) : null;
  const build = (suffix: number | null) => {
    const whole = buildScaffoldPlan({
      format: request.format,
      budget,
      production,
      suffix,
      ...(request.example ? { financing: 'exemple' as const, carbon: 'exemple' as const } : {}),
    });
    if (!request.sheets) return { ...whole, added: [] };
    const chosen = selectSheets(
      whole.plan,
      request.sheets.map((k) => whole.naming.sheet(k)),
    );
    return { ...whole, plan: chosen.plan, added: chosen.added };
  };
  let built = build(null);

  const blocking = built.plan.sheets
    .map((s) => inv.sheets.find((x) => x.name.toLowerCase() === s.name.toLowerCase()))
    .filter((s): s is NonNullable<typeof s> => s !== undefined && !s.empty)
    .map((s) => s.name);
  const lowerNames = new Set(inv.names.map((n) => n.toLowerCase()));
  const takenNames = built.plan.names.map((n) => n.name).filter((n) => lowerNames.has(n.toLowerCase()));
  if (blocking.length > 0 || takenNames.length > 0) {
    const suffix = freeSuffix(inv, (k) => build(k).plan.names.map((n) => n.name));
    if (request.onConflict === 'refuse') {
      const parts: string[] = [];
      if (blocking.length)
        parts.push(
          `${blocking.length > 1 ? 'des feuilles' : 'une feuille'} ${blocking.map((b) => `« ${b} »`).join(', ')} ${blocking.length > 1 ? 'qui ne sont pas vides' : 'qui n’est pas vide'}`,
        );
      if (takenNames.length)
        parts.push(
          `les noms de cellules d’un classeur Devis CNC (${count(takenNames.length, 'nom')}, par exemple ${takenNames.slice(0, 2).join(', ')})`,
        );
      return {
        status: 'conflict',
        sheets: blocking,
        names: takenNames,
        message: `Ce classeur contient déjà ${parts.join(' et ')}. Rien n’a été modifié. « Créer à côté » écrit un nouveau jeu de feuilles, suffixées « (${suffix}) », sans toucher aux vôtres.`,
      };
    }
    built = build(suffix);
  }
  onProgress('écriture');
  const report = await port.applyPlan(built.plan);
  onProgress('terminé');
  return {
    status: 'done',
    sheets: built.plan.sheets.map((s) => s.name),
    added: built.added,
    budget,
    result: built.result,
    financing: built.financing,
    cashflow: built.cashflow,
    carbon: built.carbon,
    plan: built.plan,
    skipped: report.skipped,
    suffix: built.naming.suffix,
  };
}
