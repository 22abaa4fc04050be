/** Explicit registry: adding a rule = one file, one test, one doc page, one line here. */
import { rule as carbonCategories } from './carbon-categories';
import { rule as carbonPrevisionnelDefinitif } from './carbon-previsionnel-definitif';
import { rule as carbonReductionMeasures } from './carbon-reduction-measures';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [carbonCategories, carbonReductionMeasures, carbonPrevisionnelDefinitif];
