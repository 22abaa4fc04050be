/** Explicit registry: adding a rule = one file, one test, one doc page, one line here. */
import { rule as breakdownScenes } from './breakdown-scenes';
import { rule as carbonCategories } from './carbon-categories';
import { rule as carbonDecorsRatio } from './carbon-decors-ratio';
import { rule as carbonPrevisionnelDefinitif } from './carbon-previsionnel-definitif';
import { rule as carbonReductionMeasures } from './carbon-reduction-measures';
import { rule as cashflowCriticalPeriod } from './cashflow-critical-period';
import { rule as cashflowMeasures } from './cashflow-measures';
import { rule as cashflowPhaseOrder } from './cashflow-phase-order';
import { rule as cashflowTotals } from './cashflow-totals';
import { rule as devisCharges } from './devis-charges';
import { rule as devisEnveloppe } from './devis-enveloppe';
import { rule as devisLineAmount } from './devis-line-amount';
import { rule as devisChapterTotals } from './devis-chapter-totals';
import { rule as devisNineChapters } from './devis-nine-chapters';
import { rule as devisOverheads } from './devis-overheads';
import { rule as devisProtocolCaps } from './devis-protocol-caps';
import { rule as devisRecapConsistent } from './devis-recap-consistent';
import { rule as devisRseLines } from './devis-rse-lines';
import { rule as devisStatusMissing } from './devis-status-missing';
import { rule as devisTaxCreditShare } from './devis-tax-credit-share';
import { rule as devisTotalsAreFormulas } from './devis-totals-are-formulas';
import { rule as derivedOutOfBounds } from './derived-out-of-bounds';
import { rule as closingBalance } from './closing-balance';
import { rule as closingDefinitive } from './closing-definitive';
import { rule as cashflowActual } from './cashflow-actual';
import { rule as cueSheet } from './cue-sheet';
import { rule as errorCells } from './error-cells';
import { rule as eventBudget } from './event-budget';
import { rule as eventFestivals } from './event-festivals';
import { rule as eventRetroplanning } from './event-retroplanning';
import { rule as expensesLedger } from './expenses-ledger';
import { rule as financingBalanced } from './financing-balanced';
import { rule as followupArbitrage } from './followup-arbitrage';
import { rule as followupGapsExplained } from './followup-gaps-explained';
import { rule as financingComparative } from './financing-comparative';
import { rule as financingConditions } from './financing-conditions';
import { rule as financingDeadlines } from './financing-deadlines';
import { rule as financingMediaWindows } from './financing-media-windows';
import { rule as financingMinSources } from './financing-min-sources';
import { rule as financingPublicPrivate } from './financing-public-private';
import { rule as financingRseBonus } from './financing-rse-bonus';
import { rule as financingTaxCreditStatus } from './financing-tax-credit-status';
import { rule as formulaInconsistent } from './formula-inconsistent';
import { rule as formulaShortRange } from './formula-short-range';
import { rule as formulaUndefinedName } from './formula-undefined-name';
import { rule as modelInvariants } from './model-invariants';
import { rule as paramsCoherence } from './params-coherence';
import { rule as rightsShares } from './rights-shares';
import { rule as schedulePlan } from './schedule-plan';
import { rule as sheetReadPartial } from './sheet-read-partial';
import { rule as textInNumberCells } from './text-in-number-cells';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  devisNineChapters,
  devisRecapConsistent,
  devisTotalsAreFormulas,
  devisLineAmount,
  devisChapterTotals,
  devisCharges,
  devisStatusMissing,
  devisTaxCreditShare,
  devisOverheads,
  devisProtocolCaps,
  devisEnveloppe,
  devisRseLines,
  breakdownScenes,
  schedulePlan,
  financingBalanced,
  financingMinSources,
  financingPublicPrivate,
  financingRseBonus,
  financingTaxCreditStatus,
  financingDeadlines,
  financingComparative,
  financingConditions,
  financingMediaWindows,
  cashflowTotals,
  cashflowPhaseOrder,
  cashflowCriticalPeriod,
  cashflowMeasures,
  errorCells,
  textInNumberCells,
  formulaInconsistent,
  formulaShortRange,
  formulaUndefinedName,
  derivedOutOfBounds,
  paramsCoherence,
  sheetReadPartial,
  carbonCategories,
  carbonDecorsRatio,
  carbonReductionMeasures,
  carbonPrevisionnelDefinitif,
  expensesLedger,
  followupGapsExplained,
  followupArbitrage,
  cashflowActual,
  closingBalance,
  closingDefinitive,
  rightsShares,
  cueSheet,
  eventBudget,
  eventRetroplanning,
  eventFestivals,
  modelInvariants,
];

/** The rules that cite a criterion of the référentiel ('tous': all). */
export function rulesFor(referentiel: string): Rule[] {
  if (referentiel === 'tous') return [...RULES];
  return RULES.filter((r) => r.meta.criteria.some((c) => c.startsWith(`${referentiel}:`)));
}
