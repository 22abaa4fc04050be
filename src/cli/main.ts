import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultIo, HELP, UsageError, USAGE, type Io } from './usage';

export { USAGE, type Io };

/** The installed version: the package.json of devis-cnc above this module (dist/ or the packed lib/). */
export function version(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'devis-cnc' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'inconnue';
  }
}

/** Each format's example as `new --help` lists it, computed from the example itself. */
async function exampleLines(): Promise<string> {
  const [{ exampleBudget, exampleParameters }, { computeBudget }, { formatEuros }, { FORMATS, formatLabel }] =
    await Promise.all([
      import('../domain/budget/templates'),
      import('../domain/budget/compute'),
      import('../domain/money'),
      import('../domain/facts/facts'),
    ]);
  return FORMATS.map((f) => {
    const p = exampleParameters(f);
    const total = computeBudget(exampleBudget(f)).total.amount;
    return `                         ${formatLabel(f).toLowerCase()} « ${p.title} », ${p.durationMinutes} min, devis de ${formatEuros(total)}`;
  }).join('\n');
}

const COMMANDS: Record<string, (rest: string[], io: Io) => Promise<number>> = {
  audit: async (rest, io) => (await import('./commands')).runAudit(rest, io),
  carbone: async (rest, io) => (await import('./commands')).runCarbon(rest, io),
  new: async (rest, io) => {
    const { parseNew, runNew } = await import('./commands');
    return runNew(parseNew(rest), io);
  },
  convertir: async (rest, io) => (await import('./commands')).runConvert(rest, io),
  comparer: async (rest, io) => (await import('./compare')).runCompare(rest, io),
  depenses: async (rest, io) => (await import('./expenses')).runExpensesImport(rest, io),
};

/** CLI entry point; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
      io.out(`devis-cnc ${version()}`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`Commande inconnue « ${command} ».`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out((HELP[command] ?? (() => USAGE))(command === 'new' ? await exampleLines() : ''));
      return 0;
    }
    return await run(rest, io);
  } catch (e) {
    const { ScaffoldError } = await import('../workbook/scaffold');
    if (e instanceof UsageError || e instanceof ScaffoldError) {
      io.err(`Erreur : ${e.message}`);
      io.err(`Voir « devis-cnc ${command && COMMANDS[command] ? `${command} ` : ''}--help ».`);
      return 2;
    }
    io.err(`Erreur inattendue : ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
