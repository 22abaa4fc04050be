import { readArgs } from '../../src/cli/options';
import { UsageError } from '../../src/cli/usage';

/*
 * The one reader of every command's arguments (node:util parseArgs underneath): what it accepts,
 * and the French refusals every command shares.
 */
const kinds = { out: 'value', format: 'value', force: 'flag' } as const;

describe('readArgs', () => {
  it('reads values, flags and files in order; « --out=x » too; the last repeat wins; « -- » ends the options', () => {
    const r = readArgs(
      ['a.xlsx', '--out', 'x.xlsx', '--force', 'b.xlsx', '--format=json', '--out', 'y.xlsx'],
      kinds,
    );
    expect(r.values).toEqual({ out: 'y.xlsx', force: true, format: 'json' });
    expect(r.positionals).toEqual(['a.xlsx', 'b.xlsx']);
    // A value may start with one dash (a negative number, then refused by its command).
    expect(readArgs(['--out', '-5'], kinds).values).toEqual({ out: '-5' });
    expect(readArgs(['--', '--force'], kinds)).toEqual({ values: {}, positionals: ['--force'] });
  });

  it.each([
    [['--bavard'], 'Option inconnue « --bavard ».'],
    [['a.xlsx', '-V'], 'Option inconnue « -V ».'],
    [['--force=oui'], 'Option inconnue « --force=oui ».'],
    [['--out'], "L'option --out attend une valeur."],
    [['--out', '--force'], "L'option --out attend une valeur."],
    [['--out='], "L'option --out attend une valeur."],
  ])('refuses %j: %s', (args, message) => {
    expect(() => readArgs(args, kinds)).toThrow(UsageError);
    expect(() => readArgs(args, kinds)).toThrow(message);
  });
});
