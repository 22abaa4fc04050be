/**
 * JSON Schemas of the files in data/: what the code reads from each, so a hand edit that breaks a
 * field fails `npm test` with the path and the reason instead of a wrong figure at run time.
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string', minLength: 1 };
const anyStr: Schema = { type: 'string' };
/** Amounts and rates are decimal strings (read by decimal.js, never as JS floats). */
const decimal: Schema = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
const date: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const mark: Schema = { enum: ['verified', 'secondary', 'recalled'] };
const confidence: Schema = { enum: ['verbatim', 'secondary', 'inferred'] };
const status: Schema = { enum: ['technicien', 'cadre', 'artiste', 'auteur', 'permanent', 'prestataire'] };
const phaseWeights: Schema = obj({ dev: decimal, prepa: decimal, tournage: decimal, postprod: decimal });

function obj(properties: Record<string, Schema>, optional: string[] = [], additional = false): Schema {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)), additionalProperties: additional };
}
function arr(items: Schema, minItems = 0): Schema {
  return { type: 'array', items, minItems };
}
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });

const nomenclatureLine = obj(
  { code: str, label: nullable(str), confidence, existence: confidence, source: nullable(str), labelHint: str, note: str, seededFromRange: str, displayLabel: str },
  ['existence', 'labelHint', 'note', 'seededFromRange', 'displayLabel'],
);

const roles = obj({
  note: str,
  devisTitle: str,
  payChapters: arr(str, 1),
  chargesChapter: str,
  chargesLines: arr(obj({ code: str, label: str, status }), 1),
  subtotalLabel: str,
  indirect: obj({
    chapter: nullable(str),
    lines: arr(obj({ role: { enum: ['overheads', 'contingency', 'line'] }, code: str, label: str, justification: str }, ['label', 'justification']), 2),
  }),
  taxCreditEligibility: obj(
    { note: str, source: str, mark, eligibleChapters: arr(str, 1), excludedCodes: arr(obj({ code: str, why: str })), performersAboveMinima: str },
    ['performersAboveMinima'],
  ),
  protocol: obj({ note: str, source: str, mark, producerFeeCodes: arr(str, 1), financialCostsCodes: arr(str), producerFeeCap: decimal }),
  paymentProfiles: obj({ note: str, mark, byCode: { type: 'object', additionalProperties: phaseWeights, minProperties: 1 } }),
  vatRates: obj({ note: str, mark, byCode: { type: 'object', additionalProperties: decimal, minProperties: 1 } }),
}, ['protocol']);

export const NOMENCLATURE: Schema = {
  ...obj(
    {
      id: { enum: ['cnc-classique', 'cnc-2018', 'cnc-audiovisuel'] },
      title: str,
      codeStyle: { enum: ['dotted', 'digits', 'lettered'] },
      seededFrom: str,
      seededOn: date,
      confidenceLegend: { type: 'object' },
      structure: {},
      openPoints: arr(anyStr),
      sources: arr(obj({ id: str, ref: str, what: str, kind: str }, ['kind'], true)),
      chapters: arr(
        obj(
          { code: str, label: str, labelConfidence: confidence, codeConfidence: confidence, labelSource: nullable(str), note: str, lines: arr(nomenclatureLine), unnumberedLines: arr({ type: 'object' }) },
          ['note', 'unnumberedLines'],
        ),
        1,
      ),
      belowTheLine: arr({ type: 'object' }),
      roles,
    },
    ['roles'],
  ),
};

const exampleLine = obj(
  {
    code: str,
    label: str,
    status,
    quantity: decimal,
    unit: str,
    count: decimal,
    rate: decimal,
    foreign: decimal,
    region: decimal,
    taxCreditShare: { type: 'string', pattern: '^(0(\\.\\d+)?|1(\\.0+)?)$' },
    justification: str,
  },
  ['status', 'foreign', 'region', 'taxCreditShare'],
);

export const EXAMPLE: Schema = obj({
  id: str,
  note: str,
  format: { enum: ['long-metrage', 'court-metrage', 'serie', 'documentaire'] },
  nomenclature: str,
  parameters: obj({
    title: str,
    durationMinutes: { type: 'integer', minimum: 1 },
    prepWeeks: { type: 'integer', minimum: 0 },
    shootingDays: { type: 'integer', minimum: 1 },
    postWeeks: { type: 'integer', minimum: 0 },
    devStart: nullable(date),
    prepStart: date,
    shootStart: date,
    shootEnd: date,
    padDelivery: date,
    envelope: decimal,
    firstOrSecondFilm: { type: 'boolean' },
  }),
  chapters: arr(obj({ code: str, items: arr({ anyOf: [exampleLine, obj({ code: str, label: str, lines: arr(exampleLine, 1) })] }, 1) }), 1),
  financing: obj({
    note: str,
    sources: arr(
      obj(
        {
          label: str,
          category: str,
          status: { enum: ['Acquis', 'Sollicité', 'Envisagé'] },
          amount: { anyOf: [decimal, { enum: ['balance', 'taxCreditEstimate'] }] },
          deadline: nullable(date),
          eligibility: anyStr,
          advantages: anyStr,
          drawbacks: anyStr,
          rseBonus: { type: 'boolean' },
        },
        ['deadline', 'eligibility', 'advantages', 'drawbacks', 'rseBonus'],
      ),
      5,
    ),
    comparison: arr(obj({ aid: str, amount: decimal, deadline: nullable(date), eligibility: str, advantages: str, drawbacks: str, retained: { type: 'boolean' } }), 2),
    measures: arr(
      obj({
        type: str,
        amount: decimal,
        date: nullable(date),
        repayment: nullable(date),
        rate: decimal,
        fees: decimal,
        description: str,
      }),
    ),
    conditions: arr(obj({ source: str, kind: { enum: ['region-of-aid', 'region-of-budget'] }, rate: decimal, rule: str })),
    windows: arr(obj({ source: str, window: str, months: { type: 'integer', minimum: 0 } })),
  }, ['conditions', 'windows']),
  carbon: obj({
    note: str,
    lines: arr(obj({ category: str, label: str, key: str, quantity: decimal, multiplier: decimal, assumption: str, expenseCode: str }, ['expenseCode']), 1),
    measures: arr(obj({ category: str, label: str, saving: decimal, assumption: str }), 1),
  }),
});

const sourcedRate = obj({ rate: decimal, mark, source: str }, [], true);
const sourcedAmount = obj({ amount: decimal, mark, source: str }, [], true);

export const FINANCEMENT: Schema = obj(
  {
    id: str,
    title: str,
    seededFrom: str,
    seededOn: date,
    marks: obj({ verified: str, secondary: str, recalled: str }),
    milestones: arr(obj({ id: str, label: str }), 6),
    profileNote: str,
    loansNote: str,
    categories: arr(obj({ id: str, label: str, nature: { enum: ['Public', 'Privé'] }, natureMark: mark, natureSource: str, defaultProfile: { type: 'array', items: decimal, minItems: 6, maxItems: 6 } }), 1),
    statuses: arr(str, 3),
    intensity: obj({
      cinema: obj({ base: sourcedRate, derogation: sourcedRate, withoutTaxCredit: sourcedRate, smallBudget: sourcedAmount }, [], true),
      audiovisuel: obj({ base: sourcedRate, derogation: sourcedRate, documentary: sourcedRate, smallBudgetPerHour: sourcedAmount, documentaryPerHour: sourcedAmount }, [], true),
    }),
    taxCredit: {
      type: 'object',
      required: ['long-metrage', 'court-metrage', 'serie', 'documentaire'],
      additionalProperties: obj(
        {
          label: str,
          category: nullable(str),
          rate: decimal,
          mark,
          source: str,
          cap: nullable(decimal),
          capSource: str,
          perMinuteCap: obj({ mark, note: str, bands: arr(obj({ fromCostPerMinute: decimal, capPerMinute: decimal }), 1) }),
        },
        ['perMinuteCap'],
      ),
    },
    defaultSchedule: { type: 'object' },
    measureTypes: arr(str, 1),
    taxCreditTypes: { type: 'object' },
    taxCreditRefund: obj({
      note: str,
      closingMonth: { type: 'integer', minimum: 1, maximum: 12 },
      closingSource: str,
      closingMark: mark,
      delayMonths: { type: 'integer', minimum: 0, maximum: 36 },
      delaySource: str,
      delayMark: mark,
      shareNote: str,
    }),
    vatRefund: obj({ note: str, delayMonths: { type: 'integer', minimum: 0, maximum: 12 }, source: str, mark }),
  },
  [],
  false,
);

const formatFacts = obj({
  id: { enum: ['long-metrage', 'court-metrage', 'serie', 'documentaire'] },
  label: str,
  defaultDurationMinutes: { type: 'integer', minimum: 1 },
  nomenclature: str,
  overheads: obj({ rate: decimal, cap: decimal, mark, source: str, scope: str }, ['scope']),
  contingency: obj({ rate: decimal, mark, source: str, scope: str }, ['scope']),
});

export const FRAIS_GENERAUX: Schema = obj(
  { id: str, title: str, seededFrom: str, seededOn: date, marks: { type: 'object' }, formats: arr(formatFacts, 4), nomenclatureNote: str },
  [],
  true,
);

export const CHARGES: Schema = obj({
  id: str,
  title: str,
  seededFrom: str,
  seededOn: date,
  marks: obj({ verified: str, secondary: str, recalled: str }),
  statuses: arr(obj({ id: status, label: str, rate: decimal, range: { type: 'array', items: decimal, minItems: 2, maxItems: 2 }, mark, source: str, note: str, intermittent: { type: 'boolean' } }, ['note']), 6),
  components: arr(obj({ label: str, rate: decimal, mark, source: str }, [], true)),
  shortContractSurcharge: obj({ label: str, rate: decimal, mark, source: str, note: str }),
  salariedLabelWords: obj({ note: str, mark, source: str, words: arr(str, 1) }),
});

export const FACTEURS: Schema = obj({
  seededFrom: str,
  referenceVersion: str,
  seededOn: date,
  note: str,
  excluded: arr(obj({ key: str, why: str })),
  sources: arr(obj({ id: str, title: str, publicTitle: str, url: anyStr }, [], true)),
  factors: arr(
    obj(
      { key: str, category: str, label: str, unit: str, value: decimal, source: str, year: nullable({ type: 'integer' }), verified: { type: 'boolean' }, ademeId: str, note: str, derivation: str },
      ['ademeId', 'note', 'derivation'],
      true,
    ),
    1,
  ),
});

export const BILAN: Schema = obj({ title: str, seededFrom: str, seededOn: date, categories: arr(obj({ id: str, label: str }), 1), homologationNote: str, homologationSource: str });

export const ALIAS: Schema = obj(
  { title: str, seededOn: date, note: str, transport: { type: 'object' }, energy: { type: 'object', additionalProperties: str }, hotel: { type: 'object' }, meals: { type: 'object' }, waste: { type: 'object' } },
  [],
  false,
);

export const CRITERES: Schema = obj({
  title: str,
  seededFrom: str,
  seededOn: date,
  referentiels: arr(obj({ id: str, label: str }), 1),
  kinds: obj({ auto: str, semi: str, manual: str }),
  criteria: arr(obj({ id: { type: 'string', pattern: '^[a-z0-9]+:' }, referentiel: str, code: str, sheet: str, text: str, kind: { enum: ['auto', 'semi', 'auto+semi', 'manual'] } }), 1),
});

/** Each data file and its schema: a file missing here fails the test. */
/** data/exemples/depenses.json: the example ledgers, by format (HT and TVA as decimal strings). */
/** An example file of data/exemples: a title, a note, its date, and one entry per format. */
function examplesByFormat(entry: Schema): Schema {
  return obj({
    title: str,
    note: str,
    seededOn: date,
    formats: {
      type: 'object',
      propertyNames: { enum: ['long-metrage', 'court-metrage', 'serie', 'documentaire'] },
      additionalProperties: entry,
    },
  });
}

const expense = obj(
  {
    date,
    piece: str,
    payee: str,
    nature: { enum: ['Facture', 'Note de frais', 'Salaire', 'Note de droits', 'Acompte', 'Avoir'] },
    code: str,
    label: str,
    ht: decimal,
    tva: decimal,
    status: { enum: ['Engagé', 'Payé'] },
    paidOn: nullable(date),
    mode: nullable(str),
    proof: { type: 'boolean' },
    proofRef: anyStr,
    place: { enum: ['France', 'Étranger'] },
  },
  ['place'],
);
const DEPENSES = examplesByFormat(arr(expense));

/** data/exemples/suivi.json: the example follow-up entries, by format (amounts as decimal strings). */
const SUIVI = examplesByFormat(obj({
  situationDate: nullable(date),
  arbitrage: anyStr,
  lines: arr(
    obj({ code: str, remaining: decimal, cause: { enum: ['Interne', 'Externe'] }, explanation: str }, [
      'remaining',
      'cause',
      'explanation',
    ]),
  ),
}));
/** data/exemples/tresorerie-reelle.json: the receipts the example cashed by the end of its shoot. */
const TRESO_REELLE = examplesByFormat(obj({
  receipts: arr(obj({ month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, source: str, amount: decimal })),
  measures: arr(obj({ month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }, drawn: decimal, repaid: decimal })),
}));
/** data/finance/suivi.json: the follow-up's default thresholds (a production's choice, not a rule). */
const SEUILS = obj({
  title: str,
  seededOn: date,
  note: str,
  gapRate: obj({ value: decimal, source: str }),
  gapAmount: obj({ value: decimal, source: str }),
});

/** data/exemples/ayants-droit.json: the example rights tables, by format (shares and amounts as decimal strings). */
const AYANTS_DROIT = examplesByFormat(obj({
  holders: arr(
    obj({ name: str, role: str, base: str, share: decimal, rank: nullable({ type: 'integer', minimum: 1, maximum: 5 }), cap: nullable(decimal), mg: nullable(decimal) }),
    1,
  ),
  receipts: arr(obj({ base: str, amount: decimal })),
  boxOffice: obj({
    admissions: nullable({ type: 'integer' }),
    averagePrice: nullable(decimal),
    rentalRate: nullable(decimal),
    distributionFee: nullable(decimal),
    pa: nullable(decimal),
    mg: nullable(decimal),
  }),
}));
/** data/exemples/evenement.json: the example event budgets, by format. */
const EVENEMENT = examplesByFormat(obj({
  title: str,
  lines: arr(
    obj({
      category: { enum: ['Logistique', 'Communication et marketing', 'Frais administratifs'] },
      label: str,
      quantity: decimal,
      unit: str,
      rate: decimal,
    }),
    1,
  ),
  partners: arr(obj({ name: str, kind: { enum: ['Numéraire', 'En nature'] }, amount: decimal })),
  retroplanning: obj({
    eventDate: date,
    tasks: arr(
      obj({
        rank: { type: 'integer', minimum: 1 },
        phase: { enum: ['Préparation', 'Communication', 'Logistique', 'Jour J', 'Bilan'] },
        task: str,
        after: nullable({ type: 'integer', minimum: 1 }),
        days: { type: 'integer', minimum: 1 },
        margin: { type: 'integer', minimum: 0 },
        owner: str,
        start: date,
      }),
      1,
    ),
  }),
  festivals: arr(
    obj({
      name: str,
      section: str,
      place: str,
      rank: nullable({ type: 'integer', minimum: 1 }),
      premiere: { enum: ['Mondiale', 'Internationale', 'Nationale', 'Aucune'] },
      genres: str,
      benefits: str,
      start: date,
      deadline: date,
      fee: decimal,
      minutesMin: nullable({ type: 'integer', minimum: 1 }),
      minutesMax: nullable({ type: 'integer', minimum: 1 }),
      yearMin: nullable({ type: 'integer', minimum: 1900 }),
    }),
  ),
}, ['retroplanning', 'festivals']));

/** data/exemples/index.json: which format has an example, and the nomenclature it is written in. */
const EXEMPLES_INDEX = obj({
  title: str,
  note: str,
  examples: obj({
    'long-metrage': str,
    'court-metrage': str,
    serie: str,
    documentaire: str,
  }),
});
/** data/finance/recettes.json: the rates of the theatrical cascade, each with its source and mark. */
const RECETTES_RATE = obj({ value: decimal, mark, source: str });
const RECETTES = obj({
  title: str,
  seededFrom: str,
  seededOn: date,
  marks: obj({ verified: str, secondary: str, recalled: str }),
  ticketVat: RECETTES_RATE,
  tsa: RECETTES_RATE,
  rentalCap: RECETTES_RATE,
  rentalRate: RECETTES_RATE,
  distributionFee: RECETTES_RATE,
});

const CONDITIONS = obj({
  title: str,
  seededFrom: str,
  seededOn: date,
  marks: obj({ verified: str, secondary: str, recalled: str }),
  note: str,
  kinds: arr(
    obj({
      id: { enum: ['region-of-aid', 'region-of-budget'] },
      label: str,
      base: { enum: ['aid', 'budget-less-9'] },
      example: obj({ rate: decimal, fund: str, source: str, mark }),
    }),
    2,
  ),
});

const CHRONOLOGIE = obj({
  id: { enum: ['chronologie'] },
  title: str,
  seededFrom: str,
  seededOn: date,
  marks: obj({ verified: str, secondary: str, recalled: str }),
  accord: obj({ label: str, inForce: date, validUntil: date, mark, source: str, note: str }),
  categories: arr(str, 1),
  windows: arr(
    obj({ id: str, label: str, months: { type: 'integer', minimum: 0 }, mark, source: str }),
    1,
  ),
});

const timecode: Schema = { type: 'string', pattern: '^\\d{2}:[0-5]\\d:[0-5]\\d$' };

const CUE_SHEET = examplesByFormat(
  obj({
    cues: arr(
      obj({
        number: str,
        title: str,
        in: timecode,
        out: timecode,
        usage: { enum: ['Générique début', 'Générique fin', 'Fond sonore', 'Visuelle', 'Indicatif'] },
        origin: { enum: ['Originale', 'Préexistante', 'Archive'] },
        authors: str,
        publisher: str,
        performers: str,
        rights: { enum: ['Contrat de commande', 'Acquis', 'En négociation', 'À demander'] },
        cost: nullable(decimal),
        code: str,
      }),
      1,
    ),
  }),
);

const TEMPS_DE_TRAVAIL = obj({
  id: { enum: ['temps-de-travail'] },
  title: str,
  seededFrom: str,
  seededOn: date,
  marks: obj({ verified: str, secondary: str, recalled: str }),
  note: str,
  limits: arr(
    obj({
      id: { enum: ['dailyMax', 'weeklyMax', 'restMin', 'consecutiveMax'] },
      label: str,
      value: decimal,
      mark,
      source: str,
    }),
    4,
  ),
});

const hour: Schema = { type: 'string', pattern: '^[0-2]\\d:[0-5]\\d$' };

const PLAN_DE_TRAVAIL = examplesByFormat(
  obj({
    days: arr(
      obj({
        date,
        set: str,
        place: str,
        kind: { enum: ['Studio', 'Décor naturel', 'Voie publique'] },
        intExt: { enum: ['INT', 'EXT'] },
        dayNight: { enum: ['Jour', 'Nuit'] },
        scenes: str,
        cast: str,
        extras: { type: 'integer', minimum: 0 },
        start: hour,
        end: hour,
        meal: decimal,
        covers: { type: 'integer', minimum: 0 },
      }),
      1,
    ),
    links: arr(
      obj(
        {
          code: str,
          measure: { type: 'string', pattern: '^(days|weeks|extras|covers|(cast|kind|place|post|postweeks):.+)$' },
          plus: { type: 'integer', minimum: 1 },
        },
        ['plus'],
      ),
      1,
    ),
    roles: arr(obj({ role: str, actor: str, start: date, end: date }), 1),
    post: arr(obj({ step: str, after: anyStr, start: date, days: { type: 'integer', minimum: 1 } }), 1),
  }),
);

const DEPOUILLEMENT = examplesByFormat(
  obj({
    scenes: arr(
      obj({
        number: str,
        set: str,
        intExt: { enum: ['INT', 'EXT'] },
        dayNight: { enum: ['Jour', 'Nuit'] },
        eighths: { type: 'integer', minimum: 1 },
        cast: anyStr,
        extras: { type: 'integer', minimum: 0 },
        props: anyStr,
        vehicles: anyStr,
        special: anyStr,
        environment: anyStr,
      }),
      1,
    ),
  }),
);

export const SCHEMAS: Record<string, Schema> = {
  'carbon/alias.json': ALIAS,
  'carbon/bilan.json': BILAN,
  'carbon/facteurs.json': FACTEURS,
  'exemples/ayants-droit.json': AYANTS_DROIT,
  'exemples/court-metrage.json': EXAMPLE,
  'exemples/cue-sheet.json': CUE_SHEET,
  'exemples/depenses.json': DEPENSES,
  'exemples/depouillement.json': DEPOUILLEMENT,
  'exemples/documentaire.json': EXAMPLE,
  'exemples/evenement.json': EVENEMENT,
  'exemples/index.json': EXEMPLES_INDEX,
  'exemples/long-metrage.json': EXAMPLE,
  'exemples/plan-de-travail.json': PLAN_DE_TRAVAIL,
  'exemples/serie.json': EXAMPLE,
  'exemples/suivi.json': SUIVI,
  'exemples/tresorerie-reelle.json': TRESO_REELLE,
  'finance/charges-sociales.json': CHARGES,
  'finance/chronologie.json': CHRONOLOGIE,
  'finance/conditions.json': CONDITIONS,
  'finance/financement.json': FINANCEMENT,
  'finance/frais-generaux.json': FRAIS_GENERAUX,
  'finance/recettes.json': RECETTES,
  'finance/suivi.json': SEUILS,
  'finance/temps-de-travail.json': TEMPS_DE_TRAVAIL,
  'nomenclatures/cnc-2018.json': NOMENCLATURE,
  'nomenclatures/cnc-audiovisuel.json': NOMENCLATURE,
  'nomenclatures/cnc-classique.json': NOMENCLATURE,
  'referentiels/criteres.json': CRITERES,
};
