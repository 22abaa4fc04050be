import { formatAmount, toMoney } from '../domain/money';
import { FOLLOWUP_NAMES } from '../sheets/followup/contract';
import { readBoardValue } from '../sheets/followup/reader';
import { BASE_SHEETS } from '../sheets/model/naming';
import { cellText } from '../domain/text/cellText';
import { isNumber, single } from './snapshot';
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
    reads: [FOLLOWUP_NAMES.boardValues.final, FOLLOWUP_NAMES.boardValues.devis, FOLLOWUP_NAMES.arbitrage],
    sheet: BASE_SHEETS.followup,
  },
  check(ctx) {
    const final = readBoardValue(ctx.snapshot, 'final');
    const devis = readBoardValue(ctx.snapshot, 'devis');
    const arbitrage = single(ctx.snapshot, FOLLOWUP_NAMES.arbitrage);
    if (!final || !devis || !arbitrage) return;
    if (!isNumber(final.value) || !isNumber(devis.value)) return;
    const over = toMoney(final.value).minus(toMoney(devis.value));
    if (!over.gt(0) || cellText(arbitrage.value).trim() !== '') return;
    ctx.report(
      'followup-arbitrage-missing',
      { final: formatAmount(final.value), devis: formatAmount(devis.value), over: formatAmount(over) },
      arbitrage.location,
    );
  },
};
