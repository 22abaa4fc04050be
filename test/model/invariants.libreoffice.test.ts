import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { INVARIANTS } from '../../src/model/invariants';
import { editWithLibreOffice, recalcProfile, type LoOperation } from '../support/libreoffice';

/*
 * Each declared invariant broken in the long-métrage example as a reviewer would, by typing in
 * LibreOffice (which recomputes every formula on the way): the audit finds each at the cell that
 * holds the wrong figure. The edits sit on distinct cells and rows, so one edited workbook carries
 * them all; a table lists which edit breaks which invariant.
 */
jest.setTimeout(300_000);

function capture() {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: () => undefined }, out };
}

interface JsonFinding {
  ruleId: string;
  messageId: string;
  message: string;
  criteria: string[];
  sheet: string | null;
  address: string | null;
}

/** 15/12/2025 and 20/10/2026 as Excel serial days: before the measure's and the piece's own dates. */
const DEC_2025 = 46006;
const OCT_2026 = 46315;

const PLAN = 'Plan de financement';
/** [invariant, edit, message expected, sheet, cell, workbook (1: a second copy, where an edit would hide another)]. */
const BROKEN: [string, LoOperation, string, string, string, number?][] = [
  [
    'kind.devis.quantity',
    { op: 'set', sheet: 'Devis', cell: 'D8', value: -1 },
    'model-negative',
    'Devis',
    'D8',
  ],
  [
    'kind.devis.status',
    { op: 'set', sheet: 'Devis', cell: 'C9', value: 'Stagiaire' },
    'model-not-in-list',
    'Devis',
    'C9',
  ],
  ['sum.devis.split', { op: 'set', sheet: 'Devis', cell: 'I10', value: 80000 }, 'model-sum', 'Devis', 'I10'],
  [
    'kind.financing.category',
    { op: 'set', sheet: PLAN, cell: 'C24', value: '' },
    'model-required',
    PLAN,
    'C24',
  ],
  [
    'kind.financing.status',
    { op: 'set', sheet: PLAN, cell: 'E26', value: '' },
    'model-required',
    PLAN,
    'E26',
  ],
  [
    'kind.financing.amount',
    { op: 'set', sheet: PLAN, cell: 'F28', value: -100000 },
    'model-negative',
    PLAN,
    'F28',
  ],
  [
    'kind.financing.deadline',
    { op: 'set', sheet: PLAN, cell: 'H29', value: 'fin mars' },
    'model-not-date',
    PLAN,
    'H29',
  ],
  ['sum.financing.schedule', { op: 'set', sheet: PLAN, cell: 'O25', value: 0.8 }, 'model-sum', PLAN, 'S25'],
  [
    'equal.financing.total',
    { op: 'set', sheet: PLAN, cell: 'C5', value: 3035291.62 },
    'model-equal',
    PLAN,
    'C5',
  ],
  [
    'order.financing.tax-credit',
    { op: 'set', sheet: PLAN, cell: 'F30', value: 900000 },
    'model-order',
    PLAN,
    'F30',
  ],
  [
    'equal.financing.tax-credit-estimate',
    { op: 'set', sheet: PLAN, cell: 'C15', value: 950000 },
    'model-equal',
    PLAN,
    'C15',
    // A typed estimate above the plan's 900 000 € would hide the tax credit over its estimate.
    1,
  ],
  [
    'equal.financing.film-cost',
    { op: 'set', sheet: PLAN, cell: 'C6', value: 2900000 },
    'model-equal',
    PLAN,
    'C6',
  ],
  [
    'kind.cashflow.measure',
    { op: 'set', sheet: 'Trésorerie', cell: 'C62', value: -120000 },
    'model-negative',
    'Trésorerie',
    'C62',
  ],
  [
    'kind.cashflow.measure-rate',
    { op: 'set', sheet: 'Trésorerie', cell: 'F63', value: 4 },
    'model-share',
    'Trésorerie',
    'F63',
  ],
  [
    'order.cashflow.measure-dates',
    { op: 'set', sheet: 'Trésorerie', cell: 'E64', value: DEC_2025 },
    'model-order-date',
    'Trésorerie',
    'D64',
  ],
  [
    'kind.expenses.amounts',
    { op: 'set', sheet: 'Dépenses', cell: 'G5', value: -15000 },
    'model-negative',
    'Dépenses',
    'G5',
  ],
  [
    'kind.expenses.status',
    { op: 'set', sheet: 'Dépenses', cell: 'J6', value: '' },
    'model-required',
    'Dépenses',
    'J6',
  ],
  [
    'kind.expenses.paid-on',
    { op: 'set', sheet: 'Dépenses', cell: 'K7', value: '' },
    'model-required',
    'Dépenses',
    'K7',
  ],
  [
    'kind.expenses.dates',
    { op: 'set', sheet: 'Dépenses', cell: 'A8', value: 'le 21 novembre' },
    'model-not-date',
    'Dépenses',
    'A8',
  ],
  [
    'order.expenses.paid-after-piece',
    { op: 'set', sheet: 'Dépenses', cell: 'K9', value: OCT_2026 },
    'model-order-date',
    'Dépenses',
    'K9',
  ],
  [
    'order.expenses.paid-within-engaged',
    { op: 'set', sheet: 'Dépenses', cell: 'U10', value: 999999 },
    'model-order',
    'Dépenses',
    'U10',
  ],
  [
    'order.followup.paid-within-engaged',
    { op: 'set', sheet: 'Suivi budgétaire', cell: 'E12', value: 999999 },
    'model-order',
    'Suivi budgétaire',
    'E12',
  ],
  [
    'kind.followup.remaining',
    { op: 'set', sheet: 'Suivi budgétaire', cell: 'F13', value: -5000 },
    'model-negative',
    'Suivi budgétaire',
    'F13',
  ],
  [
    'equal.closing.devis',
    { op: 'set', sheet: 'Bilan financier', cell: 'L6', value: 3000000 },
    'model-equal',
    'Bilan financier',
    'L6',
  ],
  [
    'kind.closing.obtained',
    { op: 'set', sheet: 'Bilan financier', cell: 'C21', value: -1 },
    'model-negative',
    'Bilan financier',
    'C21',
  ],
  [
    'kind.rights.mg',
    { op: 'set', sheet: 'Ayants droit', cell: 'G6', value: -1000 },
    'model-negative',
    'Ayants droit',
    'G6',
  ],
  [
    'kind.event.quantities',
    { op: 'set', sheet: 'Budget événement', cell: 'C12', value: -1 },
    'model-negative',
    'Budget événement',
    'C12',
  ],
  [
    'kind.event.partners',
    { op: 'set', sheet: 'Budget événement', cell: 'J16', value: -1250 },
    'model-negative',
    'Budget événement',
    'J16',
  ],
  [
    'kind.carbon.quantities',
    { op: 'set', sheet: 'Bilan carbone', cell: 'F23', value: -460 },
    'model-negative',
    'Bilan carbone',
    'F23',
  ],
];

describe('declared invariants broken in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-invariants-'));
  const example = join(dir, 'exemple.xlsx');
  const findings: JsonFinding[][] = [];
  const codes: number[] = [];

  beforeAll(async () => {
    expect(await main(['new', '--out', example, '--exemple'], capture().io)).toBe(0);
    const profile = recalcProfile();
    for (const book of [0, 1]) {
      const edited = editWithLibreOffice(
        example,
        join(dir, `edite-${book}.xlsx`),
        BROKEN.filter((b) => (b[5] ?? 0) === book).map(([, op]) => op),
        profile,
      );
      const c = capture();
      codes[book] = await main(['audit', edited, '--referentiel', 'tous', '--format', 'json'], c.io);
      const parsed = JSON.parse(c.out.join('\n')) as { files: { findings?: JsonFinding[] }[] };
      findings[book] = parsed.files[0]?.findings ?? [];
    }
  });

  it('breaks every declared invariant once', () => {
    expect(new Set(BROKEN.map(([id]) => id))).toEqual(new Set(INVARIANTS.map((i) => i.id)));
  });

  // Every row with its workbook number (jest reads a parameter more than a row holds as `done`).
  const rows = BROKEN.map(
    ([id, op, messageId, sheet, address, book]) => [id, op, messageId, sheet, address, book ?? 0] as const,
  );
  it.each(rows)('%s → found at its cell with its criterion', (id, _op, messageId, sheet, address, book) => {
    expect(codes[book]).toBe(1);
    const criterion = INVARIANTS.find((i) => i.id === id)?.criterion;
    const at = (findings[book] ?? []).filter(
      (f) => f.ruleId === 'model-invariants' && f.sheet === sheet && f.address === address,
    );
    expect(at.map((f) => [f.messageId, f.criteria])).toContainEqual([messageId, [criterion]]);
  });

  it('names the other cell of a broken equality and the law in French', () => {
    // The devis total after the edits, as LibreOffice recomputed it (line 1.2.1 at −1 × 90 000 €).
    const film = findings[0]?.find(
      (f) => f.ruleId === 'model-invariants' && f.address === 'C6' && f.sheet === PLAN,
    );
    expect(film?.message.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Le coût du film du plan vaut 2 900 000,00 €, mais 2 831 375,46 € en Devis!H158 : le plan finance le devis : son coût du film est le total général du devis.',
    );
  });
});
