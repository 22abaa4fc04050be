import { parseArgs } from 'node:util';
import { UsageError } from './usage';

/** A command's options: each name (without its dashes) takes a value, or is a flag. */
export type OptionKinds = Readonly<Record<string, 'value' | 'flag'>>;

export interface ReadArgs {
  /** Each option given: its value, or true for a flag; the last one wins when repeated. */
  values: Readonly<Record<string, string | true | undefined>>;
  /** The other arguments, in order (files). */
  positionals: string[];
}

/**
 * A command's arguments, read by node:util's parseArgs. Its tokens, not its strict mode: every
 * refusal is ours, in French and the same for every command — an option the command does not
 * know, or an option that takes a value given none (« --out --force »: --out has no value).
 */
export function readArgs(args: readonly string[], kinds: OptionKinds): ReadArgs {
  const options = Object.fromEntries(
    Object.entries(kinds).map(
      ([name, kind]) => [name, { type: kind === 'value' ? 'string' : 'boolean' }] as const,
    ),
  );
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    else if (t.kind === 'option') {
      const kind = t.rawName.startsWith('--') ? kinds[t.name] : undefined;
      const typed = t.inlineValue ? `${t.rawName}=${t.value ?? ''}` : t.rawName;
      if (!kind || (kind === 'flag' && t.inlineValue)) throw new UsageError(`Option inconnue « ${typed} ».`);
      if (kind === 'flag') values[t.name] = true;
      else {
        const v = t.value;
        if (v === undefined || v === '' || (!t.inlineValue && v.startsWith('--')))
          throw new UsageError(`L'option ${t.rawName} attend une valeur.`);
        values[t.name] = v;
      }
    }
  }
  return { values, positionals };
}

/** The value of an option that takes one, if given. */
export function valueOf(r: ReadArgs, name: string): string | undefined {
  const v = r.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The one file a command works on; a second one is refused (« Un seul classeur à la fois »). */
export function onlyOne(r: ReadArgs, what: string): string | undefined {
  const [first, extra] = r.positionals;
  if (extra !== undefined) throw new UsageError(`Un seul ${what} à la fois (reçu aussi « ${extra} »).`);
  return first;
}
