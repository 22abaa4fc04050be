import { defaultIo, UsageError, USAGE, type Io } from './usage';

export { USAGE, type Io };

/** CLI entry point; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'audit') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      return await (await import('./commands')).runAudit(rest, io);
    }
    if (command === 'carbone') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      return await (await import('./commands')).runCarbon(rest, io);
    }
    if (command === 'new') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      const { parseNew, runNew } = await import('./commands');
      return await runNew(parseNew(rest), io);
    }
    if (command === 'convertir') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      return await (await import('./commands')).runConvert(rest, io);
    }
    if (command === 'comparer') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      return await (await import('./compare')).runCompare(rest, io);
    }
    if (command === 'depenses') {
      if (rest.includes('--help')) {
        io.out(USAGE);
        return 0;
      }
      return await (await import('./expenses')).runExpensesImport(rest, io);
    }
    throw new UsageError(`Commande inconnue « ${command} ».`);
  } catch (e) {
    const { ScaffoldError } = await import('../workbook/scaffold');
    if (e instanceof UsageError || e instanceof ScaffoldError) {
      io.err(`Erreur : ${e.message}`);
      io.err('Voir « devis-cnc --help ».');
      return 2;
    }
    io.err(`Erreur inattendue : ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
