// Writes the long métrage example's Dépenses ledger (data/exemples/depenses.json) as it stands at
// the end of its shoot (11 June 2027): every chapter's pieces from development to the last week
// of shooting, each devis line's pieces summing to its devis amount except the four lines whose
// écart the Suivi budgétaire explains (data/exemples/suivi.json). Fictitious, deterministic.
// Run by hand after `npm run build:cli` when the example devis changes:
//   node scripts/seed-example-expenses.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { exampleBudget } = require(join(root, 'dist/src/domain/budget/templates.js'));
const { computeBudget } = require(join(root, 'dist/src/domain/budget/compute.js'));
const { devisSheet } = require(join(root, 'dist/src/sheets/devis/layout.js'));
const { makeNaming } = require(join(root, 'dist/src/sheets/model/naming.js'));

const SITUATION = '2027-06-11';
const target = join(root, 'data', 'exemples', 'depenses.json');
const previous = JSON.parse(readFileSync(target, 'utf8'));

const budget = exampleBudget('long-metrage');
const devis = new Map(
  devisSheet(budget, computeBudget(budget), makeNaming(null)).rows.lines.map((l) => [
    l.code,
    { label: l.label, cents: Math.round(Number(l.amount.toString()) * 100) },
  ]),
);
const amountOf = (code) => {
  const d = devis.get(code);
  if (!d) throw new Error(`code ${code} absent du devis de l'exemple`);
  return d.cents;
};

/** Splits cents by weights, to the cent, the last part taking the rounding. */
function split(cents, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((cents * w) / total));
  parts[parts.length - 1] += cents - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const pieces = [];
const counters = {};
const prefix = { Facture: 'F', 'Note de frais': 'NF', Salaire: 'S', 'Note de droits': 'NDA', Acompte: 'A' };
const addDays = (iso, n) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const endOfMonth = (ym) => {
  const [y, m] = ym.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const TVA = { Facture: 0.2, Acompte: 0.2, 'Note de frais': 0.1, Salaire: 0, 'Note de droits': 0 };

/**
 * One piece. Paid `delay` days after its date when that is on or before the situation date,
 * else committed (engagé): a contract signed, an invoice not yet due.
 */
function piece({ date, nature, code, label, cents, payee, tva = TVA[nature], delay = 20, engaged = false }) {
  counters[nature] = (counters[nature] ?? 0) + 1;
  const ref = `${prefix[nature]}-${String(pieces.length + 1).padStart(4, '0')}`;
  const paidOn = addDays(date, delay);
  const paid = !engaged && paidOn <= SITUATION;
  pieces.push({
    date,
    piece: ref,
    payee,
    nature,
    code,
    label,
    ht: (cents / 100).toFixed(2),
    tva: (Math.round(cents * tva) / 100).toFixed(2),
    status: paid ? 'Payé' : 'Engagé',
    paidOn: paid ? paidOn : null,
    mode: paid ? (code.startsWith('4.') ? 'Prélèvement' : 'Virement') : null,
    proof: true,
    proofRef: paid || nature !== 'Salaire' ? `${ref}.pdf` : 'Contrat signé',
  });
}

/** A devis line paid out in instalments: [date, weight, label suffix, options]; `already`: cents of earlier pieces. */
function line(code, payee, nature, plan, already = 0) {
  const cents = amountOf(code) - already;
  const parts = split(
    cents,
    plan.map((p) => p[1]),
  );
  plan.forEach(([date, , what, opts = {}], i) =>
    piece({
      date,
      nature,
      code,
      label: `${devis.get(code).label} — ${what}`,
      cents: parts[i],
      payee,
      ...opts,
    }),
  );
}

/** A salary line over months: the month's payslip, paid on its last day; June committed. */
function payroll(code, payee, months, weights = months.map(() => 1)) {
  const cents = amountOf(code);
  const parts = split(cents, weights);
  months.forEach((ym, i) => {
    const date = ym === '2027-06' ? '2027-06-01' : endOfMonth(ym);
    piece({
      date,
      nature: 'Salaire',
      code,
      label: `${devis.get(code).label} — salaire de ${new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`))}`,
      cents: parts[i],
      payee,
      delay: 0,
      engaged: ym === '2027-06',
    });
  });
}

// ---- The six pieces of development, as before (the option, the writer, the studio deposit…),
// now paid where they were only committed.
for (const p of previous.formats['long-metrage'].slice(0, 6)) {
  const paidLater = {
    'DEV-0005': { status: 'Payé', paidOn: '2027-05-28', mode: 'Virement', proofRef: 'F-0005.pdf' },
    'F-0006': { status: 'Payé', paidOn: '2027-01-15', mode: 'Virement', proofRef: 'F-0006.pdf' },
  }[p.piece];
  pieces.push({ ...p, ...(paidLater ?? {}) });
}

// ---- 1 Droits artistiques
piece({
  date: '2027-03-01',
  nature: 'Facture',
  code: '1.1',
  label: "Droits d'adaptation : solde à la mise en production (prix renégocié)",
  cents: 5_000_000,
  payee: 'Éditions des Quais',
  tva: 0.055,
});
line(
  '1.2.1',
  'Léa Fontaine (scénariste)',
  'Note de droits',
  [
    ['2027-01-11', 1, 'deuxième version'],
    ['2027-03-08', 1, 'version de tournage'],
  ],
  3_000_000,
);
line('1.2.2', 'Paul Ménard (consultant)', 'Note de droits', [
  ['2027-01-25', 1, 'consultation sur la deuxième version'],
]);
line('1.3', 'Nadia Berthier (réalisatrice)', 'Note de droits', [
  ['2027-02-01', 2, 'à la signature'],
  ['2027-04-26', 1, 'au premier jour de tournage'],
  ['2027-06-01', 1, 'à la livraison (contrat signé)', { engaged: true }],
]);
line('1.4.1', 'Hugo Lenoir (compositeur)', 'Note de droits', [
  ['2027-05-03', 1, 'à la commande'],
  ['2027-06-01', 1, 'à la remise des thèmes (contrat signé)', { engaged: true }],
]);
line('1.4.2', 'Éditions Phonogram', 'Facture', [
  ['2027-05-20', 1, 'deux titres préexistants (licence signée)', { engaged: true }],
]);
line('1.5', 'INA — archives', 'Facture', [['2027-04-12', 1, 'extraits d’archives télévisées']]);

// ---- 2 Personnel
payroll('2.1', 'Les Films du Quai (producteur délégué)', ['2027-01', '2027-03', '2027-05', '2027-06']);
const prepShoot = ['2027-03', '2027-05', '2027-06'];
const shoot = ['2027-05', '2027-06'];
payroll('2.2.1', 'Nadia Berthier (réalisatrice)', prepShoot);
payroll('2.2.2', 'Julien Castel (premier assistant)', prepShoot);
payroll('2.2.3', 'Inès Morel (deuxième assistante)', shoot);
payroll('2.2.4', 'Sophie Dalmas (scripte)', shoot);
payroll('2.3.1', 'Marc Dubreuil (directeur de production)', ['2027-01', ...prepShoot]);
payroll('2.3.2', 'Claire Vasseur (administratrice)', ['2027-01', ...prepShoot]);
payroll('2.3.3', 'Yanis Haddad (régisseur général)', prepShoot);
payroll('2.3.4', 'Équipe de production et de régie', shoot);
payroll('2.4.1', 'Thomas Roy (directeur de la photographie)', prepShoot, [1, 3, 1]);
payroll('2.4.2', 'Équipe image (premier assistant)', shoot, [2, 1]);
payroll('2.4.3', 'Équipe image (deuxième assistant)', shoot, [2, 1]);
line('2.4.4', 'Anne Guérin (photographe de plateau)', 'Salaire', [
  ['2027-05-31', 1, 'dix jours de plateau', { delay: 0 }],
]);
payroll('2.5.1', 'Louis Fabre (chef opérateur du son)', shoot, [2, 1]);
payroll('2.5.2', 'Équipe son (perchman)', shoot, [2, 1]);
line('2.6.1', 'Élise Noiret (cheffe monteuse)', 'Salaire', [
  ['2027-05-17', 1, 'contrat de montage (signé)', { engaged: true }],
]);
line('2.6.2', 'Équipe montage (assistant)', 'Salaire', [
  ['2027-05-17', 1, 'contrat de montage (signé)', { engaged: true }],
]);
payroll('2.7.1', 'Bruno Lacombe (chef décorateur)', prepShoot, [2, 1, 1]);
payroll('2.7.2', 'Équipe déco (ensemblier)', prepShoot);
payroll('2.7.3', 'Équipe déco (accessoiriste)', shoot);
payroll('2.8.1', 'Mathilde Rey (cheffe costumière)', prepShoot);
payroll('2.8.2', 'Équipe costumes (habilleuse)', shoot);
payroll('2.8.3', 'Équipe HMC (maquillage)', shoot);
payroll('2.8.4', 'Équipe HMC (coiffure)', shoot);
payroll('2.9.1', 'Équipe machinerie (chef)', shoot, [2, 1]);
payroll('2.9.2', 'Équipe machinerie', shoot, [2, 1]);
payroll('2.9.3', 'Équipe électrique (chef)', shoot, [2, 1]);
payroll('2.9.4', 'Équipe électrique', shoot, [2, 1]);
payroll('2.10.1', 'Jeanne Perrin (référente éco-production)', prepShoot);
line('2.10.2', 'Collectif 50/50 — référent VHSS', 'Facture', [
  ['2027-03-15', 1, 'mission de référent et formation', { tva: 0 }],
]);

// ---- 3 Interprétation
line('3.1.1', 'Agence Artmedia (rôle principal féminin)', 'Salaire', [
  ['2027-03-31', 1, 'cachets : moitié à la signature', { delay: 0 }],
  ['2027-06-01', 1, 'cachets : solde en fin de tournage', { engaged: true }],
]);
line('3.1.2', 'Agence Adéquat (rôle principal masculin)', 'Salaire', [
  ['2027-03-31', 1, 'cachets : moitié à la signature', { delay: 0 }],
  ['2027-06-01', 1, 'cachets : solde en fin de tournage', { engaged: true }],
]);
payroll('3.2', 'Rôles secondaires (cachets)', shoot, [2, 1]);
payroll('3.3', 'Petits rôles (cachets)', shoot, [2, 1]);
payroll('3.4', 'Figuration (cachets)', shoot, [2, 1]);
line('3.5', 'Équipe de cascadeurs', 'Salaire', [['2027-05-31', 1, 'deux jours de cascade', { delay: 0 }]]);
line('3.9', 'Cécile Hamon (directrice de casting)', 'Facture', [
  ['2027-01-29', 1, 'préparation du casting'],
  ['2027-03-05', 1, 'sessions et essais'],
]);
line('3.10', 'Agences des rôles principaux', 'Facture', [
  ['2027-03-31', 1, 'commissions (contrats signés)', { engaged: true }],
]);

// ---- 4 Charges sociales: the month's contributions, paid the next month on the 15th.
for (const [code, payee, months] of [
  ['4.1.1', 'URSSAF et Audiens (techniciens)', ['2027-03', '2027-05', '2027-06']],
  ['4.1.2', 'URSSAF et Audiens (cadres)', ['2027-03', '2027-05', '2027-06']],
  ['4.1.3', 'URSSAF (permanents)', ['2027-03', '2027-06']],
  ['4.2', 'URSSAF et Audiens (artistes)', ['2027-05', '2027-06']],
]) {
  const parts = split(
    amountOf(code),
    months.map((m, i) => (code === '4.1.3' ? 1 : i + 1)),
  );
  months.forEach((ym, i) =>
    piece({
      date: endOfMonth(ym),
      nature: 'Facture',
      code,
      label: `${devis.get(code).label} — cotisations de ${ym.slice(5)}/${ym.slice(0, 4)}`,
      cents: parts[i],
      payee,
      tva: 0,
      delay: 15,
    }),
  );
}
line('4.3', 'URSSAF (artistes-auteurs)', 'Facture', [
  ['2027-03-31', 1, 'contributions sur les droits versés', { tva: 0, delay: 15 }],
]);

// ---- 5 Décors et costumes
piece({
  date: '2027-04-12',
  nature: 'Facture',
  code: '5.1',
  label: 'Studios — solde du plateau B',
  cents: 1_470_000,
  payee: 'Studio Lumen',
});
piece({
  date: '2027-05-21',
  nature: 'Facture',
  code: '5.1',
  label: 'Studios — journée supplémentaire en repli (usine indisponible)',
  cents: 350_000,
  payee: 'Studio Lumen',
});
line('5.2.1', 'Atelier Décors du Nord', 'Facture', [
  ['2027-03-10', 2, 'construction, premier acompte'],
  ['2027-04-05', 2, 'construction, deuxième acompte'],
  ['2027-05-10', 1, 'construction, solde'],
]);
line('5.2.2', 'Atelier Décors du Nord', 'Facture', [
  ['2027-06-01', 1, 'démontage et réemploi (devis signé)', { engaged: true }],
]);
line('5.3', 'Ville de Roubaix et propriétaires', 'Facture', [
  ['2027-04-20', 1, 'location des décors d’avril'],
  ['2027-05-20', 2, 'location des décors de mai'],
  ['2027-06-01', 1, 'location des décors de juin', { engaged: true }],
]);
line('5.4', 'Accessoires Leroux', 'Facture', [
  ['2027-03-22', 1, 'mobilier d’époque (location)'],
  ['2027-04-19', 1, 'accessoires de jeu'],
]);
line('5.5', 'Maison Bréant (costumes)', 'Facture', [
  ['2027-03-15', 1, 'fabrication, acompte'],
  ['2027-04-15', 1, 'fabrication, solde et location'],
]);
line('5.6', 'Fournitures HMC', 'Facture', [['2027-04-20', 1, 'fournitures de maquillage et coiffure']]);
line('5.7', 'Effets de plateau SFX Nord', 'Facture', [['2027-05-12', 1, 'pluie et fumée, trois jours']]);

// ---- 6 Transports, défraiements, régie
line('6.1.1', 'Loueur Transports Flandres', 'Facture', [
  ['2027-04-30', 1, 'camions et véhicules d’avril'],
  ['2027-05-31', 2, 'camions et véhicules de mai'],
  ['2027-06-01', 1, 'camions et véhicules de juin', { engaged: true }],
]);
for (const [date, cents, what] of [
  ['2027-03-09', 120_000, 'repérages et préparation'],
  ['2027-04-22', 240_000, 'arrivée de l’équipe à Lille'],
  ['2027-05-18', 280_000, 'rotations de l’équipe, billets pris tard'],
  ['2027-06-08', 140_000, 'retours de fin de tournage'],
])
  piece({
    date,
    nature: 'Note de frais',
    code: '6.1.2',
    label: `Billets de train équipe — ${what}`,
    cents,
    payee: 'Marc Dubreuil (directeur de production)',
    delay: 3,
  });
line('6.1.3', 'Loueur Bruxelles Mobility', 'Facture', [
  ['2027-05-24', 1, 'véhicules pour les trois jours de Bruxelles'],
]);
payroll('6.1.4', 'Chauffeurs de production', shoot, [2, 1]);
line('6.2.1', 'Hôtels du Vieux-Lille', 'Facture', [
  ['2027-04-30', 1, 'nuitées d’avril'],
  ['2027-05-31', 3, 'nuitées de mai'],
  ['2027-06-01', 2, 'nuitées de juin (réservées)', { engaged: true }],
]);
line('6.2.2', 'Hôtel Sablon Bruxelles', 'Facture', [['2027-05-27', 1, 'trois nuits à Bruxelles']]);
line('6.2.3', 'Indemnités de repas (paie)', 'Note de frais', [
  ['2027-04-30', 1, 'paniers d’avril', { delay: 0 }],
  ['2027-05-31', 3, 'paniers de mai', { delay: 0 }],
  ['2027-06-01', 2, 'paniers de juin', { engaged: true }],
]);
line('6.3.1', 'Cantine Les Toques Mobiles', 'Facture', [
  ['2027-04-30', 1, 'repas d’avril'],
  ['2027-05-31', 3, 'repas de mai'],
  ['2027-06-01', 2, 'repas de juin', { engaged: true }],
]);
line('6.3.2', 'SCI du Quai (bureaux)', 'Facture', [
  ['2027-01-05', 1, 'loyer du premier trimestre'],
  ['2027-04-05', 1, 'loyer du deuxième trimestre'],
]);
line('6.3.3', 'Yanis Haddad (régisseur général)', 'Note de frais', [
  ['2027-03-31', 1, 'frais de régie de mars', { delay: 5 }],
  ['2027-04-30', 2, 'frais de régie d’avril', { delay: 5 }],
  ['2027-05-31', 2, 'frais de régie de mai', { delay: 5 }],
]);
line('6.3.4', 'Recyclerie du Nord', 'Facture', [
  ['2027-05-28', 1, 'tri des déchets et vaisselle réutilisable'],
]);

// ---- 7 Moyens techniques (the camera: the order of November, paid above)
line('7.2', 'Machinerie Grip Services', 'Facture', [
  ['2027-04-26', 1, 'location, premier mois'],
  ['2027-06-01', 1, 'location, solde (bon de commande)', { engaged: true }],
]);
line('7.3.1', 'Lumière Location Nord', 'Facture', [
  ['2027-04-26', 1, 'location, premier mois'],
  ['2027-06-01', 1, 'location, solde (bon de commande)', { engaged: true }],
]);
line('7.3.2', 'Énergie Plateau', 'Facture', [['2027-04-26', 1, 'raccordements réseau et batteries']]);
line('7.4', 'Son Location', 'Facture', [['2027-04-26', 1, 'matériel son de tournage']]);
line('7.5.1', 'Postprod Quai Est', 'Facture', [
  ['2027-05-17', 1, 'salle de montage, 18 semaines (devis signé)', { engaged: true }],
]);

// ---- 8 Pellicule, laboratoire, postproduction image
line('8.1', 'Stockage Média Pro', 'Facture', [
  ['2027-04-20', 1, 'disques et cartouches LTO'],
  ['2027-05-25', 1, 'cartouches LTO supplémentaires'],
]);
line('8.2.1', 'DIT Services', 'Facture', [
  ['2027-05-03', 1, 'traitement des rushes, avril'],
  ['2027-06-01', 2, 'traitement des rushes, mai et juin', { engaged: true }],
]);
line('8.2.2', 'Laboratoire Couleur Nord', 'Facture', [
  ['2027-05-25', 1, 'étalonnage (devis signé)', { engaged: true }],
]);
piece({
  date: '2027-05-26',
  nature: 'Facture',
  code: '8.3',
  label: 'Génériques, truquages, effets visuels — contrat avec l’atelier VFX (plans réduits)',
  cents: 3_000_000,
  payee: 'Atelier VFX Lumière',
  engaged: true,
});

// ---- 9 Assurances et divers
line('9.1', 'Cabinet Circles Assurances', 'Facture', [
  ['2027-03-01', 3, 'prime, premier terme', { tva: 0 }],
  ['2027-06-01', 2, 'prime, second terme', { tva: 0, engaged: true }],
]);
const legal = amountOf('9.2') - 250_000; // the November audit piece is above
split(legal, [1, 1, 1, 1]).forEach((cents, i) =>
  piece({
    date: ['2027-01-20', '2027-03-20', '2027-04-20', '2027-05-20'][i],
    nature: 'Facture',
    code: '9.2',
    label: [
      'Frais juridiques — contrats de cession',
      'Frais juridiques — contrats des comédiens',
      'Comptabilité de production — avril',
      'Comptabilité de production — mai',
    ][i],
    cents,
    payee: 'Cabinet Arnaud et associés',
  }),
);
line('9.3', 'Agence Plan Large', 'Facture', [['2027-05-15', 1, 'photographies et reportage de tournage']]);
line('9.4', 'Banque Coopérative du Cinéma', 'Facture', [
  ['2027-04-01', 1, 'frais de dossier et intérêts du crédit relais', { tva: 0, delay: 0 }],
  ['2027-06-01', 1, 'intérêts du crédit relais, second trimestre', { tva: 0, engaged: true }],
]);
line('9.5.1', 'Écoprod Conseil', 'Facture', [
  ['2027-03-15', 1, 'bilan carbone prévisionnel'],
  ['2027-06-01', 1, 'bilan carbone définitif (commande)', { engaged: true }],
]);
line('9.5.2', 'Collectif 50/50', 'Facture', [['2027-03-22', 1, 'formation de l’équipe', { tva: 0 }]]);

pieces.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
previous.formats['long-metrage'] = pieces;
previous.note =
  'Exemple fictif et pédagogique : pièces, fournisseurs et montants sont des hypothèses plausibles, pas des données réelles ; le grand livre est arrêté à la fin du tournage (11 juin 2027). La TVA est celle portée sur chaque pièce de l’exemple.';
writeFileSync(target, `${JSON.stringify(previous, null, 1)}\n`);
console.log(
  `${pieces.length} pièces, ${(pieces.reduce((a, p) => a + Math.round(Number(p.ht) * 100), 0) / 100).toFixed(2)} € HT`,
);
