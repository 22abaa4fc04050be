import { MODEL_READS, readModel } from '../model/read';
import { formatAmount } from '../domain/money';
import { BASE_SHEETS } from '../sheets/model/naming';
import type { Rule } from './types';

/**
 * When the Suivi budgétaire's estimated final cost is above the devis (the overruns exceed the
 * imprévus), an arbitrage is proposed: what is cut, moved or financed to come back to the devis.
 */
export const rule: Rule = {
  meta: {
    id: 'followup-arbitrage',
    title: 'Suivi budgétaire : un coût estimé final au-dessus du devis appelle un arbitrage proposé',
    criteria: ['cpacp:C21', 'cpacp:C19'],
    why: 'Un dépassement qui n’est pas couvert par les imprévus se paie sur la marge du producteur ou par un financement de plus : le signaler avec une proposition d’arbitrage est ce qu’attendent un producteur et un jury.',
    fix: 'Dans la cellule « Arbitrage proposé » du Suivi budgétaire, écrivez ce que vous proposez (poste réduit, scène supprimée, financement complémentaire) ; ou revoyez les restes à engager.',
    severity: 'erreur',
    kind: 'auto',
    reads: [...MODEL_READS],
    sheet: BASE_SHEETS.followup,
  },
  check(ctx) {
    const followUp = readModel(ctx.snapshot).followUp;
    const final = followUp?.final?.value;
    const devis = followUp?.devis?.value;
    const arbitrage = followUp?.arbitrage;
    if (!final || !devis || !arbitrage) return;
    const over = final.minus(devis);
    if (!over.gt(0) || arbitrage.value !== null) return;
    ctx.report(
      'followup-arbitrage-missing',
      { final: formatAmount(final), devis: formatAmount(devis), over: formatAmount(over) },
      arbitrage.at,
    );
  },
};
