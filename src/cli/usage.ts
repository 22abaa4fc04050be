import { FORMATS } from '../domain/facts/facts';
import { listNomenclatures } from '../domain/nomenclature/nomenclature';
import { REFERENTIELS } from '../audit/referentiels';
import { SHEET_IDS } from '../sheets/model/naming';

/** What `--help` and a usage error need, and nothing more: the commands load on demand. */
export const NOMENCLATURE_IDS = listNomenclatures().map((n) => n.id);

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A progress line that replaces the previous one; only when stderr is a terminal. */
  progress?: (line: string) => void;
}

export const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  ...(process.stderr.isTTY ? { progress: (l: string) => process.stderr.write(`\r${l}\x1b[K`) } : {}),
};

const F = FORMATS.join('|');

export const USAGE = `Devis CNC en ligne de commande : écrire, contrôler et comparer les classeurs d'une production.

Usage :
  devis-cnc new --out FICHIER.xlsx [--format ${F}] [--exemple] …
  devis-cnc audit FICHIER.xlsx|DOSSIER|MOTIF… [--referentiel R] [--format text|json|junit] [--rapport DOSSIER] …
  devis-cnc comparer AVANT.xlsx APRES.xlsx [--format text|json] [--sortie COMPARAISON.xlsx]
  devis-cnc convertir FICHIER.xlsx --out NOUVEAU.xlsx [--format ${F}]
  devis-cnc carbone FICHIER.xlsx [--out FICHIER.csv]
  devis-cnc depenses importer RELEVE.csv --classeur FICHIER.xlsx [--doublons] …

Commandes :
  new        écrit un classeur Devis CNC neuf (16 feuilles liées, formules vivantes)
  audit      contrôle des classeurs, un dossier de copies, selon les critères d'un référentiel
  comparer   ce qui a changé d'une version à l'autre (lignes, chapitres, total, sources)
  convertir  reprend un devis fait à la main dans un classeur Devis CNC neuf
  carbone    exporte les postes du Bilan carbone en CSV pour un calculateur homologué
  depenses   importer : ajoute au grand livre les pièces d'un relevé CSV à la française

  devis-cnc COMMANDE --help   l'aide d'une commande : options, codes de sortie, exemple
  devis-cnc --version         la version installée

Codes de sortie : 0 succès, 1 constat ou refus (selon la commande), 2 erreur d'utilisation ou
fichier refusé. Aucune commande ne modifie un classeur qu'elle lit, sauf « depenses importer »
sans --out.`;

/** The exit codes every page ends with, and what they mean for the command. */
const codes = (zero: string, one: string, two: string): string =>
  `Codes de sortie :\n  0  ${zero}\n  1  ${one}\n  2  ${two}`;

const UNEXPECTED = 'erreur inattendue (à signaler, avec le message)';

/** Each command's own page: synopsis, what it does, options, exit codes, an example. */
export const HELP: Record<string, (examples: string) => string> = {
  new: (examples) => `devis-cnc new — écrit un classeur Devis CNC neuf, formules vivantes

Usage :
  devis-cnc new --out FICHIER.xlsx [--format ${F}] [--nomenclature ${NOMENCLATURE_IDS.join('|')}] [--exemple]
                [--feuilles LISTE] [--force]

Écrit Paramètres, Devis, Dépouillement, Plan de travail, Récapitulatif, Plan de financement, Trésorerie, Bilan carbone, Dépenses,
Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants droit, CUE sheet, Budget événement et Facteurs ;
chaque formule avec sa valeur calculée, donc les bons chiffres avant tout recalcul.

Options :
  --out FICHIER.xlsx   fichier à écrire (obligatoire)
  --format F           format de la production (défaut : long-metrage) ; la série et le documentaire
                       utilisent la grille audiovisuelle (10 chapitres), les films la grille cinéma
  --nomenclature N     grille du devis, si elle diffère de celle du format
  --exemple            remplit l'exemple crédible du format :
${examples}
  --feuilles LISTE     seulement ces feuilles, séparées par des virgules (${Object.values(SHEET_IDS).join(', ')}),
                       et celles que leurs formules lisent (la CUE sheet lit le Devis et Paramètres)
  --force              remplace le fichier s'il existe déjà

${codes('classeur écrit', UNEXPECTED, "erreur d'utilisation, fichier existant sans --force, ou écriture impossible")}

Exemples :
  devis-cnc new --out devis.xlsx --format court-metrage --exemple
  devis-cnc new --out musiques.xlsx --exemple --feuilles cue-sheet`,
  audit: () => `devis-cnc audit — contrôle des classeurs selon les critères d'un référentiel

Usage :
  devis-cnc audit FICHIER.xlsx|DOSSIER|MOTIF… [--referentiel ${REFERENTIELS.join('|')}]
                  [--format text|json|junit] [--rapport DOSSIER] [--delai SECONDES] [--memoire MO]

Lit les classeurs Devis CNC comme les classeurs faits à la main (le devis reconnu à sa feuille et à
ses en-têtes) et ne les modifie jamais. Un dossier : tous ses .xlsx, sous-dossiers compris ; un
motif : « copies/candidat-*.xlsx ». Plusieurs classeurs sont contrôlés en parallèle, un par cœur ;
les résultats suivent l'ordre des fichiers ; un fichier illisible n'arrête pas les autres.

Options :
  --referentiel R      les critères d'un référentiel (défaut : tous)
  --format F           text (défaut), json ou junit
  --rapport DOSSIER    écrit synthese.xlsx (un classeur par ligne, l'état de chaque critère) et un
                       rapport HTML imprimable (A4) par classeur ; remplace ceux d'avant
  --delai SECONDES     temps accordé à chaque classeur (défaut : 300)
  --memoire MO         mémoire accordée à chaque classeur (défaut : 1536)

${codes('aucun constat de gravité erreur', 'au moins une erreur dans un classeur', "erreur d'utilisation, ou un fichier illisible, trop long ou trop gros")}

Exemple :
  devis-cnc audit copies/ --referentiel cpca --rapport rapports-jury`,
  comparer: () => `devis-cnc comparer — ce qui a changé d'une version à l'autre

Usage :
  devis-cnc comparer AVANT.xlsx APRES.xlsx [--format text|json] [--sortie COMPARAISON.xlsx] [--force]

Devis initial et révisé, prévisionnel et définitif : lignes modifiées (quantité, nombre, taux,
montant, libellé, statut), ajoutées et supprimées par code, lignes recalculées (charges) à part,
écarts par chapitre, frais généraux, imprévus et total, sources du plan modifiées. Marche aussi sur
un devis fait main reconnu. Aucun des deux classeurs n'est modifié.

Options :
  --format F           text (défaut) ou json (montants en décimaux exacts)
  --sortie FICHIER     écrit la comparaison dans un classeur (Comparaison, Lignes, Sources)
  --force              remplace ce classeur s'il existe déjà

${codes('comparaison faite (différences ou non)', UNEXPECTED, "erreur d'utilisation, classeur absent ou illisible, ou sans devis lisible")}

Exemple :
  devis-cnc comparer devis-v1.xlsx devis-v2.xlsx --sortie ecarts.xlsx`,
  convertir: () => `devis-cnc convertir — reprend un devis fait à la main dans un classeur Devis CNC

Usage :
  devis-cnc convertir FICHIER.xlsx --out NOUVEAU.xlsx [--format ${F}] [--force] [--ecart-accepte]

La feuille du devis est reconnue comme par « audit » ; ses lignes passent dans un classeur neuf,
formules vivantes. La source n'est jamais modifiée. Le nouveau classeur garde le total de la source
au centime ; sinon rien n'est écrit et l'écart est expliqué ligne par ligne (un total de chapitre
qui n'est pas la somme de ses lignes, une ligne non reprise, un total général faux).

Options :
  --out FICHIER.xlsx   classeur à écrire (obligatoire)
  --format F           la grille (défaut : série si les codes suivent la grille audiovisuelle,
                       sinon long métrage)
  --force              remplace le fichier s'il existe déjà
  --ecart-accepte      écrit quand même le devis recalculé depuis les lignes de la source

${codes('classeur écrit, même total que la source', "total différent de celui de la source : l'écart expliqué, rien d'écrit (ou écrit avec --ecart-accepte)", "erreur d'utilisation, source illisible, sans devis reconnu ou sans ligne lue, fichier existant sans --force")}

Exemple :
  devis-cnc convertir budget-fait-main.xlsx --out devis-cnc.xlsx`,
  carbone: () => `devis-cnc carbone — exporte les postes du Bilan carbone en CSV

Usage :
  devis-cnc carbone FICHIER.xlsx [--out FICHIER.csv] [--force]

Un poste par ligne (séparateur « ; »), pour la ressaisie dans un calculateur homologué. Le classeur
n'est pas modifié.

Options :
  --out FICHIER.csv    fichier à écrire (défaut : le classeur avec l'extension .csv)
  --force              remplace le fichier s'il existe déjà

${codes('CSV écrit', UNEXPECTED, "erreur d'utilisation, classeur illisible ou sans Bilan carbone, fichier existant sans --force")}

Exemple :
  devis-cnc carbone devis.xlsx --out postes-carbone.csv`,
  depenses: () => `devis-cnc depenses importer — ajoute au grand livre les pièces d'un relevé CSV

Usage :
  devis-cnc depenses importer RELEVE.csv --classeur FICHIER.xlsx [--out NOUVEAU.xlsx]
                               [--colonnes "ht=Montant HT;…"] [--doublons]

Relevé à la française (« ; », virgule décimale, dates jj/mm/aaaa), colonnes reconnues à leur
en-tête ou données par --colonnes. Tout ou rien : une ligne illisible refuse le relevé, avec son
numéro ; un relevé déjà importé (mêmes pièces : date, numéro, montant HT) est refusé avec la liste
des doublons.

Options :
  --classeur FICHIER   le classeur Devis CNC à compléter (obligatoire)
  --out NOUVEAU.xlsx   écrit un autre classeur au lieu de compléter celui-ci
  --colonnes "…"       dit quelle colonne du relevé porte quel champ
  --doublons           importe aussi les pièces déjà au grand livre

${codes('pièces importées', "relevé refusé (ligne illisible, pièces déjà importées) : rien n'est écrit", "erreur d'utilisation, relevé ou classeur introuvable ou illisible")}

Exemple :
  devis-cnc depenses importer releve-decembre.csv --classeur devis.xlsx`,
};

export class UsageError extends Error {}
