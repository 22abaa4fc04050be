import { exampleBudget } from '../../src/domain/budget';
import type { ExpenseInput } from '../../src/domain/expenses/expenses';
import { exampleExpenses } from '../../src/domain/expenses/example';
import {
  definitiveLines,
  definitiveTaxCredit,
  ledgerListTotals,
  personnelList,
  providerList,
} from '../../src/domain/followup/definitive';
import type { FollowUpLine } from '../../src/domain/followup/followup';
import { Money } from '../../src/domain/money';

/*
 * The coût définitif line by line: what was spent abroad (pieces marked « Étranger », and what is
 * still to engage at the devis's foreign share), the French spend, its eligible part and the
 * charges of that part; computed by hand on lines of the long-métrage example's devis.
 */
const m = (x: number | string): Money => new Money(x);

function followed(code: string, chapter: string, final: string, engaged: string): FollowUpLine {
  return {
    chapter,
    code,
    label: code,
    amount: m(0),
    engaged: m(engaged),
    paid: m(0),
    remaining: m(final).minus(m(engaged)),
    final: m(final),
    gap: m(0),
    gapRate: null,
    cause: null,
    explanation: '',
    flagged: false,
    rank: null,
  };
}

function piece(code: string, ht: string, place: 'France' | 'Étranger'): ExpenseInput {
  return {
    date: '2027-05-01',
    piece: 'F',
    payee: 'P',
    nature: 'Facture',
    code,
    label: '',
    ht: m(ht),
    tva: m(0),
    status: 'Engagé',
    paidOn: null,
    mode: null,
    proof: true,
    proofRef: 'F',
    place,
  };
}

describe('coût définitif line by line', () => {
  const budget = exampleBudget('long-metrage');

  it('takes abroad the pieces marked so and the rest to engage at the devis share; eligible = France × share', () => {
    const [vfx, hotel] = definitiveLines(
      budget,
      [followed('8.3', '8', '38000', '30000'), followed('6.2.2', '6', '13200', '13200')],
      [
        piece('8.3', '30000', 'France'),
        piece('6.2.2', '13200', 'Étranger'),
        piece('8.3', '999', 'Étranger'),
      ].slice(0, 2),
    );
    // 8.3: devis 45 000 € of which 20 000 € abroad; 8 000 € still to engage: 8 000 × 20/45 = 3 555,56.
    expect(vfx && [vfx.foreign, vfx.france, vfx.share, vfx.eligible].map((x) => x.toFixed(2))).toEqual([
      '3555.56',
      '34444.44',
      '1.00',
      '34444.44',
    ]);
    // The Brussels hotel: all of it abroad, nothing eligible.
    expect(hotel && [hotel.foreign, hotel.france, hotel.eligible].map((x) => x.toFixed(2))).toEqual([
      '13200.00',
      '0.00',
      '0.00',
    ]);
  });

  it('counts the employer charges of the eligible pay at its status rate, and caps the credit', () => {
    // 2.1 (producer's fee, excluded from the base) and a technician line of chapter 2.
    const tech = budget.chapters
      .find((c) => c.code === '2')
      ?.items.flatMap((i) => (i.kind === 'group' ? i.lines : i.kind === 'line' ? [i] : []))
      .find((l) => l.status === 'technicien' && !l.code.startsWith('2.1'));
    expect(tech).toBeDefined();
    const [fee, t] = definitiveLines(
      budget,
      [followed('2.1', '2', '80000', '80000'), followed(tech?.code ?? '', '2', '10000.50', '10000.50')],
      [],
    );
    expect(fee && [fee.share.toFixed(2), fee.eligible.toFixed(2)]).toEqual(['0.00', '0.00']);
    // Technician: 55 % + 0,5 point for short CDDU = 55,5 % of 10 000,50 € = 5 550,2775 → 5 550,28 €,
    // all of it eligible (share 1).
    expect(t && [t.share.toFixed(2), t.eligibleCharges.toFixed(2)]).toEqual(['1.00', '5550.28']);
    expect(definitiveTaxCredit(m('2196787.24'), m('0.30'), m('30000000')).toFixed(2)).toBe('659036.17');
    expect(definitiveTaxCredit(m('200000000'), m('0.30'), m('30000000')).toFixed(2)).toBe('30000000.00');
  });
});

describe('the lists for the commissaire aux comptes', () => {
  const budget = exampleBudget('long-metrage');
  const ledger = exampleExpenses('long-metrage');

  it('lists each person paid a salary once, with the function and status of the devis line and the charges at its rate', () => {
    const people = personnelList(budget, ledger);
    expect(people).toHaveLength(36);
    // Les Films du Quai: the fee of 80 000 €, one contract paid at the tax credit's refund,
    // « permanent » at 43 %: 34 400 €.
    expect(
      people[0] && { ...people[0], gross: people[0].gross.toFixed(2), charges: people[0].charges.toFixed(2) },
    ).toEqual({
      name: 'Les Films du Quai (producteur délégué)',
      role: 'Producteur délégué — rémunération',
      status: 'permanent',
      gross: '80000.00',
      charges: '34400.00',
      pieces: 1,
      reference: 'Contrat signé',
    });
    const totals = ledgerListTotals(ledger, '4');
    expect(people.reduce((a, p) => a.plus(p.gross), m(0)).toFixed(2)).toBe(totals.salaries.toFixed(2));
    expect(totals.salaries.toFixed(2)).toBe('994700.00');
  });

  it('lists the providers of invoices, deposits and credit notes, not the social bodies of the charges chapter', () => {
    const providers = providerList(ledger, '4');
    expect(providers).toHaveLength(41 - 5);
    expect(providers.some((p) => p.name.startsWith('URSSAF'))).toBe(false);
    const hotel = providers.find((p) => p.name === 'Hôtel Sablon Bruxelles');
    expect(hotel && [hotel.invoices, hotel.ht.toFixed(2), hotel.foreign.toFixed(2)]).toEqual([
      1,
      '13200.00',
      '13200.00',
    ]);
    const totals = ledgerListTotals(ledger, '4');
    expect(providers.reduce((a, p) => a.plus(p.ht), m(0)).toFixed(2)).toBe(totals.providers.toFixed(2));
    // The bank's pieces as the Trésorerie's measures give them (8 735,61 €, no longer 40 000 €).
    expect(totals.providers.toFixed(2)).toBe('805215.61');
  });
});
