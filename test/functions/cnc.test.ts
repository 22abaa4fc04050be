import { FakeCustomFunctionError, installCustomFunctions } from '../support/customFunctions';
import { cncPoste } from '../../src/functions/core/cncPoste';

beforeAll(installCustomFunctions);

// Imported after the CustomFunctions stand-in exists, as in Excel's runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => require('../../src/functions/functions') as typeof import('../../src/functions/functions');

describe('=CNC.POSTE()', () => {
  it.each([
    ['3', undefined, 'Interprétation'],
    ['4', undefined, 'Charges sociales'],
    ['2.4', undefined, 'Image'],
    ['31', '2018', 'Rôles principaux'],
    ['8.c', 'audiovisuel', 'ETALONNAGE'],
  ])('CNC.POSTE(%p; %p) = %p', (code, nom, label) => {
    expect(load().cncPosteFunction(code, nom)).toBe(label);
  });

  it('accepts a number typed in the cell', () => {
    expect(load().cncPosteFunction(3 as unknown as string)).toBe('Interprétation');
  });

  it('gives #N/A with a French message for an unknown code', () => {
    expect(() => load().cncPosteFunction('42')).toThrow(FakeCustomFunctionError);
    try {
      load().cncPosteFunction('42');
    } catch (e) {
      expect((e as FakeCustomFunctionError).code).toBe('#N/A');
      expect((e as Error).message).toBe('Code « 42 » inconnu dans la nomenclature cnc-classique.');
    }
  });

  it('gives #VALUE! for an unknown nomenclature or an empty code', () => {
    expect(cncPoste('3', 'belge')).toEqual({
      ok: false,
      issue: {
        code: 'invalidValue',
        message: 'Nomenclature inconnue « belge » : utilisez cnc-classique, cnc-2018, cnc-audiovisuel.',
      },
    });
    expect(cncPoste('', undefined)).toMatchObject({ ok: false, issue: { code: 'invalidValue' } });
  });
});
