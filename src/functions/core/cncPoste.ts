import { cellText } from '../../domain/text/cellText';
import {
  DEFAULT_NOMENCLATURE,
  findNomenclature,
  getNomenclature,
  listNomenclatures,
  lookupLabel,
} from '../../domain/nomenclature/nomenclature';
import type { FunctionResult } from './result';

/**
 * French label of a devis code in a nomenclature (default: the classic 9 postes).
 * `cncPoste("3")` → Interprétation. Unknown code or nomenclature → notAvailable with a French message.
 */
export function cncPoste(code: unknown, nomenclature?: unknown): FunctionResult<string> {
  const nomText =
    nomenclature === null || nomenclature === undefined || nomenclature === ''
      ? DEFAULT_NOMENCLATURE
      : cellText(nomenclature);
  const nom =
    nomText === DEFAULT_NOMENCLATURE ? getNomenclature(DEFAULT_NOMENCLATURE) : findNomenclature(nomText);
  if (!nom) {
    const ids = listNomenclatures()
      .map((n) => n.id)
      .join(', ');
    return {
      ok: false,
      issue: { code: 'invalidValue', message: `Nomenclature inconnue « ${nomText} » : utilisez ${ids}.` },
    };
  }
  if (code === null || code === undefined || code === '') {
    return {
      ok: false,
      issue: { code: 'invalidValue', message: 'Indiquez un code de poste, par exemple "3".' },
    };
  }
  const text = typeof code === 'number' ? cellText(code) : cellText(code);
  const found = lookupLabel(nom, text);
  if (!found) {
    return {
      ok: false,
      issue: { code: 'notAvailable', message: `Code « ${text} » inconnu dans la nomenclature ${nom.id}.` },
    };
  }
  return { ok: true, value: found.label };
}
