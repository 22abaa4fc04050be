/*
 * Custom functions. Each is a one-line wrapper over the domain; custom-functions-metadata-plugin
 * reads the JSDoc below to generate functions.json. The id and the name carry their own prefix
 * (CNC., CARBON., FIN.): the manifest declares no <Namespace>, so formulas read exactly
 * =CNC.POSTE() and =CARBON.TRANSPORT(). French descriptions; errors through toExcelError.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel ranges of mixed values arrive as any[][] */
import {
  energyEmissions,
  factorLookup,
  hotelEmissions,
  mealEmissions,
  transportEmissions,
  wasteEmissions,
} from '../domain/carbon/compute';
import { allFactors, describeSource } from '../domain/carbon/factors';
import { cncCharges, cncChapitre, cncTotal, cncValide } from './core/cnc';
import { cncPoste } from './core/cncPoste';
import { finCreditImpot, finIntensite } from './core/fin';
import { unwrap } from './toExcelError';

/**
 * Excel's registry of custom functions, which the metadata plugin's `CustomFunctions.associate`
 * calls (appended to this file at build) use. Outside Excel — the pane's page opened in a browser,
 * office.js unreachable — there is no registry and nothing to register: the page must not throw.
 */
const CustomFunctions: { associate: (id: string, fn: (...args: any[]) => unknown) => void } = (
  globalThis as { CustomFunctions?: { associate: (id: string, fn: (...args: any[]) => unknown) => void } }
).CustomFunctions ?? { associate: () => undefined };
void CustomFunctions;

const kg = (r: ReturnType<typeof transportEmissions>): number => unwrap(r).kg.toNumber();

/**
 * Renvoie le libellé français d'un code de poste du devis CNC (nomenclature classique à 9 postes par défaut).
 * @customfunction CNC.POSTE CNC.POSTE
 * @param code Code du poste ou du sous-poste, par exemple "3" ou "2.4".
 * @param nomenclature Nomenclature : "classique" (défaut), "2018" ou "audiovisuel".
 * @returns Libellé du poste.
 */
export function cncPosteFunction(code: string, nomenclature?: string): string {
  return unwrap(cncPoste(code, nomenclature));
}

/**
 * Renvoie le libellé du chapitre (poste à un chiffre) auquel appartient un code.
 * @customfunction CNC.CHAPITRE CNC.CHAPITRE
 * @param code Code d'un poste ou d'une ligne, par exemple "2.4.1".
 * @param nomenclature Nomenclature : "classique" (défaut), "2018" ou "audiovisuel".
 * @returns Libellé du chapitre.
 */
export function cncChapitreFunction(code: string, nomenclature?: string): string {
  return unwrap(cncChapitre(code, nomenclature));
}

/**
 * Indique si un code existe dans la nomenclature (chapitre, poste connu, ou ligne libre sous un poste connu).
 * @customfunction CNC.VALIDE CNC.VALIDE
 * @param code Code à vérifier.
 * @param nomenclature Nomenclature : "classique" (défaut), "2018" ou "audiovisuel".
 * @returns VRAI si le code est valide.
 */
export function cncValideFunction(code: string, nomenclature?: string): boolean {
  return unwrap(cncValide(code, nomenclature));
}

/**
 * Somme des montants dont le code est le code donné ou un de ses sous-postes ("2.1" compte "2.1.3" mais pas "2.10").
 * @customfunction CNC.TOTAL CNC.TOTAL
 * @param code Code du poste à totaliser.
 * @param codes Plage des codes (colonne Code du devis).
 * @param montants Plage des montants, de même taille.
 * @returns Total en euros.
 */
export function cncTotalFunction(code: string, codes: any[][], montants: any[][]): number {
  return unwrap(cncTotal(code, codes, montants));
}

/**
 * Charges patronales d'un salaire brut au taux daté du statut (Technicien, Cadre, Artiste, Auteur, Permanent, Prestataire), majoration des CDDU courts comprise pour les intermittents, arrondies au centime.
 * @customfunction CNC.CHARGES CNC.CHARGES
 * @param brut Salaire brut en euros.
 * @param statut Technicien, Cadre, Artiste, Auteur, Permanent ou Prestataire.
 * @returns Charges en euros.
 */
export function cncChargesFunction(brut: number, statut: string): number {
  return unwrap(cncCharges(brut, statut));
}

/**
 * Émissions d'un déplacement en kgCO2e (facteurs ADEME). Véhicules : par véhicule.km ; transports collectifs : par passager.km ; fret : par tonne.km.
 * @customfunction CARBON.TRANSPORT CARBON.TRANSPORT
 * @param mode Mode : "train.tgv", "TGV", "voiture gazole", "utilitaire", "avion", "avion moyen-courrier sans traînées", "fret camion"…
 * @param km Distance d'un trajet, en kilomètres.
 * @param personnes Nombre de personnes (transports collectifs) ou tonnage (fret) ; ignoré pour un véhicule.
 * @param aller_retour VRAI pour compter l'aller et le retour.
 * @returns kgCO2e.
 */
export function carbonTransportFunction(
  mode: string,
  km: number,
  personnes?: number,
  aller_retour?: boolean,
): number {
  return kg(transportEmissions(mode, km, personnes, aller_retour));
}

/**
 * Émissions d'une consommation d'énergie en kgCO2e : électricité (réseau France par année, autres pays), gazole, HVO, groupe électrogène, gaz naturel.
 * @customfunction CARBON.ENERGIE CARBON.ENERGIE
 * @param quantite Quantité (kWh, litres ou m3 selon la source).
 * @param source Source : "réseau", "électricité 2024", "électricité belgique", "gazole", "HVO", "groupe électrogène", "gaz naturel"…
 * @returns kgCO2e.
 */
export function carbonEnergieFunction(quantite: number, source: string): number {
  return kg(energyEmissions(quantite, source));
}

/**
 * Émissions de nuitées d'hôtel en France, en kgCO2e.
 * @customfunction CARBON.HEBERGEMENT CARBON.HEBERGEMENT
 * @param nuitees Nombre de nuitées.
 * @param categorie Catégorie : vide (moyenne), "sans petit-déjeuner", "non classé", "2*", "3*", "4*", "5*".
 * @returns kgCO2e.
 */
export function carbonHebergementFunction(nuitees: number, categorie?: string): number {
  return kg(hotelEmissions(nuitees, categorie));
}

/**
 * Émissions de repas en kgCO2e selon le régime.
 * @customfunction CARBON.REPAS CARBON.REPAS
 * @param nombre Nombre de repas.
 * @param regime Régime : "moyen", "végétarien", "végétalien", "poulet", "bœuf", "poisson"…
 * @returns kgCO2e.
 */
export function carbonRepasFunction(nombre: number, regime: string): number {
  return kg(mealEmissions(nombre, regime));
}

/**
 * Émissions de la fin de vie de déchets en kgCO2e.
 * @customfunction CARBON.DECHETS CARBON.DECHETS
 * @param tonnes Masse en tonnes.
 * @param type Type : "ordures", "DIB", "carton", "papier-carton", "plastique", "verre", "métal", "bois", "biodéchets", "DEEE"…
 * @param traitement Traitement : "moyenne" (défaut), "incinération", "stockage", "recyclage", "compostage", "méthanisation".
 * @returns kgCO2e.
 */
export function carbonDechetsFunction(tonnes: number, type: string, traitement?: string): number {
  return kg(wasteEmissions(tonnes, type, traitement ?? ''));
}

/**
 * Valeur d'un facteur d'émission (kgCO2e par unité) d'après sa clé.
 * @customfunction CARBON.FACTEUR CARBON.FACTEUR
 * @param cle Clé du facteur, par exemple "train.tgv" ou "elec.fr".
 * @returns Valeur du facteur.
 */
export function carbonFacteurFunction(cle: string): number {
  return unwrap(factorLookup(cle, KEYS)).value.toNumber();
}

/**
 * Source et millésime d'un facteur d'émission, avec la mention NON VÉRIFIÉ le cas échéant.
 * @customfunction CARBON.SOURCE CARBON.SOURCE
 * @param cle Clé du facteur.
 * @returns Source et millésime.
 */
export function carbonSourceFunction(cle: string): string {
  return describeSource(unwrap(factorLookup(cle, KEYS)));
}

/**
 * Part des aides publiques dans un financement : somme des montants de nature « Public » / total.
 * @customfunction FIN.INTENSITE FIN.INTENSITE
 * @param montants Plage des montants.
 * @param natures Plage des natures (Public ou Privé), de même taille.
 * @returns Part publique (0 à 1).
 */
export function finIntensiteFunction(montants: any[][], natures: any[][]): number {
  return unwrap(finIntensite(montants, natures));
}

/**
 * Estimation d'un crédit d'impôt : taux daté × dépenses éligibles en France, plafonné (par minute pour l'audiovisuel).
 * @customfunction FIN.CREDIT_IMPOT FIN.CREDIT_IMPOT
 * @param depenses_eligibles Dépenses éligibles en France, en euros.
 * @param type Type : "cinéma", "audiovisuel", "documentaire" ou "international".
 * @param [duree] Audiovisuel : durée de l'œuvre en minutes (le plafond est fixé par minute).
 * @param [cout] Audiovisuel : coût de l'œuvre en euros (le plafond par minute dépend du coût à la minute).
 * @returns Crédit d'impôt estimé en euros.
 */
export function finCreditImpotFunction(
  depenses_eligibles: number,
  type: string,
  duree?: number,
  cout?: number,
): number {
  return unwrap(finCreditImpot(depenses_eligibles, type, duree, cout));
}

const KEYS: string[] = allFactors().map((f) => f.key);
