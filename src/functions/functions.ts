/*
 * Custom functions. Each is a one-line wrapper over the domain; custom-functions-metadata-plugin
 * reads the JSDoc below to generate functions.json. The id and the name carry their own prefix
 * (CNC., CARBON.): the manifest declares no <Namespace>, so formulas read exactly =CNC.POSTE().
 */
import { cncPoste } from './core/cncPoste';
import { unwrap } from './toExcelError';

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
