import index from '../../data/exemples/index.json';
import { exampleAvailable, exampleNomenclature } from '../../src/domain/examples/catalogue';
import { exampleData } from '../../src/domain/examples/examples';
import { FORMATS } from '../../src/domain/facts/facts';

/*
 * The pane offers or refuses an example from data/exemples/index.json, without loading the
 * examples: the index must say what the example files say.
 */
describe('the examples index', () => {
  it('lists every format that has an example, with the nomenclature its file is written in', () => {
    for (const format of FORMATS) {
      const data = exampleData(format);
      expect(exampleAvailable(format)).toBe(data !== undefined);
      expect(exampleNomenclature(format)).toBe(data?.nomenclature ?? null);
      expect(data?.format).toBe(format);
    }
    expect(Object.keys(index.examples).sort()).toEqual([...FORMATS].sort());
  });
});
