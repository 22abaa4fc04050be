import { cellText } from '../../domain/text/cellText';
import {
  DEFAULT_NOMENCLATURE,
  findNomenclature,
  getNomenclature,
} from '../../domain/nomenclature/nomenclature';
import type { NomenclatureData } from '../../domain/nomenclature/types';
import { gapThresholdDefaults, type GapThresholds } from '../../domain/followup/followup';
import { type Money, toMoney } from '../../domain/money';
import { isNumber, single, type SingleCell, type Snapshot } from '../model/snapshot';
import { PARAMS_NAMES } from './contract';

/** The thresholds of an écart to explain (Paramètres), each the default where the workbook has no number. */
export function readGapThresholds(s: Snapshot): GapThresholds {
  const defaults = gapThresholdDefaults();
  const value = (name: string, fallback: Money): Money => {
    const v = single(s, name)?.value;
    return isNumber(v) ? toMoney(v) : fallback;
  };
  return {
    rate: value(PARAMS_NAMES.gapRate, defaults.rate),
    amount: value(PARAMS_NAMES.gapAmount, defaults.amount),
  };
}

export function paramCell(s: Snapshot, key: keyof typeof PARAMS_NAMES): SingleCell | null {
  return single(s, PARAMS_NAMES[key]);
}

/** The nomenclature the workbook declares in Paramètres (the default one when absent or unknown). */
export function readNomenclature(s: Snapshot): NomenclatureData {
  // Ours: the Paramètres cell; a devis built by hand: the nomenclature its codes fit best.
  const id =
    cellText(paramCell(s, 'nomenclature')?.value) ||
    s.recognition?.devis?.nomenclature.id ||
    DEFAULT_NOMENCLATURE;
  return findNomenclature(id) ?? getNomenclature(DEFAULT_NOMENCLATURE);
}
