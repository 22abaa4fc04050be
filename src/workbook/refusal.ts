import { exampleAvailable, exampleNomenclature } from '../domain/examples/catalogue';
import { defaultNomenclature, formatLabel } from '../domain/facts/facts';
import { findNomenclature, getNomenclature, scaffoldProblem } from '../domain/nomenclature/nomenclature';
import type { ScaffoldRequest } from './scaffoldRequest';

/**
 * Why a request cannot be scaffolded (French, for the user), or null: a grid without roles or
 * labels, or an example asked in a grid other than its own.
 */
export function scaffoldRefusal(
  request: Pick<ScaffoldRequest, 'format' | 'nomenclature' | 'example'>,
): string | null {
  const nomenclature = request.nomenclature ?? defaultNomenclature(request.format);
  const problem = scaffoldProblem(getNomenclature(nomenclature));
  if (problem) return problem;
  if (request.example) {
    if (!exampleAvailable(request.format))
      return `Pas d’exemple pour le format ${formatLabel(request.format)}.`;
    const own = findNomenclature(exampleNomenclature(request.format) ?? '')?.id;
    if (own !== nomenclature)
      return `L’exemple ${formatLabel(request.format)} est écrit dans la nomenclature ${own} : choisissez-la, ou partez d’un devis vierge en ${nomenclature}.`;
  }
  return null;
}
