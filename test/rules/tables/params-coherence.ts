import { type Case, day, params } from './support';

/** The table of `params-coherence`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  ['params-coherence', params(), []],
  [
    'params-coherence',
    params({
      Param_DebutDev: day(2027, 5, 1),
      Param_JoursTournage: 60,
      Param_SemainesPostprod: 30,
      Param_TauxFG: -0.07,
    }),
    [
      'params-date-order@Paramètres!B13',
      'params-shooting-days@Paramètres!B10',
      'params-post-weeks@Paramètres!B11',
      'params-rate-bounds@Paramètres!B25',
    ],
  ],
];
