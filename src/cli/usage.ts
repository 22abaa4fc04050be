import { FORMATS } from '../domain/facts/facts';
import { listNomenclatures } from '../domain/nomenclature/nomenclature';
import { REFERENTIELS } from '../audit/referentiels';

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

export const USAGE = `Usage :
  devis-cnc new --out FICHIER.xlsx [--format ${FORMATS.join('|')}] [--nomenclature ${NOMENCLATURE_IDS.join('|')}] [--exemple] [--force]
  devis-cnc carbone FICHIER.xlsx [--out FICHIER.csv] [--force]
  devis-cnc audit FICHIER.xlsx|DOSSIER|MOTIF… [--referentiel ${REFERENTIELS.join('|')}] [--format text|json|junit]
                  [--delai SECONDES] [--memoire MO] [--rapport DOSSIER]
  devis-cnc convertir FICHIER.xlsx --out NOUVEAU.xlsx [--format ${FORMATS.join('|')}] [--force]
  devis-cnc comparer AVANT.xlsx APRES.xlsx [--format text|json] [--sortie COMPARAISON.xlsx] [--force]
  devis-cnc depenses importer RELEVE.csv --classeur FICHIER.xlsx [--out NOUVEAU.xlsx] [--colonnes "ht=Montant HT;…"]

Commandes :
  new       écrit un classeur (Paramètres, Devis, Récapitulatif, Plan de financement, Trésorerie,
            Bilan carbone, Dépenses, Suivi budgétaire, Trésorerie réelle, Bilan financier, Ayants
            droit, Budget événement, Facteurs) avec formules vivantes
  audit     contrôle des classeurs selon les critères d'un référentiel (défaut : tous) ;
            un dossier (tous ses .xlsx, sous-dossiers compris) ou un motif (« *.xlsx ») ;
            plusieurs classeurs sont contrôlés en parallèle, un par cœur, chacun avec un délai
            (--delai, défaut 300 s) et une mémoire (--memoire, défaut 1536 Mo) ; les résultats
            suivent l'ordre des fichiers ; --rapport écrit dans un dossier une synthèse
            (synthese.xlsx : un classeur par ligne, l'état de chaque critère) et un rapport HTML
            imprimable par classeur ; code 0 sans erreur, 1 avec au moins une erreur, 2 si un
            fichier est illisible
  convertir reprend un devis fait à la main (feuille devis ou budget, reconnue comme par « audit »)
            dans un classeur Devis CNC neuf, formules vivantes ; la source n'est jamais modifiée ;
            --format choisit la grille (défaut : série si les codes suivent la grille
            audiovisuelle, sinon long métrage)
  comparer  ce qui change d'une version à l'autre (devis initial et révisé, prévisionnel et
            définitif) : lignes ajoutées, supprimées et modifiées par code (quantité, taux,
            montant), écarts par chapitre et au total, sources du plan modifiées ; marche aussi
            sur un devis fait main reconnu ; --sortie écrit la comparaison dans un classeur ;
            aucun des deux classeurs n'est modifié
  carbone   exporte les postes du Bilan carbone d'un classeur en CSV (séparateur « ; »), pour la
            ressaisie dans un calculateur homologué ; le classeur n'est pas modifié

  depenses  importer : ajoute au grand livre (feuille Dépenses) les pièces d'un relevé CSV à la
            française (« ; », virgule décimale, dates jj/mm/aaaa), colonnes reconnues à leur
            en-tête ou données par --colonnes ; une ligne illisible refuse tout le relevé, avec
            son numéro, et rien n'est écrit

Options de « carbone » :
  --out FICHIER.csv    fichier à écrire (défaut : le classeur avec l'extension .csv)

Options de « new » :
  --out FICHIER.xlsx   fichier à écrire (obligatoire)
  --format F           format de la production (défaut : long-metrage) ; la série et le documentaire
                       utilisent la grille audiovisuelle (10 chapitres), les films la grille cinéma
  --nomenclature N     grille du devis, si elle diffère de celle du format (${NOMENCLATURE_IDS.join(', ')})
  --exemple            remplit l'exemple crédible du format : long métrage de 2,95 M€, court métrage
                       de 15 min, série de 6 × 52 min, documentaire de 52 min
  --force              remplace le fichier s'il existe déjà
  --help               affiche cette aide

Codes de sortie : 0 succès, 2 erreur d'utilisation ou fichier refusé.`;

export class UsageError extends Error {}
